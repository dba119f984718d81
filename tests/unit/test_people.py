"""People's details: birthdays (often without a year) and closeness readings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from closer.domain.errors import InvalidInput
from closer.domain.people import (
    Birthday,
    ClosenessReading,
    new_person,
    parse_birthday,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1990-03-12", Birthday(3, 12, 1990)),
        ("19900312", Birthday(3, 12, 1990)),
        ("--03-12", Birthday(3, 12)),
        ("--0312", Birthday(3, 12)),
        ("1990-03-12T00:00:00Z", Birthday(3, 12, 1990)),
        ("--02-29", Birthday(2, 29)),
        ("  ", None),
    ],
)
def test_birthdays_are_read_in_the_forms_address_books_write(
    text: str, expected: Birthday | None
) -> None:
    assert parse_birthday(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "circa 1800",
        "1990-13-01",
        "1990-02-30",
        "1991-02-29",
        "12/03/1990",
        "1800-01-01",
    ],
)
def test_a_birthday_that_is_not_a_day_is_named_in_the_error(text: str) -> None:
    with pytest.raises(InvalidInput, match="birthday Closer can read") as caught:
        parse_birthday(text)
    assert text in caught.value.message
    assert caught.value.field == "birthday"


def test_a_birthday_is_written_back_as_vcard_writes_it() -> None:
    assert Birthday(3, 12).iso == "--03-12"
    assert Birthday(3, 12, 1990).iso == "1990-03-12"
    assert parse_birthday(Birthday(7, 4).iso) == Birthday(7, 4)
    assert str(Birthday(3, 12)) == "12 March"
    assert str(Birthday(3, 12, 1990)) == "12 March 1990"


def test_the_next_birthday_is_this_year_or_next_and_29_february_falls_on_the_28th() -> (
    None
):
    assert Birthday(3, 12).next_after(date(2026, 3, 1)) == date(2026, 3, 12)
    assert Birthday(3, 12).next_after(date(2026, 3, 12)) == date(2026, 3, 12)
    assert Birthday(3, 12).next_after(date(2026, 3, 13)) == date(2027, 3, 12)
    assert Birthday(2, 29).next_after(date(2026, 1, 1)) == date(2026, 2, 28)
    assert Birthday(2, 29).next_after(date(2027, 3, 1)) == date(2028, 2, 29)


def test_a_nickname_is_tidied_and_kept_short() -> None:
    assert new_person("Sam", nickname="  Sammy   S ").nickname == "Sammy S"
    with pytest.raises(InvalidInput, match="nickname"):
        new_person("Sam", nickname="x" * 101)


def test_a_reading_knows_the_gap_only_when_both_numbers_are_there() -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    assert ClosenessReading(at, 3, 8).gap == 5
    assert ClosenessReading(at, 7, 4).gap == -3
    assert ClosenessReading(at, None, 8).gap is None
