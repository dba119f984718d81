"""Refusing what no route should see, before any route sees it.

Every query string, JSON body and form body is looked at once, as it
arrives: an invisible control character (NUL and the like), a broken
character, or a form that is not UTF-8 is a 422 that names the field
(``situation``, ``emotions[0].name``), never a server error deep in the
database, and nothing is written. A cheap scan of the raw bytes lets
ordinary requests through untouched; only a suspicious one is decoded to
find the field. File uploads are checked by the importers, which name the
line.

Sizes are refused here too, in the app's own words: a body that declares
more than the app takes gets a 413 at once, before anything is read, and
every body is counted as it arrives (a 413 as soon as it passes the limit):
1 MB, or ``CLOSER_IMPORT_MAX_MB`` for an import (``IMPORT_PATHS``), so
nobody can make the server hold or write a huge body, whether or not they
are signed in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import unquote_to_bytes

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from closer.domain.text import json_strings, problem_in, shown
from closer.web.errors import error_response

IMPORT_PATHS = frozenset({"/privacy/import", "/api/v1/import"})

# Raw bytes that may hide such a character: a JSON escape, a percent escape,
# a non-ASCII byte (which must be UTF-8), or the byte itself.
_SUSPECT_JSON = re.compile(
    rb"\\u00[01][0-9a-fA-F]|\\u00[7-9][0-9a-fA-F]|\\u[dD][89a-fA-F]"
    rb"|[\x00-\x08\x0e-\x1f\x7f]|\xc2[\x80-\x9f]"
)
_SUSPECT_FORM = re.compile(rb"%[01789a-fA-F][0-9a-fA-F]|[\x00-\x08\x0e-\x1f\x7f-\xff]")
_MOST_CHECKED = 2 * 1024 * 1024  # larger bodies are refused by the size limit


class UnstorableInput(HTTPException):
    """A field holds a character that cannot be stored (422)."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=422, detail=message)


class TooLargeBody(HTTPException):
    """A body past its limit (413)."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=413, detail=message)


class NotUtf8(ValueError):
    """A form field whose bytes are not UTF-8."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def _form_fields(raw: bytes) -> Iterator[tuple[str, str]]:
    """(name, text) for each name and value of a urlencoded form or query,
    decoded as UTF-8 (NotUtf8 names the field that is not)."""
    for pair in raw.split(b"&"):
        if not pair:
            continue
        name_bytes, _, value_bytes = pair.partition(b"=")
        name = _text(name_bytes, "A field's name")
        yield name, name
        yield name, _text(value_bytes, name)


def _text(encoded: bytes, field: str) -> str:
    try:
        return unquote_to_bytes(encoded.replace(b"+", b" ")).decode(
            "utf-8", errors="surrogatepass"
        )
    except UnicodeDecodeError:
        raise NotUtf8(field) from None


def _form_problem(raw: bytes) -> str | None:
    if not _SUSPECT_FORM.search(raw):
        return None
    try:
        return problem_in(_form_fields(raw))
    except NotUtf8 as error:
        return f"{shown(error.field)} is not UTF-8 text. Send it again as UTF-8."


def query_problem(query: bytes) -> str | None:
    """What is wrong with a query string, or None."""
    return _form_problem(query)


def body_problem(kind: str, body: bytes) -> str | None:
    """What is wrong with a JSON or form body, or None (unreadable JSON is
    left to the route, which says so)."""
    if kind == "form":
        return _form_problem(body)
    if not _SUSPECT_JSON.search(body):
        return None
    try:
        parsed = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return problem_in(json_strings(parsed))


def _header(scope: Scope, wanted: bytes) -> bytes | None:
    for name, value in scope["headers"]:
        if name == wanted:
            return bytes(value)
    return None


def _body_kind(scope: Scope) -> str | None:
    content_type = _header(scope, b"content-type")
    if content_type is None:
        return "json"  # FastAPI reads a body without a content type as JSON
    media = content_type.split(b";", 1)[0].strip().lower()
    if media == b"application/x-www-form-urlencoded":
        return "form"
    if media == b"application/json" or media.endswith(b"+json"):
        return "json"
    return None


def _declared_size(scope: Scope) -> int | None:
    length = _header(scope, b"content-length")
    return int(length) if length is not None and length.isdigit() else None


class InputGuardMiddleware:
    """See the module's docstring. ``body_limit`` and ``import_limit`` are in
    bytes."""

    def __init__(self, app: ASGIApp, *, body_limit: int, import_limit: int) -> None:
        self.app = app
        self.body_limit = body_limit
        self.import_limit = import_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            status, message = refusal
            code = "too_large" if status == 413 else "invalid_input"
            response = error_response(Request(scope, receive), status, code, message)
            await response(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)  # no body to look at
            return
        limit, too_large = self._limit(scope)
        receive = _counted(receive, limit, too_large)
        kind = _body_kind(scope)
        if kind is not None and scope["path"] not in IMPORT_PATHS:
            receive = _guarded(receive, kind)
        await self.app(scope, receive, send)

    def _limit(self, scope: Scope) -> tuple[int, str]:
        """How many bytes this request's body may hold, and what to say past it."""
        if scope["path"] in IMPORT_PATHS:
            return self.import_limit, (
                f"The upload is larger than {self.import_limit // 2**20:,} MB, the "
                "most Closer imports (CLOSER_IMPORT_MAX_MB sets it). Split the "
                "file, or raise the limit."
            )
        return self.body_limit, (
            f"This request is larger than {self.body_limit // 1024:,} KB, the most "
            "Closer takes outside an import."
        )

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        """A refusal that needs no body: a bad query, or a declared size."""
        query = scope.get("query_string", b"")
        problem = query_problem(query) if query else None
        if problem is not None:
            return 422, problem
        size = _declared_size(scope)
        limit, too_large = self._limit(scope)
        if size is not None and size > limit:
            return 413, too_large
        return None


def _guarded(receive: Receive, kind: str) -> Receive:
    """``receive`` that raises ``UnstorableInput`` once the body is complete
    and holds a character that cannot be stored."""
    seen = bytearray()

    async def guarded_receive() -> Message:
        message = await receive()
        if message["type"] != "http.request":
            return message
        if len(seen) <= _MOST_CHECKED:
            seen.extend(message.get("body", b""))
        if not message.get("more_body", False) and len(seen) <= _MOST_CHECKED:
            problem = body_problem(kind, bytes(seen))
            if problem is not None:
                raise UnstorableInput(problem)
        return message

    return guarded_receive


def _counted(receive: Receive, limit: int, too_large: str) -> Receive:
    """``receive`` that raises ``TooLargeBody`` once more than ``limit``
    bytes have arrived."""
    arrived = 0

    async def counted_receive() -> Message:
        nonlocal arrived
        message = await receive()
        if message["type"] == "http.request":
            arrived += len(message.get("body", b""))
            if arrived > limit:
                raise TooLargeBody(too_large)
        return message

    return counted_receive
