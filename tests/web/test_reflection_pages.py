"""Guided reflections: answered step by step, saved, reread; on both databases."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def test_a_moment_offers_the_reflections_that_fit_it(web: TestClient) -> None:
    logged = web.post(
        "/api/v1/moments",
        json={"situation": "Ana wanted to talk about us and I felt trapped, so I left"},
    ).json()
    moment_id = logged["moment"]["id"]
    page = web.get(f"/moments/{moment_id}").text
    links = re.findall(r'href="(/practice/reflections/[a-z-]+\?moment=\d+)"', page)
    assert links, "the moment page links to guided reflections"
    form = web.get(links[0]).text
    assert f'name="moment" value="{moment_id}"' in form


def test_a_reflection_is_answered_saved_and_reread(web: TestClient) -> None:
    form = web.get("/practice/reflections/time-out-questions").text
    assert "Would I be glad if things between us stayed as they are?" in form
    saved = web.post(
        "/practice/reflections/time-out-questions",
        data={"answer_1": "From Jo, until Sunday", "answer_3": "Mostly",
              "answer_4": "Calm"},
    )  # fmt: skip
    assert saved.status_code == 303
    page = web.get(saved.headers["location"]).text
    assert "From Jo, until Sunday" in page
    assert "Left for another time." in page
    listing = web.get("/practice/reflections").text
    assert "Questions for a time-out" in listing
    api = web.get("/api/v1/reflections").json()
    assert api["items"][0]["answers"][2] == "Mostly"


def test_a_wrong_choice_keeps_every_answer(web: TestClient) -> None:
    response = web.post(
        "/practice/reflections/time-out-questions",
        data={"answer_1": "From Jo", "answer_3": "Perhaps"},
    )
    assert response.status_code == 422
    assert "For answer 3, choose one of" in response.text
    assert 'value="From Jo"' in response.text


def test_nothing_written_is_refused_and_unknown_reflections_are_404(
    web: TestClient,
) -> None:
    empty = web.post(
        "/api/v1/reflections", json={"reflection": "escape-questions", "answers": []}
    )
    assert empty.status_code == 422
    assert "Answer at least one question" in empty.json()["error"]["message"]
    assert web.get("/practice/reflections/no-such-thing").status_code == 404
    too_many = web.post(
        "/api/v1/reflections",
        json={"reflection": "escape-questions", "answers": ["a"] * 9},
    )
    assert too_many.status_code == 422


def test_words_of_crisis_in_a_reflection_open_the_support_panel(
    web: TestClient,
) -> None:
    written = web.post(
        "/api/v1/reflections",
        json={"reflection": "escape-questions", "answers": ["I want to end my life"]},
    )
    assert written.status_code == 201
    assert written.json()["support"] is not None
    assert written.json()["entry"]["answers"][0] == "I want to end my life"


def test_a_reflection_can_be_removed(web: TestClient) -> None:
    entry = web.post(
        "/api/v1/reflections", json={"reflection": "escape-questions", "answers": ["x"]}
    ).json()["entry"]
    assert web.delete(f"/api/v1/reflections/{entry['id']}").status_code == 204
    assert web.get(f"/api/v1/reflections/{entry['id']}").status_code == 404
