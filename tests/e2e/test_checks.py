"""Self-checks in a real browser: answered with the keyboard, a result, the
history chart, and accessibility of each page in both themes."""

from __future__ import annotations

from typing import Literal

import httpx2
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations


@pytest.mark.browser
def test_a_gad7_is_answered_and_its_result_and_history_are_shown(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/checks/gad7")
    for number, value in enumerate([2, 1, 1, 0, 0, 0, 0], start=1):
        page.locator(f"#q{number}-{value}").check()
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_text("4: minimal")).to_be_visible()
    expect(page.get_by_text("This is not a diagnosis.")).to_be_visible()
    page.get_by_role("link", name="Over time").click()
    expect(page.get_by_role("img", name="GAD-7 results over time")).to_be_visible()


@pytest.mark.browser
def test_an_unanswered_question_is_named_and_the_answers_stay(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/checks/phq2")
    page.locator("#q1-2").check()
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("alert")).to_contain_text("Question 2 has no answer yet")
    expect(page.locator("#q1-2")).to_be_checked()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_check_pages_meet_wcag_22_aa(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    made = httpx2.post(base_url + "/api/v1/checks/arsq", json={"answers": [3, 4] * 9})
    made.raise_for_status()
    httpx2.post(base_url + "/api/v1/checks/arsq", json={"answers": [2, 5] * 9})
    patterns = httpx2.post(
        base_url + "/api/v1/checks/patterns", json={"answers": [3] * 27}
    )
    page = new_page(color_scheme=scheme)
    for name, path in {
        "checks": "/checks",
        "check-phq9": "/checks/phq9",
        "check-arsq": "/checks/arsq",
        "check-result": f"/checks/results/{made.json()['id']}",
        "check-patterns": f"/checks/results/{patterns.json()['id']}",
        "check-history": "/checks/arsq/history",
    }.items():
        page.goto(base_url + path)
        screenshot(page, f"{name}-{scheme}")
        assert violations(page) == [], path
