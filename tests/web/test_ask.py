"""Ask: Closer's own pages and the person's moments, by meaning or by words;
vectors of the person's texts are kept, so asking again embeds nothing new."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from closer.adapters.db.database import Database
from closer.adapters.db.orm import TextVectorRow

QUESTION = "how do I say sorry after going quiet for weeks"


def kept(database: Database) -> int:
    """How many vectors the store keeps."""
    with database.engine.connect() as connection:
        count = select(func.count()).select_from(TextVectorRow)
        return int(connection.execute(count).scalar_one())


def test_ask_answers_with_learn_and_the_closest_moments(
    with_model: TestClient,
) -> None:
    for text in ("I ghosted Sam for a month and now I feel awful about it.",
                 "Bought new running shoes."):  # fmt: skip
        with_model.post("/api/v1/moments", json={"situation": text})
    answer = with_model.get("/api/v1/ask", params={"q": QUESTION}).json()
    assert answer["engine"].startswith("all-MiniLM-L6-v2")
    kinds = {a["kind"] for a in answer["answers"]}
    assert kinds == {"faq", "causes", "strategies"}
    assert "repair-after-quiet" in [a["slug"] for a in answer["answers"]]
    assert all(a["why"] for a in answer["answers"])
    assert [m["situation"] for m in answer["moments"]][:1] == [
        "I ghosted Sam for a month and now I feel awful about it."
    ]
    assert "Bought new running shoes." not in [
        m["situation"] for m in answer["moments"]
    ]
    page = with_model.get("/ask", params={"q": QUESTION}).text
    assert "Found by meaning, on this device" in page
    assert "Because: “" in page


def test_asking_again_reads_kept_vectors_and_embeds_only_new_texts(
    with_model: TestClient, database: Database
) -> None:
    with_model.post("/api/v1/moments", json={"situation": "Left Jo on read again."})
    with_model.get("/api/v1/ask", params={"q": QUESTION})
    first = kept(database)
    with_model.get("/api/v1/ask", params={"q": "something else entirely"})
    assert kept(database) == first
    with_model.post("/api/v1/moments", json={"situation": "Called Jo back."})
    with_model.get("/api/v1/ask", params={"q": QUESTION})
    assert kept(database) == first + 1


def test_without_the_model_ask_uses_words_and_says_so(client: TestClient) -> None:
    client.post(
        "/api/v1/moments", json={"situation": "Cancelling plans with Ana again"}
    )
    answer = client.get("/api/v1/ask", params={"q": "cancelling plans"}).json()
    assert answer["engine"] == "keywords"
    assert answer["answers"]
    assert answer["moments"][0]["situation"] == "Cancelling plans with Ana again"
    page = client.get("/ask", params={"q": "cancelling plans"}).text
    assert "Found by the words you used" in page
    assert "Your question" in client.get("/ask").text


def test_a_question_that_speaks_of_crisis_brings_the_support_panel_at_once(
    client: TestClient,
) -> None:
    question = "I am going to kill myself tonight"
    answer = client.get("/api/v1/ask", params={"q": question}).json()
    assert answer["support"]["level"] == "urgent"
    page = client.get("/ask", params={"q": question}).text
    assert 'value="I am going to kill myself tonight"' in page  # kept
    assert "I'm safe right now" in page  # the panel, on this very page
    calm = client.get("/api/v1/ask", params={"q": "why do I cancel plans"}).json()
    assert calm["support"] is None


def test_the_moments_page_finds_moments_close_in_meaning_when_asked(
    with_model: TestClient,
) -> None:
    for text in ("Dinner with Ana felt like a cage; I made an excuse and left.",
                 "Watered the plants."):  # fmt: skip
        with_model.post("/api/v1/moments", json={"situation": text})
    plain = with_model.get("/moments", params={"q": "times I felt trapped"}).text
    assert 'name="meaning"' in plain
    assert "Closest in meaning" not in plain
    page = with_model.get(
        "/moments", params={"q": "times I felt trapped", "meaning": "1"}
    ).text
    section = page.split("Closest in meaning", 1)[1].split("</section>", 1)[0]
    assert "Dinner with Ana felt like a cage" in section
    assert "Watered the plants." not in section


def test_without_the_model_the_moments_page_offers_no_meaning_search(
    client: TestClient,
) -> None:
    page = client.get("/moments", params={"q": "trapped", "meaning": "1"}).text
    assert 'name="meaning"' not in page
    assert "Closest in meaning" not in page
