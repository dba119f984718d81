"""The CLI keeps an unlocked key only in a private runtime folder, for a while."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from closer.adapters import key_cache

KEY = bytes(range(32))


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def test_a_kept_key_is_recalled_and_stored_owner_only(runtime: Path) -> None:
    assert key_cache.remember("/data/a", KEY, minutes=5)
    assert key_cache.recall("/data/a") == KEY
    assert key_cache.recall("/data/b") is None  # each store has its own
    (kept,) = (runtime / "closer").iterdir()
    assert kept.stat().st_mode & 0o777 == 0o600
    assert (runtime / "closer").stat().st_mode & 0o777 == 0o700


def test_an_expired_key_is_dropped(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_cache.remember("/data/a", KEY, minutes=1)
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    assert key_cache.recall("/data/a") is None
    assert list((runtime / "closer").iterdir()) == []


@pytest.mark.usefixtures("runtime")
def test_forgetting_drops_the_key() -> None:
    key_cache.remember("/data/a", KEY, minutes=5)
    key_cache.forget("/data/a")
    assert key_cache.recall("/data/a") is None
    key_cache.forget("/data/a")  # twice is fine


def test_zero_minutes_keeps_nothing(runtime: Path) -> None:
    assert not key_cache.remember("/data/a", KEY, minutes=0)
    assert not (runtime / "closer").exists()


def test_a_runtime_folder_others_can_open_is_not_used(runtime: Path) -> None:
    os.chmod(runtime, 0o755)
    assert not key_cache.remember("/data/a", KEY, minutes=5)
    assert key_cache.recall("/data/a") is None


def test_without_a_runtime_folder_nothing_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    assert not key_cache.remember("/data/a", KEY, minutes=5)
    assert key_cache.recall("/data/a") is None


def test_a_garbled_kept_file_is_ignored(runtime: Path) -> None:
    key_cache.remember("/data/a", KEY, minutes=5)
    (kept,) = (runtime / "closer").iterdir()
    kept.write_text("not a key")
    assert key_cache.recall("/data/a") is None


def test_a_kept_file_that_names_another_store_is_not_used(runtime: Path) -> None:
    key_cache.remember("/data/a", KEY, minutes=5)
    (kept,) = (runtime / "closer").iterdir()
    head = kept.read_bytes().partition(b"\n")[0]
    kept.write_bytes(head + b"\n/data/someone-else")
    assert key_cache.recall("/data/a") is None
