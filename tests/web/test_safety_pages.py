from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

PANEL = 'class="support-panel'


def test_the_plan_page_invites_writing_when_empty(client: TestClient) -> None:
    html = client.get("/safety-plan").text
    assert "Your plan is empty" in html
    assert 'href="/safety-plan/edit"' in html


def test_the_plan_is_saved_from_the_form_and_shown_in_order(
    client: TestClient,
) -> None:
    response = client.post(
        "/safety-plan/edit",
        data={"coping": "walk\ncold water", "people": "Jo 07700 900123"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/safety-plan?saved=true"
    html = client.get("/safety-plan?saved=true").text
    assert "Saved." in html
    assert html.index("walk") < html.index("cold water") < html.index("Jo 07700")
    assert PANEL not in html


def test_a_mistake_in_the_plan_keeps_what_was_typed(client: TestClient) -> None:
    client.post("/safety-plan/edit", data={"coping": "walk"})
    response = client.post(
        "/safety-plan/edit", data={"coping": "run", "reasons": "x" * 600}
    )
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert "the limit is 500" in response.text
    assert ">run</textarea>" in response.text
    assert client.get("/api/v1/safety/plan").json()["sections"][1]["items"] == ["walk"]


def test_worrying_text_saves_and_then_shows_the_panel_on_every_page(
    client: TestClient,
) -> None:
    client.post("/safety-plan/edit", data={"warning-signs": "I just want to die"})
    assert client.get("/api/v1/safety/plan").json()["sections"][0]["items"] == [
        "I just want to die"
    ]
    for path in ["/", "/settings", "/learn", "/safety-plan"]:
        html = client.get(path).text
        assert PANEL in html, path
        assert "It sounds like things are really hard right now" in html
        assert "What you wrote has been saved." in html
        assert 'value="safe"' in html
        assert 'value="help"' in html


def test_an_urgent_panel_leads_with_the_emergency_number(client: TestClient) -> None:
    client.patch("/api/v1/settings", json={"country": "GB"})
    client.post("/safety-plan/edit", data={"warning-signs": "I'm going to kill myself"})
    html = client.get("/").text
    assert "urgent-panel" in html
    assert "You matter, and help is here right now" in html
    assert re.search(r"call <strong>999</strong> now", html)
    assert 'href="tel:116123"' in html


def test_im_safe_right_now_closes_the_panel_and_returns_to_the_page(
    client: TestClient,
) -> None:
    client.post("/safety-plan/edit", data={"coping": "I feel hopeless"})
    response = client.post(
        "/support",
        data={"choice": "safe", "next": "/learn"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/learn?said=safe"
    html = client.get("/learn?said=safe").text
    assert PANEL not in html
    assert "We are glad you are safe" in html


def test_show_me_help_closes_the_panel_and_opens_help(client: TestClient) -> None:
    client.post("/safety-plan/edit", data={"coping": "I feel hopeless"})
    response = client.post("/support", data={"choice": "help"}, follow_redirects=False)
    assert response.headers["location"] == "/help"
    assert PANEL not in client.get("/").text


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example", "x"])
def test_closing_the_panel_never_redirects_off_site(
    client: TestClient, target: str
) -> None:
    response = client.post(
        "/support", data={"choice": "safe", "next": target}, follow_redirects=False
    )
    assert response.headers["location"] == "/?said=safe"


def test_an_unknown_choice_is_refused(client: TestClient) -> None:
    client.post("/safety-plan/edit", data={"coping": "I feel hopeless"})
    response = client.post("/support", data={"choice": "whatever"})
    assert response.status_code == 422
    assert PANEL in client.get("/").text


def test_the_help_page_shows_the_plan_first_when_it_has_content(
    client: TestClient,
) -> None:
    client.post(
        "/safety-plan/edit",
        data={"coping": "walk to the park", "people": "Jo 0123 456", "reasons": "Miso"},
    )
    html = client.get("/help").text
    plan_at = html.index("Your safety plan")
    assert plan_at < html.index("Crisis lines around the world")
    for item in ["walk to the park", "Jo 0123 456", "Miso"]:
        assert item in html
    assert 'href="/grounding"' in html


def test_a_friend_at_risk_gets_advice_for_helping_someone(client: TestClient) -> None:
    client.post("/safety-plan/edit", data={"people": "my friend says she wants to die"})
    html = client.get("/").text
    assert "someone you care about may be in danger" in html
    assert "Asking them directly" in html


@pytest.mark.parametrize("step", [0, 1, 3, 5, 6, 99, -4])
def test_grounding_works_step_by_step_without_javascript(
    client: TestClient, step: int
) -> None:
    response = client.get("/grounding", params={"step": step})
    assert response.status_code == 200
    html = response.text
    if step <= 0:
        assert 'href="/grounding?step=1"' in html
    elif 1 <= step <= 5:
        assert f"Step {step} of 5" in html
    else:
        assert "Well done" in html


def test_first_run_asks_for_the_country_until_answered(client: TestClient) -> None:
    assert "Where are you?" in client.get("/").text
    client.post("/first-run/country", data={"country": "IE", "action": "save"})
    assert "Where are you?" not in client.get("/").text
    assert client.get("/api/v1/settings").json()["country"] == "IE"


def test_first_run_country_question_can_be_put_off(client: TestClient) -> None:
    response = client.post(
        "/first-run/country", data={"action": "later"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert "Where are you?" not in client.get("/").text
    assert client.get("/api/v1/settings").json()["country"] is None
