"""Calendar: an .ics file valid per RFC 5545 (parsed back with icalendar), and a
private, revocable subscription address."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar

SOON = (datetime.now(UTC) + timedelta(days=3)).date()


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def fill(web: TestClient) -> int:
    jo: int = web.post("/api/v1/people", json={"name": "Jo", "rhythm_days": 7}).json()[
        "id"
    ]
    dinner = {"person_id": jo, "text": "Dinner", "due_on": SOON.isoformat()}
    web.post("/api/v1/commitments", json=dinner)
    last = datetime(2026, 11, 1, 12, tzinfo=UTC)
    web.post("/api/v1/contacts", json={"person_id": jo, "at": last.isoformat()})
    back = (SOON + timedelta(days=1)).isoformat()
    web.post(
        "/api/v1/timeouts", json={"reason": "Rest", "person_id": jo, "returns_on": back}
    )
    return jo


def events(data: bytes) -> dict[str, tuple[date, str]]:
    parsed = Calendar.from_ical(data)
    assert parsed["version"] == "2.0"
    assert str(parsed["prodid"]).startswith("-//Closer//")
    return {
        str(e["uid"]): (e.decoded("dtstart"), str(e["summary"]))
        for e in parsed.walk("VEVENT")
    }


def test_the_calendar_file_parses_and_round_trips(web: TestClient) -> None:
    fill(web)
    response = web.get("/api/v1/calendar.ics")
    assert response.headers["content-type"].startswith("text/calendar")
    found = events(response.content)
    summaries = sorted(s for _, s in found.values())
    assert summaries == [
        "Back in touch with Jo",
        "Dinner (Jo)",
        "Maybe get in touch with Jo",
    ]
    assert (date(2026, 11, 8), "Maybe get in touch with Jo") in found.values()
    again = Calendar.from_ical(response.content).to_ical()
    assert events(again) == found  # round trip through the library
    for line in response.content.split(b"\r\n"):
        assert len(line) <= 75  # RFC 5545 folds long lines


def test_a_private_address_works_until_it_is_revoked(web: TestClient) -> None:
    fill(web)
    url = web.post("/api/v1/calendar/feed").json()["url"]
    path = url.split("testserver", 1)[1]
    assert path.startswith("/calendar/")
    assert path.endswith(".ics")
    other = TestClient(web.app)  # a calendar app: no cookie, only the address
    assert "Dinner (Jo)" in {s for _, s in events(other.get(path).content).values()}
    assert other.get("/calendar/not-a-real-token.ics").status_code == 404
    newer = web.post("/api/v1/calendar/feed").json()["url"].split("testserver", 1)[1]
    assert other.get(path).status_code == 404  # a new address replaces the old
    assert web.delete("/api/v1/calendar/feed").status_code == 204
    assert other.get(newer).status_code == 404


def test_the_privacy_page_shows_the_address_once(web: TestClient) -> None:
    page = web.post("/privacy/calendar").text
    assert "<code>http://testserver/calendar/" in page
    assert "shown only once" in page
    assert "<code>http://testserver/calendar/" not in web.get("/privacy").text


def test_a_rhythm_day_is_the_persons_day(web: TestClient) -> None:
    kit = web.post("/api/v1/people", json={"name": "Kit", "rhythm_days": 7}).json()
    late = datetime(2026, 5, 1, 20, tzinfo=UTC)  # 2 May, 10:00 in Kiritimati
    web.post("/api/v1/contacts", json={"person_id": kit["id"], "at": late.isoformat()})
    uid = f"rhythm-{kit['id']}@closer"
    assert events(web.get("/api/v1/calendar.ics").content)[uid][0] == date(2026, 5, 8)
    web.patch("/api/v1/settings", json={"time_zone": "Pacific/Kiritimati"})
    assert events(web.get("/api/v1/calendar.ics").content)[uid][0] == date(2026, 5, 9)
