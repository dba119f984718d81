"""Screenshots for docs/design.md and docs/screenshots/ (``make screenshots``).

Starts a real ``closer serve`` on a fresh store with a few days of moments,
then photographs each component (on a phone, light and dark) and the first
screen of the main pages (phone and laptop, light and dark) in Debian's
Chromium. Nothing here runs in ``make test``.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e.conftest import CHROMIUM_ARGS
from tests.support.server import closer_env, init_store, running_server
from tests.support.system_deps import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
DESIGN = ROOT / "docs" / "screenshots" / "design"
PAGES = ROOT / "docs" / "screenshots" / "pages"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
THEMES = ("light", "dark")

MAIN_PAGES = {
    "today": "/",
    "moments": "/moments",
    "people": "/people",
    "practice": "/practice",
    "insights": "/insights",
    "learn": "/learn",
    "settings": "/settings",
    "help": "/help",
}

# (name, page, CSS selector of the element, folded sections to open first)
COMPONENTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("header", "/", ".site-header", ()),
    ("button", "/", "form.first-run .actions", ()),
    ("card", "/", "form.first-run", ()),
    ("folded", "/", "details.more", ()),
    ("segmented", "/", "fieldset:has(#urge-0)", ("Add more",)),
    ("chips", "/", "fieldset:has(#emotion-calm)", ("Add more",)),
    ("chart", "/insights", ".chart", ()),
    ("empty", "/moments?q=nothing-like-this", ".empty-state", ()),
)

MOMENTS = (
    ("Left Maya's message unanswered all day", "anxious"),
    ("Cancelled dinner with Sam at the last minute", "ashamed"),
    ("Told Noor I was scared of losing her", "tender"),
    ("Hid in my phone at the party", "overwhelmed"),
    ("Called Mum back and stayed on the line", "calm"),
    ("Said I was busy when Lea asked to meet", "afraid"),
    ("Replied to Sam with a real answer", "relieved"),
    ("Went quiet after the argument", "hurt"),
)


def _seed(base: str) -> None:
    """Eight moments over eight evenings, so the charts have something."""
    now = datetime.now(UTC).replace(hour=19, minute=30)
    with httpx2.Client(base_url=base, timeout=30) as http:
        for days_ago, (text, feeling) in enumerate(MOMENTS):
            when = now - timedelta(days=2 * days_ago)
            body = {
                "situation": text,
                "occurred_at": when.isoformat(),
                "emotions": [{"emotion": feeling, "intensity": 6}],
                "urge": 3 + days_ago % 6,
            }
            http.post("/api/v1/moments", json=body).raise_for_status()


def _page(browser: Browser, base: str, theme: str, viewport: dict[str, int]) -> Page:
    context = browser.new_context(viewport=viewport, color_scheme=theme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(base + "/")
    return page


def _components(browser: Browser, base: str) -> None:
    DESIGN.mkdir(parents=True, exist_ok=True)
    for theme in THEMES:
        page = _page(browser, base, theme, PHONE)
        for name, path, selector, to_open in COMPONENTS:
            page.goto(base + path)
            for summary in to_open:
                page.locator("summary", has_text=summary).first.click()
            element = page.locator(selector).first
            element.scroll_into_view_if_needed()
            element.screenshot(path=str(DESIGN / f"{name}-{theme}.png"))
        page.context.close()


def _pages(browser: Browser, base: str) -> None:
    PAGES.mkdir(parents=True, exist_ok=True)
    for theme in THEMES:
        for size, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
            page = _page(browser, base, theme, viewport)
            for name, path in MAIN_PAGES.items():
                page.goto(base + path)
                page.wait_for_timeout(200)  # the typeface swaps in
                page.screenshot(path=str(PAGES / f"{name}-{size}-{theme}.png"))
            page.context.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        env = closer_env(Path(folder) / "data", CLOSER_MODEL="off")
        init_store(env)
        with running_server(env) as base, sync_playwright() as playwright:
            _seed(base)
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            try:
                _components(browser, base)
                _pages(browser, base)
            finally:
                browser.close()
    print(f"Wrote {DESIGN.relative_to(ROOT)}/ and {PAGES.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
