"""Which engine suggested the causes is said on the page and in the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

WORDS = "Everything feels heavy lately and I can't face seeing anyone."


def test_with_the_model_the_page_and_the_api_name_it(with_model: TestClient) -> None:
    made = with_model.post("/api/v1/moments", json={"situation": WORDS})
    suggestions = made.json()["suggestions"]
    assert suggestions["engine"].startswith("meaning (all-MiniLM-L6-v2")
    assert "emotional-distress" in [c["slug"] for c in suggestions["causes"]]
    moment_id = made.json()["moment"]["id"]
    page = with_model.get(f"/moments/{moment_id}").text
    assert (
        "Suggested from meaning (all-MiniLM-L6-v2 (int8 ONNX), on this device)" in page
    )
    again = with_model.get(f"/api/v1/moments/{moment_id}/suggestions").json()
    assert again["causes"] == suggestions["causes"]


def test_with_the_model_off_keywords_answer_and_say_so(client: TestClient) -> None:
    made = client.post("/api/v1/moments", json={"situation": WORDS}).json()
    assert made["suggestions"]["engine"] == "keywords"
    page = client.get(f"/moments/{made['moment']['id']}").text
    assert "Suggested from keywords; only you know which fit." in page


def test_feelings_are_hinted_from_the_words_only_with_the_model(
    with_model: TestClient, client: TestClient
) -> None:
    words = {"text": "I miss him so much, the house feels empty."}
    hinted = with_model.post("/api/v1/hints/emotions", json=words).json()
    assert "sad" in hinted["emotions"]
    assert hinted["engine"].startswith("all-MiniLM-L6-v2")
    made = with_model.post("/api/v1/moments", json={"situation": words["text"]})
    page = with_model.get(f"/moments/{made.json()['moment']['id']}").text
    assert "Your words sound like: Sad" in page
    assert client.post("/api/v1/hints/emotions", json=words).json() == {
        "emotions": [], "engine": "none",
    }  # fmt: skip


OBLIQUE = "Everyone would honestly be better off if I just wasn't around anymore."


def test_with_the_model_oblique_words_open_the_support_panel(
    with_model: TestClient,
) -> None:
    made = with_model.post("/api/v1/moments", json={"situation": OBLIQUE})
    assert made.status_code == 201
    support = with_model.get("/api/v1/safety/support").json()
    assert support is not None
    assert support["level"] == "concern"
    scanned = with_model.post("/api/v1/safety/scan", json={"text": OBLIQUE}).json()
    assert scanned["level"] == "concern"
    assert any(r.startswith("It sounds like you may") for r in scanned["reasons"])
    ordinary = with_model.post(
        "/api/v1/safety/scan", json={"text": "I gave my old coats to the charity shop."}
    ).json()
    assert ordinary["level"] == "none"


def test_with_the_model_off_only_the_rules_speak(client: TestClient) -> None:
    client.post("/api/v1/moments", json={"situation": OBLIQUE})
    assert client.get("/api/v1/safety/support").json() is None
