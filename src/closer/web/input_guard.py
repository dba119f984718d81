"""Refusing text that cannot be stored before any route sees it.

Every query string, JSON body and form body is looked at once, as it
arrives: an invisible control character (NUL and the like) or a broken
character anywhere is a 422 that names the field (``situation``,
``emotions[0].name``), never a server error deep in the database, and nothing
is written. A cheap scan of the raw bytes lets ordinary requests through
untouched; only a suspicious one is decoded to find the field. File uploads
are checked by the importers, which name the line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from closer.domain.text import json_strings, problem_in
from closer.web.errors import error_response

# Raw bytes that may hide such a character: a JSON escape, a percent escape,
# or the byte itself.
_SUSPECT_JSON = re.compile(
    rb"\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u[dD][89a-fA-F]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
_SUSPECT_FORM = re.compile(
    rb"%[01][0-9a-fA-F]|%7[fF]|%[eE][dD]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
_MOST_CHECKED = 2 * 1024 * 1024  # larger bodies are refused by the size limit


class UnstorableInput(HTTPException):
    """A field holds a character that cannot be stored (422)."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=422, detail=message)


def _form_fields(raw: bytes) -> Iterator[tuple[str, str]]:
    text = raw.decode("latin-1")  # percent escapes are decoded as UTF-8 below
    for name, value in parse_qsl(text, keep_blank_values=True, errors="surrogatepass"):
        yield name, name
        yield name, value


def query_problem(query: bytes) -> str | None:
    """What is wrong with a query string, or None."""
    if not _SUSPECT_FORM.search(query):
        return None
    return problem_in(_form_fields(query))


def body_problem(kind: str, body: bytes) -> str | None:
    """What is wrong with a JSON or form body, or None (unreadable JSON is
    left to the route, which says so)."""
    if kind == "form":
        return problem_in(_form_fields(body)) if _SUSPECT_FORM.search(body) else None
    if not _SUSPECT_JSON.search(body):
        return None
    try:
        parsed = json.loads(body)
    except ValueError:
        return None
    return problem_in(json_strings(parsed))


def _body_kind(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"content-type":
            media = value.split(b";", 1)[0].strip().lower()
            if media == b"application/x-www-form-urlencoded":
                return "form"
            if media == b"application/json" or media.endswith(b"+json"):
                return "json"
            return None
    return "json"  # FastAPI reads a body without a content type as JSON


class InputGuardMiddleware:
    """See the module's docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = query_problem(scope.get("query_string", b""))
        if problem is not None:
            request = Request(scope, receive)
            response = error_response(request, 422, "invalid_input", problem)
            await response(scope, receive, send)
            return
        kind = _body_kind(scope)
        if kind is None or scope["method"] in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        await self.app(scope, _guarded(receive, kind), send)


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
