# ruff: noqa: E501 - a phrase in two scripts reads best on one line
"""Rules for Hindi: in Devanagari, and romanised as people type it (Hinglish).

India is in Closer's list of crisis lines, but the sentence model of the
learned layer does not know Hindi (docs/decisions.md, D34), so Hindi gets
rules of its own, written the way ``rules.py`` writes English ones: phrases
that say it plainly, each with a level and the English rule whose words
describe it to the person. They were written from how Hindi speakers say
these things and checked against lines written for Closer
(``tests/data/crisis-rules``): a development set read while writing, and a
held-out set written by someone else, read only to measure.

Whose safety it is: a first-person verb ("hoon", "हूँ") or pronoun makes it
the writer's; a third-person subject ("woh", "वो", "meri dost") without them
makes it someone else's. The model never overrules these findings (it cannot
read the language); see ``learned.LearnedLayer.kept``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from closer.domain.safety.assessment import About, Level, Reason

CODE_PREFIX = "hi-"  # every Hindi rule's code starts so (see ``is_hindi``)

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_NASALS = str.maketrans(
    {"\u0901": "\u0902", "\u093c": None, "\u200c": None, "\u200d": None}
)
_REPEATS = re.compile(r"([a-z])\1+")
_NOT_LETTERS = re.compile(r"[^a-z0-9\u0900-\u097f]+")

# Romanised Hindi, after ``_plain`` (lower case, accents gone, doubled letters
# single: "jeena" is "jena", "hoon" is "hon", "mann" is "man").
_AM = r"(?:h[uo]n?|hu)"  # "hu", "hun", "hoon": the first-person "am"
_WANT = r"(?:chah?t[aie])"
_WILL_SELF = r"(?:lu|lun|lunga|lungi|du|dun|dunga|dungi|dalu|dalun|dalunga|dalungi)"
_RELATIVES = (
    "dost|bhai|behen|behan|didi|bhaiya|beta|beti|bf|gf|friend|colleague|roommate"
    "|mummy|papa|pati|patni|ladki|ladka|aunty|uncle|cousin|saheli"
)
_RELATIVES_HI = "दोस्त|भाई|बहन|दीदी|भैया|बेटा|बेटी|रूममेट|सहेली|पति|पत्नी|मम्मी|पापा|आंटी"


def _hindi_word(alternatives: str) -> str:
    """Whole Devanagari words (``\\b`` does not see vowel signs as letters)."""
    return rf"(?<![\u0900-\u097f])(?:{alternatives})(?![\u0900-\u097f])"


_SOMEONE_ELSE = re.compile(  # another person as subject, or their words reported
    r"\b(?:wo|woh|vo|voh|usne|usko|uska|uski|uske|unhone|unko)\b"
    rf"|\b(?:{_RELATIVES}) ne\b|\b(?:meri|mera|mere) (?:{_RELATIVES})\b"
    r"|\b(?:bol|keh|kah)(?:ta|ti|te)? (?:raha|rahi|rahe|rha|rhi)\b"
    r"|\b(?:bola|boli|kaha|bataya|batayi|likha)\b|"
    + _hindi_word(
        rf"वो|वह|उसने|उसे|उसको|उन्होंने|(?:{_RELATIVES_HI}) (?:ने|को)"
        rf"|(?:मेरी|मेरा|मेरे) (?:{_RELATIVES_HI})|आंटी"
        r"|(?:कह|बोल)(?:ता|ती|ते)? (?:रहा|रही|रहे|रहीं)|कहा|बोला|बोली|बताया|कहती|कहता|लिखा"
    )
)
_I = re.compile(  # the writer as subject
    r"\b(?:main|mai|mujhe|mujhko|maine)\b|" + _hindi_word("मैं|मुझे|मुझको|मैंने|मैने")
)
_I_AM_AFTER = re.compile(r"^\W{0,3}(?:\w+ )?(?:h[uo]n?|hu)\b|^[^।.!?]{0,10}(?:हूं|हू)")
_PAST = re.compile(r"\b(?:tha|thi|the|thin)\b|(?:था|थी|थे|थीं)")
_AGO = re.compile(r"\b(?:pehle|pahle)\b|पहले")
_RECOVERED = re.compile(  # told as over: "now I'm fine", "today I'm proud"
    r"\b(?:ab|aj)\b[a-z ]{0,40}\b(?:thik|theek|normal|garv|proud|badal|khush)\b"
    r"|(?:अब|आज)[^।.!?]{0,40}(?:ठीक|गर्व|बदल|खुश)"
)
_WISH_OR_THOUGHT = re.compile(  # "I feel like...", "I thought...": not yet intent
    r"\b(?:man|dil) (?:karta|karti|kar raha|kar rahi)\b|\bsoch(?:a|ti|ta|te)?\b"
    r"|मन करता|मन कर रहा|सोच|ख्याल"
)


@dataclass(frozen=True, slots=True)
class HindiRule:
    """One phrase in Hindi, and the English rule whose words describe it."""

    code: str
    level: Level
    roman: str  # over romanised text after ``_plain``
    devanagari: str  # over Devanagari text after ``_plain``


def _any(*alternatives: str) -> str:
    return "|".join(alternatives)


_SELF_END = r"(?:लूं|लू|लूंगा|लूंगी|दूं|दू|दूंगा|दूंगी|डालूं|डालूंगा|डालूंगी)"
_SUICIDE = r"(?:suicide|sucide|atmhatya|atmahatya|khudkushi|khudkhushi)"
_LIFE = r"(?:zindagi|jindagi|zindgi|jindgi|life)"
_END = r"(?:khatam|khtm|khatm)"
_PILLS = r"(?:गोलियां|गोलियाँ)"

RULES: tuple[HindiRule, ...] = (
    HindiRule(
        "intent",
        Level.URGENT,
        _any(
            rf"\b(?:khud|apne ap) ko (?:khatam|khtm|khatm|mar) (?:kar )?{_WILL_SELF}\b",
            rf"\b{_SUICIDE} (?:kar|kr) {_WILL_SELF}\b",
            rf"\b{_LIFE} {_END} (?:kar|kr) (?:{_WILL_SELF}|dena|deni)\b",
            rf"\baj (?:rat |sham )?(?:sab|sb) {_END} (?:kar|kr) {_WILL_SELF}\b",
            r"\bjan (?:le|de) (?:lu|lun|lunga|lungi|du|dun|dunga|dungi)\b",
            r"\bjan de ?kar (?:hi )?rah|\bmarne wal[ae] h[uo]n?\b",
            r"\bab (?:aur )?(?:nahi|nhi) (?:jiunga|jiungi|jeunga|jeungi|jiyunga|jiyungi)\b",
            r"\bgame over kar (?:dunga|dungi|lunga|lungi)\b",
        ),
        _any(
            rf"(?:खुद|अपने आप) को (?:खत्म|खतम|मार) (?:कर )?{_SELF_END}",
            r"(?:आत्महत्या|खुदकुशी|सुसाइड) कर (?:लूं|लू|लूंगा|लूंगी|लेंगे)",
            rf"(?:जिंदगी|जिन्दगी|जीवन) (?:खत्म|खतम|समाप्त) कर {_SELF_END}",
            rf"आज (?:रात )?सब (?:खत्म|खतम) कर {_SELF_END}",
            r"(?:अपनी )?जान (?:ले|दे) (?:लूं|लू|लूंगा|लूंगी|दूं|दूंगा|दूंगी)|जान देकर (?:ही )?रह",
            r"अब (?:और )?नहीं (?:जीऊंगा|जीऊंगी|जियूंगा|जियूंगी)|मरने वाल[ाी] हूं",
        ),
    ),
    HindiRule(
        "means",
        Level.URGENT,
        _any(
            r"\bnind ki goli",
            r"\bgoli(?:y[ae]n|a)? (?:jama|ikathi|ikati|ikthi|collect|save|bacha)",
            r"\b(?:phansi|fansi|phanda|fanda|fande|phande)\b"
            r"(?! ki saza| ki saja| di gayi| di gai)",
            r"\bpankh[ae] se latak",
            r"\b(?:chat|chhat|chath|terrace|roof|building|bridge|pul) se kud",
            r"\b(?:train|metro) ke (?:age|agey|samne|niche) (?:kud|ja|lait|let)",
            r"\b(?:zeher|zehar|zahar|jeher|jehar|jahar|poison) (?:kha|pi|pe|le)",
        ),
        _any(
            rf"नींद की गोलि|{_PILLS} (?:जमा|इकट्ठी|इकट्ठा|बचा)",
            r"(?:फांसी|फंदा|फंदे)(?! की सजा| दी गई| दी गयी)",
            r"पंखे से लटक|(?:छत|पुल|बिल्डिंग) से कूद|(?:ट्रेन|रेल) के (?:आगे|सामने|नीचे)",
            r"जहर (?:खा|पी|ले)",
        ),
    ),
    HindiRule(
        "attempt",
        Level.URGENT,
        _any(
            r"\b(?:sari|sab|bahut|bohot|bht|puri) goli(?:y[ae]n|a)? (?:kha|le) "
            r"(?:li|liye|lin)\b",
            r"\b(?:nas|nase|wrist|kalai) (?:kat|kaat) (?:li|di|liya|diya|lin)\b",
            r"\b(?:kuch|goli|goliyan|goliya|tablet|tablets|dawai|dawaiyan|zeher) kha "
            r"(?:liya|li|lia) (?:hai|he|h)\b",
            r"\b(?:khon|khun|blood) (?:ruk|band) (?:nahi|nhi) (?:raha|rha|ho raha)|\bbas ek kadam\b",
        ),
        _any(
            rf"(?:सारी|सब|बहुत|पूरी) {_PILLS} (?:खा|ले) (?:ली|लीं|लिया)",
            r"(?:नस|नसें|कलाई) काट (?:ली|दी|लिया|दिया)",
            r"(?:कुछ|गोलियां|दवाई|दवाइयां|जहर) खा (?:लिया|ली|लीं) है|खून (?:रुक|बंद) नहीं",
            r"मैंने कर लिया|बस एक कदम",
        ),
    ),
    HindiRule(
        "plan",
        Level.URGENT,
        _any(
            r"\b(?:sabko|sab ko|sabhi ko|sbko) (?:alvida|alwida|bye bye|goodbye)\b",
            r"\b(?:ye|yeh|yah) (?:mera )?(?:akhri|akhari|last) "
            r"(?:message|msg|mesej|sandesh|post)\b",
            r"\b(?:suicide|sucide) (?:note|not|leter|letter|chithi)\b",
            r"\b(?:tarik|tarikh|date) (?:fix|paki|tay|decide)\b",
            r"\bplan (?:ready|redy|tayar|bana liya|bana lia)\b",
            r"\b(?:jagah|tarika|tareka|tarike|tareke) (?:dekh|decide|chun|soch|dhundh|dhondh|mil)",
            r"\b(?:ye|yeh|yah|meri|mera) (?:meri |mera )?(?:akhri|akhari|last) "
            r"(?:story|rat|din)\b",
            r"\bgoodbye (?:sab|everyone|sabko|dosto)|\bbye forever\b",
            r"\bhamesha ke liye ja (?:raha|rahi|rha|rhi) h",
            r"\b(?:kal se|uske bad|iske bad|ab se|jald hi)\b[a-z ]{0,15}\b(?:nahi|nhi) "
            r"(?:rahunga|rahungi|rahenge)\b",
        ),
        _any(
            r"(?:सबको|सब को|सभी को) अलविदा",
            r"(?:यह|ये) (?:मेरा )?(?:आखिरी|आखरी|अंतिम) (?:संदेश|मैसेज|पोस्ट)",
            r"(?:सुसाइड|आखिरी) (?:नोट|चिट्ठी)",
            r"(?:तारीख|तारिख|डेट) (?:तय|पक्की|फिक्स)|(?:पूरा )?प्लान (?:तैयार|बना)",
            r"(?:तरीका|तरीके|जगह) (?:सोच|ढूंढ|देख|चुन) (?:लिया|ली|लिए)",
            r"(?:ये|यह) (?:मेरी|मेरा) (?:आखिरी|आखरी|अंतिम|लास्ट) (?:पोस्ट|रात|दिन|संदेश|मैसेज)",
            r"हमेशा के लिए जा (?:रहा|रही) (?:हूं|हू)|(?:के बाद|से) (?:मैं )?नहीं (?:रहूंगा|रहूंगी)",
        ),
    ),
    HindiRule(
        "want-to-die",
        Level.CONCERN,
        _any(
            rf"\bmar(?:na|ne| jana| jane)(?: hi)? {_WANT}",
            r"\bmujhe (?:bas |ab |sach me |sach mein )?mar(?:na| jana) (?:hai|he|h)\b",
            r"\bmarne (?:ka|ko) (?:man|dil|ji|mn)\b",
            r"\bmar ja(?:u|un|o|aun)\b(?: to| toh| tho)? "
            r"(?:acha|achha|behtar|thik|better)",
            r"\bkash\b[a-z ]{0,25}\bmar ja",
            r"\bmaut (?:a ja|aa ja|aj)",
            r"\bkash\b[a-z ]{0,20}\b(?:paida|pada) (?:hi )?(?:na|nahi) (?:hua|hui|hota|hoti)",
            r"\b(?:bhagwan|upar wala|upar vala|rab|god|alah)\b[a-z ]{0,20}\b(?:utha|bula) "
            r"(?:le|lo|lena)\b",
            r"\b(?:kal|agla din|subah) (?:ka din )?dekhna (?:hi )?(?:na|nahi) pad",
            r"\bmarna (?:nahi|nhi) (?:hai|he)[a-z ]{0,15}\bj[ie]na (?:bhi )?(?:nahi|nhi)",
        ),
        _any(
            r"मर(?:ना| जाना| जाने)(?: ही)? चाहत[ाीे]|मुझे (?:बस |अब )?मर(?:ना| जाना) है",
            r"मरने (?:का|को) (?:मन|दिल|जी)|मर जा(?:ऊं|ऊ|उं)(?: तो)? (?:अच्छा|बेहतर|ठीक)",
            r"काश.{0,25}मर जा|मौत (?:आ जा|आ जाए|आ जाये)",
            r"काश.{0,25}(?:पैदा|जन्म) (?:ही )?(?:न|ना|नहीं)|(?:आंख|आँख) (?:ही )?(?:न|ना|नहीं) खुले",
            r"(?:भगवान|ऊपर वाला|रब).{0,20}(?:उठा|बुला) (?:ले|लो|लें)|सोते सोते (?:सब )?(?:खत्म|मर)",
            r"(?:एक्सीडेंट|हादसा).{0,20}(?:हो जाए|हो जाये) तो|उठने का डर",
        ),
    ),
    HindiRule(
        "not-exist",
        Level.CONCERN,
        _any(
            r"\bj[ie]n[ae] (?:ka (?:man|dil|mn) "
            r"|ki (?:koi )?(?:ich?ha|ica|wajah|vajah|waja|vaja|umid|umeed) )?"
            r"(?:nahi|nhi|nahin|ni|nai)\b(?! (?:de|dega|degi|denge|dete|deti))",
            r"\b(?:zindagi|jindagi|zindgi|jindgi) (?:se )?(?:nafrat|bezar|tang a gay)",
            r"\bgayab ho ja(?:u|un|na) (?:hamesha|humesha|for ever|forever)",
            r"\b(?:na|nahi|nhi) (?:rahun|rahu|rahon|raho) (?:to|toh|tho)\b|\bmere na rehne se\b",
            r"\bexist (?:hi )?(?:na|nahi|nhi) kar|\b(?:mujhe|muje) (?:bas )?mita (?:do|de)\b",
            r"\bhamesha ke liye (?:so|chala|chali|gayab|ghayab|hat) ja",
            r"\bj[ie]ne (?:ka|ki) (?:point|matlab|maksad|fayda|wajah|vajah) (?:hi )?(?:kya|nahi|nhi)\b",
            r"\bkis (?:liye|ke liye) (?:jiyu|jeyu|ji raha|ji rahi|je raha|je rahi|jiun|jiu)\b",
            r"\bj[ie]ne ka man hi (?:nahi|nhi)",
        ),
        _any(
            r"जी(?:ना|ने) (?:का (?:मन|दिल) |की (?:कोई )?(?:इच्छा|वजह|उम्मीद) )?"
            r"नहीं(?! (?:देगा|देगी|देंगे|देते|देती))",
            r"(?:जिंदगी|जिन्दगी) से (?:नफरत|बेजार)|हमेशा के लिए (?:गायब|गुम) हो जा",
            r"(?:न|ना) (?:रहूं|रहू) तो|मेरे (?:न|ना) (?:रहने|होने) से|मैं रहूं ही (?:ना|न)",
            r"हमेशा के लिए (?:सो|चला|चली|गायब|हट|चुप) (?:जा|हो)|दुनिया से (?:निकल|चला|चली|मिट) जा",
            r"जीने का (?:कोई )?(?:मतलब|मकसद|फायदा|पॉइंट)|किसके लिए जी (?:रहा|रही)|जी नहीं करता जीने",
            r"मेरे लिए कोई कल नहीं",
        ),
    ),
    HindiRule(
        "thinking-of-suicide",
        Level.CONCERN,
        _any(
            rf"\b{_SUICIDE} (?:ka|ke|ki) (?:khayal|khyal|soch|vichar|thought)",
            rf"\b{_SUICIDE} (?:karne|karna|krne|krna) (?:ka |ki |ke )?"
            rf"(?:man|dil|soch|socha|{_WANT})",
            rf"\b(?:khud|apne ap) ko {_END} (?:karne|krne|karna|krna)",
            r"\b(?:suicide|sucide|suside|atmhatya|khudkushi) ke bare (?:me|mein|main) soch",
            r"\b(?:suicide|sucide|suside) (?:try|attempt|koshish)|\bunalive (?:hone|hona|ho ja)",
            r"\bctb\b|\b(?:upar|uper) ka ticket|\btapak (?:jane|jana|ja)|\bkyu bacha (?:liya|lia)\b",
            r"\b(?:khud|apni) ki jan (?:le|lene)|\bjan lene ki (?:koshish|soch)",
        ),
        _any(
            r"(?:आत्महत्या|खुदकुशी|सुसाइड) (?:का|के|की) (?:ख्याल|खयाल|विचार|सोच)",
            r"(?:आत्महत्या|खुदकुशी|सुसाइड) (?:करने|करना) (?:का |की )?(?:मन|दिल|सोच|चाहत)",
            r"(?:खुद|अपने आप) को (?:खत्म|खतम) (?:करने|करना)",
            r"(?:आत्महत्या|खुदकुशी|सुसाइड) के बारे में सोच|(?:टपक|निकल) जाने का मन",
            r"ऊपर का टिकट|खुद की जान (?:ले|लेने)|जान लेने की (?:कोशिश|सोच)|क्यों बचा (?:लिया|ली)",
            r"अनअलाइव",
        ),
    ),
    HindiRule(
        "not-wake-up",
        Level.CONCERN,
        _any(
            r"\b(?:subah|kal)\b[a-z ]{0,20}\b(?:na|nahi|nhi|kabhi na) "
            r"uth(?:u|un|on|na pau)\b",
            r"\bso ja(?:u|un) aur (?:fir |phir )?(?:kabhi )?(?:na|nahi|nhi) uth",
        ),
        _any(
            r"(?:सुबह|कल).{0,20}(?:न|ना|नहीं) उठ(?:ूं|ू|ुं)",
            r"सो जा(?:ऊं|ऊ) और (?:फिर )?(?:कभी )?(?:न|ना|नहीं) उठ",
        ),
    ),
    HindiRule(
        "burden",
        Level.CONCERN,
        _any(
            r"\bbojh (?:h[uo]n?|hu|ban gay[ai]|ban ke reh gay[ai]|ban chuk[ai])\b",
            r"\b(?:sab|sabke|sab ke|ghar|ghar walon|family|parivar)\b"
            r"[a-z ]{0,12}\bbojh\b(?! kam)",
            r"\bmere bina\b[a-z ]{0,25}\b(?:khush|behtar|acha|achha|better|sukhi)",
        ),
        _any(
            r"बोझ (?:हूं|हू|हुं|बन गया|बन गई|बन गयी|बन चुका|बन चुकी)",
            r"(?:सब|सबके|घर|परिवार)[^।.!?]{0,12}बोझ(?! कम)",
            r"मेरे बिना[^।.!?]{0,25}(?:खुश|बेहतर|अच्छा|सुखी)",
        ),
    ),
    HindiRule(
        "self-harm",
        Level.CONCERN,
        _any(
            r"\b(?:khud|apne ap|apne) ko "
            r"(?:kat|kaat|jala|mar|maar|chot|hurt|cut|burn|nuksan)",
            r"\b(?:hath|bazu|kalai|wrist|jangh) (?:pe|par|ko|me|mein)? ?"
            r"(?:fir se |phir se |dobara )?(?:kat|cut|jala|blade)\b",
            r"\bblade (?:se|chala|mara|mari)\b",
            r"\b(?:khana|kuch) (?:nahi|nhi|ni) (?:khaungi|khaunga|khati|khata) "
            r"(?:taki|jab tak|saza)",
            r"(?<!hair )(?<!bal )(?<!video )(?<!power )(?<!light )(?<!bijli )"
            r"\bcut(?:s|ting)?\b[a-z ]{0,12}\b(?:kar|kiya|kia|karti|karta|liya|lia|chod)",
            r"\bkhud ko (?:thapad|mukke|muke|saza|saja|dard|scratch|bhokha|bhuka|bhukha)",
            r"\bapn[ai] (?:skin|bah|banh|kalai|jangh|thigh|hath|sar|hoth|bal|gardan) "
            r"(?:ko |pe |par )?(?:burn|jala|khuroch|noch|kat|mar|phod|scratch)",
            r"\bkhuroch|\bnails se\b|\b(?:extra|zyada|jyada) "
            r"(?:tablets|tablet|goliyan|dawai|dawaiyan|pills) (?:le|kha)",
        ),
        _any(
            r"(?:खुद|अपने आप|अपने) को (?:काट|जला|मार|चोट|नुकसान|सजा)",
            r"(?:हाथ|बाजू|कलाई|जांघ)[^।.!?]{0,12}(?:काट|कट|जला|ब्लेड)|ब्लेड (?:से|चला)",
            r"(?:खुद|अपने आप|अपने) को (?:थप्पड|मुक्के|भूखा|सजा|दर्द|खुरच|नोच)|खुरच|नोच नोच",
            r"(?:बांह|गर्दन|जांघ|होंठ|बाल|सिर)[^।.!?]{0,15}(?:खुरच|नोच|काट|जला)",
            r"निशान बनाती|निशान बनाता|(?:खाने|खाना) (?:की|का) हकदार नहीं|भूखा रख",
            r"(?:ज्यादा|एक्स्ट्रा) (?:दवाइयां|गोलियां|टैबलेट) (?:ले|खा)",
        ),
    ),
)


def _plain(text: str) -> tuple[str, str]:
    """The text as the roman and the Devanagari rules read it."""
    nfc = unicodedata.normalize("NFKC", text).translate(_NASALS).lower()
    decomposed = unicodedata.normalize("NFD", nfc)
    latin = "".join(
        ch
        for ch in decomposed
        if not (unicodedata.combining(ch) and not _DEVANAGARI.match(ch))
    )
    latin = unicodedata.normalize("NFC", latin)
    spaced = _NOT_LETTERS.sub(" ", latin).strip()
    return _REPEATS.sub(r"\1", spaced), spaced


_HINDI_WORDS = re.compile(  # Hindi script or grammar words, rare elsewhere
    r"[\u0900-\u097f]|\b(?:ko|ka|ki|ke|se|pe|par|hai|hain|hu|hoon|hun|nahi|nhi|nahin"
    r"|kar|kr|karna|ja|jana|mujhe|mere|meri|sab|sabko|ab|bas|yaar|yar|aaj|aur|toh"
    r"|ye|yeh|na|ho|aa|jaye|kha|li|liya|lia|di|diya|kash|kaash|subah|chahta|chahti"
    r"|chahte|lunga|lungi|dunga|dungi|jaunga|jaungi)\b"
)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _about(text: str, match: re.Match[str]) -> About:
    """Whose safety a finding is about: the writer's when "I am" follows it;
    someone else's when another person is the last subject before it, or
    their words are being reported; else the writer's."""
    if _I_AM_AFTER.search(text[match.end() : match.end() + 15]):
        return About.SELF
    before = text[max(0, match.start() - 50) : match.start()]
    others = [m.end() for m in _SOMEONE_ELSE.finditer(before)]
    selves = [m.end() for m in _I.finditer(before)]
    if others and max(others) > max(selves, default=-1):
        return About.OTHER
    return About.SELF


