"""Backups taken while the app writes, restores that check first, and
"delete everything"."""

from __future__ import annotations

import hashlib
import json
import threading
import zipfile
from pathlib import Path

import pytest

from closer.adapters import local_store
from closer.adapters.backup import make_backup, read_manifest, restore_backup
from closer.adapters.content import bundled_library
from closer.adapters.db.database import Database, open_database
from closer.adapters.local_store import StoreState, store_state
from closer.config import Settings
from closer.domain.errors import InvalidInput, WrongPassphrase
from closer.services.export import export_records
from closer.services.moments import log_moment

PASSPHRASE = "harbour lights at dusk"


@pytest.fixture
def local(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        kdf_memory_kib=1024,
        kdf_time_cost=1,
        unlock_minutes=0,
    )


def opened(settings: Settings, passphrase: str = PASSPHRASE) -> Database:
    return open_database(settings, key=local_store.unlock(settings, passphrase))


def situations(database: Database) -> list[str]:
    return [m.situation for m in export_records(database.unit_of_work()).moments]


def log(database: Database, text: str) -> None:
    log_moment(database.unit_of_work(), bundled_library(), situation=text)


def test_a_backup_restores_what_was_there_and_keeps_the_replaced_store(
    local: Settings, tmp_path: Path
) -> None:
    key = local_store.set_up(local, PASSPHRASE)
    database = open_database(local, key=key)
    log(database, "Before the backup")
    info = make_backup(local, key, tmp_path / "b.zip")
    log(database, "After the backup")
    database.close()
    assert info.encrypted
    assert b"Before the backup" not in (tmp_path / "b.zip").read_bytes()
    assert (tmp_path / "b.zip").stat().st_mode & 0o777 == 0o600
    restore_backup(local, tmp_path / "b.zip", PASSPHRASE)
    again = opened(local)
    try:
        assert situations(again) == ["Before the backup"]
    finally:
        again.close()
    (kept,) = local.data_dir.glob("before-restore-*")
    assert sorted(p.name for p in kept.iterdir())[0] == "closer.db"


def test_a_backup_taken_during_writes_is_consistent(
    local: Settings, tmp_path: Path
) -> None:
    key = local_store.set_up(local, PASSPHRASE)
    database = open_database(local, key=key)
    stop = threading.Event()

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            log(database, f"moment {n}")
            n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        paths = [tmp_path / f"b{i}.zip" for i in range(3)]
        for path in paths:
            make_backup(local, key, path)
    finally:
        stop.set()
        writer.join()
        database.close()
    for path in paths:
        assert read_manifest(path)["encrypted"] is True
        restore_backup(local, path, PASSPHRASE)  # passes integrity_check
        check = opened(local)
        try:
            numbers = [int(s.split()[1]) for s in situations(check)]
            assert numbers == list(range(len(numbers)))  # a prefix: no gaps, no halves
        finally:
            check.close()


def test_a_damaged_backup_is_refused_and_nothing_changes(
    local: Settings, tmp_path: Path
) -> None:
    key = local_store.set_up(local, PASSPHRASE)
    database = open_database(local, key=key)
    log(database, "Keep me")
    make_backup(local, key, tmp_path / "b.zip")
    database.close()
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    broken = bytearray(parts["closer.db"])
    broken[6000] ^= 0xFF
    manifest = json.loads(parts["manifest.json"])
    for name, fix_checksum in (("flipped.zip", False), ("resealed.zip", True)):
        if fix_checksum:  # a damaged page behind a matching checksum
            manifest["sha256"] = hashlib.sha256(broken).hexdigest()
        with zipfile.ZipFile(tmp_path / name, "w") as out:
            out.writestr("manifest.json", json.dumps(manifest))
            out.writestr("closer.db", bytes(broken))
            out.writestr("closer.key.json", parts["closer.key.json"])
    before = {p.name: p.read_bytes() for p in local.data_dir.iterdir() if p.is_file()}
    with pytest.raises(InvalidInput, match="does not match its checksum"):
        restore_backup(local, tmp_path / "flipped.zip", PASSPHRASE)
    with pytest.raises(InvalidInput, match="Nothing was changed"):
        restore_backup(local, tmp_path / "resealed.zip", PASSPHRASE)
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    with pytest.raises(InvalidInput, match="cannot be read"):
        restore_backup(local, tmp_path / "junk.zip", PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        restore_backup(local, tmp_path / "b.zip", "not the passphrase")
    after = {p.name: p.read_bytes() for p in local.data_dir.iterdir() if p.is_file()}
    assert after == before
    assert not list(local.data_dir.glob("before-restore-*"))


def test_delete_everything_leaves_nothing_behind(local: Settings) -> None:
    key = local_store.set_up(local, PASSPHRASE)
    database = open_database(local, key=key)
    log(database, "Private")
    make_backup(local, key, local.data_dir / "backups" / "b.zip")
    database.close()
    removed = local_store.delete_everything(local)
    assert {p.name for p in removed} >= {"closer.db", "closer.key.json", "backups"}
    assert store_state(local) is StoreState.NEW
    leftovers = [p.name for p in local.data_dir.rglob("*") if "content-" not in p.name]
    assert leftovers == []
