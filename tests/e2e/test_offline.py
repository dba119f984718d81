"""The installable app: the shell opens offline, and a moment noted while the
server is down is kept on the device and saved once the server is back."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx2
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NewPage, screenshot
from tests.support.postgres import free_port
from tests.support.server import Server, closer_env, init_store, serving


@pytest.fixture
def own_server(tmp_path: Path) -> tuple[dict[str, str], int]:
    """A store and a port of this test's own: its server gets killed."""
    env = closer_env(tmp_path / "data")
    init_store(env)
    return env, free_port()


def controlled(page: Page, url: str) -> None:
    """Open ``url`` and wait until the service worker looks after the page."""
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("!!navigator.serviceWorker.controller")


def kill(server: Server) -> None:
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait()


def saved(base: str, text: str) -> list[dict[str, object]]:
    found = httpx2.get(f"{base}/api/v1/moments", params={"q": text}).json()["items"]
    return [m for m in found if m["situation"] == text]


@pytest.mark.browser
def test_a_moment_noted_while_the_server_is_down_is_saved_when_it_is_back(
    new_page: NewPage, own_server: tuple[dict[str, str], int]
) -> None:
    env, port = own_server
    text = "Wrote this while the server was down"
    page = new_page()
    with serving(env, port) as server:
        controlled(page, server.base + "/")
        kill(server)  # the server is cut mid-session
        page.goto(server.base + "/")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Closer cannot reach its server"
        )
        page.get_by_label("What happened?").fill(text)
        page.get_by_label("7", exact=True).check()
        page.get_by_role("button", name="Save this moment").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Kept on this device")
        screenshot(page, "offline-kept")
        page.goto(server.base + "/help")
        expect(page.get_by_role("heading", level=1)).to_contain_text("help")
    with serving(env, port) as server:  # back, on the same address
        assert saved(server.base, text) == []
        page.goto(server.base + "/")  # any page the server answers sends the queue
        deadline = time.monotonic() + 20
        while not saved(server.base, text) and time.monotonic() < deadline:
            time.sleep(0.2)
        (moment,) = saved(server.base, text)
        assert moment["urge"] == 7
        page.goto(server.base + "/moments")  # and it is sent once, not twice
        time.sleep(1)
        assert len(saved(server.base, text)) == 1


@pytest.mark.browser
def test_the_app_can_be_installed(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    href = page.locator('link[rel="manifest"]').get_attribute("href")
    manifest = httpx2.get(base_url + str(href)).json()
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["icons"]
    worker = httpx2.get(base_url + "/sw.js")
    assert worker.headers["content-type"].startswith("text/javascript")
