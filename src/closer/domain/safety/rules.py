"""The phrases the rule-based detector looks for, written as regular expressions
over normalised text (see ``normalise.py``).

Each rule has a level, a plain description for the person (one for the writer,
one for someone else), and how to tell whose safety it is about. Idioms are
kept out by how the phrases are written ("killing it", "dying to see" and "dead
tired" match nothing), and by the exceptions at the end of some patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from closer.domain.safety.assessment import About, Level

# Ways of ending one's life, with the reflexive or possessive that says whose.
_WHO_REFL = r"(?:myself|himself|herself|themselves|themself|yourself)"
_WHO_POSS = r"(?:my|his|her|their|your)"
ACT = (
    rf"(?:(?:kill|off|hang|shoot|drown|poison|stab|unalive|starve) {_WHO_REFL}"
    rf"|end(?:ing)? {_WHO_POSS} (?:own )?life|tak(?:e|ing) {_WHO_POSS} (?:own )?life"
    r"|commit(?:ting)? suicide|end(?:ing)? it all"
    rf"|slit(?:ting)? {_WHO_POSS} wrists|blow {_WHO_POSS} brains out"
    rf"|throw {_WHO_REFL} (?:off|in front of|under)"
    r"|jump(?:ing)? (?:off|from) (?:a|the|this) (?:bridge|building|roof|cliff|balcony)"
    r"|step in front of (?:a|the) (?:train|bus|truck|car))"
)
_PILLS = r"(?:pills|tablets|meds|medication|sleeping pills|painkillers|paracetamol|tylenol|insulin)"
_NOT_IDIOM_DIE = r"(?!\s+(?:of|from|laughing|happy|old|a little|inside)\b)(?!\s+than\b)"


_compile = cache(re.compile)


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of phrase and what it means."""

    code: str
    level: Level
    source: str
    self_text: str
    other_text: str
    needle: re.Pattern[str]
    default_about: About | None = About.SELF
    escalates: bool = False

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern. Compiled on first use: most texts never need
        most rules (their needle is absent), and start-up stays quick."""
        return _compile(self.source)

    def describe(self, about: About) -> str:
        """The reason in words, for the writer or for someone else."""
        return self.self_text if about is About.SELF else self.other_text


def _rule(
    code: str,
    level: Level,
    pattern: str,
    self_text: str,
    other_text: str,
    *,
    needle: str,
    default_about: About | None = About.SELF,
    escalates: bool = False,
) -> Rule:
    """A rule; ``needle`` is a cheap pre-check: words the pattern cannot match without."""
    return Rule(
        code=code,
        level=level,
        source=pattern,
        self_text=self_text,
        other_text=other_text,
        needle=re.compile(needle),
        default_about=default_about,
        escalates=escalates,
    )


U, C = Level.URGENT, Level.CONCERN

RULES: tuple[Rule, ...] = (
    # --- urgent: an attempt, an overdose, recent self-harm, intent, a plan, means
    _rule(
        "attempt",
        U,
        rf"\b(?:tried|try|trying|attempted|attempting) (?:to )?{ACT}"
        r"|\battempted suicide\b|\bsuicide attempt\b|\boverdosed\b"
        rf"|\b(?:took|swallowed|taken|take) (?:too many|a lot of|a bunch of|all (?:of )?"
        rf"(?:my|the|his|her|their)|a handful of|a whole bottle of|a bottle of|\d+) {_PILLS}",
        "Mentions a suicide attempt or an overdose.",
        "Mentions that someone else attempted suicide or overdosed.",
        needle=r"tr(?:y|ied)|attempt|overdosed|took|swallowed|take",
    ),
    _rule(
        "intent",
        U,
        # "sometimes I want to …" tells of thoughts that come and go: concern.
        rf"(?<!sometimes i )(?<!some days i )(?<!often i )(?<!at times i )"
        rf"\b(?:going to|will|about to|decided to|planning to|plan to|intend to|"
        rf"want to finally|gonna|want to|wants to|wanna|wanting to) "
        rf"(?:finally |just |really |actually )?{ACT}"
        r"|\b(?:this is (?:my )?goodbye|goodbye (?:forever|everyone|world|cruel world))\b"
        r"|\b(?:writing|wrote|written|left|leave) (?:a |my |his |her )?(?:suicide|goodbye) "
        r"(?:note|letter)|\bsuicide note\b|\bby the time you read this\b"
        r"|\bwill not be alive (?:tomorrow|much longer|by)",
        "Says they intend to end their life.",
        "Says someone else intends to end their life.",
        needle=r"going to|will|about to|decided|plan|intend|finally|gonna|want|goodbye|note|letter|read this",
    ),
    _rule(
        "plan",
        U,
        rf"\b(?:have|got|made|making|figured out|worked out) (?:a|the|my) plan "
        rf"(?:to|for|on how to) (?:{ACT}|die|end it)"
        rf"|\b(?:how|when|where) (?:i|he|she|they) (?:would|will|am going to|is going to) "
        rf"(?:{ACT}|end it)",
        "Mentions a plan to end their life.",
        "Mentions someone else's plan to end their life.",
        needle=r"plan|how|when|where",
    ),
    _rule(
        "means",
        U,
        rf"\b(?:stockpil\w*|saving up|saved up|hoard\w*|collect\w*|bought|buying|got|have|"
        rf"counted|counting) (?:enough|a lot of|loads of|lots of|all these|a bottle of|"
        rf"a stash of) {_PILLS}"
        rf"|\b(?:stockpil\w*|hoard\w*) (?:up )?(?:on )?(?:some |my |the |these )?{_PILLS}"
        r"|\b(?:tied|tying|made|bought) (?:a |the )?(?:noose|rope to hang)|\bnoose\b"
        rf"|\b(?:gun|pills|rope|razor|blade|knife) (?:to|so i can|so that i can) (?:{ACT}|die|end it)"
        rf"|\b{_PILLS}\b[a-z ]{{0,40}}\b(?:to|so i can|so that i can) (?:end it|die|do it|{ACT}|go to sleep forever|never wake up)\b",
        "Mentions having the means to end their life.",
        "Mentions someone else having the means to end their life.",
        needle=r"pills|tablets|meds|medication|painkillers|paracetamol|tylenol|insulin|noose|rope|gun|razor|blade|knife|stockpil|hoard",
    ),
    _rule(
        "self-harm-recent",
        U,
        r"(?<!(?<!used )to )(?<!not )\b(?:cut|burned|burnt|harmed|carved) (?:myself|himself|herself|themselves)"
        r"(?! (?:shaving|on |by accident|accidentally|while|cooking|chopping|at (?:the gym|work)))"
        r"|\b(?:hurt|hit|punched|scratched|starved) (?:myself|himself|herself|themselves) "
        r"(?:again|on purpose|deliberately|intentionally)"
        r"|\b(?:been|started|keep|kept|keeps|was) (?:cutting|burning|harming|hurting) "
        r"(?:myself|himself|herself|themselves|again)"
        r"|\b(?:relapsed|relapse)(?: on| with| into)? (?:self harm|cutting)"
        r"|\bself harm(?:ed)? again\b"
        r"|\b(?:cut|cutting|slit|slitting) (?:my|his|her|their) (?:wrists?|arms?|legs?|thighs?)",
        "Mentions recent self-harm.",
        "Mentions someone else's recent self-harm.",
        needle=r"cut|burn|harm|carved|hurt|hit|punched|scratched|starved|relapse|slit",
    ),
    # --- concern: thoughts of suicide, wanting to die, not wanting to exist,
    # hopelessness, feeling a burden, urges to self-harm
    _rule(
        "suicidal",
        C,
        r"\bsuicidal\b",
        "Mentions feeling suicidal.",
        "Mentions someone else feeling suicidal.",
        needle=r"suicidal",
        default_about=None,
        escalates=True,
    ),
    _rule(
        "suicidal-feeling",
        C,
        r"\b(?:feel|feeling|felt|feels) (?:so |really |very |kind of |kinda |a bit |a little )?"
        r"suicidal\b|\bsuicidal (?:thoughts|feelings|urges|ideation|again|today|tonight)\b",
        "Mentions feeling suicidal.",
        "Mentions someone else feeling suicidal.",
        needle=r"suicidal",
        escalates=True,
    ),
    _rule(
        "act",
        C,
        rf"{ACT}(?! (?:laughing|at work|with work|over (?:this|it)|to (?:finish|get|make|please|keep)|"
        r"trying to (?:please|make|keep|get|finish)|for (?:nothing|them)))",
        "Mentions thoughts of ending their life.",
        "Mentions someone else's thoughts of ending their life.",
        needle=r"self|life|suicide|it all|wrists|brains|bridge|building|roof|cliff|balcony|in front of",
        default_about=None,
        escalates=True,
    ),
    _rule(
        "end-it-all",
        C,
        r"\b(?:end|ending) it all\b|\bend everything\b",
        "Mentions wanting to end it all.",
        "Mentions someone else wanting to end it all.",
        needle=r"it all|everything",
        escalates=True,
    ),
    _rule(
        "want-to-die",
        C,
        rf"\b(?:want|wanted|wanting|wants|wish|wishing|wishes|like|ready|deserve|deserves) to die\b{_NOT_IDIOM_DIE}"
        rf"|\b(?:i|he|she|they) (?:should|might) (?:just )?die\b{_NOT_IDIOM_DIE}"
        r"|\b(?:might|may) as well (?:just )?(?:die|be dead)\b"
        r"|\b(?:wish|wishes|wished|wishing) (?:i|he|she|they) (?:was|were|had been|could be) "
        r"(?:dead|never born|gone forever)"
        r"|\bwish (?:i|he|she|they) could (?:just )?(?:die|disappear forever|stop existing|not exist)"
        r"|\b(?:rather|better off|want to|wants to|wanted to) be dead\b(?!\s+than\b)"
        r"|\bkilling (?:myself|himself|herself|themselves)(?= *(?:$|[.,!?;]))"
        r"|\b(?:like|about|of|considering|consider) killing (?:myself|himself|herself|themselves)",
        "Mentions wanting to die.",
        "Mentions someone else wanting to die.",
        needle=r"die|dead|killing|born|gone|exist",
        escalates=True,
    ),
    _rule(
        "thinking-of-suicide",
        C,
        r"\b(?:thinking|thought|think|thinks|thoughts|considering|consider|contemplating|"
        r"fantasi[sz]\w*|dreaming|obsessing) (?:about |of )?(?:suicide|killing (?:myself|himself|herself)"
        r"|ending (?:my|his|her|their|it all)(?: own)?(?: life)?|dying|death|taking my (?:own )?life"
        r"|not being (?:here|alive|around)|unalive)\b"
        r"|\bsuicide (?:is|seems|feels like|looks like) (?:the only|my only|an|the) "
        r"(?:way|option|answer|escape|solution)",
        "Mentions thoughts of suicide or death.",
        "Mentions someone else's thoughts of suicide or death.",
        needle=r"suicide|killing|ending|dying|death|life|not being|unalive",
        escalates=True,
    ),
    _rule(
        "not-wake-up",
        C,
        r"\b(?:hope|hoping|wish|wishing|want|pray|praying)(?: that)? (?:i|he|she|they) "
        r"(?:do not|does not|never|will not|would not|dont) wake up"
        r"|\b(?:go|went|fall|falling|going) to sleep and (?:never|not) wake up"
        r"|\bnever wake up again\b|\bnot wake up (?:tomorrow|again|in the morning)"
        r"|\b(?:sleep|go to sleep) forever\b",
        "Mentions wishing not to wake up.",
        "Mentions someone else wishing not to wake up.",
        needle=r"wake|sleep",
    ),
    _rule(
        "not-exist",
        C,
        r"\b(?:do not|does not|dont|no longer) want to (?:live|be alive|exist|go on|keep living"
        r"|be here anymore|be around anymore|be in this world)"
        r"|\b(?:stop|stopped) existing\b|\bcease to exist\b|\bnot (?:exist|be alive) anymore\b"
        r"|\bdisappear (?:forever|for good|from (?:this|the) (?:world|earth))"
        r"|\btired of (?:living|life|being alive|existing)\b|\bdone with (?:life|living)\b",
        "Mentions not wanting to be alive.",
        "Mentions someone else not wanting to be alive.",
        needle=r"live|alive|exist|go on|anymore|world|disappear|living|life",
    ),
    _rule(
        "no-reason-to-live",
        C,
        r"\b(?:no|any) (?:point|reason|purpose) (?:in |to |of )?(?:living|life|being alive|"
        r"going on|live|keep going|keep living|being here)\b"
        r"|\bwhat is the (?:point|use|purpose) (?:of|in) (?:living|life|going on|being alive|existing)\b"
        r"|\bnothing (?:left )?to live for\b|\bno reason to live\b"
        r"|\blife (?:is not|is no longer|isnt|is just not) worth (?:living|it)\b"
        r"|\bnot worth living\b",
        "Mentions having no reason to live.",
        "Mentions someone else feeling they have no reason to live.",
        needle=r"point|reason|purpose|use|live|worth|life",
    ),
    _rule(
        "burden",
        C,
        r"\b(?:everyone|everybody|they|people|the world|my family|my friends|he|she|you|we|"
        r"world|it|things) (?:would|will) (?:all )?be (?:so much |much )?better off (?:without me|"
        r"if i (?:was|were|am|died|disappeared|was gone|were gone)|if i (?:was|were) (?:dead|gone|"
        r"not here|not around|never born))"
        r"|\bbetter off dead\b|\bbetter off without (?:me|him|her|them) in (?:this|the) world"
        r"|\b(?:i am|i feel like|i feel|feel like|feeling like|i have become) (?:just |such |nothing but |only |a huge |a |like )?(?:a )?burden\b",
        "Mentions feeling like a burden or that others would be better off without them.",
        "Mentions someone else feeling like a burden.",
        needle=r"better off|burden",
    ),
    _rule(
        "hopeless",
        C,
        r"\b(?:i am|i feel|feel|feeling|felt|i have been|been|everything (?:is|feels)|"
        r"life (?:is|feels)|it all (?:is|feels)|it is all|future (?:is|feels)) "
        r"(?:so |completely |totally |utterly |just |really |very |beyond |pretty )?hopeless\b"
        r"(?! (?:about|at|with|when it comes to|over|for) "
        r"(?!(?:my |the |our )?(?:life|future|everything|myself|living|things|anything)\b))"
        r"|\b(?:there is|i see|i can see) no way out\b|\blost all hope\b|\bno hope left\b"
        r"|\b(?:given|give|gave) up on (?:life|living|everything|myself)\b"
        r"|\b(?:can not|could not) go on(?= *(?:$|[.,!?;]| anymore| any longer| living))"
        r"|\b(?:nothing|it) (?:will|is going to) (?:ever|never) get better\b",
        "Mentions feeling hopeless.",
        "Mentions someone else feeling hopeless.",
        needle=r"hope|way out|give|gave|given|go on|get better",
    ),
    _rule(
        "self-harm-urge",
        C,
        r"\b(?:want|wanted|wanting|wants|urge|urges|tempted|need|needing|itching|thinking about|"
        r"think about|thought about|thoughts of|feel like|feeling like) (?:to )?(?:cut|cutting|hurt|"
        r"hurting|harm|harming|burn|burning|punish|punishing) (?:myself|himself|herself|themselves)"
        r"|\b(?:urges?|thoughts|relapse|relapsing|struggling with|clean from|"
        r"want to|wanting to) (?:to )?self harm\b",
        "Mentions urges to self-harm.",
        "Mentions someone else's urges to self-harm.",
        needle=r"cut|hurt|harm|burn|punish",
    ),
    _rule(
        "self-harm",
        C,
        r"\bself harm\b",
        "Mentions self-harm.",
        "Mentions someone else's self-harm.",
        needle=r"self harm",
        default_about=None,
    ),
)

# Words that make an "about to" or "want to" more pressing.
TIMING = re.compile(
    r"\b(?:tonight|today|right now|this weekend|tomorrow|soon|this week|in a few hours)\b"
)
MEANS = re.compile(
    rf"\b(?:{_PILLS}|rope|noose|gun|razor|razors|blade|blades|bridge|overdose|jump)\b"
)

# A clause that looks back on the past, not at now.
PAST = re.compile(
    r"\b(?:used to|years ago|months ago|in the past|back then|a long time ago|"
    r"when i was (?:younger|little|a kid|a child|a teen|a teenager|in (?:high )?school|"
    r"in college|at university|\d+)|as a (?:kid|child|teen|teenager)|last year|"
    r"(?:19|20)\d\d)\b"
)

# Fiction, news and study: about someone else, these are not a worry.
REPORTED = re.compile(
    r"\b(?:movie|film|book|novel|show|series|episode|character|song|lyrics|game|story|"
    r"play|anime|manga|fiction|scene|documentary|article|news|headline|podcast|history|"
    r"historical|essay|research|study|statistics|rates?|prevention|awareness|hotline)\b"
)

# "If I ever feel suicidal, I will call ..." plans for a bad moment.
CONDITIONAL = re.compile(
    r"\b(?:if|in case|whenever) (?:i|you|he|she|they) (?:ever |start to |start )"
)

NEGATION = re.compile(
    r"\b(?:not|never|no longer|no way|no|nor|neither)"
    r"(?: (?:going|to|really|ever|actually|would|will|be|am|is|feel|feeling|felt|i|a|at|all|"
    r"that|so|planning|plan|plans|trying|try|want|wanting|even|thinking|about|of|have|had|"
    r"having|any|intention|intentions|the|urge|desire|get|getting|currently|anymore|"
    r"considering|seriously)){0,4} *$"
)

SELF_WORDS = frozenset({"i", "me", "my", "myself", "mine"})
OTHER_WORDS = frozenset(
    """he she they him her them his their himself herself themselves themself
    friend friends bff bestie brother sister bro sis mom mum mother dad father
    parent parents son daughter kid kids child cousin roommate flatmate housemate
    classmate coworker colleague partner boyfriend girlfriend bf gf wife husband
    spouse fiance fiancee ex niece nephew aunt uncle grandma grandpa grandmother
    grandfather student someone somebody teammate neighbor neighbour yourself
    client patient guy man woman girl boy person""".split()
)
SELF_INSIDE = re.compile(r"\b(?:myself|me|my|i)\b")
OTHER_INSIDE = re.compile(
    r"\b(?:himself|herself|themselves|themself|yourself|his|their|him|them|her|your)\b"
)
