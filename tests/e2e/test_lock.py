"""First run in a browser: choose a passphrase, lock, unlock; help while locked;
export a file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations
from tests.support.server import closer_env, running_server

PASSPHRASE = "a lantern by the river"


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[str]:
    """A server on a machine where Closer was never set up (no passphrase file)."""
    env = closer_env(tmp_path / "data")
    del env["CLOSER_PASSPHRASE_FILE"]
    with running_server(env) as base:
        yield base


@pytest.mark.browser
def test_first_run_locking_and_unlocking_in_a_browser(
    new_page: NewPage, fresh_server: str
) -> None:
    page = new_page()
    page.goto(fresh_server + "/")
    expect(page).to_have_url(fresh_server + "/setup")
    screenshot(page, "setup")
    assert violations(page) == []
    page.get_by_label("Passphrase (at least 8 characters)").fill(PASSPHRASE)
    page.get_by_label("The same passphrase again").fill(PASSPHRASE)
    page.get_by_role("button", name="Encrypt my records").click()
    expect(page).to_have_url(fresh_server + "/")
    page.get_by_label("What happened?").fill("Sat in the car instead of going in")
    page.get_by_role("button", name="Save this moment").click()
    expect(page.get_by_text("Sat in the car instead of going in").first).to_be_visible()

    page.goto(fresh_server + "/privacy")
    page.get_by_role("button", name="Lock now").click()
    expect(page).to_have_url(fresh_server + "/unlock")
    screenshot(page, "unlock")
    assert violations(page) == []
    page.get_by_role("link", name="Need help now").first.click()
    expect(page.get_by_role("heading", name="Need help now")).to_be_visible()
    expect(page.get_by_text("kept with your locked records")).to_be_visible()

    page.goto(fresh_server + "/moments")
    page.get_by_label("Passphrase").fill("the wrong words")
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("alert")).to_contain_text("does not unlock your records")
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(page).to_have_url(fresh_server + "/moments")
    expect(page.get_by_text("Sat in the car instead of going in").first).to_be_visible()


@pytest.mark.browser
def test_everything_downloads_as_closer_json(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("What happened?").fill("Left the party early without a word")
    page.get_by_role("button", name="Save this moment").click()
    page.goto(base_url + "/privacy")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download everything (Closer JSON)").click()
    saved = Path(download.value.path())
    doc = json.loads(saved.read_text())
    assert doc["closer_export"] == 2
    situations = [m["situation"] for m in doc["moments"]]
    assert "Left the party early without a word" in situations
