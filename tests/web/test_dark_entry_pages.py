"""What follows a dark entry: support first, no causes or reflections, ways
to call or text that work on a phone, a short reminder on later pages, a
kind word after "I'm safe right now" and a gentle check-in at a later visit."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from closer.services import safety

DARK = "I want to kill myself tonight, I can't do this anymore"


def save(client: TestClient, words: str) -> str:
    """Save a moment from the Today form; the page it lands on."""
    response = client.post("/moments", data={"situation": words})
    assert response.status_code == 200
    return response.text


def test_a_dark_moment_leads_with_support_and_leaves_causes_for_later(
    client: TestClient,
) -> None:
    client.patch("/api/v1/settings", json={"country": "US"})
    page = save(client, DARK)
    panel_at = page.index('class="support-panel')
    assert panel_at < page.index("<h1>Saved</h1>")
    assert 'href="tel:911"' in page
    assert 'href="tel:988"' in page
    assert 'href="sms:988"' in page
    assert "Why this showed: Says they intend to end their life." in page
    assert "The rest can wait" in page
    for reflection in ("Possible causes", "hidden payoff", "trying to escape"):
        assert reflection not in page
    ordinary = save(client, "Skipped the climbing night with Sam again")
    assert "Saved. Here is what may help" in ordinary


def test_later_pages_show_a_short_reminder_not_a_new_alert(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(client, DARK)
    monkeypatch.setattr(safety, "FRESH", timedelta(0))
    page = client.get("/learn").text
    assert "Still here for you" in page
    assert "Earlier you wrote something that sounded hard" in page
    assert "You matter, and help is here right now" not in page
    assert 'value="safe"' in page
    assert 'value="help"' in page


def test_today_folds_a_hard_moment_instead_of_showing_its_words(
    client: TestClient,
) -> None:
    save(client, DARK)
    save(client, "Called Mum back and it went fine")
    today = client.get("/").text
    lately = today[today.index('id="recent-heading"') :]
    assert "A hard moment — open" in lately
    assert "kill myself" not in lately
    assert "Called Mum back" in lately


def test_im_safe_gets_a_kind_word_then_a_check_in_at_a_later_visit(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(client, DARK)
    answered = client.post("/support", data={"choice": "safe", "next": "/"})
    assert "We are glad you are safe" in answered.text
    assert "How are you today?" not in answered.text  # not the same evening
    monkeypatch.setattr(safety, "CHECK_IN_AFTER", timedelta(0))
    today = client.get("/").text
    assert "How are you today?" in today
    alert = re.search(r'name="alert" value="(\d+)"', today)
    assert alert is not None
    better = client.post(
        "/support/check-in", data={"alert": alert.group(1), "answer": "better"}
    )
    assert "That is good to hear" in better.text
    assert "How are you today?" not in client.get("/").text  # asked once


def test_still_hard_at_the_check_in_opens_help(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(client, DARK)
    client.post("/support", data={"choice": "safe", "next": "/"})
    monkeypatch.setattr(safety, "CHECK_IN_AFTER", timedelta(0))
    alert = re.search(r'name="alert" value="(\d+)"', client.get("/").text)
    assert alert is not None
    hard = client.post(
        "/support/check-in",
        data={"alert": alert.group(1), "answer": "hard"},
        follow_redirects=False,
    )
    assert hard.headers["location"] == "/help"
    wrong = client.post("/support/check-in", data={"alert": "1", "answer": "meh"})
    assert wrong.status_code == 422


def test_the_help_page_puts_calling_and_texting_first(client: TestClient) -> None:
    client.patch("/api/v1/settings", json={"country": "IE"})
    page = client.get("/help").text
    call = page.index('class="call-now" href="tel:112"')
    reach = page.index('class="reach" href="sms:51444?body=HELP"')
    assert call < reach < page.index('id="plan-heading"')


def test_a_new_dark_entry_shows_the_whole_panel_beside_an_older_alert(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(client, DARK)
    monkeypatch.setattr(safety, "FRESH", timedelta(seconds=1))
    time.sleep(1.2)
    assert "Still here for you" in client.get("/learn").text
    page = save(client, "I just want it all to stop, I want to die")
    assert "Still here for you" not in page
    assert "Why this showed" in page


def test_no_check_in_while_a_panel_is_open_or_after_show_me_help(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safety, "CHECK_IN_AFTER", timedelta(0))
    save(client, DARK)
    client.post("/support", data={"choice": "safe", "next": "/"})
    save(client, "I want to die")
    assert "How are you today?" not in client.get("/").text  # a panel is open
    client.post("/support", data={"choice": "help"})
    assert "How are you today?" not in client.get("/").text  # help came later


def test_the_kind_word_survives_a_fragment_in_the_return_path(
    client: TestClient,
) -> None:
    save(client, DARK)
    answered = client.post(
        "/support",
        data={"choice": "safe", "next": "/moments#top"},
        follow_redirects=False,
    )
    assert answered.headers["location"] == "/moments?said=safe#top"


@pytest.mark.parametrize(
    "words",
    ["आज रात सब खत्म कर दूंगा, अब और नहीं", "aaj raat sab khatam kar dunga yaar"],
)
def test_a_dark_moment_in_hindi_leads_with_india_s_lines(
    client: TestClient, words: str
) -> None:
    client.patch("/api/v1/settings", json={"country": "IN"})
    page = save(client, words)
    assert page.index('class="support-panel') < page.index("<h1>Saved</h1>")
    assert 'href="tel:112"' in page
    assert 'href="tel:14416"' in page
    assert "Says they intend to end their life." in page
