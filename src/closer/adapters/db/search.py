"""Building full-text queries from what a person typed (standard library only)."""

from __future__ import annotations

import re


def fts5_query(words: str) -> str:
    """Words as an FTS5 query: every word must appear (prefix match), no syntax."""
    tokens = re.findall(r"\w+", words.lower())
    return " ".join(f'"{token}"*' for token in tokens) or '""'
