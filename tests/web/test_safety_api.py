from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_scanning_ordinary_text_returns_none_and_no_panel(client: TestClient) -> None:
    body = client.post(
        "/api/v1/safety/scan", json={"text": "I cancelled on Ana"}
    ).json()
    assert body == {"level": "none", "about": None, "reasons": [], "support": None}


def test_scanning_worrying_text_returns_the_panel_as_data(client: TestClient) -> None:
    client.patch("/api/v1/settings", json={"country": "AU"})
    client.put(
        "/api/v1/safety/plan", json={"sections": {"people": ["Jo 0412 345 678"]}}
    )
    body = client.post(
        "/api/v1/safety/scan", json={"text": "I took too many pills"}
    ).json()
    assert body["level"] == "urgent"
    assert body["about"] == "self"
    assert body["reasons"] == ["Mentions a suicide attempt or an overdose."]
    support = body["support"]
    assert support["emergency"] == "000"
    assert support["lines"]["lines"][0]["phone"] == "13 11 14"
    assert support["plan"]["has_content"] is True
    assert support["people"] == [{"text": "Jo 0412 345 678", "phone": "0412 345 678"}]
    assert "not therapy" in support["notice"]
    assert client.get("/api/v1/safety/support").json() is None  # scan stores nothing


def test_the_plan_round_trips_and_new_worrying_lines_open_the_panel(
    client: TestClient,
) -> None:
    response = client.put(
        "/api/v1/safety/plan",
        json={
            "sections": {
                "warning-signs": ["I think everyone would be better off without me"]
            }
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["support"]["level"] == "concern"
    assert body["plan"]["sections"][0]["items"] == [
        "I think everyone would be better off without me"
    ]
    assert client.get("/api/v1/safety/support").json()["level"] == "concern"
    closed = client.post("/api/v1/safety/support", json={"choice": "safe"}).json()
    assert closed == {"choice": "safe", "next": "/"}
    assert client.get("/api/v1/safety/support").json() is None


@pytest.mark.parametrize(
    ("sections", "words"),
    [
        ({"hobbies": ["x"]}, "no safety-plan section 'hobbies'"),
        ({"coping": ["x" * 501]}, "the limit is 500"),
    ],
)
def test_a_bad_plan_is_refused_and_nothing_changes(
    client: TestClient, sections: dict[str, list[str]], words: str
) -> None:
    client.put("/api/v1/safety/plan", json={"sections": {"coping": ["walk"]}})
    response = client.put("/api/v1/safety/plan", json={"sections": sections})
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]
    coping = client.get("/api/v1/safety/plan").json()["sections"][1]
    assert coping["slug"] == "coping"
    assert coping["items"] == ["walk"]


def test_closing_the_panel_needs_a_known_choice(client: TestClient) -> None:
    response = client.post("/api/v1/safety/support", json={"choice": "bye"})
    assert response.status_code == 422
    assert "Choose 'safe' or 'help'" in response.json()["error"]["message"]
