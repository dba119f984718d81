"""The core loop in a real browser: log a moment, see why, keep people in view."""

from __future__ import annotations

import re
from typing import Literal

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations


def _quick_log(page: Page, base_url: str) -> None:
    """Every optional part, tapped as chips: well under 30 seconds."""
    page.goto(base_url + "/")
    page.get_by_label("What happened?").fill(
        "Ana asked me to meet her parents; I felt ashamed and cancelled"
    )
    page.get_by_text("Add more: who, how strong").click()
    page.get_by_label("Who was it about?").fill("Ana")
    page.get_by_role("group", name="How strong was the pull").get_by_role(
        "radio", name="8", exact=True
    ).click()
    page.get_by_text("Pulled away: choose how").click()
    page.get_by_role("radio", name="Cancelling at the last minute").click()
    page.get_by_role("radio", name="Ashamed", exact=True).click()
    page.get_by_role("button", name="Save this moment").click()


@pytest.mark.browser
def test_a_moment_logged_on_today_shows_likely_causes(
    page: Page, base_url: str
) -> None:
    _quick_log(page, base_url)
    expect(page).to_have_url(re.compile(r"/moments/\d+\?new=true$"))
    expect(page.get_by_role("status").first).to_have_text("Your moment is saved.")
    expect(page.get_by_role("heading", name="What may be behind it")).to_be_visible()
    expect(page.get_by_label(re.compile("^Fear of being truly seen"))).to_be_visible()
    screenshot(page, "moment-suggestions")
    page.get_by_label(re.compile("^Fear of being truly seen")).check()
    page.get_by_role("button", name="Keep these").click()
    expect(page.get_by_text("You chose:")).to_be_visible()


@pytest.mark.browser
def test_the_quick_log_works_without_javascript(
    new_page: NewPage, base_url: str
) -> None:
    page = new_page(java_script_enabled=False)
    _quick_log(page, base_url)
    expect(page.get_by_role("heading", name="What may be behind it")).to_be_visible()


@pytest.mark.browser
def test_a_moment_can_be_found_deleted_and_brought_back(
    page: Page, base_url: str
) -> None:
    _quick_log(page, base_url)
    page.get_by_role("link", name="Moments", exact=True).first.click()
    page.get_by_label("Search").fill("parents")
    page.get_by_role("button", name="Show").click()
    page.get_by_role("link", name=re.compile("meet her parents")).first.click()
    page.get_by_role("button", name="Delete this moment").click()
    expect(page.get_by_text("Moment deleted.")).to_be_visible()
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_text("meet her parents").first).to_be_visible()


@pytest.mark.browser
def test_people_are_added_and_shown_with_their_moments(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/people")
    page.get_by_label("Name").fill("Jo")
    page.get_by_label("How close now (0 to 10)").fill("3")
    page.get_by_label("How close you would like (0 to 10)").fill("7")
    page.get_by_label("Also called (optional)").fill("JJ")
    page.get_by_label("Day", exact=True).fill("4")
    page.get_by_label("Month", exact=True).select_option(label="July")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jo")
    expect(page.get_by_text("You would like to be a little closer")).to_be_visible()
    expect(page.get_by_text("Also called JJ. Birthday: 4 July")).to_be_visible()
    expect(page.get_by_label("How close now (0 to 10)")).to_be_hidden()  # folded
    page.locator("summary", has_text="Change details").click()
    page.get_by_label("How close now (0 to 10)").fill("5")
    page.get_by_role("button", name="Save").click()
    table = page.get_by_role("table", name="How close you felt")
    expect(table.get_by_role("row")).to_have_count(3)  # heading row + two readings
    screenshot(page, "person-with-history")
    assert violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_moment_and_people_pages_meet_wcag_22_aa(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    page = new_page(color_scheme=scheme)
    _quick_log(page, base_url)
    moment_url = page.url.split("?")[0]
    paths = [
        moment_url,
        moment_url + "/edit",
        base_url + "/moments",
        base_url + "/people",
    ]
    for url in paths:
        page.goto(url)
        assert violations(page) == [], url
    page.goto(base_url + "/people")
    page.get_by_role("link", name="Ana").click()
    screenshot(page, f"person-{scheme}")
    assert violations(page) == []
