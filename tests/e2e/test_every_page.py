"""Every page of the app, found from its routes (so a new page is checked the
day it is added), with one record of every kind behind it: no WCAG 2.2 AA
violation in either theme."""

from __future__ import annotations

from typing import Literal

import httpx2
import pytest
from fastapi.routing import APIRoute

from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations
from tests.support.records import all_routes, fill

# Pages checked elsewhere, or not pages: each with where or why.
ELSEWHERE = {
    "/login": "hosted mode only: tests/e2e/test_accounts.py",
    "/signup": "hosted mode only: tests/e2e/test_accounts.py",
    "/setup": "a new store only: tests/e2e/test_lock.py",
    "/unlock": "a locked store only: tests/e2e/test_lock.py",
    "/calendar/{token}.ics": "a calendar feed, not a page",
    "/manifest.webmanifest": "the app's manifest, not a page",
    "/sw.js": "the service worker, not a page",
    "/privacy/export": "a download, not a page",
    "/insights/report": "a download, not a page",
}
SLUGS = {
    "/checks/{slug}": "gad7",
    "/checks/{slug}/history": "gad7",
    "/learn/{kind}/{slug}": "fear-of-hurt",
    "/practice/reflections/{slug}": "time-out-questions",
}


def pages() -> list[str]:
    paths = {
        r.path_format
        for r in all_routes()
        if isinstance(r, APIRoute)
        and "GET" in (r.methods or set())
        and not r.path_format.startswith("/api/")
    }
    return sorted(paths - ELSEWHERE.keys())


def test_every_page_is_either_checked_here_or_named_with_where_it_is() -> None:
    assert len(pages()) >= 30
    assert set(ELSEWHERE) <= {r.path_format for r in all_routes()}


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_with_records_meets_wcag_22_aa(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    with httpx2.Client(base_url=base_url, timeout=30) as http:
        ids = fill(http)
        http.patch("/api/v1/settings", json={"theme": "system"}).raise_for_status()
    page = new_page(color_scheme=scheme)
    found: dict[str, list[str]] = {}
    for path in pages():
        url = path.format(**ids, **{"kind": "causes", "slug": SLUGS.get(path, "")})
        response = page.goto(base_url + url)
        assert response is not None
        assert response.status < 400, (url, response.status)
        problems = violations(page)
        if problems:
            found[url] = problems
            screenshot(page, f"violation-{scheme}-{url.strip('/').replace('/', '-')}")
    assert found == {}
