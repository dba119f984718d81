"""One way to read a content file (the knowledge base, self-checks, message
patterns, crisis lines): parse its TOML, then validate it with a pydantic
model; every problem becomes a ``ConfigurationError`` through the caller's
``fail(where, problem)``, which names the file in the caller's own words.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from closer.domain.errors import ConfigurationError

Fail = Callable[[str, str], ConfigurationError]
M = TypeVar("M", bound=BaseModel)


def read_toml(path: Path, fail: Fail) -> dict[str, Any]:
    """The file's TOML as data: a missing, unreadable or malformed file fails."""
    try:
        return parse_toml(path.read_text(encoding="utf-8"), fail)
    except FileNotFoundError:
        raise fail(str(path), "the file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(str(path), f"it cannot be read ({exc})") from None


def parse_toml(text: str, fail: Fail) -> dict[str, Any]:
    """TOML text as data, or a failure naming the syntax error."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise fail("syntax", str(exc)) from None


def validated(model: type[M], raw: object, fail: Fail, *, whole: str = "file") -> M:
    """``raw`` as ``model``, or a failure at the first problem's place
    (``whole`` when it is the value as a whole)."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or whole
        raise fail(where, first["msg"]) from None
