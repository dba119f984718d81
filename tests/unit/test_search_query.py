from __future__ import annotations

import re

import pytest

from closer.adapters.db.search import fts5_query, words_of


@pytest.mark.parametrize(
    "text",
    [
        "Climbing with Sam",
        'quotes "and" OR (syntax)*',
        "déjà vu, naïve",
        "snake_case 42",
        "",
    ],
)
def test_words_are_what_a_regex_word_match_finds(text: str) -> None:
    assert words_of(text) == re.findall(r"\w+", text.lower())


def test_every_word_becomes_a_quoted_prefix_and_nothing_else() -> None:
    assert fts5_query('Sam "OR" climb*') == '"sam"* "or"* "climb"*'
    assert fts5_query("!!!") == '""'
