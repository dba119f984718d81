"""The installable app: its manifest, its service worker, the offline page."""

from __future__ import annotations

import hashlib
from functools import cache

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, HTMLResponse, Response

from closer import __version__
from closer.web.rendering import STATIC_DIR, render

router = APIRouter(include_in_schema=False)


SHELL_FILES = ("css/closer.css", "vendor/htmx/htmx.min.js", "js/app.js",
               "js/sw.js", "favicon.svg", "manifest.webmanifest",
               "vendor/inter/inter-latin-wght-normal.woff2")  # fmt: skip


@cache
def service_worker_source() -> str:
    """The worker, its cache named after the shell's contents and Closer's
    version: when either changes, the worker's bytes change, the browser
    installs it, and the old cache is dropped (no stale styles or scripts)."""
    digest = hashlib.sha256(__version__.encode())
    for name in SHELL_FILES:
        digest.update((STATIC_DIR / name).read_bytes())
    source = (STATIC_DIR / "js" / "sw.js").read_text(encoding="utf-8")
    return source.replace("closer-shell-dev", f"closer-shell-{digest.hexdigest()[:12]}")


@router.get("/sw.js")
def service_worker() -> Response:
    """Served from the root so that it looks after every page; never cached,
    so a new version takes over on the next visit."""
    return Response(
        service_worker_source(),
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache"},
    )


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    """What a browser needs to install Closer as an app."""
    return FileResponse(
        STATIC_DIR / "manifest.webmanifest", media_type="application/manifest+json"
    )


@router.get("/offline", response_class=HTMLResponse)
def offline_page(request: Request) -> Response:
    """What opens when the server cannot be reached: a form to note a moment
    (kept on the device until the server answers) and the way to help. It
    shows nothing of anyone's records, so it may be cached."""
    return render(request, "offline.html", title="Offline")
