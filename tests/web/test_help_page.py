from __future__ import annotations

from fastapi.testclient import TestClient


def test_without_a_country_the_help_page_shows_international_directories(
    client: TestClient,
) -> None:
    html = client.get("/help").text
    assert "Crisis lines around the world" in html
    assert "https://findahelpline.com" in html
    assert "choose your country in Settings" in html
    assert "not therapy and not an emergency service" in html


def test_the_help_page_lists_the_lines_of_the_chosen_country(
    client: TestClient,
) -> None:
    client.post("/settings", data={"country": "AU", "theme": "system"})
    html = client.get("/help").text
    assert "Crisis lines in Australia" in html
    assert 'href="tel:131114"' in html
    assert "13 11 14" in html
    assert "call <strong>000</strong>" in html
    assert "Elsewhere in the world" in html
    assert 'Source: <a href="https://www.lifeline.org.au"' in html


def test_another_country_can_be_shown_without_changing_settings(
    client: TestClient,
) -> None:
    html = client.get("/help", params={"country": "de"}).text
    assert "Crisis lines in Deutschland" in html
    assert "0800 111 0 111" in html
    assert client.get("/api/v1/settings").json()["country"] is None


def test_a_malformed_country_in_the_address_still_shows_help(
    client: TestClient,
) -> None:
    response = client.get("/help", params={"country": "<script>"})
    assert response.status_code == 200
    assert "Crisis lines around the world" in response.text
    assert "<script>" not in response.text
