"""Commitments: plans with someone, kept, moved or called off; the kept count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from closer.domain.commitments import kept_rate, new_commitment, settle
from closer.domain.errors import InvalidInput

NOW = datetime.now(UTC)
SOON = (NOW + timedelta(days=3)).date()


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def test_settling_rules_and_a_count_without_a_grade() -> None:
    plan = new_commitment(1, "Call Sam", SOON, NOW)
    moved = settle(plan, "rescheduled", when=NOW, new_due=SOON + timedelta(days=2))
    assert (moved.status.value, moved.due_on) == ("planned", SOON + timedelta(days=2))
    with pytest.raises(InvalidInput, match="new day"):
        settle(plan, "rescheduled", when=NOW)
    kept = settle(plan, "kept", when=NOW)
    off = settle(plan, "cancelled", when=NOW, cancelled_by="me", reason="Too tired")
    assert off.cancelled_by is not None
    rate = kept_rate([kept, off, moved])
    assert (rate.kept, rate.settled) == (1, 2)
    assert rate.sentence == "You kept 1 of the 2 plans that came and went."
    assert "fail" not in rate.sentence


def test_a_plan_on_the_person_page_kept_then_another_called_off(
    web: TestClient,
) -> None:
    ana = web.post("/api/v1/people", json={"name": "Ana"}).json()["id"]
    made = web.post(f"/people/{ana}/commitments",
                    data={"text": "Dinner", "due_on": SOON.isoformat()})  # fmt: skip
    assert made.headers["location"] == f"/people/{ana}?planned=1#plans"
    first = web.get("/api/v1/commitments").json()["items"][0]["id"]
    web.post(f"/commitments/{first}", data={"status": "kept"})
    cinema = {"person_id": ana, "text": "Cinema", "due_on": SOON.isoformat()}
    api = web.post("/api/v1/commitments", json=cinema)
    second = api.json()["id"]
    called_off = {"status": "cancelled", "cancelled_by": "me", "reason": "Scared"}
    off = web.post(f"/api/v1/commitments/{second}/settle", json=called_off)
    assert off.json()["cancelled_by"] == "me"
    listing = web.get(f"/api/v1/commitments?person_id={ana}").json()
    assert (listing["kept"], listing["settled"]) == (1, 2)
    page = web.get(f"/people/{ana}").text
    assert "You kept 1 of the 2 plans that came and went." in page
    assert "Called off by you. Scared" in page
    blank = {"person_id": ana, "text": " ", "due_on": SOON.isoformat()}
    bad = web.post("/api/v1/commitments", json=blank)
    assert bad.status_code == 422
