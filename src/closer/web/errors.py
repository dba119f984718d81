"""One place that turns errors into responses: an HTML page or JSON.

Requests under ``/api/`` get ``{"error": {"code": ..., "message": ...}}``;
everything else gets the error page inside the normal layout, with the
"Need help now" link. No traceback ever reaches the person.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Match

from closer.domain.errors import CloserError, Locked, NotSetUp, NotSignedIn
from closer.web.rendering import is_htmx, render

logger = logging.getLogger("closer.web")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorised",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
}

_FRIENDLY = {
    400: "The request's body could not be read: send JSON, in UTF-8.",
    404: "There is nothing at this address.",
    405: "This address does not accept that kind of request.",
}


def wants_json(request: Request) -> bool:
    """API requests get JSON errors; pages get HTML."""
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The error as JSON or as a page, depending on the request."""
    if wants_json(request):
        return JSONResponse(
            {"error": {"code": code, "message": message}}, status_code=status
        )
    return render(
        request, "error.html", status_code=status, status=status, message=message
    )


def _to_unlock_or_setup(request: Request, exc: CloserError) -> Response | None:
    """A page that needs the records goes to /unlock or /setup first."""
    if wants_json(request) or request.method != "GET":
        return None
    if isinstance(exc, Locked):
        target = "/unlock?" + urlencode({"next": request.url.path})
    elif isinstance(exc, NotSignedIn):
        target = "/login?" + urlencode({"next": request.url.path})
    elif isinstance(exc, NotSetUp):
        target = "/setup"
    else:
        return None
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


async def _closer_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CloserError)
    redirect = _to_unlock_or_setup(request, exc)
    if redirect is not None:
        return redirect
    if exc.status >= 500:
        logger.error("%s: %s", exc.code, exc.message)
    return error_response(request, exc.status, exc.code, exc.message)


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> str:
    """Every method some route takes at this path (Starlette's own 405 names
    only the first route that matched the path)."""
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in routes
        )
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = _FRIENDLY.get(exc.status_code, str(exc.detail))
    response = error_response(request, exc.status_code, code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    if exc.status_code == 405:
        response.headers["Allow"] = allowed_methods(request)
    return response


def _describe(error: Mapping[str, Any]) -> str:
    location: Sequence[object] = error.get("loc", ())
    parts = [str(p) for p in location if p not in ("body", "query", "path")]
    where = ".".join(parts) or "request"
    return f"{where}: {error.get('msg', 'is not valid')}"


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    message = "; ".join(_describe(e) for e in exc.errors())
    return error_response(request, 422, "invalid_input", message)


async def _unexpected(request: Request, _exc: Exception) -> Response:
    logger.exception("Unexpected error on %s %s", request.method, request.url.path)
    return error_response(
        request,
        500,
        "internal",
        "Something went wrong on our side. What you saved before this is safe.",
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(CloserError, _closer_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
