"""Characters that no record may hold.

Invisible control characters (NUL and the other C0 controls, DEL, the C1
controls) and broken halves of UTF-16 pairs come from corrupt files, binary
data or scripts, never from a person typing. PostgreSQL refuses NUL
outright, SQLite cuts text at it in some functions, a terminal obeys some
of them as commands when the CLI prints them, and exports would carry them
on. Tab, line feed, carriage return, vertical tab and form feed are
ordinary white space (text pasted from a word processor holds the last two).
Closer refuses the others wherever text comes in, naming where it was
found, rather than store them or drop them without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from closer.domain.errors import InvalidInput

_UNSTORABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def first_unstorable(text: str) -> int | None:
    """Where the first character that cannot be stored is, or None."""
    found = _UNSTORABLE.search(text)
    return None if found is None else found.start()


def unstorable_message(text: str, index: int) -> str:
    """What is wrong with the character at ``index``, for a person to read."""
    code = ord(text[index])
    if 0xD800 <= code <= 0xDFFF:
        return f"holds a broken character (U+{code:04X}) that cannot be saved"
    return f"holds an invisible control character (U+{code:04X}) that cannot be saved"


def require_storable(text: str, field: str) -> str:
    """``text`` itself, or InvalidInput naming ``field`` and the character."""
    index = first_unstorable(text)
    if index is None:
        return text
    raise InvalidInput(problem_in([(field, text)]) or "", field=field)


def problem_in(fields: Iterable[tuple[str, str]]) -> str | None:
    """The first (place, text) pair holding such a character, said for a
    person ("situation holds ..."), or None."""
    for place, text in fields:
        index = first_unstorable(text)
        if index is not None:
            what = unstorable_message(text, index)
            return f"{shown(place) or 'The request'} {what}. Remove it and try again."
    return None


def shown(text: str) -> str:
    """``text`` safe to say back (a field's name may hold such characters
    itself): each one written as its code, ``\\ud800``."""
    return _UNSTORABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def json_strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in parsed JSON (keys too), with its place
    (``emotions[0].name``), in document order; iterative, so no depth of
    nesting can exhaust the stack."""
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:
        place, item = stack.pop()
        if isinstance(item, str):
            yield place, item
        elif isinstance(item, dict):
            children = []
            for key, child in item.items():
                where = f"{place}.{key}" if place else str(key)
                yield where, str(key)
                children.append((where, child))
            stack.extend(reversed(children))
        elif isinstance(item, list):
            stack.extend(
                (f"{place}[{n}]", child) for n, child in reversed(list(enumerate(item)))
            )


def require_storable_json(value: Any, place: str = "") -> None:
    """InvalidInput naming the place of the first string in ``value`` that
    holds such a character (``place`` is where ``value`` itself is)."""
    problem = problem_in(json_strings(value, place))
    if problem is not None:
        raise InvalidInput(problem)


def require_storable_file(text: str) -> None:
    """InvalidInput naming the line and column of the first such character."""
    index = first_unstorable(text)
    if index is None:
        return
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    raise InvalidInput(
        f"Line {line}, column {column} {unstorable_message(text, index)}. "
        "The file may be damaged; export it again."
    )
