"""Security headers on every response, including a strict Content-Security-Policy.

Closer makes no third-party request of any kind: every script, style and image
is served from our own origin, and no inline script or style is allowed.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from closer.domain.errors import Forbidden

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (
        b"permissions-policy",
        b"camera=(), microphone=(), geolocation=()",
    ),
)


NO_STORE = (b"cache-control", b"no-store")


class SecurityHeadersMiddleware:
    """Adds ``SECURITY_HEADERS`` to every HTTP response, and
    ``Cache-Control: no-store`` to every one that does not say otherwise and
    is not a static file: pages and JSON hold records, which no browser
    cache, proxy or back button may keep."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        headers = SECURITY_HEADERS
        if scope.get("scheme") == "https":  # browsers keep to HTTPS from then on
            headers = (*headers, (b"strict-transport-security", b"max-age=31536000"))
        if not scope["path"].startswith("/static/"):
            headers = (*headers, NO_STORE)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [h for h in headers if h[0] not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def refuse_cross_site(request: Request) -> None:
    """Refuse any state-changing request a browser sent from another site (CSRF).

    Browsers say where a request came from: ``Sec-Fetch-Site`` (all current
    browsers), else ``Origin``. A form on another site that posts to Closer
    (even to a local one at 127.0.0.1, which has no cookie to protect it) is
    refused before anything runs; requests without either header come from
    programs, not from a page a person was tricked into opening. Applied to
    every route of the app.
    """
    if request.method not in UNSAFE_METHODS:
        return
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if site is not None:
        allowed = site in ("same-origin", "none")
    elif origin is not None:
        allowed = origin == f"{request.url.scheme}://{request.url.netloc}"
    else:
        allowed = True
    if not allowed:
        raise Forbidden(
            "This request came from another website, so Closer refused it. "
            "Nothing was changed."
        )
