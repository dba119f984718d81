"""The ladder and "accept a little more good" over the API, on both databases."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_a_step_is_planned_done_and_compared(client: TestClient) -> None:
    person = client.post("/api/v1/people", json={"name": "Sam"}).json()["id"]
    ladder = client.get("/api/v1/ladder").json()
    assert ladder["next"]["level"] == 1
    idea = ladder["next"]["ideas"][0]
    planned = client.post(
        "/api/v1/ladder/steps",
        json={"idea": idea["slug"], "predicted_discomfort": 30,
              "feared_outcome": "They will think I am needy", "person_id": person},
    )  # fmt: skip
    assert planned.status_code == 201, planned.text
    step = planned.json()["step"]
    assert (step["text"], step["person"], step["done_at"]) == (
        idea["text"],
        "Sam",
        None,
    )
    done = client.post(
        f"/api/v1/ladder/steps/{step['id']}/done",
        json={"actual_discomfort": 10, "outcome": "good", "note": "They were glad"},
    )
    assert done.json()["step"]["went_as_well_or_better"] is True
    after = client.get("/api/v1/ladder").json()
    assert [s["id"] for s in after["finished"]] == [step["id"]]
    assert after["planned"] == []
    assert after["next"]["level"] == 2  # a little harder after it went well
    assert client.get(f"/api/v1/ladder?person_id={person}").json()["finished"]


def test_bad_steps_are_refused_with_the_field_named(client: TestClient) -> None:
    bad = client.post(
        "/api/v1/ladder/steps", json={"text": "x", "predicted_discomfort": 150}
    )
    assert bad.status_code == 422
    assert (
        "Predicted discomfort must be between 0 and 100"
        in bad.json()["error"]["message"]
    )
    unknown = client.post(
        "/api/v1/ladder/steps", json={"idea": "fly", "predicted_discomfort": 5}
    )
    assert "no step idea" in unknown.json()["error"]["message"]
    assert (
        client.post(
            "/api/v1/ladder/steps/999/done",
            json={"actual_discomfort": 1, "outcome": "good"},
        ).status_code
        == 404
    )


def test_worrying_words_in_a_step_bring_the_support_panel(client: TestClient) -> None:
    planned = client.post(
        "/api/v1/ladder/steps",
        json={"text": "Tell Mum how I feel", "predicted_discomfort": 80,
              "feared_outcome": "I will want to kill myself if she laughs"},
    )  # fmt: skip
    assert planned.status_code == 201
    assert planned.json()["support"] is not None
    assert planned.json()["step"]["feared_outcome"].startswith("I will want")


def test_accept_a_little_more_good_starts_at_five_percent(client: TestClient) -> None:
    first = client.get("/api/v1/good-shares").json()
    assert (first["history"], first["suggested_percent"]) == ([], 5)
    chosen = client.post(
        "/api/v1/good-shares", json={"percent": 5, "note": "compliments"}
    )
    assert chosen.status_code == 201
    after = client.get("/api/v1/good-shares").json()
    assert [h["percent"] for h in after["history"]] == [5]
    assert client.post("/api/v1/good-shares", json={"percent": 0}).status_code == 422


def test_steps_can_be_deleted(client: TestClient) -> None:
    step = client.post(
        "/api/v1/ladder/steps", json={"text": "Call Dad", "predicted_discomfort": 20}
    ).json()["step"]
    assert client.delete(f"/api/v1/ladder/steps/{step['id']}").status_code == 204
    assert client.get(f"/api/v1/ladder/steps/{step['id']}").status_code == 404
