"""A damaged local store is never silently replaced: a records file missing
or empty beside its key, a key file unreadable or missing beside encrypted
records. Each command (and the web app) says what happened and the way back,
writes nothing, and ``closer restore`` brings the records back."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import httpx2
import pytest

from tests.support.server import closer_env, init_store, run_closer, serving

Damage = Callable[[Path], None]


def _missing(data: Path) -> None:
    (data / "closer.db").unlink()


def _missing_beside_its_log(data: Path) -> None:
    (data / "closer.db-wal").write_bytes(b"what a log may still hold" * 100)
    (data / "closer.db").unlink()


def _empty(data: Path) -> None:
    for extra in data.glob("closer.db-*"):
        extra.unlink()
    (data / "closer.db").write_bytes(b"")


def _binary_key(data: Path) -> None:
    (data / "closer.key.json").write_bytes(os.urandom(64))


def _cut_key(data: Path) -> None:
    key = data / "closer.key.json"
    key.write_bytes(key.read_bytes()[:40])


DAMAGES: dict[str, tuple[Damage, str]] = {
    "records missing": (_missing, "is missing, but its key file is there"),
    "records missing, log left": (
        _missing_beside_its_log,
        "is missing, but its key file is there",
    ),
    "records empty": (_empty, "is empty, but its key file is there"),
    "key not text": (_binary_key, "cannot be read (it is not text)"),
    "key cut short": (_cut_key, "cannot be read"),
}


@pytest.fixture
def store(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """An encrypted store with one moment and a backup of it."""
    data = tmp_path / "data"
    env = closer_env(data)
    init_store(env)
    assert run_closer("log", "Kept safe in the backup", env=env).returncode == 0
    assert run_closer("backup", env=env).returncode == 0
    (backup,) = (data / "backups").glob("*.zip")
    return env, data, backup


def _fingerprint(data: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data.iterdir())
        if p.is_file()
    }


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_every_command_says_what_happened_and_changes_nothing(
    store: tuple[dict[str, str], Path, Path], damage: str
) -> None:
    env, data, backup = store
    harm, words = DAMAGES[damage]
    harm(data)
    before = _fingerprint(data)
    for args in (["moments"], ["log", "A new moment"], ["person", "list"],
                 ["init"], ["export", "--format", "json"]):  # fmt: skip
        result = run_closer(*args, env=env)
        assert result.returncode == 1, (args, result.stdout)
        assert result.stderr.startswith("Error: "), (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert words in result.stderr, (args, result.stderr)
        assert f"closer restore {backup}" in result.stderr
        assert "CLOSER_DATABASE_URL" not in result.stderr
    assert _fingerprint(data) == before  # nothing made, nothing written


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_restoring_the_backup_brings_the_records_back(
    store: tuple[dict[str, str], Path, Path], damage: str
) -> None:
    env, data, backup = store
    DAMAGES[damage][0](data)
    restored = run_closer("restore", str(backup), env=env)
    assert restored.returncode == 0, restored.stderr
    listed = run_closer("moments", env=env)
    assert "Kept safe in the backup" in listed.stdout, listed.stderr


def test_init_refuses_to_write_a_key_beside_encrypted_records(
    store: tuple[dict[str, str], Path, Path],
) -> None:
    env, data, _backup = store
    (data / "closer.key.json").unlink()
    before = _fingerprint(data)
    result = run_closer("init", env=env)
    assert result.returncode == 1
    assert "is encrypted, but its key file (closer.key.json) is missing" in (
        result.stderr
    )
    assert _fingerprint(data) == before
    assert not list(data.glob("closer.key.json*"))


def test_the_web_app_starts_and_every_page_with_records_explains(
    store: tuple[dict[str, str], Path, Path],
) -> None:
    env, data, backup = store
    _missing(data)
    with serving(env) as server:
        health = httpx2.get(f"{server.base}/api/v1/health").json()
        assert health["store"] == "damaged"
        page = httpx2.get(f"{server.base}/moments")
        assert page.status_code == 503
        assert "is missing, but its key file is there" in page.text
        assert str(backup) in page.text
        assert httpx2.get(f"{server.base}/help").status_code == 200
        api = httpx2.get(f"{server.base}/api/v1/moments").json()
        assert api["error"]["code"] == "damaged_store"
        assert run_closer("restore", str(backup), env=env).returncode == 0
        unlock = httpx2.get(f"{server.base}/moments", follow_redirects=False)
        assert unlock.status_code in (200, 303)  # the restored store opens
    assert (data / "closer.db").stat().st_size != 0
