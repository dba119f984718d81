"""Checking a message in a real browser, keyboard only, and its accessibility."""

from __future__ import annotations

from typing import Literal

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_draft_is_checked_from_the_keyboard_and_the_page_meets_wcag_22_aa(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    page = new_page(color_scheme=scheme)
    page.goto(base_url + "/practice/message")
    page.get_by_label("Your draft").focus()
    page.keyboard.type("Something came up, I have to cancel. You always do this too.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Cancelling without a new plan")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Blame")).to_be_visible()
    expect(page.get_by_label("Your draft")).to_have_value(
        "Something came up, I have to cancel. You always do this too."
    )
    screenshot(page, f"message-check-{scheme}")
    assert violations(page) == []
