"""Moments and people in the web app, on SQLite and PostgreSQL, without JavaScript."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient


def _log(client: TestClient, **fields: str) -> int:
    response = client.post("/moments", data=fields, follow_redirects=False)
    assert response.status_code == 303, response.text
    match = re.fullmatch(r"/moments/(\d+)\?new=true", response.headers["location"])
    assert match is not None
    return int(match.group(1))


def test_today_offers_the_quick_log_first(client: TestClient) -> None:
    html = client.get("/").text
    assert 'action="/moments"' in html
    assert 'name="situation"' in html
    assert "required" in html


def test_only_the_situation_is_needed(client: TestClient) -> None:
    moment_id = _log(client, situation="Did not go to the barbecue")
    html = client.get(f"/moments/{moment_id}?new=true").text
    assert "Your moment is saved." in html
    assert "Did not go to the barbecue" in html


def test_a_full_quick_log_shows_causes_with_their_reasons(client: TestClient) -> None:
    moment_id = _log(
        client,
        situation="He wanted me to meet his parents and I felt ashamed, so I cancelled",
        people="Sam, Bea",
        urge="8",
        action="cancel-last-minute",
        emotion="ashamed",
        intensity="7",
    )
    html = client.get(f"/moments/{moment_id}").text
    assert "Fear of being truly seen" in html
    assert "because of" in html
    assert "Cancelling at the last minute" in html
    assert "Ashamed (7/10)" in html
    assert 'href="/learn/strategies/' in html
    people = client.get("/people").text
    assert ">Sam</a>" in people
    assert ">Bea</a>" in people


def test_a_missing_situation_is_explained_and_the_rest_is_kept(
    client: TestClient,
) -> None:
    response = client.post(
        "/moments", data={"situation": " ", "people": "Ana", "urge": "6"}
    )
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert "only thing needed" in response.text
    assert 'value="Ana"' in response.text
    assert 'id="urge-6" name="urge" value="6" checked' in response.text
    assert client.get("/api/v1/moments").json()["total"] == 0


def test_choosing_causes_keeps_them_on_the_moment(client: TestClient) -> None:
    moment_id = _log(client, situation="Ignored Jo again", action="slow-or-no-reply")
    response = client.post(
        f"/moments/{moment_id}/causes",
        data={"cause": ["fear-of-rejection", "undeserving", ""]},
        follow_redirects=False,
    )
    assert response.status_code == 303
    html = client.get(f"/moments/{moment_id}").text
    assert "You chose:" in html
    assert 'href="/learn/causes/undeserving"' in html


def test_editing_adds_the_outcome_and_tags(client: TestClient) -> None:
    moment_id = _log(client, situation="Skipped the call")
    response = client.post(
        f"/moments/{moment_id}/edit",
        data={
            "situation": "Skipped the call with Mum",
            "outcome": "Called her the next day",
            "felt_after": "7",
            "tags": "family evening",
            "occurred_at": "2026-11-20T19:30",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    html = client.get(f"/moments/{moment_id}").text
    assert "Called her the next day" in html
    assert "family, evening" in html or "evening, family" in html
    assert "20 November 2026, 19:30" in html


def test_where_it_happened_is_chosen_shown_and_cleared(client: TestClient) -> None:
    moment_id = _log(client, situation="Went quiet in the group chat")
    edit = client.get(f"/moments/{moment_id}/edit").text
    assert '<select id="channel" name="channel">' in edit
    assert '<option value="social-media">On social media</option>' in edit
    form = {"situation": "Went quiet in the group chat", "channel": "social-media"}
    client.post(f"/moments/{moment_id}/edit", data=form)
    assert (
        "<dt>Where</dt><dd>On social media</dd>"
        in client.get(f"/moments/{moment_id}").text
    )
    assert (
        'value="social-media" selected' in client.get(f"/moments/{moment_id}/edit").text
    )
    client.post(f"/moments/{moment_id}/edit", data={**form, "channel": ""})
    assert client.get(f"/api/v1/moments/{moment_id}").json()["channel"] is None
    refused = client.post(f"/moments/{moment_id}/edit", data={**form, "channel": "fax"})
    assert refused.status_code == 422
    assert (
        "Where it happened must be one of in-person, message, call, social-media"
        in refused.text
    )
    assert client.get(f"/api/v1/moments/{moment_id}").json()["channel"] is None


def test_a_refused_edit_adds_no_one_and_a_good_one_adds_who_was_named(
    client: TestClient,
) -> None:
    moment_id = _log(client, situation="Skipped the party")
    edit = {"situation": "Skipped the party", "people": "Newcomer, Sam"}
    refused = client.post(f"/moments/{moment_id}/edit", data={**edit, "tags": "no!"})
    assert refused.status_code == 422
    assert client.get("/api/v1/people").json()["total"] == 0
    client.post(f"/moments/{moment_id}/edit", data=edit)
    saved = client.get(f"/api/v1/moments/{moment_id}").json()
    assert [p["name"] for p in saved["people"]] == ["Newcomer", "Sam"]


def test_a_bad_edit_changes_nothing(client: TestClient) -> None:
    moment_id = _log(client, situation="Left early")
    response = client.post(
        f"/moments/{moment_id}/edit",
        data={"situation": "Left early", "tags": "no way!"},
    )
    assert response.status_code == 422
    assert "should be a short word" in response.text
    assert client.get(f"/api/v1/moments/{moment_id}").json()["tags"] == []


def test_delete_offers_undo(client: TestClient) -> None:
    moment_id = _log(client, situation="Ghosted the group")
    response = client.post(f"/moments/{moment_id}/delete", follow_redirects=False)
    assert response.headers["location"] == f"/moments?deleted={moment_id}"
    html = client.get(response.headers["location"]).text
    assert "Moment deleted." in html
    assert f'action="/moments/{moment_id}/restore"' in html
    assert client.get(f"/moments/{moment_id}").status_code == 404
    client.post(f"/moments/{moment_id}/restore")
    assert client.get(f"/moments/{moment_id}").status_code == 200


def test_the_list_filters_and_searches(client: TestClient) -> None:
    _log(
        client,
        situation="Cancelled climbing with Jo",
        people="Jo",
        action="cancel-last-minute",
    )
    _log(
        client, situation="Told Ana I was scared", people="Ana", action="named-the-fear"
    )
    html = client.get("/moments", params={"q": "climbing"}).text
    assert "Cancelled climbing with Jo" in html
    assert "Told Ana" not in html
    html = client.get("/moments", params={"action": "named-the-fear"}).text
    assert "Told Ana I was scared" in html
    assert "1 moment matches" in html
    assert "Nothing matches" in client.get("/moments", params={"q": "zyxwv"}).text


def test_a_bad_date_filter_is_explained(client: TestClient) -> None:
    response = client.get("/moments", params={"since": "last tuesday"})
    assert response.status_code == 200
    assert "Use a date like 2026-11-22" in response.text


def test_worrying_words_in_a_moment_bring_up_the_support_panel(
    client: TestClient,
) -> None:
    moment_id = _log(
        client, situation="Cancelled again. I don't want to be alive anymore"
    )
    html = client.get(f"/moments/{moment_id}?new=true").text
    assert 'class="support-panel' in html
    assert "don&#39;t want to be alive anymore" in html or "want to be alive" in html


def test_people_can_be_added_changed_and_removed(client: TestClient) -> None:
    response = client.post(
        "/people",
        data={"name": "Ana", "relationship": "partner", "closeness_now": "4",
              "closeness_wanted": "8"},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    person_path = response.headers["location"].split("?")[0]
    html = client.get(person_path).text
    assert "How close you feel now: 4 out of 10" in html
    assert "You would like to be a little closer" in html
    duplicate = client.post("/people", data={"name": "ana"})
    assert duplicate.status_code == 409
    assert "already have someone called Ana" in duplicate.text
    changes = {"name": "Ana", "relationship": "partner", "closeness_now": "6",
               "closeness_wanted": "8"}  # fmt: skip
    client.post(person_path, data=changes)
    assert "How close you feel now: 6" in client.get(person_path).text
    bad = client.post(person_path, data={"name": "Ana", "closeness_now": "11"})
    assert bad.status_code == 422
    client.post(f"{person_path}/delete")
    assert client.get(person_path).status_code == 404


def test_a_person_page_lists_their_moments(client: TestClient) -> None:
    _log(
        client,
        situation="Coffee with Jo, stayed till the end",
        people="Jo",
        action="stayed",
    )
    people = client.get("/api/v1/people").json()["items"]
    html = client.get(f"/people/{people[0]['id']}").text
    assert "Coffee with Jo, stayed" in html
    assert "Last moment:" in html


def test_worrying_notes_about_a_person_bring_up_the_panel(client: TestClient) -> None:
    response = client.post(
        "/people", data={"name": "Lee", "notes": "I feel like a burden to Lee"}
    )
    assert response.status_code == 200  # followed the redirect to Lee's page
    assert 'class="support-panel' in response.text
    assert "I feel like a burden to Lee" in response.text


def test_a_moment_sent_twice_under_one_client_key_is_saved_once(
    client: TestClient,
) -> None:
    form = {"situation": "Sent from the offline queue", "client_key": "k-12345678"}
    first = client.post("/moments", data=form, follow_redirects=False)
    again = client.post("/moments", data=form, follow_redirects=False)
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    found = client.get("/api/v1/moments", params={"q": "offline queue"}).json()
    assert found["total"] == 1
    api = {"situation": "By the API", "client_key": "api-key-0001"}
    one = client.post("/api/v1/moments", json=api).json()["moment"]["id"]
    two = client.post("/api/v1/moments", json=api).json()["moment"]["id"]
    assert one == two
    bad = client.post("/moments", data={"situation": "x", "client_key": "no spaces!"})
    assert bad.status_code == 422
    assert "client key" in bad.text


def test_today_says_welcome_back_after_weeks_away_and_counts_nothing(
    client: TestClient,
) -> None:
    weeks_ago = (datetime.now(UTC) - timedelta(days=40)).isoformat()
    client.post(
        "/api/v1/moments", json={"situation": "Went quiet", "occurred_at": weeks_ago}
    )
    away = client.get("/").text
    assert "Welcome back." in away
    assert not re.search(r"\b\d+ (days|weeks)\b", away.split("Welcome back.")[1][:300])
    _log(client, situation="Answered Jo at last")
    assert "Welcome back." not in client.get("/").text


def test_a_feeling_without_a_strength_is_saved_without_one(client: TestClient) -> None:
    moment_id = _log(client, situation="Froze when Ty called", emotion="afraid")
    saved = client.get(f"/api/v1/moments/{moment_id}").json()
    assert saved["emotions"] == [{"emotion": "afraid", "intensity": None}]
    page = client.get(f"/moments/{moment_id}").text
    assert "Afraid" in page
    assert "/10" not in page
    form = client.get(f"/moments/{moment_id}/edit").text
    assert 'name="intensity" value="5" checked' not in form
    assert re.search(r'name="intensity" value="\d+" checked', form) is None
