"""Hosted mode in a browser: create an account, sign out, sign in; the account
pages meet WCAG 2.2 AA in both themes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations
from tests.support.server import closer_env, running_server


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hosted")
    env = closer_env(
        folder / "data", CLOSER_MODE="hosted",
        CLOSER_DATABASE_URL=f"sqlite:///{folder / 'hosted.db'}",
    )  # fmt: skip
    with running_server(env) as base:
        yield base


@pytest.mark.browser
def test_an_account_is_made_left_and_returned_to(
    new_page: NewPage, hosted: str
) -> None:
    page = new_page()
    page.goto(hosted + "/moments")
    expect(page).to_have_url(hosted + "/login?next=%2Fmoments")
    page.get_by_role("link", name="Create one").click()
    page.get_by_label("Email").fill("noor@example.org")
    page.get_by_label("Password (at least 10 characters)").fill("a long password")
    page.get_by_label("The same password again").fill("a long password")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_text("Signed in as noor@example.org")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(hosted + "/login")
    page.get_by_label("Email").fill("noor@example.org")
    page.get_by_label("Password").fill("a long password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as noor@example.org")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/login", "/signup"])
def test_account_pages_meet_wcag_22_aa(
    new_page: NewPage, hosted: str, path: str, scheme: Literal["light", "dark"]
) -> None:
    page = new_page(color_scheme=scheme)
    page.goto(hosted + path)
    screenshot(page, f"{path.strip('/')}-{scheme}")
    assert violations(page) == []
