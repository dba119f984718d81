"""Contacts: one action on a person's page, over the API; last in touch."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def test_one_action_on_the_person_page(web: TestClient) -> None:
    sam = web.post("/api/v1/people", json={"name": "Sam"}).json()["id"]
    assert "Nothing noted yet." in web.get(f"/people/{sam}").text
    done = web.post(f"/people/{sam}/contacts", data={"kind": "them", "how": "call"})
    assert done.headers["location"] == f"/people/{sam}?contact=1#contacts"
    web.post(f"/people/{sam}/contacts", data={"kind": "meet", "note": "Coffee"})
    page = web.get(f"/people/{sam}?contact=1").text
    assert "Noted." in page
    assert "Heard from Sam (call)" in page
    assert "Met Sam (meet). Coffee" in page
    assert "Last in touch:" in page


def test_the_api_logs_lists_and_removes_contacts(web: TestClient) -> None:
    ana = web.post("/api/v1/people", json={"name": "Ana"}).json()["id"]
    made = web.post("/api/v1/contacts", json={"person_id": ana, "how": "text"})
    assert made.status_code == 201
    contact = made.json()["contact"]
    assert (contact["direction"], contact["sentence"]) == ("me", "Reached out to Ana")
    assert [c["id"] for c in web.get(f"/api/v1/contacts?person_id={ana}").json()] == [
        contact["id"]
    ]
    bad = web.post("/api/v1/contacts", json={"person_id": ana, "how": "pigeon"})
    assert bad.status_code == 422
    assert (
        "How must be one of text, call, meet, other" in bad.json()["error"]["message"]
    )
    assert web.post("/api/v1/contacts", json={"person_id": 999}).status_code == 404
    assert web.delete(f"/api/v1/contacts/{contact['id']}").status_code == 204
    assert web.get("/api/v1/contacts").json() == []


def test_moving_toward_someone_in_a_moment_counts_as_being_in_touch(
    web: TestClient,
) -> None:
    jo = web.post("/api/v1/people", json={"name": "Jo"}).json()["id"]
    web.post("/api/v1/moments", json={"situation": "Left Jo on read", "people": [jo],
                                      "action": "slow-or-no-reply"})  # fmt: skip
    assert "Nothing noted yet." in web.get(f"/people/{jo}").text
    replied = {"situation": "Replied to Jo", "people": [jo], "action": "replied"}
    web.post("/api/v1/moments", json=replied)
    assert "Last in touch:" in web.get(f"/people/{jo}").text
