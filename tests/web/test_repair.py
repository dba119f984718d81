"""Repair: a few honest words after going quiet or calling something off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from closer.domain.repair import repair_drafts


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def test_drafts_acknowledge_name_the_feeling_and_offer_one_small_step() -> None:
    drafts = repair_drafts(
        "Jo", after="cancelled", feeling="overwhelmed", step="get a coffee"
    )
    assert len(drafts) == 3
    assert all(d.startswith("Hi Jo, I'm sorry I called off our plan.") for d in drafts)
    assert "I was feeling overwhelmed" in drafts[0]
    assert "get a coffee" in drafts[0]
    plain = repair_drafts("Jo")
    assert "quiet for a while" in plain[0]
    assert "feeling" not in plain[0]
    assert all(len(d) < 240 for d in drafts + plain)  # brief, no over-explaining


def test_the_repair_page_is_offered_where_it_helps(web: TestClient) -> None:
    jo = web.post("/api/v1/people", json={"name": "Jo", "rhythm_days": 7}).json()["id"]
    long_ago = (datetime.now(UTC) - timedelta(days=30)).isoformat()
    web.post("/api/v1/contacts", json={"person_id": jo, "at": long_ago})
    assert f'href="/people/{jo}/repair?after=quiet"' in web.get("/people/drifting").text
    dinner = {"person_id": jo, "text": "Dinner", "due_on": "2026-12-01"}
    plan = web.post("/api/v1/commitments", json=dinner).json()["id"]
    web.post(f"/api/v1/commitments/{plan}/settle",
             json={"status": "cancelled", "cancelled_by": "me"})  # fmt: skip
    assert (
        f'href="/people/{jo}/repair?after=cancelled"' in web.get(f"/people/{jo}").text
    )
    page = web.get(
        f"/people/{jo}/repair?after=cancelled&feeling=scared&step=a+walk"
    ).text
    assert "Honestly, I was feeling scared" in page
    assert "Could we a walk this week?" in page  # the person's own words, as typed
    assert "Closer never sends anything" in page
