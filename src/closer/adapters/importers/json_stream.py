"""Reading a large JSON export piece by piece, in bounded memory.

An export is one object whose members are small (preferences, people) except
one long array (jrnl's ``entries``, Closer's ``moments``). ``members`` walks
the parser's events (ijson over yajl, in C) and hands back each small member
whole, and the long array one item at a time, so memory holds one item, not
the file. Nesting deeper than any export uses is refused at once: a
hostile file of a million ``[`` would otherwise take the memory with it.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import ijson
from ijson.common import ObjectBuilder

from closer.domain.errors import InvalidInput
from closer.domain.text import shown

MAX_DEPTH = 32  # an export nests five levels at most
# Members other than the long array are held whole: at most this many values
# and brackets in all (a person's ten years of people and practice take a
# small fraction; about 50 MB of memory at the most).
MOST_OUTSIDE_LONG = 2_000_000
_OPENS = frozenset({"start_map", "start_array"})
_CLOSES = frozenset({"end_map", "end_array"})


@dataclass(frozen=True, slots=True)
class LongArray:
    """Said once the long array has been read: how many items it held."""

    count: int


def members(
    file: BinaryIO, *, long: str, skip_long: bool = False
) -> Iterator[tuple[str, int | None, Any]]:
    """The top-level object's members in order, as ``(key, None, value)``;
    the array under ``long`` item by item, as ``(long, index, item)`` (not
    even built when ``skip_long``), then ``(long, None, LongArray(count))``.
    InvalidInput for a syntax error, a document that is not an object, or
    nesting deeper than ``MAX_DEPTH``."""
    events = _parser(file).basic_parse(file, use_float=True)
    try:
        yield from _walk(events, long, skip_long)
    except ijson.JSONError as exc:
        raise InvalidInput(f"This is not valid JSON ({_where(file, exc)}).") from None
    except UnicodeDecodeError:
        raise InvalidInput(
            "The file is not UTF-8 text. Export it again as UTF-8."
        ) from None


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_CHUNK = 1024 * 1024


def _parser(file: BinaryIO) -> Any:
    """ijson's C parser, unless the file writes a character as two escaped
    halves of a UTF-16 pair (as jrnl does for emoji): the C parser turns a
    half that stands alone into "?" without a word, where the pure-Python
    one (a dozen times slower) keeps it, to be refused with its place."""
    start = file.tell()
    tail = b""
    try:
        while chunk := file.read(_CHUNK):
            if _SURROGATE_ESCAPE.search(tail + chunk):
                return ijson.get_backend("python")
            tail = chunk[-5:]
        return ijson
    finally:
        file.seek(start)


_SMALL = 8 * 1024 * 1024  # re-read to name the line and column


def _where(file: BinaryIO, error: ijson.JSONError) -> str:
    """The line and column of a syntax error (re-read with the standard
    library when the file is small), else the parser's own words."""
    said = str(error).strip().splitlines()
    reason = said[0] if said else "it is cut short"
    try:
        size = file.seek(0, 2)
        if size > _SMALL:
            return reason
        file.seek(0)
        json.loads(file.read().decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as exact:
        return f"line {exact.lineno}, column {exact.colno}: {exact.msg}"
    except (OSError, ValueError, RecursionError):
        pass
    return reason


def _walk(
    events: Iterator[tuple[str, Any]], long: str, skip_long: bool
) -> Iterator[tuple[str, int | None, Any]]:
    event, _ = next(events, ("end", None))
    if event != "start_map":
        raise InvalidInput("This file is not a JSON object, as exports are.")
    seen: set[str] = set()
    budget = [MOST_OUTSIDE_LONG]
    for event, key in events:
        if event == "end_map":
            return
        if key in seen:
            raise InvalidInput(
                f'"{shown(key)}" appears twice in this file; an export '
                "has each part once. The file may be damaged."
            )
        seen.add(key)
        first, value = next(events)
        if key == long and first == "start_array":
            yield from _items(events, long, skip_long)
        else:
            yield key, None, _build(events, first, value, budget=budget)


def _items(
    events: Iterator[tuple[str, Any]], long: str, skip_long: bool
) -> Iterator[tuple[str, int | None, Any]]:
    numbers = itertools.count()
    for event, value in events:
        if event == "end_array":
            yield long, None, LongArray(next(numbers))
            return
        item = _build(events, event, value, build=not skip_long)
        index = next(numbers)
        if not skip_long:
            yield long, index, item


def _build(
    events: Iterator[tuple[str, Any]],
    event: str,
    value: Any,
    *,
    build: bool = True,
    budget: list[int] | None = None,
) -> Any:
    """The value that starts with ``(event, value)``, read to its end
    (``budget``: how many more parts may be built, shared by the members
    held in memory whole)."""
    builder = ObjectBuilder() if build else None
    depth = 0
    while True:
        if budget is not None:
            budget[0] -= 1
            if budget[0] < 0:
                raise InvalidInput(
                    "This file's parts other than its moments (people, plans, "
                    "practice) are larger than any one person's; Closer reads them "
                    "whole, so it stops here. The file may be damaged."
                )
        if event in _OPENS:
            depth += 1
            if depth > MAX_DEPTH:
                raise InvalidInput(
                    f"This JSON nests lists or objects more than {MAX_DEPTH} levels "
                    "deep; no export does that. The file may be damaged."
                )
        elif event in _CLOSES:
            depth -= 1
        if builder is not None:
            builder.event(event, value)
        if depth == 0:
            return builder.value if builder is not None else None
        event, value = next(events)
