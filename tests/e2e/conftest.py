"""Browser fixtures: Debian's Chromium driven by Playwright; no browser download."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from closer.domain.safety.plan import PlanSection
from tests.support.requirements import require
from tests.support.server import closer_env, init_store, running_server
from tests.support.system_deps import CHROMIUM

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Flags that keep Chromium from calling out to the network on its own.
SECTIONS = [section.value for section in PlanSection]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require(CHROMIUM.exists(), "Chromium (/usr/bin/chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``closer serve`` process on a fresh SQLite store."""
    data = tmp_path_factory.mktemp("e2e") / "data"
    env = closer_env(data)
    init_store(env)  # encrypted; the passphrase file unlocks it at start
    with running_server(env) as base:
        yield base


@pytest.fixture(autouse=True)
def _fresh_settings(base_url: str) -> None:
    """Every browser test starts from defaults: no country, no plan, no panel
    (with a generous timeout, for a busy 2-core machine)."""
    with httpx2.Client(base_url=base_url, timeout=30) as http:
        _reset(http)


def _reset(http: httpx2.Client) -> None:
    calls = [
        ("PATCH", "/api/v1/settings", {"country": None, "theme": "system"}),
        ("PUT", "/api/v1/safety/plan", {"sections": {s: [] for s in SECTIONS}}),
        ("POST", "/api/v1/safety/support", {"choice": "safe"}),
    ]
    for method, path, body in calls:
        http.request(method, path, json=body).raise_for_status()
    for person in http.get("/api/v1/people").json()["items"]:
        http.delete(f"/api/v1/people/{person['id']}").raise_for_status()
    moments = http.get("/api/v1/moments", params={"limit": 500}).json()
    for moment in moments["items"]:
        http.delete(f"/api/v1/moments/{moment['id']}").raise_for_status()
    for kind in ("reflections", "thoughts", "timeouts"):
        found = http.get(f"/api/v1/{kind}").json()
        items = found["items"] if isinstance(found, dict) else found
        for item in items:
            http.delete(f"/api/v1/{kind}/{item['id']}").raise_for_status()
    ladder = http.get("/api/v1/ladder").json()
    for step in ladder["planned"] + ladder["finished"]:
        http.delete(f"/api/v1/ladder/steps/{step['id']}").raise_for_status()


NewPage = Callable[..., Page]


@pytest.fixture
def new_page(browser: Browser) -> Iterator[NewPage]:
    """Open pages in fresh browser contexts (``color_scheme=``, ``viewport=``,
    ``java_script_enabled=``…); every context is closed after the test."""
    contexts: list[BrowserContext] = []

    def open_page(**options: Any) -> Page:
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: NewPage) -> Page:
    """A page with the browser's defaults."""
    return new_page()


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as a test artefact."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
