"""Learn in the web app: every entry renders, every link resolves, search works."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from closer.adapters.content import bundled_library
from closer.config import Settings
from closer.domain.content import Kind
from closer.web.app import create_app

ENTRIES = [e for e in bundled_library().entries() if e.kind is not Kind.EMOTION]
NOTE = "Closer is not therapy and does not diagnose"


@pytest.fixture(scope="module")
def learn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """Learn needs no stored data, so one SQLite store serves the whole module."""
    data: Path = tmp_path_factory.mktemp("learn")
    settings = Settings(data_dir=data, allowed_hosts="testserver")
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.kind.value}/{e.slug}")
def test_every_entry_has_a_page_with_the_professional_help_note(
    learn: TestClient, entry: object
) -> None:
    path = entry.path  # type: ignore[attr-defined]
    response = learn.get(path)
    assert response.status_code == 200
    assert NOTE in response.text
    assert 'href="/help"' in response.text


def test_every_link_in_learn_leads_somewhere(learn: TestClient) -> None:
    seen: set[str] = set()
    queue = ["/learn"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = learn.get(path)
        assert response.status_code == 200, path
        queue += [
            link
            for link in re.findall(r'href="(/learn[^"?#]*)"', response.text)
            if link not in seen
        ]
    assert len(seen) >= len(ENTRIES)


def test_a_cause_page_shows_its_signs_strategies_and_questions(
    learn: TestClient,
) -> None:
    html = learn.get("/learn/causes/fear-of-abandonment").text
    assert "Fear of being left" in html
    assert 'href="/learn/signs/cling"' in html
    assert 'href="/learn/strategies/name-the-fear"' in html
    assert 'href="/learn/faq/why-do-i-push-away-people-i-love"' in html


def test_a_strategy_page_has_a_first_step_and_a_harder_one(learn: TestClient) -> None:
    html = learn.get("/learn/strategies/healthy-time-out").text
    assert "Try it today" in html
    assert "When you are ready for more" in html
    assert 'href="/learn/reflections/time-out-questions"' in html


def test_search_lists_matches_with_a_sentence_each(learn: TestClient) -> None:
    html = learn.get("/learn", params={"q": "ghosting"}).text
    assert "for “ghosting”" in html
    assert 'href="/learn/signs/ghosting"' in html


def test_search_with_no_match_suggests_simpler_words(learn: TestClient) -> None:
    html = learn.get("/learn", params={"q": "zyxwv"}).text
    assert "0 results" in html
    assert "Nothing matched" in html


def test_search_text_is_escaped(learn: TestClient) -> None:
    html = learn.get("/learn", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in html


def test_the_feelings_page_groups_words_by_quadrant(learn: TestClient) -> None:
    html = learn.get("/learn/emotions").text
    for heading in ["Pleasant, calm", "Unpleasant, little energy"]:
        assert heading in html
    assert 'id="lonely"' in html


@pytest.mark.parametrize(
    "path", ["/learn/causes/nope", "/learn/elsewhere/ghosting", "/learn/emotions/sad"]
)
def test_unknown_entries_are_a_friendly_404(learn: TestClient, path: str) -> None:
    response = learn.get(path)
    assert response.status_code == 404
    assert 'href="/help"' in response.text
    assert 'action="/learn" role="search"' in response.text  # a way on


def test_a_missing_learn_page_is_named_in_words_not_as_a_slug(
    learn: TestClient,
) -> None:
    page = learn.get("/learn/causes/fear-of-old-links").text
    assert "Learn has no cause called “fear of old links”" in page
    assert "fear-of-old-links" not in page.split("<main")[1]


def test_the_api_serves_entries_and_search(learn: TestClient) -> None:
    index = learn.get("/api/v1/learn").json()
    assert len(index) == len(bundled_library().entries())
    cause = learn.get("/api/v1/learn/causes/fear-of-hurt").json()
    assert cause["kind"] == "causes"
    assert cause["strategies"][0] == "notice-urges"
    hits = learn.get("/api/v1/learn/search", params={"q": "space"}).json()
    assert hits[0]["path"].startswith("/learn/")
    missing = learn.get("/api/v1/learn/causes/nope")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    assert learn.get("/api/v1/learn/search").status_code == 422


def test_two_questions_people_ask_and_help_beside_the_painful_one(
    client: TestClient,
) -> None:
    intimacy = client.get("/learn/faq/fear-of-intimacy")
    assert intimacy.status_code == 200
    assert "Fear of intimacy is" in intimacy.text
    assert 'class="safety-net"' not in intimacy.text
    hurting = client.get("/learn/faq/pushing-away-to-hurt-myself")
    assert hurting.status_code == 200
    assert 'class="safety-net"' in hurting.text
    assert 'href="/help"' in hurting.text
    assert hurting.text.index('class="safety-net"') < hurting.text.index("learn-note")
