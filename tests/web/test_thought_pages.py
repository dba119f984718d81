"""Thought records on the web and over the API, on both databases."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


FORM = {
    "situation": "Jo did not answer my message all day",
    "automatic_thought": "Jo is tired of me",
    "belief_before": "80",
    "emotions": "anxious:7, ashamed",
    "traps": ["mind-reading", "fortune-telling"],
}


def test_a_record_is_started_then_finished_later(web: TestClient) -> None:
    assert "Mind reading" in web.get("/practice/thoughts/new").text
    created = web.post("/practice/thoughts", data=FORM)
    assert created.status_code == 303
    page = web.get(created.headers["location"]).text
    assert "Saved." in page
    assert 'value="anxious 7, ashamed"' in page
    assert 'value="mind-reading" checked' in page
    record_id = created.headers["location"].split("/")[-1].split("?")[0]
    finished = web.post(
        f"/practice/thoughts/{record_id}",
        data={**FORM, "evidence_against": "Jo said they were busy at work",
              "balanced_thought": "Jo is busy; it is not about me",
              "belief_after": "30", "emotions_after": "anxious:3"},
    )  # fmt: skip
    assert finished.status_code == 303
    api = web.get(f"/api/v1/thoughts/{record_id}").json()
    assert (api["belief_before"], api["belief_after"], api["shift"]) == (80, 30, 50)
    assert api["traps"] == ["mind-reading", "fortune-telling"]
    assert "and 30 after weighing it" in web.get(f"/practice/thoughts/{record_id}").text
    assert "Jo is tired of me" in web.get("/practice/thoughts").text


def test_a_mistake_keeps_what_was_written(web: TestClient) -> None:
    response = web.post("/practice/thoughts", data={**FORM, "emotions": "grumpy-cat:5"})
    assert response.status_code == 422
    assert "does not know the feeling &#39;grumpy-cat&#39; yet" in response.text
    assert "Jo is tired of me" in response.text
    traps = web.post("/api/v1/thoughts", json={
        "situation": "x", "automatic_thought": "y", "belief_before": 50,
        "traps": ["crystal-ball"]})  # fmt: skip
    assert "not a thinking trap" in traps.json()["error"]["message"]
    assert web.post("/api/v1/thoughts", json={
        "situation": "x", "automatic_thought": "y", "belief_before": 101,
    }).status_code == 422  # fmt: skip


def test_the_api_lists_traps_and_removes_records(web: TestClient) -> None:
    traps = web.get("/api/v1/thoughts/traps").json()
    assert len(traps) == 10
    made = web.post("/api/v1/thoughts", json={
        "situation": "Party", "automatic_thought": "Nobody wants me there",
        "belief_before": 70})  # fmt: skip
    record_id = made.json()["record"]["id"]
    assert web.delete(f"/api/v1/thoughts/{record_id}").status_code == 204
    assert web.get(f"/api/v1/thoughts/{record_id}").status_code == 404


def test_words_of_crisis_in_a_record_open_the_support_panel(web: TestClient) -> None:
    thought = "Everyone would be better off without me"
    body = {"situation": "Alone", "automatic_thought": thought, "belief_before": 90}
    made = web.post("/api/v1/thoughts", json=body)
    assert made.status_code == 201
    assert made.json()["support"] is not None
