"""The people and moments API on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _moment(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/api/v1/moments", json=body)
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    return data


def test_people_crud(client: TestClient) -> None:
    created = client.post(
        "/api/v1/people",
        json={"name": "Ana", "relationship": "partner", "closeness_now": 5},
    )
    assert created.status_code == 201
    ana = created.json()
    assert ana["name"] == "Ana"
    assert client.get(f"/api/v1/people/{ana['id']}").json()["relationship"] == "partner"
    changed = client.patch(f"/api/v1/people/{ana['id']}", json={"closeness_wanted": 9})
    assert changed.json()["closeness_wanted"] == 9
    assert changed.json()["closeness_now"] == 5
    assert client.post("/api/v1/people", json={"name": "ANA"}).status_code == 409
    assert client.delete(f"/api/v1/people/{ana['id']}").status_code == 204
    missing = client.get(f"/api/v1/people/{ana['id']}")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_a_null_in_a_change_leaves_a_field_that_cannot_be_empty_alone(
    client: TestClient,
) -> None:
    ana = client.post(
        "/api/v1/people", json={"name": "Ana", "relationship": "friend", "notes": "n"}
    ).json()
    url = f"/api/v1/people/{ana['id']}"
    sent = {"name": None, "relationship": None, "notes": None, "closeness_now": None}
    changed = client.patch(url, json=sent)
    assert changed.status_code == 200, changed.text
    assert changed.json()["name"] == "Ana"
    assert changed.json()["relationship"] == "friend"
    assert changed.json()["notes"] == "n"
    social = client.patch(url, json={"relationship": " Family "}).json()
    assert social["relationship"] == "family"


def test_where_a_moment_happened_is_saved_changed_and_cleared(
    client: TestClient,
) -> None:
    moment = _moment(client, situation="Left them on read", channel="message")
    moment_id = moment["moment"]["id"]
    assert moment["moment"]["channel"] == "message"
    assert client.get(f"/api/v1/moments/{moment_id}").json()["channel"] == "message"
    url = f"/api/v1/moments/{moment_id}"
    changed = client.patch(url, json={"channel": "call"}).json()
    assert changed["moment"]["channel"] == "call"
    assert client.patch(url, json={"urge": 3}).json()["moment"]["channel"] == "call"
    assert client.patch(url, json={"channel": None}).json()["moment"]["channel"] is None
    refused = client.post(
        "/api/v1/moments", json={"situation": "Skipped it", "channel": "carrier pigeon"}
    )
    assert refused.status_code == 422
    assert "Where it happened must be one of in-person, message, call" in refused.text
    assert client.get("/api/v1/moments").json()["total"] == 1


def test_logging_returns_the_moment_suggestions_and_no_panel(
    client: TestClient,
) -> None:
    body = _moment(
        client,
        situation="Skipped Jo's birthday because I felt like a fraud",
        new_people=["Jo"],
        emotions=[{"emotion": "ashamed", "intensity": 6}],
        urge=7,
        action="decline-invitations",
        tags=["birthday"],
    )
    moment = body["moment"]
    assert moment["people"][0]["name"] == "Jo"
    assert moment["action_kind"] == "sign"
    assert body["support"] is None
    slugs = [c["slug"] for c in body["suggestions"]["causes"]]
    assert "undeserving" in slugs
    assert all(c["because"] for c in body["suggestions"]["causes"])
    again = client.get(f"/api/v1/moments/{moment['id']}/suggestions").json()
    assert again["causes"] == body["suggestions"]["causes"]


def test_logging_worrying_text_returns_the_support_panel(client: TestClient) -> None:
    body = _moment(client, situation="I pushed everyone away and I want to kill myself")
    assert body["support"]["level"] == "urgent"  # wanting to: urgent (issue 20)
    assert body["moment"]["situation"].endswith("kill myself")


def test_listing_pages_and_filters(client: TestClient) -> None:
    for n in range(7):
        _moment(client, situation=f"Moment number {n}", urge=n,
                occurred_at=f"2026-11-{10 + n:02d}T12:00:00Z",
                action="replied" if n % 2 else "ghosting")  # fmt: skip
    first = client.get("/api/v1/moments", params={"limit": 3}).json()
    assert first["total"] == 7
    assert [m["situation"] for m in first["items"]] == [
        "Moment number 6", "Moment number 5", "Moment number 4",
    ]  # fmt: skip
    rest = client.get("/api/v1/moments", params={"limit": 3, "offset": 6}).json()
    assert [m["situation"] for m in rest["items"]] == ["Moment number 0"]
    replied = client.get("/api/v1/moments", params={"action": "replied"}).json()
    assert replied["total"] == 3
    since = client.get(
        "/api/v1/moments", params={"since": "2026-11-15T00:00:00Z"}
    ).json()
    assert since["total"] == 2
    found = client.get("/api/v1/moments", params={"q": "number 3"}).json()
    assert [m["situation"] for m in found["items"]] == ["Moment number 3"]


def test_update_causes_delete_and_restore(client: TestClient) -> None:
    moment = _moment(client, situation="Left without saying bye")["moment"]
    path = f"/api/v1/moments/{moment['id']}"
    changed = client.patch(
        path, json={"outcome": "Texted sorry later", "felt_after": 6}
    )
    assert changed.json()["moment"]["outcome"] == "Texted sorry later"
    assert changed.json()["moment"]["situation"] == "Left without saying bye"
    causes = client.put(
        f"{path}/causes", json={"causes": ["conflict-avoidance"]}
    ).json()
    assert causes["causes"] == ["conflict-avoidance"]
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404
    assert client.post(f"{path}/restore").json()["id"] == moment["id"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"situation": ""}, "only thing needed"),
        ({"situation": "x", "urge": -1}, "Urge must be between 0 and 10"),
        (
            {"situation": "x", "emotions": [{"emotion": "zonked"}]},
            "does not know the feeling",
        ),
        ({"situation": "x", "people": [12345]}, "no person with id 12345"),
        ({"situation": "x", "mood": "bad"}, "mood: Extra inputs are not permitted"),
        ({"situation": "x", "occurred_at": "yesterday"}, "occurred_at"),
    ],
)
def test_bad_moments_get_a_clear_error_and_nothing_is_saved(
    client: TestClient, body: dict[str, Any], words: str
) -> None:
    response = client.post("/api/v1/moments", json=body)
    assert response.status_code in {404, 422}
    assert words in response.json()["error"]["message"]
    assert client.get("/api/v1/moments").json()["total"] == 0


def test_a_page_too_large_is_refused(client: TestClient) -> None:
    assert client.get("/api/v1/moments", params={"limit": 10_000}).status_code == 422


def test_worrying_notes_about_a_person_are_saved_and_bring_support(
    client: TestClient,
) -> None:
    response = client.post(
        "/api/v1/people",
        json={"name": "Kit", "notes": "Kit told me he wants to kill himself"},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["notes"] == "Kit told me he wants to kill himself"
    assert body["support"]["about"] == "other"
    assert client.get("/api/v1/safety/support").json()["about"] == "other"
    calm = client.patch(f"/api/v1/people/{body['id']}", json={"closeness_now": 5})
    assert calm.json()["support"] is None


@pytest.mark.parametrize(
    "when",
    ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1850-06-01T10:00:00Z"],
)
def test_a_time_at_the_edge_of_the_calendar_is_a_clear_422(
    client: TestClient, when: str
) -> None:
    created = client.post(
        "/api/v1/moments", json={"situation": "x", "occurred_at": when}
    )
    assert created.status_code == 422, created.text
    assert "between the years 1900 and 2999" in created.json()["error"]["message"]
    kept = _moment(client, situation="Kept")
    patched = client.patch(
        f"/api/v1/moments/{kept['moment']['id']}", json={"occurred_at": when}
    )
    assert patched.status_code == 422
    for body, kind in (
        (b"full_date,date,weekday,time,mood,activities,note_title,note\n"
         b"0001-01-01,x,Monday,00:00,good,,,Long ago\n", "text/csv"),
        (b'{"entries": [{"title": "Edge", "date": "9999-12-31",'
         b' "time": "23:59-14:00"}]}', "application/octet-stream"),
    ):  # fmt: skip
        imported = client.post(
            "/api/v1/import", content=body, headers={"content-type": kind}
        )
        assert imported.status_code == 422, imported.text
    assert client.get("/api/v1/moments").json()["total"] == 1
