"""The person page's whole picture: details, plans month by month, ladder
steps with them, closeness over time; nicknames and birthdays; contacts
from a phone (.vcf) through the Privacy page and the API."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from closer.domain.commitments import kept_by_month, new_commitment, settle
from closer.domain.drift import rhythm
from closer.domain.people import Person

CARDS = Path(__file__).resolve().parents[1] / "data" / "vcard"
NOW = datetime.now(UTC)


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def person_form(**changes: str) -> dict[str, str]:
    form = {"name": "Sam", "relationship": "friend", "closeness_now": "3",
            "closeness_wanted": "8", "nickname": "Sammy", "birthday_day": "12",
            "birthday_month": "3", "birthday_year": ""}  # fmt: skip
    return form | changes


def test_a_nickname_and_a_birthday_without_a_year_are_kept_and_shown(
    web: TestClient,
) -> None:
    added = web.post("/people", data=person_form())
    assert added.status_code == 303
    sam = web.get("/api/v1/people").json()["items"][0]
    assert (sam["nickname"], sam["birthday"]) == ("Sammy", "--03-12")
    page = web.get(added.headers["location"]).text
    assert "Also called Sammy." in page
    assert "Birthday: 12 March" in page
    assert '<option value="3" selected>March</option>' in page


def test_half_a_birthday_is_refused_with_a_message_and_nothing_is_saved(
    web: TestClient,
) -> None:
    refused = web.post("/people", data=person_form(birthday_month=""))
    assert refused.status_code == 422
    assert "at least the day and the month" in refused.text
    assert 'value="Sammy"' in refused.text  # what was typed is still there
    impossible = web.post(
        "/people", data=person_form(birthday_day="31", birthday_month="2")
    )
    assert impossible.status_code == 422
    assert web.get("/api/v1/people").json()["total"] == 0


def test_closeness_over_time_shows_each_change(web: TestClient) -> None:
    web.post("/people", data=person_form())
    sam = web.get("/api/v1/people").json()["items"][0]["id"]
    web.post(f"/people/{sam}", data=person_form(closeness_now="5"))
    web.post(f"/people/{sam}", data=person_form(closeness_now="5", notes="climbing"))
    history = web.get(f"/api/v1/people/{sam}/closeness").json()
    assert [(r["now"], r["wanted"]) for r in history] == [(3, 8), (5, 8)]
    page = web.get(f"/people/{sam}").text
    table = page.split('id="closeness-heading"')[1].split("</table>")[0]
    assert table.count("<td>8</td>") == 2
    assert "<td>3</td>" in table
    assert "<td>5</td>" in table
    assert web.get("/api/v1/people/999/closeness").status_code == 404


def test_ladder_steps_with_someone_show_on_their_page(web: TestClient) -> None:
    ana = web.post("/api/v1/people", json={"name": "Ana"}).json()["id"]
    web.post("/api/v1/people", json={"name": "Sam"})
    step = {"text": "Ask Ana for a walk", "predicted_discomfort": 60, "person_id": ana}
    assert web.post("/api/v1/ladder/steps", json=step).status_code == 201
    other = {"text": "Text Sam back", "predicted_discomfort": 20}
    web.post("/api/v1/ladder/steps", json=other)
    section = web.get(f"/people/{ana}").text.split('id="steps-heading"')[1]
    section = section.split("</section>")[0]
    assert "Ask Ana for a walk: planned, expected to feel a stretch" in section
    assert "Text Sam back" not in section
    assert f"/practice?person={ana}" in section


def test_plans_kept_are_counted_month_by_month_by_their_day() -> None:
    made = datetime(2026, 1, 1, tzinfo=UTC)
    plans = [
        settle(new_commitment(1, "A", date(2026, 1, 5), made), "kept", when=made),
        settle(new_commitment(1, "B", date(2026, 1, 20), made), "cancelled", when=made),
        settle(new_commitment(1, "C", date(2026, 3, 2), made), "kept", when=made),
        new_commitment(1, "D", date(2026, 3, 9), made),  # still planned
    ]
    months = kept_by_month(plans)
    assert [(m.month, m.kept, m.settled) for m in months] == [
        (date(2026, 1, 1), 1, 2),
        (date(2026, 3, 1), 1, 1),
    ]
    assert months[0].sentence == "January 2026: 1 of 2 kept."


def test_the_kept_count_over_time_is_on_the_page_and_in_the_api(
    web: TestClient,
) -> None:
    ana = web.post("/api/v1/people", json={"name": "Ana"}).json()["id"]
    for days, status in ((-40, "kept"), (-35, "cancelled"), (-1, "kept")):
        day = (NOW + timedelta(days=days)).date().isoformat()
        plan = web.post(
            "/api/v1/commitments",
            json={"person_id": ana, "text": "Call", "due_on": day},
        )
        web.post(
            f"/api/v1/commitments/{plan.json()['id']}/settle", json={"status": status}
        )
    months = web.get(f"/api/v1/commitments?person_id={ana}").json()["by_month"]
    assert sum(m["settled"] for m in months) == 3
    assert sum(m["kept"] for m in months) == 2
    assert len(months) >= 2
    page = web.get(f"/people/{ana}").text
    assert "Plans that came and went, month by month" in page


def test_contacts_from_a_phone_import_on_the_privacy_page_once(web: TestClient) -> None:
    data = (CARDS / "iphone-3.0.vcf").read_bytes()
    files = {"file": ("contacts.vcf", data, "text/vcard")}
    page = web.post("/privacy/import", files=files)
    assert page.status_code == 200
    assert "New people: Sam Lee, Ngozi Okafor." in page.text
    again = web.post("/privacy/import", files=files)
    assert "Skipped 2 already here" in again.text
    broken = {"file": ("broken.vcf", b"BEGIN:VCARD\nFN:Broken\n", "text/vcard")}
    refused = web.post("/privacy/import", files=broken)
    assert refused.status_code == 422
    assert "never closed" in refused.text
    assert web.get("/api/v1/people").json()["total"] == 2


def test_contacts_import_through_the_api_reports_names_and_notes(
    web: TestClient,
) -> None:
    body = (CARDS / "contacts-4.0.vcf").read_bytes()
    response = web.post(
        "/api/v1/import", content=body, headers={"content-type": "text/vcard"}
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["source"] == "vcard"
    assert report["people_names"] == ["Ana Lía Torres", "Grandpa Joe"]
    assert "circa 1930" in report["notes"][0]
    people = {p["name"]: p for p in web.get("/api/v1/people").json()["items"]}
    assert people["Ana Lía Torres"]["birthday"] == "1988-07-04"


def test_the_api_reads_and_clears_a_birthday_and_names_a_bad_one(
    web: TestClient,
) -> None:
    made = web.post("/api/v1/people", json={"name": "Jo", "birthday": "--07-04"})
    jo = made.json()
    assert jo["birthday"] == "--07-04"
    bad = web.patch(f"/api/v1/people/{jo['id']}", json={"birthday": "4th of July"})
    assert bad.status_code == 422
    assert "4th of July" in bad.text
    cleared = web.patch(f"/api/v1/people/{jo['id']}", json={"birthday": ""})
    assert cleared.json()["birthday"] is None


def test_the_rhythm_says_days_since_the_usual_gap_and_the_wish() -> None:
    sam = Person(name="Sam", id=1, rhythm_days=7)
    now = datetime(2026, 5, 30, tzinfo=UTC)
    times = [datetime(2026, 5, d, tzinfo=UTC) for d in (1, 5, 9, 20)]  # gaps 4, 4, 11
    found = rhythm(sam, times, now)
    assert (found.days_since, found.usual_gap, found.rhythm_days) == (10, 4, 7)
    assert found.sentence == (
        "10 days since you were last in touch. Usually about 4 days between "
        "contacts. You would like about every 7 days."
    )
    assert rhythm(Person(name="Ana"), [], now).sentence == ""
    one = rhythm(Person(name="Ana"), [datetime(2026, 5, 29, tzinfo=UTC)], now)
    assert one.sentence == "1 day since you were last in touch."
    late_call = [datetime(2026, 5, 29, 22, tzinfo=UTC)]  # midnight in Paris
    in_paris = rhythm(Person(name="Ana"), late_call, now, ZoneInfo("Europe/Paris"))
    assert in_paris.sentence == "You were in touch today."  # never "0 days since"
    in_utc = rhythm(Person(name="Ana"), late_call, now)
    assert in_utc.sentence == "1 day since you were last in touch."  # yesterday


def test_the_person_page_shows_the_rhythm_in_words(web: TestClient) -> None:
    kit = web.post("/api/v1/people", json={"name": "Kit", "rhythm_days": 14}).json()
    for days in (30, 20, 10):
        when = (NOW - timedelta(days=days)).isoformat()
        web.post("/api/v1/contacts", json={"person_id": kit["id"], "at": when})
    page = web.get(f"/people/{kit['id']}").text
    assert "10 days since you were last in touch." in page
    assert "Usually about 10 days between contacts." in page
    assert "You would like about every 14 days." in page
