"""Journeys end to end: from Today to a strategy, a person's plan kept, and
focus that can always be seen."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot
from tests.e2e.test_moments import _quick_log


@pytest.mark.browser
def test_from_today_to_a_strategy_in_under_thirty_seconds(
    page: Page, base_url: str
) -> None:
    began = time.monotonic()
    _quick_log(page, base_url)
    things = page.get_by_role("heading", name="Things to try")
    expect(things).to_be_visible()
    strategy = page.locator('a[href^="/learn/strategies/"]').first
    name = strategy.inner_text()
    strategy.click()
    expect(page).to_have_url(re.compile(r"/learn/strategies/[a-z-]+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    assert time.monotonic() - began < 30
    screenshot(page, "strategy-from-moment")


@pytest.mark.browser
def test_a_person_gets_a_plan_and_it_is_marked_kept(page: Page, base_url: str) -> None:
    page.goto(base_url + "/people")
    page.get_by_label("Name").fill("Sam")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sam")
    page.get_by_text("Add a plan with Sam").click()
    page.get_by_label("What you plan or promised").fill("Coffee at the market")
    day = date.today() + timedelta(days=2)
    page.get_by_label("On", exact=True).fill(day.isoformat())
    page.get_by_role("button", name="Add this plan").click()
    plan = page.get_by_role("article", name=re.compile("^Coffee at the market"))
    expect(plan).to_be_visible()
    plan.get_by_label("Kept", exact=True).check()
    plan.get_by_role("button", name="Save").click()
    expect(
        page.get_by_role("article", name=re.compile("^Coffee at the market"))
    ).to_contain_text("Kept")
    screenshot(page, "person-plan-kept")


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/practice/message", "/people"])
def test_keyboard_focus_is_always_visible(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    seen = 0
    for _ in range(25):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            """() => { const e = document.activeElement;
                       if (!e || e === document.body) return null;
                       const s = getComputedStyle(e);
                       return [e.tagName, s.outlineStyle,
                               parseFloat(s.outlineWidth)]; }"""
        )
        if outline is None:
            continue
        tag, style, width = outline
        assert style != "none", (path, tag)
        assert width >= 2, (path, tag, width)
        seen += 1
    assert seen >= 10


@pytest.mark.browser
def test_a_moment_is_logged_from_the_keyboard_alone(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    situation = page.get_by_label("What happened?")
    for _ in range(60):  # Tab from the top of the page to the quick log
        page.keyboard.press("Tab")
        if situation.evaluate("e => e === document.activeElement"):
            break
    expect(situation).to_be_focused()
    page.keyboard.type("Kept my phone face down so I would not answer Ana")
    submit = page.get_by_role("button", name="Save this moment")
    for _ in range(80):
        page.keyboard.press("Tab")
        if submit.evaluate("e => e === document.activeElement"):
            break
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/moments/\d+\?new=true$"))
    expect(page.get_by_role("heading", name="What may be behind it")).to_be_visible()
