from __future__ import annotations

import re

import pytest

from closer.domain.safety.normalise import normalise, trie_pattern


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("I\u2019m fine", "i am fine"),
        ("I'm fine", "i am fine"),
        ("Im fine", "i am fine"),
        ("ＩＭ ＦＩＮＥ", "i am fine"),
        ("café déjà vu", "cafe deja vu"),
        ("I dont know", "i do not know"),
        ("I can\u2019t", "i can not"),
        ("we were there", "we were there"),
        ("gonna wanna", "going to want to"),
        ("kms", "kill myself"),
        ("sucidal", "suicidal"),
        ("su1c1de", "suicide"),
        ("kill my self", "kill myself"),
        ("self-harm", "self harm"),
        ("soooooo tired", "soo tired"),
        ("odd hours", "odd hours"),
        ("Ill do it", "i will do it"),
        ("I feel ill", "i feel ill"),
    ],
)
def test_text_is_brought_to_one_plain_form(typed: str, plain: str) -> None:
    assert normalise(typed) == plain


def test_the_word_trie_matches_exactly_the_words_it_was_given() -> None:
    words = ["im", "i'm", "ive", "id", "u", "ur", "kms"]
    pattern = re.compile(rf"(?:{trie_pattern(words)})")
    for word in words:
        assert pattern.fullmatch(word), word
    for other in ["i", "iv", "urr", "km", "kmss", ""]:
        assert not pattern.fullmatch(other), other
