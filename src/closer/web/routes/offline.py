"""The installable app: its manifest, its service worker, the offline page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, HTMLResponse, Response

from closer.web.rendering import STATIC_DIR, render

router = APIRouter(include_in_schema=False)


@router.get("/sw.js")
def service_worker() -> Response:
    """Served from the root so that it looks after every page; never cached,
    so a new version takes over on the next visit."""
    return FileResponse(
        STATIC_DIR / "js" / "sw.js",
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
