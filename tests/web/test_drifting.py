"""Contact rhythm and the Drifting view: the longest gap first, without blame."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from closer.domain.drift import drifting
from closer.domain.people import new_person

NOW = datetime.now(UTC)


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def test_only_people_past_their_rhythm_drift_longest_gap_first() -> None:
    people = [
        new_person("Ana", rhythm_days=7, id=1),
        new_person("Bo", rhythm_days=30, id=2),
        new_person("Cy", rhythm_days=7, id=3),
        new_person("Di", id=4),  # no rhythm: never drifting
        new_person("Ed", rhythm_days=7, id=5),  # never in touch: nothing to measure
    ]
    last = {1: NOW - timedelta(days=10), 2: NOW - timedelta(days=12),
            3: NOW - timedelta(days=40), 4: NOW - timedelta(days=400)}  # fmt: skip
    found = drifting(people, last, NOW)
    assert [d.person.name for d in found] == ["Cy", "Ana"]
    assert found[0].sentence == (
        "40 days since you were last in touch with Cy; you wanted about every 7."
    )
    for word in ("fail", "overdue", "neglect", "should"):
        assert word not in found[0].sentence.lower()


def test_the_rhythm_is_set_and_checked(web: TestClient) -> None:
    bad = web.post("/api/v1/people", json={"name": "Sam", "rhythm_days": 0})
    assert bad.status_code == 422
    assert "Rhythm days must be between 1 and 365" in bad.json()["error"]["message"]
    made = web.post("/api/v1/people", json={"name": "Sam", "rhythm_days": 7}).json()
    assert made["rhythm_days"] == 7
    changed = web.patch(f"/api/v1/people/{made['id']}", json={"rhythm_days": 14})
    assert changed.json()["rhythm_days"] == 14
    assert (
        'name="rhythm_days" min="1" max="365"' in web.get(f"/people/{made['id']}").text
    )


def test_drifting_lists_people_and_one_tap_brings_them_back(web: TestClient) -> None:
    sam = web.post("/api/v1/people", json={"name": "Sam", "rhythm_days": 7}).json()[
        "id"
    ]
    long_ago = (NOW - timedelta(days=20)).isoformat()
    web.post("/api/v1/contacts", json={"person_id": sam, "at": long_ago})
    page = web.get("/people/drifting").text
    assert "20 days since you were last in touch with Sam" in page
    assert f'href="/practice/timeouts?person_id={sam}"' in page
    assert web.get("/api/v1/drifting").json()[0]["days_since"] == 20
    done = web.post(f"/people/{sam}/contacts", data={"kind": "me", "back": "drifting"})
    assert done.headers["location"] == "/people/drifting?contact=1"
    assert "No one is past the rhythm you chose." in web.get("/people/drifting").text


def test_today_mentions_drifting_at_most_once_a_day_and_can_be_turned_off(
    web: TestClient,
) -> None:
    sam = web.post("/api/v1/people", json={"name": "Sam", "rhythm_days": 7}).json()[
        "id"
    ]
    long_ago = (NOW - timedelta(days=20)).isoformat()
    web.post("/api/v1/contacts", json={"person_id": sam, "at": long_ago})
    first = web.get("/").text
    assert "It has been a while" in first
    assert "With Sam, by the rhythm you chose." in first
    assert "It has been a while" not in web.get("/").text  # once a day
    assert (
        'id="drift-summary" name="on" value="yes" checked' in web.get("/settings").text
    )
    assert web.post("/settings/drift-summary", data={}).status_code == 303
    assert 'value="yes" checked' not in web.get("/settings").text


def test_the_summary_stays_away_when_turned_off(web: TestClient) -> None:
    web.post("/settings/drift-summary", data={})
    kit = web.post("/api/v1/people", json={"name": "Kit", "rhythm_days": 3}).json()[
        "id"
    ]
    nine_days = (NOW - timedelta(days=9)).isoformat()
    web.post("/api/v1/contacts", json={"person_id": kit, "at": nine_days})
    assert "It has been a while" not in web.get("/").text
    assert "9 days since" in web.get("/people/drifting").text  # still there on request
