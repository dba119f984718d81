from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from closer.config import Settings
from closer.web.app import create_app
from closer.web.rendering import NAVIGATION

PAGES = [item.path for item in NAVIGATION] + ["/help"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_navigation_and_the_help_link(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert '<a class="help-link" href="/help"' in html
    assert "Need help now</a>" in html
    for item in NAVIGATION:
        assert f'href="{item.path}"' in html
    assert 'lang="en"' in html


@pytest.mark.parametrize("path", [item.path for item in NAVIGATION])
def test_the_current_page_is_marked_for_screen_readers(
    client: TestClient, path: str
) -> None:
    html = client.get(path).text
    current = re.findall(r'<a href="([^"]+)" aria-current="page"', html)
    assert current == [path]


def test_pages_follow_the_system_theme_by_default(client: TestClient) -> None:
    assert 'data-theme="system"' in client.get("/").text


def test_every_response_carries_a_strict_content_security_policy(
    client: TestClient,
) -> None:
    for path in ["/", "/help", "/api/v1/health", "/static/css/closer.css", "/nope"]:
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_https_responses_tell_browsers_to_stay_on_https(client: TestClient) -> None:
    assert "strict-transport-security" not in client.get("/help").headers
    secure = client.get("https://testserver/help").headers
    assert secure["strict-transport-security"] == "max-age=31536000"


def _run_hosted(tmp_path: Path, probe: str, **env: str) -> str:
    """Run ``probe`` in a fresh interpreter with a hosted app's environment;
    what it printed."""
    env = {**os.environ, "CLOSER_DATA_DIR": str(tmp_path), "CLOSER_MODE": "hosted",
           "CLOSER_DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}", **env}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_asgi_module_serves_the_configured_app(tmp_path: Path) -> None:
    probe = (
        "from fastapi.testclient import TestClient\n"
        "from closer.web.asgi import app\n"
        "with TestClient(app) as c:\n"
        "    print(c.get('/moments', follow_redirects=False).headers['location'])\n"
    )
    assert _run_hosted(tmp_path, probe).strip() == "/login?next=%2Fmoments"


def test_only_a_server_moves_its_start_up_heap_out_of_the_collectors_sight(
    tmp_path: Path,
) -> None:
    probe = (
        "import gc\n"
        "from fastapi.testclient import TestClient\n"
        "from closer.web.app import create_app\n"
        "for server in (False, True):\n"
        "    before = gc.get_freeze_count()\n"
        "    with TestClient(create_app(server=server)):\n"
        "        print(server, gc.get_freeze_count() > before)\n"
    )
    printed = _run_hosted(tmp_path, probe, CLOSER_MODEL="off")
    assert printed.split() == ["False", "False", "True", "True"]


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for path in PAGES:
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert "<style" not in html, path
        assert " style=" not in html, path


def test_htmx_and_the_stylesheet_are_served_locally(client: TestClient) -> None:
    html = client.get("/").text
    assert '<script src="/static/vendor/htmx/htmx.min.js" defer></script>' in html
    assert client.get("/static/vendor/htmx/htmx.min.js").status_code == 200
    assert client.get("/static/css/closer.css").status_code == 200


def test_an_unknown_page_shows_a_friendly_page_with_the_help_link(
    client: TestClient,
) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "There is nothing at this address." in response.text
    assert 'href="/help"' in response.text
    assert "Traceback" not in response.text


def test_a_local_app_answers_only_to_this_computer(tmp_path: Path) -> None:
    """A page that rebinds its own name to 127.0.0.1 cannot read the records."""
    settings = Settings(data_dir=tmp_path)
    assert "evil.example" not in settings.trusted_hosts
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as local:
        assert local.get("/help").status_code == 200
        assert local.get("/help", headers={"host": "localhost:8000"}).status_code == 200
        rebound = local.get("/api/v1/export", headers={"host": "evil.example:8000"})
        assert rebound.status_code == 400


def test_hosted_mode_answers_to_the_names_it_is_given(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'h.db'}"
    settings = Settings(mode="hosted", data_dir=tmp_path, database_url=url,
                        allowed_hosts="closer.example.org")  # fmt: skip
    app = create_app(settings)
    with TestClient(app, base_url="https://closer.example.org") as client:
        assert client.get("/help").status_code == 200
        other = client.get("/help", headers={"host": "other.example"})
        assert other.status_code == 400


def test_no_request_telemetry_is_recorded_even_when_the_environment_asks(
    monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    monkeypatch.setenv("FASTAPI_OTEL_AUTO_CONFIGURE", "true")
    app = create_app(settings)
    config = app._telemetry  # FastAPI keeps no public way to read it back
    switches = [config["tracing"], config["metrics"], config["logs"],
                config["operation_spans"], config["auto_configure"]]  # fmt: skip
    assert not any(switches)


def test_the_service_worker_names_its_cache_after_the_shell(client: TestClient) -> None:
    worker = client.get("/sw.js")
    assert worker.headers["cache-control"] == "no-cache"
    assert re.search(r'const SHELL = "closer-shell-[0-9a-f]{12}";', worker.text)
    assert "closer-shell-dev" not in worker.text


def test_pages_and_answers_with_records_are_never_stored_by_a_cache(
    client: TestClient,
) -> None:
    client.post("/api/v1/moments", json={"situation": "Cancelled on Sam"})
    for path in ("/", "/moments", "/moments/1", "/api/v1/moments", "/api/v1/export",
                 "/insights", "/people", "/privacy", "/api/v1/health"):  # fmt: skip
        answer = client.get(path)
        assert answer.headers.get("cache-control") == "no-store", path
    assert client.get("/sw.js").headers["cache-control"] == "no-cache"
    static = client.get("/static/css/closer.css")
    assert static.status_code == 200
    assert "no-store" not in static.headers.get("cache-control", "")
