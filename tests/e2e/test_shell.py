"""The web shell in a real browser: help from every page, accessibility, privacy."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Page, Request, expect

from closer.web.rendering import NAVIGATION
from tests.e2e.conftest import NewPage, screenshot

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {
    "today": "/",
    "help": "/help",
    "settings": "/settings",
    "learn": "/learn",
    "safety-plan": "/safety-plan",
    "safety-plan-edit": "/safety-plan/edit",
    "grounding": "/grounding?step=1",
    "learn-cause": "/learn/causes/fear-of-abandonment",
    "learn-search": "/learn?q=space",
    "learn-emotions": "/learn/emotions",
    "learn-reflection": "/learn/reflections/time-out-questions",
    "privacy": "/privacy",
    "practice": "/practice",
    "reflections": "/practice/reflections",
    "reflection-form": "/practice/reflections/time-out-questions",
    "thought-new": "/practice/thoughts/new",
    "timeouts": "/practice/timeouts",
    "drifting": "/people/drifting",
    "insights-empty": "/insights",
    "ask": "/ask?q=why+do+I+cancel+plans",
    "offline": "/offline",
    "message-check": "/practice/message",
}


def violations(page: Page) -> list[str]:
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA}},
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} element(s))"
        for v in results.response["violations"]
    ]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_pages_have_no_wcag_22_aa_violations(
    new_page: NewPage, base_url: str, name: str, scheme: Literal["light", "dark"]
) -> None:
    page = new_page(color_scheme=scheme)
    page.goto(base_url + PAGES[name])
    screenshot(page, f"{name}-{scheme}")
    assert violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("path", [item.path for item in NAVIGATION])
def test_need_help_now_opens_from_every_page(
    page: Page, base_url: str, path: str
) -> None:
    page.goto(base_url + path)
    page.get_by_role("link", name="Need help now").first.click()
    expect(page).to_have_url(f"{base_url}/help")
    expect(page.get_by_role("heading", level=1)).to_have_text("Need help now")
    expect(
        page.get_by_role("link", name="https://findahelpline.com").first
    ).to_be_visible()


@pytest.mark.browser
def test_keyboard_users_reach_help_right_after_the_skip_link(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/learn")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Need help now").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base_url}/help")


@pytest.mark.browser
def test_no_request_leaves_this_machine_and_nothing_breaks_the_csp(
    page: Page, base_url: str
) -> None:
    hosts: set[str] = set()
    problems: list[str] = []

    def on_request(request: Request) -> None:
        hosts.add(urlsplit(request.url).hostname or "")

    def on_console(message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            problems.append(message.text)

    page.on("request", on_request)
    page.on("console", on_console)
    for path in PAGES.values():
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    assert hosts == {"127.0.0.1"}
    assert problems == []


@pytest.mark.browser
def test_settings_save_without_javascript(new_page: NewPage, base_url: str) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "/settings")
    page.get_by_label("Country for crisis lines").select_option("NZ")
    page.get_by_label("Dark").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    screenshot(page, "settings-saved-no-js")
    page.get_by_role("link", name="Need help now").first.click()
    expect(
        page.get_by_role("heading", name="Crisis lines in New Zealand")
    ).to_be_visible()


@pytest.mark.browser
def test_settings_save_in_place_with_htmx(page: Page, base_url: str) -> None:
    page.goto(base_url + "/settings")
    page.get_by_label("Country for crisis lines").select_option("CA")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page).to_have_url(f"{base_url}/settings")
    page.goto(base_url + "/help")
    expect(page.get_by_role("heading", name="Crisis lines in Canada")).to_be_visible()


@pytest.mark.browser
def test_a_bad_choice_is_announced_and_the_form_keeps_working(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/settings")
    page.evaluate(
        "document.querySelector('#country')"
        ".add(new Option('Nowhere', 'ZZ', true, true))"
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("no crisis lines for ZZ")
    page.get_by_label("Country for crisis lines").select_option("FR")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")


@pytest.mark.browser
@pytest.mark.parametrize("name", list(PAGES))
def test_pages_fit_a_phone_screen_without_sideways_scrolling(
    new_page: NewPage, base_url: str, name: str
) -> None:
    page = new_page(viewport={"width": 360, "height": 740})
    page.goto(base_url + PAGES[name])
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    screenshot(page, f"{name}-phone")
    assert overflow <= 0
    expect(page.get_by_role("link", name="Need help now").first).to_be_in_viewport()
