"""Building full-text queries from what a person typed (no imports at all, so
the CLI's fast path starts quickly)."""

from __future__ import annotations


def words_of(text: str) -> list[str]:
    """Lower-case runs of letters, digits and underscores (like regex ``\\w+``)."""
    cleaned = "".join(ch if ch.isalnum() or ch == "_" else " " for ch in text.lower())
    return cleaned.split()


def fts5_query(words: str) -> str:
    """Words as an FTS5 query: every word must appear (prefix match), no syntax."""
    return " ".join(f'"{token}"*' for token in words_of(words)) or '""'