def _level(rule: HindiRule, text: str, match: re.Match[str]) -> Level | None:
    """The finding's level: lower when it is past ("tha", "थी") or only a
    thought ("man karta hai", "सोचा"), and none when told as past and over."""
    before = text[max(0, match.start() - 30) : match.start()]
    after = text[match.end() : match.end() + 30]
    if _PAST.search(after) or _AGO.search(before):
        return None if _RECOVERED.search(text) else Level.CONCERN
    if rule.level is Level.URGENT and _WISH_OR_THOUGHT.search(before):
        return Level.CONCERN
    return rule.level


def is_hindi(reason: Reason) -> bool:
    """Whether a reason comes from these rules (the model cannot weigh it)."""
    return reason.code.startswith(CODE_PREFIX)


def hindi_reasons(text: str, describe: dict[str, tuple[str, str]]) -> list[Reason]:
    """The Hindi rules' findings in ``text``; ``describe`` gives each English
    rule code's words for the writer and for someone else."""
    lower = text.lower()
    if not _HINDI_WORDS.search(lower):
        return []
    roman, devanagari = _plain(text)
    found: dict[tuple[str, About], Reason] = {}
    for rule in RULES:
        for form, pattern in ((roman, rule.roman), (devanagari, rule.devanagari)):
            match = _compiled(pattern).search(form)
            if match is None:
                continue
            level = _level(rule, form, match)
            if level is None:
                continue
            about = _about(form, match)
            words = describe[rule.code][0 if about is About.SELF else 1]
            code = CODE_PREFIX + rule.code
            found.setdefault((code, about), Reason(code, level, about, words))
    return list(found.values())
