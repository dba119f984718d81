"""The rule-based crisis detector: fast, offline, deterministic."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from closer.domain.safety import rules
from closer.domain.safety.assessment import About, Assessment, Level, Reason
from closer.domain.safety.hindi import hindi_reasons
from closer.domain.safety.normalise import normalise

_CLAUSES = re.compile(
    r"[.!?;:\n]+|,| - |\b(?:but|though|although|however|except|yet)\b"
)
_WORD = re.compile(r"[a-z]+")

_TIMING_REASON = (
    "Mentions when, or how, they might act on it.",
    "Mentions when, or how, someone else might act on it.",
)


def clauses(text: str) -> list[str]:
    """Split normalised text where a negation or a subject stops applying."""
    return [part.strip() for part in _CLAUSES.split(text) if part.strip()]


def is_negated(prefix: str) -> bool:
    """Whether the words just before a match negate it ("I'm not suicidal")."""
    return rules.NEGATION.search(prefix) is not None


def whose(clause: str, match: re.Match[str]) -> About | None:
    """Whose safety the match is about, if the words say so: from the match
    itself (``myself``, ``herself``), then from the nearest subject before it."""
    inside = match.group(0)
    self_hit = rules.SELF_INSIDE.search(inside)
    other_hit = rules.OTHER_INSIDE.search(inside)
    if self_hit and not other_hit:
        return About.SELF
    if other_hit and not self_hit:
        return About.OTHER
    for word in reversed(_WORD.findall(clause[: match.start()])):
        if word in rules.SELF_WORDS:
            return About.SELF
        if word in rules.OTHER_WORDS:
            return About.OTHER
    return None


@dataclass(frozen=True, slots=True)
class _Hit:
    """One rule that matched, with who it is about and how serious it is."""

    rule: rules.Rule
    about: About
    level: Level
    clause: str


def _hits(clause: str, candidates: Sequence[rules.Rule]) -> Iterator[_Hit]:
    conditional = rules.CONDITIONAL.search(clause) is not None
    past = rules.PAST.search(clause) is not None
    reported = rules.REPORTED.search(clause) is not None
    for rule in candidates:
        for match in rule.pattern.finditer(clause):
            if is_negated(clause[: match.start()]):
                continue
            stated = whose(clause, match)
            about = stated or rule.default_about
            # Fiction, news and study count only when the writer speaks of themself.
            if about is None or (reported and stated is not About.SELF):
                continue
            if conditional and rules.CONDITIONAL.search(clause[: match.start()]):
                continue
            level = Level.CONCERN if past else rule.level
            yield _Hit(rule=rule, about=about, level=level, clause=clause)


def _escalation(hit: _Hit, whole: str) -> Reason | None:
    """Thoughts of suicide plus a time or a means are treated as urgent."""
    if not hit.rule.escalates or hit.level is not Level.CONCERN:
        return None
    if rules.PAST.search(hit.clause):
        return None
    if rules.TIMING.search(hit.clause) or rules.MEANS.search(whole):
        index = 0 if hit.about is About.SELF else 1
        return Reason("timing-or-means", Level.URGENT, hit.about, _TIMING_REASON[index])
    return None


class RuleDetector:
    """Finds language of suicide and self-harm with hand-written rules.

    With ``prefilter`` (the default) a rule runs only when its needle, a few
    words it cannot match without, occurs in the text; the result is the same,
    only faster (a test checks both ways agree).
    """

    def __init__(self, *, prefilter: bool = True) -> None:
        self.prefilter = prefilter

    def assess(self, text: str) -> Assessment:
        """Assess one piece of free text."""
        plain = normalise(text)
        candidates = [
            rule
            for rule in rules.RULES
            if not self.prefilter or rule.needle.search(plain)
        ]
        hindi = hindi_reasons(text, _DESCRIBE)
        if not candidates:
            return Assessment.from_reasons(hindi)
        found: dict[tuple[str, About], Reason] = {}
        for clause in clauses(plain):
            for hit in _hits(clause, candidates):
                code = hit.rule.code if hit.level is hit.rule.level else "history"
                reason = Reason(
                    code, hit.level, hit.about, hit.rule.describe(hit.about)
                )
                found.setdefault((code, hit.about), reason)
                extra = _escalation(hit, plain)
                if extra is not None:
                    found.setdefault((extra.code, extra.about), extra)
        return Assessment.from_reasons([*found.values(), *hindi])


_DESCRIBE = {rule.code: (rule.self_text, rule.other_text) for rule in rules.RULES}
_DEFAULT = RuleDetector()


def detect(text: str) -> Assessment:
    """Assess ``text`` with the default detector."""
    return _DEFAULT.assess(text)


def detect_all(texts: Iterable[str]) -> Assessment:
    """One assessment for several texts: the highest level, every reason."""
    return Assessment.from_reasons(r for text in texts for r in detect(text).reasons)
