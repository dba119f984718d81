"""The Practice page: plan a step, say how it went, choose a good share;
every form without JavaScript."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def test_the_page_suggests_a_gentle_first_step_and_never_scolds(
    web: TestClient,
) -> None:
    page = web.get("/practice").text
    assert "Start with something gentle" in page
    assert "Reply to one message within a day" in page
    for word in ("streak", "missed", "failed"):
        assert word not in page.lower()


def test_a_step_planned_and_done_through_forms(web: TestClient) -> None:
    sam = web.post("/api/v1/people", json={"name": "Sam"}).json()["id"]
    planned = web.post(
        "/practice/steps",
        data={"text": "Ask Sam for a walk", "predicted_discomfort": "60",
              "feared_outcome": "Sam says no", "person_id": str(sam)},
    )  # fmt: skip
    assert planned.headers["location"] == "/practice?saved=planned"
    page = web.get("/practice?saved=planned").text
    assert "Step planned." in page
    assert "Ask Sam for a walk · Sam" in page
    step_id = web.get("/api/v1/ladder").json()["planned"][0]["id"]
    done = web.post(
        f"/practice/steps/{step_id}/done",
        data={"actual_discomfort": "30", "outcome": "good", "note": "Sam said yes"},
    )
    assert done.headers["location"] == "/practice?saved=done"
    page = web.get("/practice").text
    assert "<td>60</td><td>30</td><td>Good</td>" in page
    assert "try one a little harder" in page


def test_a_mistake_keeps_what_was_typed(web: TestClient) -> None:
    response = web.post(
        "/practice/steps", data={"text": "Call Dad", "predicted_discomfort": "lots"}
    )
    assert response.status_code == 422
    assert "must be a number" in response.text
    assert 'value="Call Dad"' in response.text


def test_the_good_share_is_chosen_on_the_page(web: TestClient) -> None:
    assert web.post("/practice/good", data={"percent": "5"}).status_code == 303
    assert "Right now: <strong>5%</strong>" in web.get("/practice").text
    assert web.post("/practice/good", data={"percent": "0"}).status_code == 422
