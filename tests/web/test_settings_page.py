from __future__ import annotations

from fastapi.testclient import TestClient


def test_saving_the_form_without_javascript_redirects_back_with_a_message(
    client: TestClient,
) -> None:
    response = client.post(
        "/settings", data={"country": "nz", "theme": "dark"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/settings?saved=true"
    page = client.get(response.headers["location"]).text
    assert "Saved." in page
    assert '<option value="NZ" selected>' in page
    assert 'data-theme="dark"' in page


def test_an_htmx_save_returns_only_the_form(client: TestClient) -> None:
    response = client.post(
        "/settings",
        data={"country": "FR", "theme": "system"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<form id="settings-form"')
    assert "<html" not in response.text
    assert "Saved." in response.text
    assert "HX-Refresh" not in response.headers


def test_an_htmx_save_that_changes_the_theme_refreshes_the_page(
    client: TestClient,
) -> None:
    response = client.post(
        "/settings", data={"theme": "light"}, headers={"HX-Request": "true"}
    )
    assert response.headers["HX-Refresh"] == "true"


def test_a_bad_country_is_explained_and_nothing_is_saved(client: TestClient) -> None:
    client.post("/settings", data={"country": "IE", "theme": "light"})
    response = client.post("/settings", data={"country": "ZZ", "theme": "dark"})
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert "no crisis lines for ZZ" in response.text
    assert '<input type="radio" id="theme-dark" name="theme" value="dark" checked>' in (
        response.text
    )
    saved = client.get("/api/v1/settings").json()
    assert saved == {"country": "IE", "theme": "light", "time_zone": None}


def test_the_theme_setting_colours_every_page(client: TestClient) -> None:
    client.post("/settings", data={"country": "", "theme": "dark"})
    for path in ["/", "/help", "/learn"]:
        assert 'data-theme="dark"' in client.get(path).text
