"""Healthy time-outs: planned with a message draft, come back any day, gently."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from closer.domain.errors import InvalidInput
from closer.domain.timeouts import Stage, TimeOut, drafts, new_timeout, note_for

TODAY = datetime.now(UTC).date()


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def timeout(starts: int, returns: int) -> TimeOut:
    return new_timeout(
        reason="Need to rest", starts_on=TODAY + timedelta(days=starts),
        returns_on=TODAY + timedelta(days=returns), created_at=datetime.now(UTC),
    )  # fmt: skip


def test_stages_and_notes_never_speak_of_failure() -> None:
    assert timeout(1, 3).stage(TODAY) is Stage.PLANNED
    assert timeout(0, 3).stage(TODAY) is Stage.ONGOING
    assert timeout(-3, 0).stage(TODAY) is Stage.DUE
    late = timeout(-9, -4)
    assert late.stage(TODAY) is Stage.PAST_DUE
    note = note_for(late, TODAY)
    assert (
        note == "You planned to come back a little while ago. Whenever you are ready."
    )
    for word in ("fail", "overdue", "missed", "late"):
        assert word not in note.lower()
    with pytest.raises(InvalidInput, match="return date after"):
        timeout(2, 2)
    with pytest.raises(InvalidInput, match="at most 180 days"):
        timeout(0, 200)


def test_drafts_name_the_person_and_the_day() -> None:
    day = TODAY + timedelta(days=3)
    written = drafts("Jo", day)
    assert len(written) == 3
    assert all("Jo" in d and str(day.day) in d for d in written)
    to_all = drafts(None, day)
    assert [d.split(",")[0] for d in to_all] == ["Hi everyone", "Hello all", "Hey all"]


def test_a_time_out_from_plan_to_return(web: TestClient) -> None:
    jo = web.post("/api/v1/people", json={"name": "Jo"}).json()["id"]
    until = (TODAY + timedelta(days=4)).isoformat()
    ideas = web.get(f"/practice/timeouts?person_id={jo}&returns_on={until}").text
    assert "Hi Jo, I need a few quiet days" in ideas
    planned = web.post(
        "/practice/timeouts",
        data={"person_id": str(jo), "returns_on": until, "reason": "Work is too much",
              "message": "Jo, I need a few days. Back on Friday."},
    )  # fmt: skip
    assert planned.status_code == 303
    page = web.get(planned.headers["location"]).text
    assert "4 days to go" in page
    assert "Would I be glad if things between us stayed as they are?" in page
    timeout_id = planned.headers["location"].rsplit("/", 1)[1]
    back = web.post(
        f"/practice/timeouts/{timeout_id}/return",
        data={"answer_3": "Mostly", "answer_4": "Calm and close"},
    )
    assert back.headers["location"] == f"/practice?person={jo}#plan-heading"
    assert (
        f'<option value="{jo}" selected>Jo</option>'
        in web.get(back.headers["location"]).text
    )
    api = web.get(f"/api/v1/timeouts/{timeout_id}").json()
    assert (api["stage"], api["returned_on"]) == ("returned", TODAY.isoformat())
    entry = web.get(f"/api/v1/reflections/{api['reflection_id']}").json()
    assert entry["answers"][2] == "Mostly"
    assert entry["person"] == "Jo"


def test_a_mistake_keeps_what_was_typed(web: TestClient) -> None:
    response = web.post(
        "/practice/timeouts",
        data={"returns_on": TODAY.isoformat(), "reason": "Tired of everything"},
    )
    assert response.status_code == 422
    assert "return date after" in response.text
    assert "Tired of everything" in response.text


def test_the_api_plans_lists_and_removes(web: TestClient) -> None:
    until = (TODAY + timedelta(days=2)).isoformat()
    assert (
        web.get(f"/api/v1/timeouts/drafts?returns_on={until}")
        .json()[0]
        .startswith("Hi everyone")
    )
    made = web.post("/api/v1/timeouts", json={"reason": "Rest", "returns_on": until})
    assert made.status_code == 201
    made_id = made.json()["timeout"]["id"]
    assert [t["id"] for t in web.get("/api/v1/timeouts").json()] == [made_id]
    assert web.delete(f"/api/v1/timeouts/{made_id}").status_code == 204
    assert web.get(f"/api/v1/timeouts/{made_id}").status_code == 404


def test_today_asks_gently_once_the_return_day_has_come(web: TestClient) -> None:
    jo = web.post("/api/v1/people", json={"name": "Jo"}).json()["id"]
    started = (TODAY - timedelta(days=6)).isoformat()
    back = (TODAY - timedelta(days=2)).isoformat()
    later = (TODAY + timedelta(days=2)).isoformat()
    web.post("/api/v1/timeouts", json={"reason": "Rest", "starts_on": started,
                                      "returns_on": back, "person_id": jo})  # fmt: skip
    web.post("/api/v1/timeouts", json={"reason": "Quiet", "returns_on": later})
    page = web.get("/").text
    assert "Coming back from your time-out from Jo" in page
    assert "Whenever you are ready." in page
    assert page.count("Coming back from your time-out") == 1  # not the ongoing one
