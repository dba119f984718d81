"""Check a message: the page and the API, with and without the model."""

from __future__ import annotations

from fastapi.testclient import TestClient

PAGE = "/practice/message"
API = "/api/v1/messages/check"


def test_the_page_offers_a_box_and_is_linked_from_practice(client: TestClient) -> None:
    page = client.get(PAGE).text
    assert '<label for="draft">Your draft</label>' in page
    assert "Nothing is sent and nothing is kept" in page
    assert f'href="{PAGE}"' in client.get("/practice").text


def test_a_cancelled_plan_gets_warmer_drafts_and_the_draft_stays(
    client: TestClient,
) -> None:
    page = client.post(PAGE, data={"draft": "Sorry, can't make it tonight."}).text
    assert "Cancelling without a new plan" in page
    assert "Because of: “can&#39;t make it”" in page
    assert "Could we do [another day] instead?" in page
    assert ">Sorry, can&#39;t make it tonight.</textarea>" in page
    assert 'href="/learn/strategies/honor-commitments"' in page
    assert "words only (the on-device model is not installed or is off)" in page


def test_a_warm_draft_is_left_alone(client: TestClient) -> None:
    page = client.post(PAGE, data={"draft": "Lovely to see you, same time soon?"})
    assert "Nothing here reads as pushing away" in page.text


def test_the_api_names_each_pattern_with_evidence_and_alternatives(
    client: TestClient,
) -> None:
    out = client.post(API, json={"text": "You never listen. Leave me alone."}).json()
    assert out["engine"] == "keywords"
    assert [(f["pattern"], f["evidence"], f["by"]) for f in out["findings"]] == [
        ("blame", "You never", "words"),
        ("vanish", "Leave me alone", "words"),
    ]
    assert all(len(f["alternatives"]) >= 2 and f["why"] for f in out["findings"])
    assert out["support"] is None


def test_an_empty_or_huge_draft_is_refused_with_a_reason(client: TestClient) -> None:
    empty = client.post(API, json={"text": "   "})
    assert empty.status_code == 422
    assert "empty" in empty.json()["error"]["message"]
    huge = client.post(API, json={"text": "a" * 5_001})
    assert huge.status_code == 422


def test_a_draft_that_speaks_of_crisis_opens_the_support_panel_at_once(
    client: TestClient,
) -> None:
    draft = "I am going to kill myself tonight, do not try to find me"
    out = client.post(API, json={"text": draft}).json()
    assert out["support"]["level"] == "urgent"
    page = client.post(PAGE, data={"draft": draft}).text
    assert "I'm safe right now" in page
    assert f">{draft.replace(chr(39), '&#39;')}</textarea>" in page  # kept


def test_with_the_model_the_page_says_so_and_hears_more(with_model: TestClient) -> None:
    out = with_model.post(API, json={"text": "Hmm ok."}).json()
    assert out["engine"].startswith("meaning (all-MiniLM-L6-v2")
    assert [(f["pattern"], f["by"]) for f in out["findings"]] == [("curt", "meaning")]
    page = with_model.post(PAGE, data={"draft": "Hmm ok."}).text
    assert "Checked by meaning, with the on-device model, and by words" in page
    assert "Because it is close in meaning to" in page


def test_a_crisis_draft_is_not_called_fine_to_send_nor_said_to_be_saved(
    client: TestClient,
) -> None:
    page = client.post(PAGE, data={"draft": "I want to kill myself."}).text
    assert "What you wrote sounds heavy." in page
    assert "if it sounds like you, send it" not in page
    assert "What you wrote has been saved." not in page  # a draft is never kept
    assert "nothing was sent or kept" in page
    moment = client.post("/moments", data={"situation": "I want to kill myself."})
    assert "What you wrote has been saved." in moment.text  # a moment is kept
