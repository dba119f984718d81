"""A ladder step in a real browser, and the Practice page's accessibility with
a step waiting to be rated."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

import httpx2
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations


@pytest.mark.browser
def test_a_ladder_step_is_planned_and_rated_in_the_browser(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/practice")
    page.get_by_label("The step").fill("Text Jo back today")
    page.get_by_label("How uncomfortable do you expect it to be?").fill("40")
    page.get_by_label("What do you fear will happen?").fill(
        "Jo is annoyed I took so long"
    )
    page.get_by_role("button", name="Plan this step").click()
    expect(page.get_by_role("status")).to_have_text("Step planned.")
    page.get_by_label("How uncomfortable was it really?").fill("15")
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Save how it went").click()
    expect(page.get_by_role("status")).to_contain_text("Step recorded")
    row = page.get_by_role("row", name="Text Jo back today")
    expect(row).to_contain_text("40")
    expect(row).to_contain_text("15")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_practice_with_a_planned_step_meets_wcag_22_aa(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    httpx2.post(
        base_url + "/api/v1/ladder/steps",
        json={"text": "Ask for help with the move", "predicted_discomfort": 70},
    ).raise_for_status()
    page = new_page(color_scheme=scheme)
    page.goto(base_url + "/practice")
    screenshot(page, f"practice-step-{scheme}")
    assert violations(page) == []


@pytest.mark.browser
def test_a_reflection_a_thought_record_and_a_time_out_in_the_browser(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/practice")
    page.get_by_role("link", name="Reflections").click()
    page.get_by_role("link", name="What am I trying to escape?").click()
    page.get_by_label("What am I trying to get away from right now?").fill("Being seen")
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Being seen")).to_be_visible()

    page.goto(base_url + "/practice/thoughts/new")
    page.get_by_label("What was happening?").fill("Jo went quiet")
    page.get_by_label("What went through your mind?").fill("Jo is done with me")
    page.get_by_label("How much do you believe it? (0-100)").fill("80")
    page.get_by_label("Mind reading").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.get_by_label("Mind reading")).to_be_checked()

    page.goto(base_url + "/practice/timeouts")
    page.get_by_role("button", name="Show message ideas").click()
    drafts = page.get_by_role("list", name="Something to tell them")
    expect(drafts).to_contain_text("Hi everyone, I need a few quiet days")
    page.get_by_label("Why do you need it?").fill("Too much at once")
    page.get_by_role("button", name="Plan this time-out").click()
    expect(page.get_by_role("heading", name="Coming back")).to_be_visible()
    screenshot(page, "timeout")
    assert violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_drifting_with_someone_on_it_meets_wcag_22_aa(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    kit = httpx2.post(
        base_url + "/api/v1/people", json={"name": "Kit", "rhythm_days": 7}
    )
    long_ago = (datetime.now(UTC) - timedelta(days=30)).isoformat()
    httpx2.post(
        base_url + "/api/v1/contacts",
        json={"person_id": kit.json()["id"], "at": long_ago},
    ).raise_for_status()
    page = new_page(color_scheme=scheme)
    page.goto(base_url + "/people/drifting")
    expect(
        page.get_by_text("30 days since you were last in touch with Kit")
    ).to_be_visible()
    screenshot(page, f"drifting-{scheme}")
    assert violations(page) == []
    page.get_by_role("link", name="Find words to reconnect").click()
    expect(page.get_by_role("heading", name="Reconnect with Kit")).to_be_visible()
    screenshot(page, f"repair-{scheme}")
    assert violations(page) == []
