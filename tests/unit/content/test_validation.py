"""Each content rule, broken on purpose in a copy of the real files."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from closer.adapters.content import load_library
from closer.domain.errors import ConfigurationError


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the bundled content that a test may break."""
    folder = tmp_path / "content"
    with resources.as_file(resources.files("closer.content")) as source:
        shutil.copytree(source, folder)
    return folder


def _edit(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / f"{file}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {file}.toml: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fails(folder: Path, *words: str) -> str:
    with pytest.raises(ConfigurationError) as caught:
        load_library(folder)
    for word in words:
        assert word in caught.value.message, caught.value.message
    return caught.value.message


def test_the_unbroken_copy_loads(content: Path) -> None:
    assert len(load_library(content).causes) == 15


def test_a_duplicate_slug_is_named(content: Path) -> None:
    _edit(content, "strategies", 'slug = "confidence"', 'slug = "affirmations"')
    _fails(content, "strategies.toml", "'affirmations'", "used twice")


def test_a_sign_pointing_at_a_missing_cause_is_named(content: Path) -> None:
    _edit(content, "signs", '"fear-of-rejection", "emotional-distress", "conflict-avoidance"',
          '"fear-of-nothing", "emotional-distress", "conflict-avoidance"')  # fmt: skip
    _fails(
        content,
        "signs.toml",
        "sign 'slow-or-no-reply'",
        "'fear-of-nothing'",
        "causes.toml",
    )


def test_a_cause_pointing_at_a_missing_strategy_is_named(content: Path) -> None:
    _edit(
        content,
        "causes",
        '"confidence", "reality-check-story"',
        '"bravery", "reality-check-story"',
    )
    _fails(content, "causes.toml", "cause 'fear-of-rejection'", "'bravery'")


def test_a_cause_needs_three_strategies(content: Path) -> None:
    _edit(content, "causes", 'strategies = ["set-boundaries-kindly", "healthy-time-out", "stay-in-touch"]',
          'strategies = ["set-boundaries-kindly", "healthy-time-out"]')  # fmt: skip
    _fails(content, "causes.toml", "'privacy-values'", "strategies", "at least 3")


def test_a_sign_needs_a_cause(content: Path) -> None:
    _edit(
        content,
        "signs",
        'causes = ["conflict-avoidance", "trauma-attachment"]',
        "causes = []",
    )
    _fails(content, "signs.toml", "'disappear-on-conflict'", "causes", "at least 1")


def test_empty_text_is_refused(content: Path) -> None:
    _edit(
        content, "faq", 'question = "Why is it so hard to open up?"', 'question = "   "'
    )
    _fails(content, "faq.toml", "'why-is-it-hard-to-open-up'", "question")


def test_an_unknown_key_is_refused(content: Path) -> None:
    _edit(content, "emotions", 'slug = "joyful"', 'slug = "joyful"\ncolour = "yellow"')
    _fails(content, "emotions.toml", "'joyful'", "colour")


def test_a_malformed_slug_is_refused(content: Path) -> None:
    _edit(content, "causes", 'slug = "undeserving"', 'slug = "Not Deserving"')
    _fails(content, "causes.toml", "slug")


def test_a_choice_prompt_needs_choices(content: Path) -> None:
    _edit(content, "reflections", 'choices = ["Yes, today", "Yes, this week", "Not yet"]',
          'choices = ["Yes"]')  # fmt: skip
    _fails(
        content,
        "reflections.toml",
        "'appreciation-for-someone', prompt 3",
        "two choices",
    )


def test_a_scale_prompt_needs_min_below_max(content: Path) -> None:
    _edit(content, "reflections", "min = 0\nmax = 100", "min = 100\nmax = 0")
    _fails(
        content, "reflections.toml", "'accept-good-gradually', prompt 2", "min < max"
    )


def test_a_sign_in_an_unknown_group_is_refused(content: Path) -> None:
    _edit(
        content,
        "signs",
        'group = "anxious"\nname = "Clinging"',
        'group = "clingy"\nname = "Clinging"',
    )
    _fails(content, "signs.toml", "'cling'", "'clingy'")


def test_a_cause_that_no_sign_names_is_refused(content: Path) -> None:
    _edit(
        content,
        "signs",
        '"low-self-awareness", "threat-and-control"]',
        '"threat-and-control"]',
    )
    _edit(
        content,
        "signs",
        'causes = ["low-self-awareness", "fear-of-being-seen"]',
        'causes = ["fear-of-being-seen"]',
    )
    _edit(
        content,
        "signs",
        'causes = ["emotional-distress", "low-self-awareness"]',
        'causes = ["emotional-distress"]',
    )
    _edit(content, "signs", '"emotional-distress", "low-self-awareness", "conflict-avoidance"]',
          '"emotional-distress", "conflict-avoidance"]')  # fmt: skip
    _edit(content, "signs", '"fear-of-being-seen", "low-self-awareness", "conflict-avoidance"',
          '"fear-of-being-seen", "conflict-avoidance"')  # fmt: skip
    _fails(content, "causes.toml", "'low-self-awareness'", "no sign")


def test_a_missing_file_is_named(content: Path) -> None:
    (content / "faq.toml").unlink()
    _fails(content, "faq.toml", "missing")


def test_a_syntax_error_is_named(content: Path) -> None:
    (content / "pages.toml").write_text("[[page]\nslug = ", encoding="utf-8")
    _fails(content, "pages.toml", "syntax")
