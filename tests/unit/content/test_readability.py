"""The content reads at around grade 8 or below (Flesch-Kincaid, via textstat).

The distribution is also reported by `make bench` in docs/benchmarks.md.
"""

from __future__ import annotations

import statistics

import textstat

from closer.adapters.content import bundled_library
from closer.domain.content import Library


def texts(library: Library) -> list[tuple[str, str]]:
    """(where, text) for every piece of prose a person reads."""
    found: list[tuple[str, str]] = []
    for c in library.causes.values():
        found += [(f"causes/{c.slug}", t) for t in (c.what, c.inside, c.behaviour)]
    found += [(f"signs/{s.slug}", s.description) for s in library.signs.values()]
    for s in library.strategies.values():
        found += [(f"strategies/{s.slug}", t) for t in (s.why, s.today, s.harder)]
    found += [(f"reflections/{r.slug}", r.intro) for r in library.reflections.values()]
    found += [(f"faq/{f.slug}", f.answer) for f in library.faq.values()]
    for p in library.pages.values():
        found += [(f"pages/{p.slug}", t) for t in p.paragraphs]
    return found


def grades() -> list[tuple[float, str]]:
    return [
        (textstat.flesch_kincaid_grade(t), where)
        for where, t in texts(bundled_library())
    ]


def test_the_typical_passage_reads_at_grade_eight_or_below() -> None:
    values = sorted(g for g, _ in grades())
    assert statistics.median(values) <= 8
    assert values[int(0.9 * len(values))] <= 10


def test_no_passage_is_hard_to_read() -> None:
    hard = [(round(g, 1), where) for g, where in grades() if g > 12]
    assert hard == []


def test_the_measure_tells_easy_from_hard_text() -> None:
    easy = textstat.flesch_kincaid_grade(
        "You pull back. It feels safe. Then you feel alone."
    )
    hard = textstat.flesch_kincaid_grade(
        "Attachment-related avoidance constitutes a multidimensional phenomenon "
        "characterised by the systematic deactivation of proximity-seeking behaviour."
    )
    assert easy < 4
    assert hard > 14
