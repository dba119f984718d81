"""Every time is shown, edited and analysed in the person's time zone, on
SQLite and PostgreSQL; stored in UTC."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient

TOKYO_EVENING_UTC = "2026-03-{day:02d}T11:30:00Z"  # 20:30 in Tokyo, UTC+9


def _moment_at(client: TestClient, when: str, text: str = "Did not call back") -> int:
    made = client.post("/api/v1/moments", json={"situation": text, "occurred_at": when})
    assert made.status_code == 201, made.text
    return int(made.json()["moment"]["id"])


def _choose_zone(client: TestClient, zone: str) -> None:
    saved = client.patch("/api/v1/settings", json={"time_zone": zone})
    assert saved.status_code == 200, saved.text
    assert saved.json()["time_zone"] == (zone or None)


def test_a_moment_shows_the_wall_clock_time_of_the_chosen_zone(
    client: TestClient,
) -> None:
    moment = _moment_at(client, "2026-03-04T23:30:00Z")
    assert "Wednesday 04 March 2026, 23:30" in client.get(f"/moments/{moment}").text
    _choose_zone(client, "Asia/Tokyo")
    page = client.get(f"/moments/{moment}").text
    assert "Thursday 05 March 2026, 08:30" in page  # the next morning in Tokyo
    assert "05 Mar 2026, 08:30" in client.get("/moments").text


def test_the_browsers_zone_is_used_until_one_is_chosen(client: TestClient) -> None:
    moment = _moment_at(client, "2026-07-01T21:30:00Z")
    client.cookies.set("closer_tz", "Europe/Paris")
    assert "23:30" in client.get(f"/moments/{moment}").text
    _choose_zone(client, "America/New_York")
    assert "17:30" in client.get(f"/moments/{moment}").text  # the choice wins
    client.cookies.set("closer_tz", "../../not-a-zone")
    _choose_zone(client, "")
    assert "21:30" in client.get(f"/moments/{moment}").text  # UTC, the cookie ignored


def test_editing_a_moment_shows_and_reads_its_time_in_the_zone(
    client: TestClient,
) -> None:
    _choose_zone(client, "Europe/Paris")
    moment = _moment_at(client, "2026-12-01T21:30:00Z")
    form = client.get(f"/moments/{moment}/edit").text
    assert 'value="2026-12-01T22:30"' in form
    assert "In your time zone, Europe/Paris" in form
    saved = client.post(
        f"/moments/{moment}/edit",
        data={"situation": "Did not call back", "occurred_at": "2026-12-02T08:15"},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    stored = client.get(f"/api/v1/moments/{moment}").json()["occurred_at"]
    assert datetime.fromisoformat(stored) == datetime(2026, 12, 2, 7, 15, tzinfo=UTC)


def test_settings_save_a_zone_and_refuse_one_that_does_not_exist(
    client: TestClient,
) -> None:
    form = {"country": "", "theme": "system", "time_zone": "Asia/Kolkata"}
    assert client.post("/settings", data=form).status_code == 200
    assert client.get("/api/v1/settings").json()["time_zone"] == "Asia/Kolkata"
    bad = client.post("/settings", data={**form, "time_zone": "Moon/Base"})
    assert bad.status_code == 422
    assert "&#39;Moon/Base&#39; is not a time zone Closer knows" in bad.text
    assert client.get("/api/v1/settings").json()["time_zone"] == "Asia/Kolkata"
    api = client.patch("/api/v1/settings", json={"time_zone": "Moon/Base"})
    assert api.status_code == 422
    assert "Moon/Base" in api.text


def test_insights_count_hours_and_days_where_the_person_lives(
    client: TestClient,
) -> None:
    for day in range(2, 10):  # eight evenings in Tokyo: mornings in UTC
        _moment_at(client, TOKYO_EVENING_UTC.format(day=day))
    period = {"from": "2026-03-01", "to": "2026-03-31"}
    in_utc = client.get("/api/v1/insights", params=period).json()
    assert in_utc["parts_of_day"] == {"morning": 8}
    _choose_zone(client, "Asia/Tokyo")
    in_tokyo = client.get("/api/v1/insights", params=period).json()
    assert in_tokyo["parts_of_day"] == {"evening": 8}
    said = " ".join(i["sentence"] for i in in_tokyo["insights"])
    assert "Most moments came in the evening" in said
    page = client.get("/insights", params=period).text
    assert "Times are in your time zone (Asia/Tokyo)" in page


def test_a_local_day_that_starts_on_the_utc_day_before_is_in_the_period(
    client: TestClient,
) -> None:
    _choose_zone(client, "Asia/Tokyo")
    _moment_at(client, "2026-02-28T20:00:00Z")  # 1 March, 05:00 in Tokyo
    _moment_at(client, "2026-03-31T16:00:00Z")  # 1 April, 01:00 in Tokyo
    march = client.get(
        "/api/v1/insights", params={"from": "2026-03-01", "to": "2026-03-31"}
    ).json()
    assert march["moments"] == 1


def test_the_markdown_and_csv_exports_write_local_times(client: TestClient) -> None:
    _choose_zone(client, "Asia/Kolkata")
    _moment_at(client, "2026-03-04T18:45:00Z")  # 00:15 on 5 March in India
    journal = client.get("/api/v1/export", params={"format": "md"}).text
    assert "Times are in Asia/Kolkata." in journal
    assert "### 2026-03-05 00:15" in journal
    closer_json = client.get("/api/v1/export", params={"format": "json"}).json()
    assert closer_json["moments"][0]["occurred_at"].startswith("2026-03-04T18:45")
    assert closer_json["preferences"]["time_zone"] == "Asia/Kolkata"


def test_times_written_today_still_read_as_today(client: TestClient) -> None:
    now = datetime.now(UTC) - timedelta(minutes=5)
    moment = _moment_at(client, now.isoformat())
    _choose_zone(client, "UTC")
    shown = client.get(f"/moments/{moment}").text
    assert re.search(now.strftime("%d %B %Y, %H:%M"), shown)


def test_saving_an_edit_in_a_repeated_hour_keeps_the_moments_time(
    client: TestClient,
) -> None:
    _choose_zone(client, "Europe/Paris")
    moment = _moment_at(client, "2026-10-25T01:30:00Z")  # the second 02:30
    form = client.get(f"/moments/{moment}/edit").text
    assert 'value="2026-10-25T02:30"' in form
    saved = client.post(
        f"/moments/{moment}/edit",
        data={
            "situation": "Did not call back, fixed a typo",
            "occurred_at": "2026-10-25T02:30",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    stored = client.get(f"/api/v1/moments/{moment}").json()["occurred_at"]
    assert datetime.fromisoformat(stored) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_a_zone_name_that_is_a_folder_is_refused_everywhere(client: TestClient) -> None:
    client.cookies.set("closer_tz", "Europe")
    assert client.get("/moments").status_code == 200  # the cookie is ignored
    refused = client.patch("/api/v1/settings", json={"time_zone": "Europe"})
    assert refused.status_code == 422
    page = client.post(
        "/settings", data={"country": "", "theme": "system", "time_zone": "America"}
    )
    assert page.status_code == 422


def test_the_days_of_filters_and_the_reports_safety_count_are_local(
    client: TestClient,
) -> None:
    _choose_zone(client, "Pacific/Kiritimati")  # UTC+14
    _moment_at(client, "2026-05-02T10:00:00Z", "I want to kill myself")  # 3 May here
    listed = client.get("/moments", params={"since": "2026-05-03"}).text
    assert "1 moment matches." in listed
    report = client.get(
        "/insights/report",
        params={"from": "2026-05-03", "to": "2026-05-03", "format": "md"},
    ).text
    assert "1 moment noted in this period holds words of suicide" in report


def test_a_time_out_starts_on_the_persons_today_not_utcs(client: TestClient) -> None:
    now = datetime.now(UTC)
    zone = "Pacific/Pago_Pago" if now.hour < 11 else "Pacific/Kiritimati"
    local_today = now.astimezone(ZoneInfo(zone)).date()
    assert local_today != now.date()  # one of the two is always a day apart
    _choose_zone(client, zone)
    planned = client.post(
        "/api/v1/timeouts",
        json={"reason": "Too much at once",
              "returns_on": (local_today + timedelta(days=1)).isoformat()},
    )  # fmt: skip
    assert planned.status_code == 201, planned.text
    assert planned.json()["timeout"]["starts_on"] == local_today.isoformat()


def test_a_jrnl_entry_without_a_zone_is_read_in_the_persons_zone(
    client: TestClient,
) -> None:
    _choose_zone(client, "Europe/Paris")
    journal = (
        b'{"entries": [{"date": "2026-07-01", "time": "10:00", "title": "Left early",'
        b' "body": "", "tags": [], "starred": false}]}'
    )
    imported = client.post("/api/v1/import?format=jrnl", content=journal)
    assert imported.status_code == 200, imported.text
    (moment,) = client.get("/api/v1/moments").json()["items"]
    stored = datetime.fromisoformat(moment["occurred_at"])
    assert stored == datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # 10:00 in Paris
