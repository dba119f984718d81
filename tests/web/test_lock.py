"""The web app's first page chooses encryption; a locked store asks for the
passphrase, and help stays reachable while locked."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from closer.adapters.local_store import StoreState, remembered_key, store_state
from closer.cli.main import app as cli
from closer.web.app import create_app
from closer.web.store import LOCK_CHECK_SECONDS
from tests.support.stores import local_settings

PASSPHRASE = "lantern by the river"


new_settings = local_settings


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[TestClient]:
    """The app on a machine where Closer was never set up."""
    with TestClient(
        create_app(new_settings(tmp_path)), follow_redirects=False
    ) as client:
        yield client


def set_up(client: TestClient) -> None:
    response = client.post(
        "/setup",
        data={"passphrase": PASSPHRASE, "confirm": PASSPHRASE, "choice": "encrypt"},
    )
    assert response.status_code == 303, response.text


def test_the_first_visit_asks_how_to_protect_the_records(fresh: TestClient) -> None:
    response = fresh.get("/")
    assert response.status_code == 303
    assert response.headers["location"] == "/setup"
    page = fresh.get("/setup").text
    assert 'type="password"' in page
    assert "Keep my records without encryption" in page


def test_choosing_a_passphrase_encrypts_and_opens_the_store(
    fresh: TestClient, tmp_path: Path
) -> None:
    set_up(fresh)
    assert store_state(new_settings(tmp_path)) is StoreState.ENCRYPTED
    assert fresh.get("/").status_code == 200
    assert fresh.get("/api/v1/health").json()["store"] == "open"


def test_two_different_passphrases_are_refused(
    fresh: TestClient, tmp_path: Path
) -> None:
    response = fresh.post(
        "/setup", data={"passphrase": PASSPHRASE, "confirm": "lantern by the rover"}
    )
    assert response.status_code == 422
    assert "The two passphrases differ" in response.text
    assert store_state(new_settings(tmp_path)) is StoreState.NEW


def test_no_encryption_needs_the_box_ticked(fresh: TestClient, tmp_path: Path) -> None:
    response = fresh.post("/setup", data={"choice": "plain"})
    assert response.status_code == 422
    assert "Tick the box" in response.text
    assert store_state(new_settings(tmp_path)) is StoreState.NEW
    response = fresh.post(
        "/setup", data={"choice": "plain", "without_encryption": "yes"}
    )
    assert response.status_code == 303
    assert store_state(new_settings(tmp_path)) is StoreState.PLAIN


def test_a_locked_store_sends_pages_to_unlock_and_back(fresh: TestClient) -> None:
    set_up(fresh)
    assert fresh.post("/lock").headers["location"] == "/unlock"
    response = fresh.get("/moments")
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock?next=%2Fmoments"
    wrong = fresh.post(
        "/unlock", data={"passphrase": "lantern by the sea", "next": "/moments"}
    )
    assert wrong.status_code == 403
    assert "does not unlock your records" in wrong.text
    right = fresh.post("/unlock", data={"passphrase": PASSPHRASE, "next": "/moments"})
    assert right.status_code == 303
    assert right.headers["location"] == "/moments"
    assert fresh.get("/moments").status_code == 200


def test_unlock_never_redirects_to_another_site(fresh: TestClient) -> None:
    set_up(fresh)
    fresh.post("/lock")
    response = fresh.post(
        "/unlock", data={"passphrase": PASSPHRASE, "next": "//evil.example/x"}
    )
    assert response.headers["location"] == "/"


def test_need_help_now_works_while_locked(fresh: TestClient) -> None:
    set_up(fresh)
    fresh.post("/lock")
    response = fresh.get("/help")
    assert response.status_code == 200
    assert "Crisis lines" in response.text
    assert "kept with your locked records" in response.text
    assert fresh.get("/help?country=GB").status_code == 200
    assert fresh.get("/grounding").status_code == 200
    assert fresh.get("/learn").status_code == 200


def test_the_api_answers_423_while_locked_and_unlocks_with_the_passphrase(
    fresh: TestClient,
) -> None:
    assert fresh.get("/api/v1/moments").status_code == 409  # not set up
    body = fresh.post("/api/v1/store/setup", json={}).json()
    assert body["error"]["code"] == "invalid_input"
    setup = fresh.post("/api/v1/store/setup", json={"passphrase": PASSPHRASE})
    assert setup.json() == {"state": "encrypted", "open": True}
    assert fresh.post("/api/v1/store/lock").json() == {
        "state": "encrypted",
        "open": False,
    }
    locked = fresh.get("/api/v1/moments")
    assert locked.status_code == 423
    assert locked.json()["error"]["code"] == "locked"
    assert fresh.get("/api/v1/health").json()["store"] == "locked"
    wrong = fresh.post(
        "/api/v1/store/unlock", json={"passphrase": "not the one at all"}
    )
    assert wrong.status_code == 403
    assert wrong.json()["error"]["code"] == "wrong_passphrase"
    assert fresh.post("/api/v1/store/unlock", json={"passphrase": PASSPHRASE}).json()[
        "open"
    ]
    assert fresh.get("/api/v1/moments").status_code == 200


def test_a_passphrase_file_unlocks_the_store_when_the_app_starts(
    tmp_path: Path,
) -> None:
    with TestClient(
        create_app(new_settings(tmp_path)), follow_redirects=False
    ) as client:
        set_up(client)
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n")
    settings = new_settings(tmp_path, passphrase_file=passphrase)
    with TestClient(create_app(settings), follow_redirects=False) as client:
        assert client.get("/api/v1/health").json()["store"] == "open"
        assert client.get("/moments").status_code == 200


def test_records_unlocked_in_one_browser_stay_locked_for_other_clients(
    fresh: TestClient,
) -> None:
    set_up(fresh)
    assert fresh.get("/moments").status_code == 200
    mine = dict(fresh.cookies)
    fresh.cookies.clear()  # another browser, another user on this computer, a script
    assert fresh.get("/moments").headers["location"] == "/unlock?next=%2Fmoments"
    assert fresh.get("/api/v1/moments").status_code == 423
    assert fresh.get("/api/v1/store").json() == {"state": "encrypted", "open": False}
    assert fresh.post("/privacy/backup").status_code == 423
    assert "kept with your locked records" in fresh.get("/help").text
    right = fresh.post("/unlock", data={"passphrase": PASSPHRASE, "next": "/moments"})
    assert right.headers["location"] == "/moments"
    assert fresh.get("/moments").status_code == 200  # now this one too
    fresh.cookies.clear()
    fresh.cookies.update(mine)
    assert fresh.get("/moments").status_code == 200  # the first still works
    fresh.post("/lock")
    assert fresh.get("/api/v1/moments").status_code == 423  # locking ends every one


@pytest.fixture
def runtime_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private runtime folder, where the CLI keeps an unlocked key."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def kept_keys(runtime: Path) -> list[Path]:
    return sorted((runtime / "closer").glob("*.key"))


def test_lock_now_in_the_browser_also_forgets_the_key_the_cli_keeps(
    tmp_path: Path, runtime_folder: Path
) -> None:
    settings = new_settings(tmp_path, unlock_minutes=15)
    with TestClient(create_app(settings), follow_redirects=False) as web:
        set_up(web)
        web.post("/lock")
        assert web.post("/unlock", data={"passphrase": PASSPHRASE}).status_code == 303
        assert kept_keys(runtime_folder) != []  # the CLI may use it meanwhile
        assert remembered_key(settings) is not None
        assert web.post("/privacy/lock").status_code == 303
        assert kept_keys(runtime_folder) == []
        assert remembered_key(settings) is None
        assert web.get("/api/v1/moments").status_code == 423


def test_closer_lock_locks_a_running_server_too(
    tmp_path: Path, runtime_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = new_settings(tmp_path, unlock_minutes=15)
    with TestClient(create_app(settings), follow_redirects=False) as web:
        set_up(web)
        assert web.get("/api/v1/moments").status_code == 200
        monkeypatch.setenv("CLOSER_DATA_DIR", str(settings.data_dir))
        result = CliRunner().invoke(cli, ["lock"])
        assert result.exit_code == 0, result.output
        assert kept_keys(runtime_folder) == []
        time.sleep(LOCK_CHECK_SECONDS)  # a server looks this often
        assert web.get("/api/v1/moments").status_code == 423
        assert web.get("/moments").headers["location"].startswith("/unlock")
        unlocked = web.post("/unlock", data={"passphrase": PASSPHRASE})
        assert unlocked.status_code == 303
        assert web.get("/api/v1/moments").status_code == 200  # until the next lock
