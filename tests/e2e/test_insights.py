"""Insights in a real browser: charts with text alternatives, both themes
without accessibility violations, and the report downloaded with one note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import httpx2
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations


def a_fortnight(base_url: str) -> None:
    now = datetime.now(UTC)
    for n in range(12):
        stayed = n % 3 == 0
        what = "replied to Jo" if stayed else "left it on read"
        httpx2.post(base_url + "/api/v1/moments", json={
            "situation": f"Evening {n}: {what}",
            "occurred_at": (now - timedelta(days=n)).isoformat(),
            "action": "replied" if stayed else "slow-or-no-reply", "urge": 6,
            "emotions": [{"emotion": "anxious", "intensity": 5}],
        }).raise_for_status()  # fmt: skip


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_insights_meet_wcag_22_aa_with_charts(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    a_fortnight(base_url)
    page = new_page(color_scheme=scheme)
    page.goto(base_url + "/insights")
    expect(page.get_by_role("img", name="Moments per week")).to_be_visible()
    screenshot(page, f"insights-{scheme}")
    assert violations(page) == []


@pytest.mark.browser
def test_the_report_downloads_with_only_the_ticked_note(
    page: Page, base_url: str
) -> None:
    a_fortnight(base_url)
    page.goto(base_url + "/insights")
    page.locator("summary", has_text="A report for a counsellor").click()
    page.get_by_label("Evening 1: left it on read").first.check()
    with page.expect_download() as caught:
        page.get_by_role("button", name="As text (Markdown)").click()
    text = Path(caught.value.path()).read_text(encoding="utf-8")
    assert "Evening 1: left it on read" in text
    assert "Evening 2:" not in text
