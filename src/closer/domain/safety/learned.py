"""The crisis detector's learned layer: language of suicide and self-harm by
meaning, in any language the sentence model knows.

The rules (``detector.py``) catch what people say plainly, in English. People
also say it sideways, in slang, with typos, or in another language. This
layer asks a ``Reader`` (in ``adapters/safety_model.py``: a multilingual
sentence model, a linear head and the nearest lines of Closer's crisis
corpus, fitted by ``bench/crisis_head.py`` on its train split) how likely
each of a few fine classes is for a text: ``concern:self``, ``urgent:other``
… and one class per kind of harmless text (``none:idiom``, ``none:recovery``,
``none:ordinary`` …), because "harmless" is many different things.

A text needs help when the at-risk classes together reach ``Bars.threshold``;
it is urgent when the urgent classes outweigh the concern ones, and about
someone else when the ``other`` classes outweigh the ``self`` ones.

The rules are strict about the words and blind to their sense: "I'd die of
embarrassment", a film's plot, someone's recovery told with pride. With the
layer on, a rule's finding stands when the reader gives the text at least
``Bars.confirm`` (a low bar, set on the dev split so that no line the rules
rightly found there is lost); below it the reader is sure the words are
harmless and the rule's finding is dropped, but only in a short text and
never when it is urgent (a plan, a method, an intent said plainly). A text
of several sentences is also read sentence by sentence (see ``read_all``),
so one dark sentence beside ordinary ones is never drowned by the rest.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from closer.domain.safety.assessment import About, Assessment, Level, Reason
from closer.domain.safety.hindi import is_hindi

Chances = Mapping[str, float]  # each class's probability; they sum to 1

_DESCRIPTIONS = {
    (Level.URGENT, About.SELF): (
        "It sounds like you may be close to acting on thoughts of ending your "
        "life or hurting yourself."
    ),
    (Level.CONCERN, About.SELF): (
        "It sounds like you may be having thoughts of not wanting to be here, "
        "or of hurting yourself."
    ),
    (Level.URGENT, About.OTHER): (
        "It sounds like someone else may be close to acting on thoughts of "
        "ending their life or hurting themself."
    ),
    (Level.CONCERN, About.OTHER): (
        "It sounds like someone else may be having thoughts of not wanting to "
        "be here, or of hurting themself."
    ),
}


class Reader(Protocol):
    """Anything that gives each text the probability of each class."""

    name: str

    def read(self, texts: Sequence[str]) -> list[Chances]: ...


@dataclass(frozen=True, slots=True)
class Bars:
    """The two probabilities the layer decides by (see the module's text)."""

    threshold: float  # at-risk probability from which help is shown
    confirm: float  # at-risk probability below which a rule's finding is dropped

    def __post_init__(self) -> None:
        if not 0.0 < self.confirm <= self.threshold < 1.0:
            raise ValueError("the bars need 0 < confirm <= threshold < 1")


def share(chances: Chances, ending: str = "", *, starting: str = "") -> float:
    """The summed probability of the classes with that start and end."""
    return math.fsum(
        p
        for name, p in chances.items()
        if name.startswith(starting) and name.endswith(ending)
    )


def at_risk(chances: Chances) -> float:
    """The probability that someone is at risk."""
    return share(chances, starting="concern:") + share(chances, starting="urgent:")


def judge(chances: Chances, bars: Bars) -> Assessment:
    """What the reader's chances for one text say, given the bars."""
    concern = share(chances, starting="concern:")
    urgent = share(chances, starting="urgent:")
    if concern + urgent < bars.threshold:
        return Assessment()
    level = Level.URGENT if urgent > concern else Level.CONCERN
    other = share(chances, ":other")
    about = About.OTHER if other > share(chances, ":self") else About.SELF
    reason = Reason("meaning", level, about, _DESCRIPTIONS[level, about])
    return Assessment.from_reasons([reason])


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
MAX_PART = 300  # characters of a sentence read at once (a longer one is cut)
MAX_PARTS = 64  # of a long text, its first and last sentences are read
PART_BAR = 0.6  # a sentence alone must be this likely to count (see ``chosen``)
VETO_UP_TO = 300  # the reader may drop a rule's finding only in a text this short


def sentences(text: str) -> list[str]:
    """The sentences of a text (split at end marks and line breaks)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def parts(text: str) -> list[str]:
    """The sentences the reader reads on their own, when a text has several:
    each cut at spaces to at most ``MAX_PART`` characters, at most
    ``MAX_PARTS`` of them (the first and the last half)."""
    found = [piece for sentence in sentences(text) for piece in _pieces(sentence)]
    if len(found) < 2:
        return []
    if len(found) > MAX_PARTS:
        half = MAX_PARTS // 2
        found = found[:half] + found[-half:]
    return found


def _pieces(sentence: str) -> list[str]:
    """A sentence cut at spaces into pieces of at most ``MAX_PART`` characters."""
    pieces: list[str] = []
    while len(sentence) > MAX_PART:
        cut = sentence.rfind(" ", 0, MAX_PART)
        cut = cut if cut > 0 else MAX_PART
        pieces.append(sentence[:cut])
        sentence = sentence[cut:].strip()
    return [*pieces, sentence] if sentence else pieces


def chosen(whole: Chances, darkest: Chances | None, bars: Bars) -> Chances:
    """The whole text's chances, unless it stays under the threshold and its
    darkest sentence alone passes ``PART_BAR``."""
    if darkest is None or at_risk(whole) >= bars.threshold:
        return whole
    return darkest if at_risk(darkest) >= max(PART_BAR, bars.threshold) else whole


class LearnedLayer:
    """The learned layer: a reader and the bars it is judged by."""

    def __init__(self, reader: Reader, bars: Bars) -> None:
        self.reader = reader
        self.bars = bars

    def read_all(self, texts: Sequence[str]) -> list[Chances | None]:
        """For each text (None if empty), the chances the layer goes by: the
        whole text's, or a sentence's when one alone is darker and passes
        ``PART_BAR`` (so one dark sentence beside ordinary ones is never
        drowned; the higher bar keeps single ordinary sentences from alerting
        more than whole texts do). Read in one batch."""
        split = [parts(text) if text.strip() else [] for text in texts]
        wanted = [
            piece
            for text, pieces in zip(texts, split, strict=True)
            if text.strip()
            for piece in [text, *pieces]
        ]
        read = iter(self.reader.read(wanted))
        found: list[Chances | None] = []
        for text, pieces in zip(texts, split, strict=True):
            if not text.strip():
                found.append(None)
                continue
            whole = next(read)
            darkest = max((next(read) for _ in pieces), key=at_risk, default=None)
            found.append(chosen(whole, darkest, self.bars))
        return found

    def judge_all(self, texts: Sequence[str]) -> list[Assessment]:
        """What the reader alone says of each text, in order."""
        return [
            Assessment() if chances is None else judge(chances, self.bars)
            for chances in self.read_all(texts)
        ]

    def assess_all(
        self, texts: Sequence[str], rules: Sequence[Assessment]
    ) -> list[Assessment]:
        """For each text, what the rules found (less what the reader is sure is
        harmless, see ``kept``) and what the reader finds itself (``rules``:
        the rules' assessment of each)."""
        found = list(rules)
        for i, chances in enumerate(self.read_all(texts)):
            if chances is None:
                continue
            kept = self.kept(texts[i], rules[i], chances)
            mine = judge(chances, self.bars).reasons
            found[i] = Assessment.from_reasons([*kept, *mine])
        return found

    def kept(self, text: str, rules: Assessment, chances: Chances) -> list[Reason]:
        """The rules' findings that stand. The reader may drop a finding only
        when it is sure the words are harmless (below ``confirm``), only in a
        short text (in a long one the rule may have found one sentence the
        rest hides), and never an urgent one: a plan, a method or an intent
        said plainly always brings help, nor a finding in Hindi (a language
        the reader does not know)."""
        if at_risk(chances) >= self.bars.confirm or len(text.strip()) > VETO_UP_TO:
            return list(rules.reasons)
        return [r for r in rules.reasons if r.level is Level.URGENT or is_hindi(r)]

    def assess(self, text: str, rules: Assessment) -> Assessment:
        """The rules' assessment of ``text`` as the layer leaves it."""
        (found,) = self.assess_all([text], [rules])
        return found
