"""Feelings are taken in the words people use: a name, an everyday word for
it, and a strength written as people write it."""

from __future__ import annotations

from collections import Counter

import pytest

from closer.adapters.content import bundled_library
from closer.domain.errors import InvalidInput
from closer.domain.moments import Felt, check_emotions, parse_felt

LIBRARY = bundled_library()


@pytest.mark.parametrize(
    ("typed", "felt"),
    [
        ("ashamed", Felt("ashamed")),
        ("Ashamed 7", Felt("ashamed", 7)),
        ("ashamed:7", Felt("ashamed", 7)),
        ("  let down 3 ", Felt("let down", 3)),
    ],
)
def test_a_feeling_and_its_strength_are_read_as_people_write_them(
    typed: str, felt: Felt
) -> None:
    assert parse_felt(typed) == felt


def test_a_strength_that_is_not_a_number_is_explained_plainly() -> None:
    with pytest.raises(InvalidInput, match="such as: anxious 7") as refused:
        parse_felt("anxious:very")
    assert "NAME" not in refused.value.message


@pytest.mark.parametrize(
    ("word", "slug"),
    [("scared", "afraid"), ("Worried", "anxious"), ("let down", "hurt"),
     ("Afraid", "afraid"), ("panicky", "panicky"), ("not good enough", "unworthy")],
)  # fmt: skip
def test_everyday_words_mean_the_feeling_closer_knows(word: str, slug: str) -> None:
    assert LIBRARY.emotion_named(word) == slug


def test_no_everyday_word_means_two_feelings_or_shadows_a_name() -> None:
    words = Counter(w for e in LIBRARY.emotions.values() for w in e.also)
    assert [w for w, n in words.items() if n > 1] == []
    names = set(LIBRARY.emotions) | {
        e.name.casefold() for e in LIBRARY.emotions.values()
    }
    assert names.isdisjoint(words)


def test_a_feeling_closer_does_not_know_gets_nearby_words_not_a_command() -> None:
    felt = check_emotions([parse_felt("scared 7"), parse_felt("ashamed")], LIBRARY)
    assert felt == (Felt("afraid", 7), Felt("ashamed"))  # no strength invented
    with pytest.raises(InvalidInput, match="Try a nearby word") as refused:
        check_emotions([Felt("blorp")], LIBRARY)
    assert "closer " not in refused.value.message
    assert "/learn" not in refused.value.message
