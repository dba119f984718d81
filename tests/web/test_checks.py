"""Self-checks on the web and over the API: take one, see it, follow it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from closer.adapters.db.database import Database
from closer.domain.errors import InvalidInput
from closer.services.checks import reminder_due, set_reminder
from tests.unit.test_checks import check


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def answers_form(values: list[int]) -> dict[str, str]:
    return {f"q{n}": str(v) for n, v in enumerate(values, start=1)}


def test_a_phq9_taken_on_the_web_shows_its_meaning_and_its_source(
    web: TestClient,
) -> None:
    form = web.get("/checks/phq9").text
    assert "Over the last 2 weeks, how often have you been bothered" in form
    assert "No permission required to reproduce" in form
    taken = web.post("/checks/phq9", data=answers_form([1, 2, 1, 2, 1, 1, 2, 1, 0]))
    assert taken.status_code == 303
    page = web.get(taken.headers["location"]).text
    assert "<strong>11</strong>: moderate" in page
    assert "This is not a diagnosis." in page
    assert 'role="alert"' not in page
    listing = web.get("/checks").text
    assert "11, moderate" in listing


def test_a_missing_answer_is_named_and_the_others_stay_chosen(web: TestClient) -> None:
    partial = answers_form([1, 2, 1])
    refused = web.post("/checks/phq9", data=partial)
    assert refused.status_code == 422
    assert "Question 4 has no answer yet." in refused.text
    assert 'id="q2-2" name="q2" value="2" checked' in refused.text
    assert web.get("/api/v1/checks/phq9/results").json() == []


def test_question_9_opens_the_support_panel_at_once_whatever_the_total(
    web: TestClient,
) -> None:
    taken = web.post("/checks/phq9", data=answers_form([0] * 8 + [1]))
    page = web.get(taken.headers["location"]).text
    assert "<strong>1</strong>: minimal" in page
    assert "better off dead, or of hurting yourself" in page
    assert web.get("/api/v1/safety/support").json()["level"] == "concern"


def test_the_api_takes_a_check_and_returns_the_panel_when_asked(
    web: TestClient,
) -> None:
    made = web.post("/api/v1/checks/phq9", json={"answers": [3] * 9})
    assert made.status_code == 201
    result = made.json()
    assert (result["total"], result["band"], result["needs_safety"]) == (
        27,
        "severe",
        True,
    )
    assert result["support"]["level"] == "urgent"
    short = web.post("/api/v1/checks/gad7", json={"answers": [1, 1]})
    assert short.status_code == 422
    assert "7 questions" in short.text
    unknown = web.post("/api/v1/checks/bdi", json={"answers": [1]})
    assert unknown.status_code == 404


def test_the_arsq_result_is_set_beside_the_published_sample(web: TestClient) -> None:
    definition = web.get("/api/v1/checks/arsq").json()
    assert len(definition["questions"]) == 18
    assert definition["questions"][0]["situation"].startswith("You ask your parents")
    worked = [3, 4, 2, 5, 5, 2, 1, 6, 4, 4, 2, 3, 6, 5, 3, 3, 2, 6]
    made = web.post("/api/v1/checks/arsq", json={"answers": worked}).json()
    assert made["total"] == 9.44
    assert made["parts"] == [9, 4, 25, 1, 12, 8, 12, 12, 2]
    page = web.get(f"/checks/results/{made['id']}").text
    assert "8.61 was the average (standard deviation 3.61)" in page


def test_the_patterns_result_links_what_stands_out_to_learn(web: TestClient) -> None:
    patterns = check("patterns")
    answers = [
        4 if q.about == "cause:fear-of-rejection" else 0 for q in patterns.questions
    ]
    made = web.post("/api/v1/checks/patterns", json={"answers": answers}).json()
    assert made["areas"][0] == {
        "about": "cause:fear-of-rejection", "mean": 4.0, "stands_out": True,
    }  # fmt: skip
    page = web.get(f"/checks/results/{made['id']}").text
    assert '<a href="/learn/causes/fear-of-rejection">' in page
    assert "not a validated test" in page


def test_history_is_a_chart_with_a_text_alternative_and_a_table(
    web: TestClient,
) -> None:
    for answers in ([2, 2, 2, 2, 2, 2, 2], [1, 1, 1, 1, 1, 1, 1], [0] * 7):
        web.post("/api/v1/checks/gad7", json={"answers": answers})
    page = web.get("/checks/gad7/history").text
    assert 'role="img"' in page
    assert "GAD-7 results over time, from 0 to 21: 14 on" in page
    assert page.count("<circle") == 3
    assert "<td>0, minimal</td>" in page
    results = web.get("/api/v1/checks/gad7/results").json()
    assert [r["total"] for r in results] == [14, 7, 0]
    gone = web.delete(f"/api/v1/check-results/{results[0]['id']}")
    assert gone.status_code == 204
    assert web.get(f"/api/v1/check-results/{results[0]['id']}").status_code == 404
    deleted = web.post(f"/checks/results/{results[1]['id']}/delete")
    assert deleted.headers["location"] == "/checks/gad7/history"
    assert len(web.get("/api/v1/checks/gad7/results").json()) == 1


def test_a_phq2_at_the_cut_off_suggests_the_phq9(web: TestClient) -> None:
    made = web.post("/api/v1/checks/phq2", json={"answers": [2, 1]}).json()
    assert made["flagged"] is True
    assert 'href="/checks/phq9"' in web.get(f"/checks/results/{made['id']}").text


def test_the_reminder_is_optional_and_shows_on_today_only_when_due(
    web: TestClient, database: Database
) -> None:
    assert "A self-check, when you like" not in web.get("/").text
    assert web.post("/checks/reminder", data={"every": "14"}).status_code == 303
    assert "A self-check, when you like" in web.get("/").text  # none taken yet
    web.post("/api/v1/checks/phq2", json={"answers": [0, 0]})
    assert "A self-check, when you like" not in web.get("/").text
    uow = database.unit_of_work
    later = datetime.now(UTC) + timedelta(days=15)
    assert reminder_due(uow(), later) is not None
    web.post("/checks/reminder", data={"every": ""})
    assert reminder_due(uow(), later) is None
    with pytest.raises(InvalidInput, match="between 7 and 365"):
        set_reminder(uow(), 3)
