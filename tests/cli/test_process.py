"""The real ``closer`` process: serving, and bad settings giving one clear line."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx2

from tests.support.postgres import free_port
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
