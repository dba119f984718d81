"""The message check by words: the five patterns, what undoes them, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from closer.adapters.content import bundled_library
from closer.adapters.message_content import (
    bundled_message_patterns,
    load_message_patterns,
)
from closer.domain.errors import ConfigurationError
from closer.domain.messages import Draft, WordChecker

PATTERNS, WARM = bundled_message_patterns()
WORDS = WordChecker(PATTERNS)


def found(text: str) -> list[str]:
    return [f.pattern.slug for f in WORDS.check(text).findings]


@pytest.mark.parametrize(
    ("draft", "pattern"),
    [
        ("Whatever.", "curt"),
        ("Sorry, I can't come tonight.", "cancel"),
        ("Oh great, another Monday meeting moved. Thanks a lot.", "sarcasm"),
        ("You never remember anything I tell you.", "blame"),
        ("Don't call me, I need to be left alone.", "vanish"),
    ],
)
def test_each_pattern_is_found_by_its_words(draft: str, pattern: str) -> None:
    assert found(draft) == [pattern]


def test_a_warm_message_shows_nothing() -> None:
    check = WORDS.check("It was lovely to see you. Same time next month?")
    assert check.clear
    assert check.engine == "keywords"


def test_a_lone_fine_is_curt_but_fine_with_a_plan_is_not() -> None:
    assert found("Fine.") == ["curt"]
    assert found("Fine, see you at the station at six then!") == []


def test_cancelling_with_another_day_is_not_flagged() -> None:
    assert found("I can't make it tonight. Could we do Thursday instead?") == []
    assert found("I can't make it tonight.") == ["cancel"]


def test_asking_for_space_with_a_time_to_return_is_not_vanishing() -> None:
    assert found("I need some space for a few days. I'll call you on Sunday.") == []
    assert found("I need some space. Don't text me.") == ["vanish"]


def test_the_evidence_is_the_persons_own_words_curly_apostrophes_and_all() -> None:
    (finding,) = WORDS.check("Honestly, I can\u2019t make it, sorry.").findings
    assert finding.evidence == "can\u2019t make it"
    assert finding.by == "words"


def test_several_patterns_come_back_in_a_fixed_order() -> None:
    assert found("Leave me alone. It's your fault we're late.") == ["blame", "vanish"]


def test_apostrophes_are_taken_out_for_matching_only() -> None:
    draft = Draft.of("Don't")
    assert draft.plain == "Dont"
    assert draft.text[draft.origin[2]] == "n"


def test_every_pattern_has_warmer_drafts_and_a_strategy_in_learn() -> None:
    library = bundled_library()
    slugs = {p.slug for p in PATTERNS}
    assert slugs == {"curt", "cancel", "sarcasm", "blame", "vanish"}
    for pattern in PATTERNS:
        assert len(pattern.alternatives) >= 2
        assert pattern.strategy in library.strategies
    assert len(WARM) >= 3


def _write(folder: Path, text: str) -> Path:
    (folder / "message_patterns.toml").write_text(text, encoding="utf-8")
    return folder


GOOD = """
[[pattern]]
slug = "curt"
name = "Curt"
why = "Why."
short_words = 2
short_cues = []
cues = ['{cue}']
unless = []
examples = ["a", "b", "c"]
alternatives = ["x", "y"]
strategy = "{strategy}"

[warm]
examples = ["a", "b", "c"]
"""


def test_a_broken_expression_names_the_pattern(tmp_path: Path) -> None:
    folder = _write(tmp_path, GOOD.format(cue="(unclosed", strategy="reply-small"))
    with pytest.raises(ConfigurationError, match=r"pattern 'curt'.*not a valid"):
        load_message_patterns(folder, bundled_library())


def test_an_unknown_strategy_is_refused(tmp_path: Path) -> None:
    folder = _write(tmp_path, GOOD.format(cue="fine", strategy="no-such-thing"))
    with pytest.raises(ConfigurationError, match="no such strategy"):
        load_message_patterns(folder, bundled_library())


def test_a_good_file_loads(tmp_path: Path) -> None:
    folder = _write(tmp_path, GOOD.format(cue="fine", strategy="reply-small"))
    (pattern,), warm = load_message_patterns(folder, bundled_library())
    assert pattern.cues[0].search("FINE")
    assert warm == ("a", "b", "c")
