"""A record's details are described once: read, checked and written out the
same way by every format."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pytest

from closer.adapters.content import bundled_library
from closer.domain.details import (
    DetailField,
    checked_details,
    coerce,
    detail,
    details_of,
    free_text,
    plain_values,
    shown,
)
from closer.domain.errors import InvalidInput

LIBRARY = bundled_library()


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Sample:
    """A record made up for these tests: one detail of each shape."""

    title: str
    mood: int | None = field(default=None, metadata=detail("Mood", scale=(1, 5)))
    colour: Colour | None = field(
        default=None, metadata=detail("Colour", choices={"red": "Red", "blue": "Blue"})
    )
    note: str = field(
        default="", metadata=detail("Note", max_length=10, free_text=True)
    )
    words: tuple[str, ...] = field(default=(), metadata=detail("Words", item="word"))


def one(name: str) -> DetailField:
    return next(d for d in details_of(Sample) if d.name == name)


def test_details_are_the_described_fields_in_their_order() -> None:
    assert [d.name for d in details_of(Sample)] == ["mood", "colour", "note", "words"]
    assert one("colour").is_choice
    assert one("colour").optional
    assert one("words").is_list
    assert not one("note").optional


def test_values_from_a_file_or_a_form_become_the_fields_types() -> None:
    values = checked_details(
        Sample, {"mood": 3, "colour": "blue", "note": "  hi ", "words": ["a"]}, LIBRARY
    )
    assert values == {"mood": 3, "colour": Colour.BLUE, "note": "hi", "words": ("a",)}
    assert checked_details(Sample, {}, LIBRARY) == {
        "mood": None, "colour": None, "note": "", "words": ()
    }  # fmt: skip
    assert coerce(one("colour"), "") is None  # a choice left empty was not made


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("colour", "green", "Colour must be one of red, blue; got 'green'"),
        ("mood", "3", "Mood must be a whole number"),
        ("mood", True, "Mood must be a whole number"),
        ("mood", 6, "Mood must be between 1 and 5; got 6"),
        ("note", 12, "Note must be text"),
        ("note", "x" * 11, "The note can be at most 10 characters"),
        ("note", "x" * 10 + "  ", "The note can be at most 10 characters"),
        ("words", ["a", 3], "Words must be a list of words"),
        ("words", "a b", "Words must be a list of words"),
    ],
)
def test_a_wrong_value_is_refused_naming_its_field(
    name: str, value: object, words: str
) -> None:
    with pytest.raises(InvalidInput, match=words) as refused:
        checked_details(Sample, {name: value}, LIBRARY)
    assert refused.value.field == name


def test_a_choice_is_read_in_any_case_and_with_spaces_for_dashes() -> None:
    from closer.domain.moments import Moment, MomentChannel  # noqa: PLC0415

    read = checked_details(Moment, {"channel": " Social Media "}, LIBRARY)
    assert read["channel"] is MomentChannel.SOCIAL_MEDIA
    with pytest.raises(InvalidInput, match="Where it happened must be one of"):
        checked_details(Moment, {"channel": "fax"}, LIBRARY)


def test_a_name_that_is_not_a_detail_is_a_mistake_in_code() -> None:
    with pytest.raises(TypeError, match="no detail 'title'"):
        checked_details(Sample, {"title": "x"}, LIBRARY)


@dataclass(frozen=True)
class Needs:
    size: int = field(metadata=detail("Size"))


def test_a_detail_without_a_default_must_be_given() -> None:
    with pytest.raises(InvalidInput, match="Size is needed") as refused:
        checked_details(Needs, {}, LIBRARY)
    assert refused.value.field == "size"
    assert checked_details(Needs, {"size": 2}, LIBRARY) == {"size": 2}


@dataclass(frozen=True)
class Fraction:
    share: float = field(default=0.5, metadata=detail("Share"))


@dataclass(frozen=True)
class Unnamed:
    marks: tuple[str, ...] = field(default=(), metadata=detail("Marks"))


@pytest.mark.parametrize(
    ("kind", "words"),
    [(Fraction, "Fraction.share: a detail is int"), (Unnamed, "item=")],
)
def test_a_detail_of_a_shape_no_format_carries_is_refused_at_once(
    kind: type, words: str
) -> None:
    with pytest.raises(TypeError, match=words):
        details_of(kind)


def test_written_out_as_plain_data_and_as_words_for_a_person() -> None:
    sample = Sample("t", mood=4, colour=Colour.RED, note="ok", words=("a", "b"))
    assert plain_values(sample) == {
        "mood": 4, "colour": "red", "note": "ok", "words": ["a", "b"]
    }  # fmt: skip
    assert shown(sample, LIBRARY) == [
        ("Mood", "4/5"), ("Colour", "Red"), ("Note", "ok"), ("Words", "a, b")
    ]  # fmt: skip
    assert shown(Sample("t", mood=0), LIBRARY) == [("Mood", "0/5")]  # zero is kept
    assert free_text(sample) == ["ok"]
