"""Backups of the local store, taken while the app runs, and restoring them.

A backup is one zip file (stored, not compressed: the database is already
encrypted) holding:

- ``closer.db``: a consistent snapshot made with SQLite's online backup API,
  encrypted under the same data key as the store (or plain, for a plain
  store);
- ``closer.key.json``: the key file, so the backup opens with the passphrase
  that was current when it was taken;
- ``manifest.json``: format, time, app version, schema revision and the
  SHA-256 of ``closer.db``.

Restoring checks the manifest, the checksum, that the passphrase opens it,
and SQLite's ``integrity_check`` before anything is replaced; the store it
replaces is kept in ``before-restore-<time>/`` in the data folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from closer import __version__
from closer.adapters import local_store, vault
from closer.adapters.db.schema import HEAD_REVISION
from closer.adapters.export.files import write_private
from closer.config import Settings
from closer.domain.errors import Conflict, InvalidInput

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "closer.db"


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, from its manifest."""

    path: Path
    created_at: str
    schema_revision: str
    encrypted: bool
    size: int


def default_path(settings: Settings, now: datetime | None = None) -> Path:
    """``<data dir>/backups/closer-backup-YYYYMMDD-HHMMSS.zip``."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return settings.data_dir / "backups" / f"closer-backup-{stamp}.zip"


def _connect(path: Path, key: bytes | None) -> Any:
    """A connection to a store file, keyed when it is encrypted."""
    if key is None:
        return sqlite3.connect(path)
    import sqlcipher3  # noqa: PLC0415 - only for encrypted stores

    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def make_backup(settings: Settings, key: bytes | None, target: Path) -> BackupInfo:
    """Snapshot the local store (safe while the app writes) into ``target``."""
    files = local_store.files_of(settings)
    with tempfile.TemporaryDirectory(dir=settings.data_dir) as tmp:
        snapshot = Path(tmp) / DATABASE
        source, copy = _connect(files.database, key), _connect(snapshot, key)
        try:
            source.backup(copy)  # one step: a consistent view
            revision = copy.execute(
                "SELECT version_num FROM alembic_version"
            ).fetchone()[0]
        finally:
            copy.close()
            source.close()
        data = snapshot.read_bytes()
        manifest = {
            "closer_backup": FORMAT,
            "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "app": f"closer {__version__}",
            "schema_revision": revision,
            "encrypted": key is not None,
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        archive = Path(tmp) / "backup.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
            out.writestr(MANIFEST, json.dumps(manifest, indent=2) + "\n")
            out.write(snapshot, DATABASE)
            if files.key_file.exists():
                out.write(files.key_file, vault.KEY_FILE_NAME)
        write_private(target, archive.read_bytes())
    return BackupInfo(
        target, manifest["created_at"], revision, key is not None, target.stat().st_size
    )


def _damaged(path: Path, why: str) -> InvalidInput:
    return InvalidInput(
        f"{path} is not a usable Closer backup: {why}. Nothing was changed."
    )


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest, after checking the archive and the database checksum."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names or DATABASE not in names:
                raise _damaged(path, "it lacks manifest.json or closer.db")
            manifest = json.loads(archive.read(MANIFEST))
            data = archive.read(DATABASE)
    except (
        zipfile.BadZipFile,
        OSError,
        json.JSONDecodeError,
        zipfile.LargeZipFile,
    ) as exc:
        raise _damaged(path, f"it cannot be read ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("closer_backup") != FORMAT:
        raise _damaged(path, "its manifest is not of format 1")
    if hashlib.sha256(data).hexdigest() != manifest.get("sha256"):
        raise _damaged(
            path, "closer.db does not match its checksum (the file is damaged)"
        )
    revision = str(manifest.get("schema_revision"))
    if revision > HEAD_REVISION:
        raise _damaged(path, f"it was made by a newer Closer (schema {revision})")
    return manifest


def restore_backup(
    settings: Settings, path: Path, passphrase: str | None
) -> BackupInfo:
    """Replace the local store with the backup at ``path``, after checking it."""
    if settings.database_url:
        raise Conflict("Restoring a backup file is for the local store only.")
    manifest = read_manifest(path)
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = Path(tempfile.mkdtemp(dir=settings.data_dir, prefix=".restore-"))
    try:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(staging, members=[DATABASE, *_key_member(archive)])
        key = _backup_key(staging, manifest, passphrase)
        _check_integrity(staging / DATABASE, key, path)
        _swap_in(settings, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if key is not None:
        local_store.remember(settings, key)
    else:
        local_store.lock(settings)
    return BackupInfo(
        path,
        str(manifest["created_at"]),
        str(manifest["schema_revision"]),
        bool(manifest.get("encrypted")),
        path.stat().st_size,
    )


def _key_member(archive: zipfile.ZipFile) -> list[str]:
    return [vault.KEY_FILE_NAME] if vault.KEY_FILE_NAME in archive.namelist() else []


def _backup_key(
    staging: Path, manifest: dict[str, Any], passphrase: str | None
) -> bytes | None:
    if not manifest.get("encrypted"):
        return None
    key_file = vault.read_key_file(staging)
    if key_file is None:
        raise InvalidInput(
            "This encrypted backup has no key file. Nothing was changed."
        )
    if passphrase is None:
        raise InvalidInput(
            "This backup is encrypted: give the passphrase it was made with."
        )
    return vault.unseal(key_file, passphrase)


def _check_integrity(database: Path, key: bytes | None, path: Path) -> None:
    try:
        conn = _connect(database, key)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except Exception as exc:  # sqlite3 and sqlcipher3 raise their own classes
        raise _damaged(path, f"its database cannot be opened ({exc})") from None
    if result != "ok":
        raise _damaged(path, f"its database fails SQLite's integrity check ({result})")


def _swap_in(settings: Settings, staging: Path) -> None:
    """Keep the current store aside, then move the checked backup into place."""
    folder = settings.data_dir
    current = [
        folder / n
        for n in (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm", vault.KEY_FILE_NAME)
    ]
    if any(p.exists() for p in current):
        stamp = f"{datetime.now(UTC):%Y%m%d-%H%M%S}"
        kept = Path(tempfile.mkdtemp(dir=folder, prefix=f"before-restore-{stamp}-"))
        for p in current:
            if p.exists():
                os.replace(p, kept / p.name)
    for name in (DATABASE, vault.KEY_FILE_NAME):
        if (staging / name).exists():
            os.replace(staging / name, folder / name)
    if (
        not (staging / vault.KEY_FILE_NAME).exists()
        and not (folder / vault.KEY_FILE_NAME).exists()
    ):
        vault.write_key_file(folder, vault.KeyFile("none"))
    vault.sync_folder(folder)
