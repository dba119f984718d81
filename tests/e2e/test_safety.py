"""Safety journeys in a real browser: the support panel, the plan, grounding."""

from __future__ import annotations

from typing import Literal

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations

PANEL = ".support-panel"


def _write_warning_sign(page: Page, base_url: str, text: str) -> None:
    page.goto(base_url + "/safety-plan/edit")
    page.get_by_label("1. Signs that a hard time is starting").fill(text)
    page.get_by_role("button", name="Save my plan").click()


@pytest.mark.browser
def test_crisis_words_are_saved_and_the_panel_waits_for_a_choice(
    page: Page, base_url: str
) -> None:
    _write_warning_sign(page, base_url, "Sometimes I think I want to die")
    panel = page.locator(PANEL)
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading")).to_have_text(
        "It sounds like things are really hard right now"
    )
    expect(page.get_by_text("Sometimes I think I want to die").first).to_be_visible()
    screenshot(page, "support-panel")

    # No stray click, key or page change closes it.
    page.keyboard.press("Escape")
    page.locator("h1").click()
    page.get_by_role("link", name="Today").click()
    expect(page.locator(PANEL)).to_be_visible()
    page.get_by_role("link", name="Learn").click()
    expect(page.locator(PANEL)).to_be_visible()

    page.get_by_role("button", name="I'm safe right now").click()
    expect(page).to_have_url(f"{base_url}/learn?said=safe")
    expect(page.locator(PANEL)).to_have_count(0)
    expect(page.get_by_role("status")).to_contain_text("We are glad you are safe")


@pytest.mark.browser
def test_show_me_help_leads_to_the_plan_and_the_lines(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/safety-plan/edit")
    page.get_by_label("2. Things I can do on my own").fill("Walk to the river")
    page.get_by_label("1. Signs that a hard time is starting").fill(
        "I feel like everyone would be better off without me"
    )
    page.get_by_role("button", name="Save my plan").click()
    page.locator(PANEL).get_by_role("button", name="Show me help").click()
    expect(page).to_have_url(f"{base_url}/help")
    expect(page.get_by_role("heading", name="Your safety plan")).to_be_visible()
    expect(page.get_by_text("Walk to the river")).to_be_visible()
    expect(page.locator(PANEL)).to_have_count(0)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_panel_meets_wcag_22_aa(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    page = new_page(color_scheme=scheme)
    _write_warning_sign(page, base_url, "I have a plan to kill myself")
    expect(page.locator(".urgent-panel")).to_be_visible()
    screenshot(page, f"support-panel-urgent-{scheme}")
    assert violations(page) == []
    page.get_by_role("button", name="I'm safe right now").click()


@pytest.mark.browser
def test_the_plan_prints_without_menus(page: Page, base_url: str) -> None:
    page.goto(base_url + "/safety-plan/edit")
    page.get_by_label("7. What I live for").fill("My niece\nThe sea in spring")
    page.get_by_role("button", name="Save my plan").click()
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_text("The sea in spring")).to_be_visible()
    page.pdf(path=str(screenshot(page, "safety-plan-print").with_suffix(".pdf")))


@pytest.mark.browser
def test_grounding_walks_through_every_step_without_javascript(
    new_page: NewPage, base_url: str
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "/help")
    page.get_by_role("link", name="Try a two-minute grounding exercise").click()
    page.get_by_role("link", name="Start").click()
    for step in range(1, 6):
        expect(page.get_by_text(f"Step {step} of 5")).to_be_visible()
        name = "Finish" if step == 5 else "Next"
        page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()


@pytest.mark.browser
def test_first_run_asks_for_the_country_on_today(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("Country", exact=True).select_option("IN")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Where are you?")).to_have_count(0)
    page.get_by_role("link", name="Need help now").first.click()
    expect(page.get_by_role("heading", name="Crisis lines in India")).to_be_visible()


PHONE = {"width": 390, "height": 844}


def _on_first_screen(page: Page, selector: str) -> None:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    assert box["y"] >= 0, selector
    assert box["y"] + box["height"] <= PHONE["height"], (selector, box)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_dark_entry_on_a_phone_puts_calling_on_the_first_screen(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    page = new_page(viewport=PHONE, color_scheme=scheme)
    page.request.patch(base_url + "/api/v1/settings", data={"country": "US"})
    page.goto(base_url + "/")
    page.get_by_label("What happened?").fill("I want to kill myself tonight")
    page.get_by_role("button", name="Save this moment").click()
    expect(page.locator(".urgent-panel")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Saved")
    _on_first_screen(page, 'a.call-now[href="tel:911"]')
    _on_first_screen(page, 'a.reach[href="tel:988"]')
    _on_first_screen(page, 'a.reach[href="sms:988"]')
    expect(page.get_by_text("The rest can wait")).to_be_visible()
    expect(page.locator(".suggestions")).to_have_count(0)
    screenshot(page, f"dark-entry-phone-{scheme}")
    assert violations(page) == []

    page.get_by_role("button", name="I'm safe right now").click()
    page.goto(base_url + "/")
    lately = page.locator(".moment-list")
    expect(lately.get_by_role("link", name="A hard moment — open")).to_be_visible()
    expect(lately.get_by_text("kill myself")).to_have_count(0)

    page.goto(base_url + "/help")
    _on_first_screen(page, 'a.call-now[href="tel:911"]')
    _on_first_screen(page, 'a.reach[href="sms:988"]')
    screenshot(page, f"help-phone-{scheme}")
