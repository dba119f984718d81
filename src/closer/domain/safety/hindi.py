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

A text is read by these rules only when it has Devanagari in it or at least
two words of Hindi grammar ("hai", "mujhe", "nahi"…), so English is left to
the English rules. Romanised text is read with doubled letters made single
("jeena" is "jena", "mujhe nahi" stays), and the patterns are written so.

A finding is dropped when it is negated just after ("khud ko hurt mat
karna"), said of news or a story, or told as past and over ("pehle… tha, ab
theek hu"); it is a concern, not urgent, when past ("tha", "थी") or only a
thought ("man karta hai", "सोचा"). Whose safety it is: the writer's when a
first-person verb follows, else someone else's when another person is the
last subject before it ("meri dost ne", "वो") or their words are reported.
The model never overrules these findings (it cannot read the language); see
``learned.LearnedLayer.kept``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from closer.domain.safety.assessment import About, Level, Reason

CODE_PREFIX = "hi-"  # every Hindi rule's code starts so (see ``is_hindi``)

_LETTER = r"\u0900-\u097f"  # the Devanagari block
_FOLDS = str.maketrans(  # chandrabindu as anusvara; nukta and joiners dropped
    {"\u0901": "\u0902", "\u093c": None, "\u200c": None, "\u200d": None, "\u00ad": None}
)
_REPEATS = re.compile(r"([a-z])\1+")
_NOT_LETTERS = re.compile(rf"[^a-z0-9{_LETTER}.,!?।]+")
_CLAUSE_END = re.compile(r"[.,!?।]")
_PUNCTUATION = re.compile(r"\s*([.,!?।]+)\s*")  # kept, as a word of its own


def _word(alternatives: str) -> str:
    """Whole Devanagari words (``\\b`` does not see vowel signs as letters)."""
    return rf"(?<![{_LETTER}])(?:{alternatives})(?![{_LETTER}])"


def _any(*alternatives: str) -> str:
    return "|".join(alternatives)


# Romanised pieces (after doubled letters are made single).
_AM = r"(?:hun?|hon)"  # "hu", "hun", "hoon" (read "hon"): the first-person "am"
_WANT = r"(?:chah?t[aie])"
_I_WILL = r"(?:lu|lun|lunga|lungi|longi|longa|du|dun|dunga|dungi|donga|dongi|dalu|dalun|dalunga|dalungi)"
_SUICIDE = r"(?:suicide|sucide|suside|atmhatya|atmahatya|khudkushi|khudkhushi)"
_LIFE = r"(?:zindagi|jindagi|zindgi|jindgi|life)"
_END = r"(?:khatam|khtm|khatm)"
_NOT = r"(?:nahi|nhi|nahin|ni|nai)"
_PILLS = r"(?:goliyan|goliya|goliyon|tablets|pils|dawaiyan|dawaiya)"
_AMOUNT = r"(?:sari|sab|bahut|bohot|bht|puri|pori|\d+)"
# Devanagari pieces.
_I_WILL_HI = rf"(?:लूंगा|लूंगी|लूं|लू|दूंगा|दूंगी|दूं|दू|डालूंगा|डालूंगी|डालूं)(?![{_LETTER}])"
_SUICIDE_HI = r"(?:आत्महत्या|खुदकुशी|सुसाइड)"
_PILLS_HI = r"(?:गोलियां|गोली|दवाइयां)"


@dataclass(frozen=True, slots=True)
class HindiRule:
    """One phrase in Hindi, and the English rule whose words describe it.
    ``context``, when set, must also be somewhere in the text (a goodbye
    counts only beside a word of finality)."""

    code: str
    level: Level
    roman: str  # over romanised text, doubled letters made single
    devanagari: str  # over Devanagari text, nukta and chandrabindu folded
    context: str = ""
    said_for_others: bool = False  # "tere liye jaan de dunga" is love, not intent


_FINAL = _any(
    r"\b(?:maf|sory|hamesha|forever|akhri|kabhi nahi|khayal rakhna|khyal rakhna)\b",
    _word("माफ|हमेशा|आखिरी|आखरी|ख्याल रखना|खयाल रखना|कभी नहीं"),
)

RULES: tuple[HindiRule, ...] = (
    HindiRule(
        "intent",
        Level.URGENT,
        _any(
            rf"\b(?:khud|apne ap) ko (?:khatam|khtm|khatm|mar) (?:kar )?(?:{_I_WILL}|lega|legi|dega|degi)\b",
            rf"\b{_SUICIDE} (?:kar|kr) {_I_WILL}\b",
            rf"\b{_SUICIDE} (?:karunga|karungi|karonga|kar raha|kar rahi|karne wala|karne wali)\b",
            rf"\b{_LIFE} {_END} (?:kar|kr) (?:{_I_WILL}|dena|deni)\b",
            rf"\b{_LIFE} {_END} (?:karna|krna) {_WANT}",
            rf"\baj (?:rat |sham )?(?:sab|sb) {_END} (?:kar|kr) {_I_WILL}\b",
            rf"\bjan (?:le|de) {_I_WILL}\b|\bjan dena {_WANT}",
            r"\bjan de ?kar (?:hi )?rah|\bmarne wal[ae] h[uo]n?\b",
            r"\bab (?:aur )?(?:nahi|nhi) (?:jiunga|jiungi|jeunga|jeungi|jiyunga|jiyungi)\b",
        ),
        _any(
            rf"(?:खुद|अपने आप) को (?:खत्म|खतम|मार) (?:कर )?(?:{_I_WILL_HI}|लेगा|लेगी|देगा|देगी)",
            rf"{_SUICIDE_HI} (?:कर (?:लूं|लू|लूंगा|लूंगी)|करूंगा|करूंगी|करने वाला|करने वाली)",
            rf"(?:जिंदगी|जिन्दगी|जीवन) (?:खत्म|खतम|समाप्त) (?:कर {_I_WILL_HI}|करना चाहत)",
            rf"आज (?:रात )?सब (?:खत्म|खतम) कर {_I_WILL_HI}",
            rf"जान (?:ले|दे) {_I_WILL_HI}|जान देकर (?:ही )?रह|जान देना चाहत",
            r"अब (?:और )?नहीं (?:जीऊंगा|जीऊंगी|जियूंगा|जियूंगी)|मरने वाल[ाी] हूं",
        ),
        said_for_others=True,
    ),
    HindiRule(
        "means",
        Level.URGENT,
        _any(
            rf"\b(?:nind|nend) ki {_PILLS} (?:jama|ikathi|ikati|ikthi|colect)|\b{_PILLS} (?:jama|ikathi|ikati|ikthi|colect)",
            r"\b(?:phansi|fansi) (?:laga|lagau|lagaun|lagaunga|lagaungi|lagane|lagana|pe latak(?:u|un|unga|ungi|ne)\b)",
            r"\b(?:phanda|fanda|fande|phande|rasi) (?:bana|laga|gale|se latak)",
            r"\bpankh[ae] se latak",
            r"\b(?:chat|chath|terace|rof|building|bridge|pul) se (?:kud|kod)",
            r"\b(?:train|metro) ke (?:age|agey|samne|niche) (?:kud|kod|lait|let) ja",
            r"\b(?:zeher|zehar|zahar|jeher|jehar|jahar|poison) (?:kha|pi) (?:lu|lun|lunga|lungi|liya|lia|li)\b",
        ),
        _any(
            rf"{_PILLS_HI} (?:जमा|इकट्ठी|इकट्ठा)",
            r"फांसी (?:लगा|लगाने|लगाना|पर लटक(?:ूं|ूंगा|ूंगी|ने))|(?:फंदा|फंदे) (?:बना|लगा|डाल|से लटक)",
            r"पंखे से लटक|(?:छत|पुल|बिल्डिंग) से कूद|(?:ट्रेन|रेल) के (?:आगे|सामने|नीचे) (?:कूद|लेट) जा",
            r"जहर (?:खा|पी) (?:लूं|लूंगा|लूंगी|लिया|ली)",
        ),
    ),
    HindiRule(
        "attempt",
        Level.URGENT,
        _any(
            rf"\b{_AMOUNT} (?:goli|{_PILLS}) (?:kha|le) (?:li|liye|lin|liya|lia)\b",
            r"\b(?:nas|nase|wrist|kalai) kat (?:li|di|liya|diya|lin)\b",
            r"\b(?:zeher|zehar|zahar|jeher|jehar|jahar|poison) (?:kha|pi) (?:liya|lia|li) (?:hai|he|h)\b",
        ),
        _any(
            rf"(?:सारी|सब|बहुत|पूरी|\d+) {_PILLS_HI} (?:खा|ले) (?:ली|लीं|लिया)",
            r"(?:नस|नसें|कलाई) काट (?:ली|दी|लिया|दिया)",
            r"जहर (?:खा|पी) (?:लिया|ली) है",
        ),
    ),
    HindiRule(
        "plan",
        Level.URGENT,
        _any(
            r"\b(?:sabko|sab ko|sabhi ko|sbko) (?:alvida|alwida|bye bye|godbye)\b",
            r"\b(?:ye|yeh|yah) (?:mera |meri )?(?:akhri|akhari|last) (?:mesage|msg|mesej|sandesh|post|story)\b",
            r"\bgodbye (?:sab|everyone|sabko|dosto)|\bbye forever\b",
            r"\bhamesha ke liye ja (?:raha|rahi|rha|rhi) h",
        ),
        _any(
            r"(?:सबको|सब को|सभी को) अलविदा",
            r"(?:यह|ये) (?:मेरा |मेरी )?(?:आखिरी|आखरी|अंतिम|लास्ट) (?:संदेश|मैसेज|पोस्ट)",
            r"हमेशा के लिए जा (?:रहा|रही) (?:हूं|हू)",
        ),
        context=_FINAL,
    ),
    HindiRule(
        "plan",
        Level.URGENT,
        r"\b(?:suicide|sucide|suside) (?:note|leter|chithi)\b",
        r"(?:सुसाइड) (?:नोट|चिट्ठी)",
    ),
    HindiRule(
        "want-to-die",
        Level.CONCERN,
        _any(
            rf"\bmar(?:na|ne| jana| jane)(?: hi)? {_WANT}",
            r"\bmar jana chahiye\b",
            r"\bmujhe (?:bas |ab |sach me |sach mein )?mar(?:na| jana) (?:hai|he|h)\b",
            r"\bmarne (?:ka|ko) (?:man|dil|ji|mn)\b",
            r"\b(?:man|dil) (?:karta|karti) (?:hai |he |h )?(?:ki )?mar ja(?:u|un|o|aun)\b",
            r"\bmar ja(?:u|un|o|aun)\b(?: to| toh| tho)? (?:acha|behtar|thik|beter)",
            r"\bkash\b[a-z ]{0,25}\bmar ja",
            r"\bkash\b[a-z ]{0,20}\b(?:paida|pada) (?:hi )?(?:na|nahi) (?:hua|hui|hota|hoti)",
            r"\b(?:bhagwan|upar wala|upar vala)\b[a-z ]{0,12}\b(?:mujhe|muje) (?:utha|bula) (?:le|lo|lena)\b",
            r"\bmaut (?:a ja|aj)",
        ),
        _any(
            r"मर(?:ना| जाना| जाने)(?: ही)? चाहत[ाीे]|मर जाना चाहिए|मुझे (?:बस |अब )?मर(?:ना| जाना) है",
            r"मरने (?:का|को) (?:मन|दिल|जी)|मन करता है (?:कि )?मर जा|मर जा(?:ऊं|ऊ|उं)(?: तो)? (?:अच्छा|बेहतर|ठीक)",
            r"काश.{0,25}मर जा|काश.{0,25}(?:पैदा|जन्म) (?:ही )?(?:न|ना|नहीं)|मौत (?:आ जा|आ जाए|आ जाये)",
            r"(?:भगवान|ऊपर वाला|ऊपर वाले).{0,12}मुझे (?:उठा|बुला) (?:ले|लो|लें)",
            r"आंख (?:ही )?(?:न|ना|नहीं) खुले|सोते सोते (?:सब )?(?:खत्म|मर)",
        ),
    ),
    HindiRule(
        "not-exist",
        Level.CONCERN,
        _any(
            rf"\bj[ie]n[ae] (?:ka (?:man|dil|mn) (?:hi )?|ki (?:koi )?(?:icha|ica|wajah|vajah|waja|vaja|umid|umed) )?{_NOT}\b(?! (?:de|dega|degi|denge|dete|deti))",
            rf"\b(?:mujhe|muje) (?:ab )?{_NOT} j[ie]na\b|\bzinda {_NOT} (?:rehna|rahna)\b",
            r"\b(?:zindagi|jindagi|zindgi|jindgi) (?:se )?(?:nafrat|bezar)",
            r"\b(?:gayab|mit) ho ja(?:u|un|na) (?:hamesha|humesha|for ever|forever)",
            r"\b(?:main|mai) (?:na|nahi|nhi) (?:rahun|rahu|rahon|raho) (?:to|toh|tho)\b|\bmere na rehne se\b",
            r"\bexist (?:hi )?(?:na|nahi|nhi) kar",
            r"\bhamesha ke liye (?:so|gayab|ghayab|mit) ja",
            r"\bj[ie]ne (?:ka|ki) (?:koi )?(?:point|matlab|maksad|wajah|vajah) (?:hi )?(?:kya|nahi|nhi)\b",
            r"\bkis (?:liye|ke liye) (?:jiyu|jeyu|ji raha|ji rahi|je raha|je rahi|jiun|jiu)\b",
        ),
        _any(
            r"जी(?:ना|ने) (?:का (?:मन|दिल) |की (?:कोई )?(?:इच्छा|वजह|उम्मीद) )?नहीं(?! (?:देगा|देगी|देंगे|देते|देती))",
            r"मुझे (?:अब )?नहीं जीना|जिंदा नहीं रहना|(?:जिंदगी|जिन्दगी) से (?:नफरत|बेजार)",
            r"हमेशा के लिए (?:गायब|गुम|सो) (?:हो )?जा",
            r"मैं (?:न|ना) (?:रहूं|रहू) तो|मेरे (?:न|ना) (?:रहने|होने) से|मैं रहूं ही (?:ना|न)",
            r"दुनिया से (?:निकल|चला|चली|मिट) जा",
            r"जीने का (?:कोई )?(?:मतलब|मकसद|पॉइंट)|किसके लिए जी (?:रहा|रही)|जी नहीं करता जीने",
            r"मेरे लिए कोई कल नहीं",
        ),
    ),
    HindiRule(
        "thinking-of-suicide",
        Level.CONCERN,
        _any(
            rf"\b{_SUICIDE} (?:ka|ke|ki) (?:khayal|khyal|soch|vichar|thought)",
            rf"\b{_SUICIDE} (?:karne|karna|krne|krna) (?:ka |ki |ke )?(?:man|dil|soch|socha|{_WANT})",
            rf"\b(?:khud|apne ap) ko {_END} (?:karne|krne|karna|krna)",
            rf"\b{_SUICIDE} ke bare (?:me|mein|main) soch",
            r"\b(?:suicide|sucide|suside) (?:try|atempt|koshish)",
            r"\bunalive (?:hone|hona|ho ja)|\bupar ka ticket|\btapak (?:jane|jana) ka",
            r"\b(?:khud|apni) ki jan (?:le|lene)|\bjan lene ki (?:koshish|soch)",
            r"\bkyu bacha (?:liya|lia)\b",
        ),
        _any(
            rf"{_SUICIDE_HI} (?:का|के|की) (?:ख्याल|खयाल|विचार|सोच)",
            rf"{_SUICIDE_HI} (?:करने|करना) (?:का |की )?(?:मन|दिल|सोच|चाहत)",
            rf"(?:खुद|अपने आप) को (?:खत्म|खतम) (?:करने|करना)|{_SUICIDE_HI} के बारे में सोच",
            r"टपक जाने का मन|ऊपर का टिकट|खुद की जान (?:ले|लेने)|जान लेने की (?:कोशिश|सोच)",
            r"क्यों बचा (?:लिया|ली)|अनअलाइव",
        ),
    ),
    HindiRule(
        "not-wake-up",
        Level.CONCERN,
        _any(
            r"\b(?:subah|kal)\b[a-z ]{0,20}\b(?:na|nahi|nhi|kabhi na) uth(?:u|un|on|na pau)\b",
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
            r"\bmere bina\b[a-z ]{0,20}\b(?:sab|log|ghar|family|duniya)\b[a-z ]{0,15}\b(?:khush|behtar|acha|beter|sukhi)",
        ),
        _any(
            r"बोझ (?:हूं|हू|हुं|बन गया|बन गई|बन गयी|बन चुका|बन चुकी)",
            r"मेरे बिना[^।.!?]{0,20}(?:सब|लोग|घर|परिवार|दुनिया)[^।.!?]{0,15}(?:खुश|बेहतर|अच्छा|सुखी)",
        ),
    ),
    HindiRule(
        "self-harm",
        Level.CONCERN,
        _any(
            r"\b(?:khud|apne ap|apne) ko (?:kat|jala|chot|hurt|cut|burn|nuksan|thapad|muke|saza|saja|scratch|bhuka|bhukha|bhokha)",
            r"\b(?:bah|banh|kalai|wrist|jangh|thigh|gardan) (?:pe |par |ko |me )?(?:fir se |phir se |dobara )?(?:kat|cut|khuroch|noch) (?:leti|leta|deti|deta|liya|lia|li|diya|di|rahi|raha|karti|karta)\b",
            r"\bblade (?:se|chala) (?:hath|bah|banh|kalai|khud|apne|jangh|wrist)",
            r"\b(?:hath|bah|banh|kalai|jangh|wrist) (?:pe|par) (?:fir se |phir se |dobara )?blade\b",
            r"\b(?:khana|kuch) (?:nahi|nhi|ni) (?:khaungi|khaunga|khati|khata) (?:taki|saza)",
            r"\bcuting (?:kar|kiya|kia|karti|karta|fir se|phir se|wapas|chod)",
        ),
        _any(
            r"(?:खुद|अपने आप|अपने) को (?:काट|जला|चोट|नुकसान|सजा|थप्पड|मुक्के|भूखा|खुरच|नोच)",
            _word(r"बांह|गर्दन|जांघ|कलाई")
            + r"[^।.!?]{0,15}(?:खुरच|नोच|काट)(?! गया| गई| गयी)",
            r"ब्लेड (?:से|चला)[^।.!?]{0,10}(?:हाथ|बांह|कलाई|खुद|अपने)",
            r"(?:हाथ|बांह|कलाई|जांघ) (?:पे|पर) (?:फिर से )?ब्लेड",
            r"निशान बनाती|निशान बनाता|(?:खाने|खाना) (?:की|का) हकदार नहीं|भूखा रख",
        ),
    ),
)

# Who and when, over the forms the rules read.
_RELATIVES = "dost|bhai|behen|behan|didi|bhaiya|beta|beti|bf|gf|friend|coleague|romate|mumy|papa|pati|patni|ladki|ladka|aunty|uncle|cousin|saheli"
_RELATIVES_HI = "दोस्त|भाई|बहन|दीदी|भैया|बेटा|बेटी|रूममेट|सहेली|पति|पत्नी|मम्मी|पापा|आंटी"
_SOMEONE_ELSE = re.compile(  # another person as subject, or their words reported
    r"\b(?:wo|woh|vo|voh|usne|usko|uska|uski|uske|unhone|unko|tum|tu|ap)\b"
    rf"|\b(?:{_RELATIVES}) ne\b|\b(?:meri|mera|mere) (?:{_RELATIVES})\b"
    r"|\b(?:bol|keh|kah)(?:ta|ti|te)? (?:raha|rahi|rahe|rha|rhi)\b"
    r"|\b(?:bola|boli|kaha|bataya|batayi|likha)\b|"
    + _word(
        rf"वो|वह|उसने|उसे|उसको|उन्होंने|तुम|तू|आप|(?:{_RELATIVES_HI}) (?:ने|को)"
        rf"|(?:मेरी|मेरा|मेरे) (?:{_RELATIVES_HI})|आंटी"
        r"|(?:कह|बोल)(?:ता|ती|ते)? (?:रहा|रही|रहे|रहीं)|कहा|बोला|बोली|बताया|कहती|कहता|लिखा"
    )
)
_I = re.compile(r"\b(?:main|mai|mujhe|mujhko|maine)\b|" + _word("मैं|मुझे|मुझको|मैंने|मैने"))
_I_AM_AFTER = re.compile(
    rf"^\W{{0,3}}(?:\w+ )?{_AM}\b|^[^।.!?]{{0,10}}(?:हूं|हू)(?![{_LETTER}])"
)
_I_WILL_IN = re.compile(rf"\b\w+(?:unga|ungi|onga|ongi)\b|{_I_WILL_HI}")
_PAST = re.compile(
    r"^\W{0,3}(?:\w+ ){0,2}?(?:tha|thi|thin)\b|^[^।.!?]{0,20}" + _word("था|थी|थे|थीं")
)
_AGO = re.compile(
    r"\b(?:sal|saal|mahine|mahino|hafte|din|years?) (?:pehle|pahle)\b|"
    + _word("साल पहले|महीने पहले|हफ्ते पहले|दिन पहले")
)
_RECOVERED = re.compile(  # told as over: "now I'm fine", "today I'm proud"
    r"\b(?:ab|aj)\b[a-z ]{0,40}\b(?:thik|thek|normal|garv|proud|badal|khush|achi|achhi|behtar|sahi)\b"
    r"(?! (?:nahi|nhi|na)\b)"
    r"|" + _word("अब|आज") + r"[^।.!?]{0,40}(?:ठीक|गर्व|बदल|खुश|अच्छी|अच्छा|बेहतर)(?! नहीं)"
)
_WISH_OR_THOUGHT = re.compile(  # "I feel like...", "I thought...": not yet intent
    r"\b(?:man|dil) (?:karta|karti|kar raha|kar rahi)\b|\bsoch(?:a|ti|ta|te)?\b(?! (?:liya|lia|li|rakha))"
    r"|\bkhayal\b(?! rakh)"
    r"|मन करता|मन कर रहा|सोच(?! लिया| ली| रखा)|ख्याल(?! रख)"
)
_NEGATED_AFTER = re.compile(rf"^ ?(?:mat|{_NOT})\b|^ ?" + _word("मत|नहीं"))
_TOLD_OF = re.compile(  # news, stories, lessons: not the writer's own words
    r"\b(?:news|khabar|akhbar|court|adalat|film|movie|serial|novel)\b|"
    + _word("खबर|अखबार|न्यूज|अदालत|कोर्ट|फिल्म|उपन्यास|सीरियल")
)
_FOR_OR_OF_ANOTHER = re.compile(  # "tere liye jaan de dunga", "uski jaan le lunga"
    r"\b(?:uski|uska|uske|tumhari|tumhara|teri|tera|iski|unki|sabki|liye)"
    r"(?: (?:toh|to|bhi|main|mai|apni))?\s*$"
    r"|(?:उसकी|उसका|उसके|तुम्हारी|तुम्हारा|तेरी|तेरा|इसकी|उनकी|लिए)(?: (?:तो|भी|मैं|अपनी))?\s*$"
)
_GRAMMAR = frozenset(  # words of Hindi grammar and common Hindi words, rare in English
    _REPEATS.sub(r"\1", word)
    for word in (
        "aaj ab abhi accha acha achha apna apne apni aur bahut bas bhi bht bohot "
        "chahta chahte chahti jau jaun jaon diya dunga dungi fir gaya gayi goli goliyan hai hain "
        "hoga hogi hoon hota hoti hu hua hui hun jahar jaunga jaungi jaye jindagi ka "
        "kaash kar karna kash ke kha khud ki koi kuch kya kyu kyun kyunki lekin lia "
        "liya liye lunga lungi mai main maut mera mere meri muje mujhe nahi nahin ne "
        "nhi ko pata phir raha rahi sab sabko sach se subah tha thi toh wala wali yaar "
        "yar yeh zeher zindagi"
    ).split()
)
_ASCII_WORD = re.compile(r"[a-z]+")
_DEVANAGARI = re.compile(f"[{_LETTER}]")


def _plain(text: str) -> tuple[str, str]:
    """The text as the roman and the Devanagari rules read it."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLDS).lower()
    decomposed = unicodedata.normalize("NFD", folded)
    kept = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) or "\u0900" <= ch <= "\u097f"
    )
    spaced = _NOT_LETTERS.sub(" ", unicodedata.normalize("NFC", kept))
    spaced = _PUNCTUATION.sub(r" \1 ", spaced).strip()
    return _REPEATS.sub(r"\1", spaced), spaced


def _has_hindi_grammar(words: Iterable[str]) -> bool:
    """Whether two different words of Hindi grammar are among ``words``
    (written with doubled letters made single)."""
    return len(_GRAMMAR.intersection(words)) >= 2


def _reads_as_hindi(roman: str, devanagari: str) -> bool:
    """Devanagari, or two different words of Hindi grammar."""
    return bool(_DEVANAGARI.search(devanagari)) or _has_hindi_grammar(roman.split())


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _about(text: str, match: re.Match[str]) -> About:
    """Whose safety a finding is about (see the module's text)."""
    before = text[max(0, match.start() - 50) : match.start()]
    if _I_AM_AFTER.search(text[match.end() : match.end() + 15]):
        return About.SELF
    if _I_WILL_IN.search(match.group()) and not _SOMEONE_ELSE.search(before):
        return About.SELF
    others = [m.end() for m in _SOMEONE_ELSE.finditer(before)]
    selves = [m.end() for m in _I.finditer(before)]
    if others and max(others) > max(selves, default=-1):
        return About.OTHER
    return About.SELF


def _level(rule: HindiRule, text: str, match: re.Match[str]) -> Level | None:
    """The finding's level, or None when it does not count (see the module)."""
    before = text[max(0, match.start() - 30) : match.start()]
    after = text[match.end() : match.end() + 30]
    clause_before = _CLAUSE_END.split(text[: match.start()])[-1]
    if _NEGATED_AFTER.search(after) or _TOLD_OF.search(clause_before):
        return None
    if rule.said_for_others and _FOR_OR_OF_ANOTHER.search(before):
        return None
    if _PAST.search(after) or _AGO.search(before):
        told_as_over = _RECOVERED.search(text[match.end() : match.end() + 120])
        return None if told_as_over else Level.CONCERN
    if rule.level is Level.URGENT and _WISH_OR_THOUGHT.search(before):
        return Level.CONCERN
    return rule.level


def is_hindi(reason: Reason) -> bool:
    """Whether a reason comes from these rules (the model cannot weigh it)."""
    return reason.code.startswith(CODE_PREFIX)


def hindi_reasons(text: str, describe: Mapping[str, tuple[str, str]]) -> list[Reason]:
    """The Hindi rules' findings in ``text``; ``describe`` gives each English
    rule code's words for the writer and for someone else."""
    if not _DEVANAGARI.search(text):
        tokens = _ASCII_WORD.findall(_REPEATS.sub(r"\1", text.lower()))
        if not _has_hindi_grammar(tokens):
            return []  # the quick way out for most English text
    roman, devanagari = _plain(text)
    if not _reads_as_hindi(roman, devanagari):
        return []
    found: dict[tuple[str, About], Reason] = {}
    for rule in RULES:
        for form, pattern in ((roman, rule.roman), (devanagari, rule.devanagari)):
            if rule.context and not _compiled(rule.context).search(form):
                continue
            for match in _compiled(pattern).finditer(form):
                level = _level(rule, form, match)
                if level is None:
                    continue
                about = _about(form, match)
                words = describe[rule.code][0 if about is About.SELF else 1]
                code = CODE_PREFIX + rule.code
                key = (code, about)
                if key not in found or level.rank > found[key].level.rank:
                    found[key] = Reason(code, level, about, words)
    return list(found.values())
