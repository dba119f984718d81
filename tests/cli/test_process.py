"""The real ``closer`` process: serving, and bad settings giving one clear line."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx2
import pytest

from tests.support.postgres import PostgresCluster, free_port
from tests.support.server import closer_env, init_store, run_closer, running_server


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


def test_serve_prints_its_address_and_serves_the_help_page(tmp_path: Path) -> None:
    port = free_port()
    env = closer_env(tmp_path / "data")
    init_store(env)
    with running_server(env, port) as base:
        assert base == f"http://127.0.0.1:{port}"
        response = httpx2.get(f"{base}/help")
        assert response.status_code == 200
        assert "Need help now" in response.text
    assert (tmp_path / "data" / "closer.db").is_file()


def test_serve_on_a_busy_port_says_so(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_closer("serve", "--port", str(port), env=closer_env(tmp_path))
    assert result.returncode == 1
    line = _one_error_line(result.stderr)
    assert f"Port {port} on 127.0.0.1 is already in use" in line


def test_an_unreachable_database_gives_one_line(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://closer:pw@127.0.0.1:{free_port()}/closer"
    env = closer_env(tmp_path, CLOSER_DATABASE_URL=url)
    result = run_closer("db", "upgrade", env=env)
    assert result.returncode == 1
    line = _one_error_line(result.stderr)
    assert "Cannot reach the database" in line
    assert ":pw@" not in line


def test_an_unwritable_data_folder_gives_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    env = closer_env(tmp_path / "data", CLOSER_DATA_DIR=str(blocker / "closer"))
    result = run_closer("serve", env=env)
    assert result.returncode == 1
    assert "Cannot write to the data folder" in _one_error_line(result.stderr)


def test_a_malformed_setting_gives_one_line(tmp_path: Path) -> None:
    env = closer_env(tmp_path, CLOSER_PORT="eighty")
    result = run_closer("serve", env=env)
    assert result.returncode == 1
    assert "CLOSER_PORT" in _one_error_line(result.stderr)


@pytest.mark.postgres
def test_two_hosted_servers_share_sign_ins_through_the_database(
    tmp_path: Path, postgres_cluster: PostgresCluster
) -> None:
    url = postgres_cluster.create_database()
    try:
        env = closer_env(
            tmp_path / "data", CLOSER_MODE="hosted", CLOSER_DATABASE_URL=url
        )
        with running_server(env) as first, running_server(env) as second:
            assert first != second
            browser = httpx2.Client()
            account = {"email": "ana@example.org", "password": "ana password 123"}
            assert (
                browser.post(f"{first}/api/v1/account", json=account).status_code == 201
            )
            cookie = browser.cookies.get("closer_session")
            assert cookie
            headers = {"cookie": f"closer_session={cookie}"}
            moment = {"situation": "Written via the second"}
            written = httpx2.post(
                f"{second}/api/v1/moments", json=moment, headers=headers
            )
            assert written.status_code == 201, written.text
            seen = httpx2.get(f"{first}/api/v1/moments", headers=headers).json()
            assert [m["situation"] for m in seen["items"]] == ["Written via the second"]
            httpx2.delete(f"{first}/api/v1/account/session", headers=headers)
            assert (
                httpx2.get(f"{second}/api/v1/moments", headers=headers).status_code
                == 401
            )
            browser.close()
    finally:
        postgres_cluster.drop_database(url)


def test_the_cli_leaves_records_alone_in_hosted_mode(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hosted.db'}"
    env = closer_env(tmp_path / "data", CLOSER_MODE="hosted", CLOSER_DATABASE_URL=url)
    assert run_closer("db", "upgrade", env=env).returncode == 0
    result = run_closer("moments", env=env)
    assert result.returncode == 1
    assert "use the web app or the API" in _one_error_line(result.stderr)
