from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import make_url

from closer.adapters.db.migrate import head_revision
from closer.config import Settings
from closer.web.app import create_app


def test_health_reports_the_database_and_its_revision(
    client: TestClient, database_url: str | None
) -> None:
    body = client.get("/api/v1/health").json()
    assert body["status"] == "ok"
    assert body["store"] == "open"
    expected = (
        "sqlite" if database_url is None else make_url(database_url).get_backend_name()
    )
    assert body["database"] == expected
    assert body["schema_revision"] == head_revision()


def test_the_openapi_document_lists_every_api_operation(client: TestClient) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert set(paths) >= {
        "/api/v1/health",
        "/api/v1/settings",
        "/api/v1/help",
        "/api/v1/countries",
        "/api/v1/safety/scan",
        "/api/v1/safety/support",
        "/api/v1/safety/plan",
        "/api/v1/learn",
        "/api/v1/learn/search",
        "/api/v1/learn/{kind}/{slug}",
        "/api/v1/people",
        "/api/v1/people/{person_id}",
        "/api/v1/moments",
        "/api/v1/moments/{moment_id}",
        "/api/v1/moments/{moment_id}/causes",
        "/api/v1/moments/{moment_id}/restore",
        "/api/v1/moments/{moment_id}/suggestions",
    }
    assert all(path.startswith("/api/v1/") for path in paths)
    assert "patch" in paths["/api/v1/settings"]


def test_no_interactive_docs_that_would_load_third_party_scripts(
    client: TestClient,
) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_settings_can_be_read_and_changed(client: TestClient) -> None:
    assert client.get("/api/v1/settings").json() == {
        "country": None,
        "theme": "system",
        "time_zone": None,
    }
    response = client.patch("/api/v1/settings", json={"country": "ca"})
    assert response.json() == {"country": "CA", "theme": "system", "time_zone": None}
    response = client.patch("/api/v1/settings", json={"theme": "dark"})
    assert response.json() == {"country": "CA", "theme": "dark", "time_zone": None}
    response = client.patch("/api/v1/settings", json={"country": None})
    assert response.json() == {"country": None, "theme": "dark", "time_zone": None}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"theme": "neon"}, "Theme must be one of"),
        ({"country": "Narnia"}, "two-letter code"),
        ({"country": "ZZ"}, "no crisis lines for ZZ"),
        ({"mood": "fine"}, "mood: Extra inputs are not permitted"),
        ({"theme": 7}, "theme: Input should be a valid string"),
        ({"time_zone": "Atlantis/Capital"}, "not a time zone Closer knows"),
    ],
)
def test_bad_settings_get_a_clear_error_and_change_nothing(
    client: TestClient, body: dict[str, object], words: str
) -> None:
    client.patch(
        "/api/v1/settings", json={"country": "IN", "theme": "light", "time_zone": None}
    )
    response = client.patch("/api/v1/settings", json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert words in error["message"]
    assert client.get("/api/v1/settings").json() == {
        "country": "IN",
        "theme": "light",
        "time_zone": None,
    }


def test_malformed_json_is_refused_clearly(client: TestClient) -> None:
    response = client.patch(
        "/api/v1/settings",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_help_returns_lines_for_a_country_and_the_international_fallback(
    client: TestClient,
) -> None:
    body = client.get("/api/v1/help", params={"country": "us"}).json()
    assert body["country"]["code"] == "US"
    assert body["country"]["emergency"] == "911"
    assert body["country"]["lines"][0]["phone"] == "988"
    assert body["is_fallback"] is False
    assert body["international"]["code"] == "international"
    assert "not therapy" in body["notice"]
    fallback = client.get("/api/v1/help").json()
    assert fallback["is_fallback"] is True


def test_countries_lists_every_country_with_lines(client: TestClient) -> None:
    codes = {c["code"] for c in client.get("/api/v1/countries").json()}
    assert {"US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "NL", "IN"} <= codes


def test_an_unknown_api_address_answers_in_json(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "There is nothing at this address."}
    }


def test_a_wrong_method_answers_405_in_json(client: TestClient) -> None:
    response = client.delete("/api/v1/settings")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_an_unexpected_failure_shows_no_traceback(settings: Settings) -> None:
    app = create_app(settings)

    def explode() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/v1/explode", explode)
    app.add_api_route("/explode", explode)
    with TestClient(app, raise_server_exceptions=False) as client:
        api = client.get("/api/v1/explode")
        page = client.get("/explode")
    assert api.status_code == 500
    assert api.json()["error"]["code"] == "internal"
    assert "secret internals" not in api.text
    assert page.status_code == 500
    assert "Something went wrong" in page.text
    assert "secret internals" not in page.text
    assert 'href="/help"' in page.text


def test_an_id_too_large_for_the_database_is_simply_not_there(
    client: TestClient,
) -> None:
    for path in ("/api/v1/people/10994263771400238006272", "/api/v1/moments/0"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"


def test_a_method_a_path_does_not_take_is_405_naming_every_one_it_does(
    client: TestClient,
) -> None:
    response = client.put("/api/v1/thoughts/traps")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    settings = client.request("OPTIONS", "/api/v1/settings")
    assert settings.headers["allow"] == "GET, PATCH"


def test_unreadable_json_is_a_documented_400(client: TestClient) -> None:
    response = client.post(
        "/api/v1/moments",
        content=b"W\xff",  # not UTF-8
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert "send JSON, in UTF-8" in response.json()["error"]["message"]
    schema = client.get("/api/v1/openapi.json").json()
    assert "400" in schema["paths"]["/api/v1/moments"]["post"]["responses"]


def test_ids_too_large_in_queries_bodies_and_forms_are_refused_clearly(
    client: TestClient,
) -> None:
    huge = 10**30
    assert client.get("/api/v1/moments", params={"offset": huge}).status_code == 422
    assert client.get("/api/v1/ladder", params={"person_id": -huge}).status_code == 422
    body = {"person_id": huge, "kind": "message"}
    assert client.post("/api/v1/contacts", json=body).status_code == 422
    page = client.get("/moments", params={"person": str(huge)})
    assert page.status_code == 200
    assert "Person is far too large a number." in page.text
