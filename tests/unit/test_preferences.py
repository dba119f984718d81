from __future__ import annotations

import pytest

from closer.domain.errors import InvalidInput
from closer.domain.preferences import Preferences, Theme, parse_country, parse_theme


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("us", "US"),
        (" de ", "DE"),
        ("UK", "GB"),
        ("uk", "GB"),
        ("", None),
        (None, None),
    ],
)
def test_a_country_code_is_normalised(typed: str | None, expected: str | None) -> None:
    assert parse_country(typed) == expected


@pytest.mark.parametrize("typed", ["USA", "1A", "d", "Deutschland", "é1"])
def test_a_malformed_country_code_is_refused_with_the_field_named(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_country(typed)
    assert caught.value.field == "country"
    assert repr(typed) in caught.value.message


def test_a_theme_is_read_case_insensitively() -> None:
    assert parse_theme(" Dark ") is Theme.DARK


def test_an_unknown_theme_names_the_allowed_ones() -> None:
    with pytest.raises(InvalidInput, match="system, light, dark") as caught:
        parse_theme("purple")
    assert caught.value.field == "theme"


def test_changing_one_preference_keeps_the_other() -> None:
    before = Preferences(country="FR", theme=Theme.DARK)
    assert before.changed(theme="light") == Preferences(country="FR", theme=Theme.LIGHT)
    assert before.changed(country="nz") == Preferences(country="NZ", theme=Theme.DARK)


def test_an_empty_country_clears_it() -> None:
    assert Preferences(country="FR").changed(country="").country is None


def test_a_failed_change_leaves_the_original_untouched() -> None:
    before = Preferences(country="FR")
    with pytest.raises(InvalidInput):
        before.changed(country="FR", theme="neon")
    assert before == Preferences(country="FR", theme=Theme.SYSTEM)
