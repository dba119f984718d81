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
harmless and the rule's finding is dropped. A long text is read sentence by
sentence for that bar too, so one plain sentence in a long entry is never
drowned by the rest.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from closer.domain.safety.assessment import About, Assessment, Level, Reason

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


def sentences(text: str) -> list[str]:
    """The sentences of a text (split at end marks and line breaks)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


class LearnedLayer:
    """The learned layer: a reader and the bars it is judged by."""

    def __init__(self, reader: Reader, bars: Bars) -> None:
        self.reader = reader
        self.bars = bars

    def judge_all(self, texts: Sequence[str]) -> list[Assessment]:
        """What the reader alone says of each text, in order."""
        written = [i for i, text in enumerate(texts) if text.strip()]
        found = [Assessment() for _ in texts]
        read = self.reader.read([texts[i] for i in written])
        for i, chances in zip(written, read, strict=True):
            found[i] = judge(chances, self.bars)
        return found

    def assess_all(
        self, texts: Sequence[str], rules: Sequence[Assessment]
    ) -> list[Assessment]:
        """For each text, the rules' findings that the reader confirms, with
        what the reader finds itself (``rules``: the rules' assessment of each)."""
        written = [i for i, text in enumerate(texts) if text.strip()]
        found = list(rules)
        read = self.reader.read([texts[i] for i in written])
        for i, chances in zip(written, read, strict=True):
            kept = rules[i].reasons
            if kept and not self._confirms(texts[i], chances):
                kept = ()
            mine = judge(chances, self.bars).reasons
            found[i] = Assessment.from_reasons([*kept, *mine])
        return found

    def _confirms(self, text: str, chances: Chances) -> bool:
        if at_risk(chances) >= self.bars.confirm:
            return True
        parts = sentences(text)
        if len(parts) < 2:
            return False
        read = self.reader.read(parts)
        return any(at_risk(each) >= self.bars.confirm for each in read)

    def assess(self, text: str, rules: Assessment) -> Assessment:
        """The rules' assessment of ``text`` as the layer leaves it."""
        (found,) = self.assess_all([text], [rules])
        return found
