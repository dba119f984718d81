"""The local store's life: set up, unlock, change the passphrase, encrypt.

A local store is the SQLite file ``closer.db`` in the data folder, with the
key file ``closer.key.json`` beside it (see ``closer.adapters.vault``). A
store reached through ``CLOSER_DATABASE_URL`` (PostgreSQL, or a SQLite file
named on purpose) is *external*: its protection is the server's business.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from closer.adapters import key_cache, vault
from closer.adapters.data_dir import prepare_data_dir
from closer.config import Settings
from closer.domain.errors import (
    ConfigurationError,
    Conflict,
    DamagedStore,
    Locked,
    NotSetUp,
)

DATABASE_NAME = "closer.db"
LOCK_STAMP = "closer.locked"  # rewritten at each lock: servers watch it
_ENCRYPTING = DATABASE_NAME + ".encrypting"
_PENDING_KEY = vault.KEY_FILE_NAME + ".pending"


class StoreState(StrEnum):
    """Where a store stands before it is opened."""

    EXTERNAL = "external"  # CLOSER_DATABASE_URL names it
    NEW = "new"  # nothing yet: a passphrase (or no encryption) must be chosen
    ENCRYPTED = "encrypted"
    PLAIN = "plain"  # unencrypted, chosen on purpose
    UNCHOSEN_PLAIN = "unchosen-plain"  # unencrypted, made before encryption existed


@dataclass(frozen=True)
class StoreFiles:
    """The files of a local store."""

    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def key_file(self) -> Path:
        return vault.key_file_path(self.folder)


def files_of(settings: Settings) -> StoreFiles:
    """The local store's files (meaningful when the store is not external)."""
    return StoreFiles(settings.data_dir)


def store_state(settings: Settings) -> StoreState:
    """Which of the five states the configured store is in; DamagedStore
    when its files do not fit together (see ``_check_database``)."""
    if settings.database_url:
        return StoreState.EXTERNAL
    files = files_of(settings)
    _finish_interrupted_encryption(files)
    key_file = read_key_file(files.folder)
    _check_database(files, has_key_file=key_file is not None)
    if key_file is not None:
        return (
            StoreState.ENCRYPTED
            if key_file.encryption == "sqlcipher"
            else StoreState.PLAIN
        )
    if _size(files.database) > 0:
        return StoreState.UNCHOSEN_PLAIN
    return StoreState.NEW


_SQLITE_HEADER = b"SQLite format 3\x00"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _check_database(files: StoreFiles, *, has_key_file: bool) -> None:
    """Refuse a store whose records file and key file do not fit together,
    rather than open it as a new, empty one (or write a key that could never
    open it)."""
    database = files.database
    if has_key_file:
        # A new store's records file is written, and checkpointed, before its
        # key file: beside a key file it is never missing or empty, even when
        # a write-ahead log is left (that log is then all that remains).
        if _size(database) == 0:
            cause = "is empty" if database.exists() else "is missing"
            raise DamagedStore(
                f"Your records file ({database}) {cause}, but its key file is "
                "there: it was probably deleted, moved or cut short (a full "
                "disk, a sync or clean-up tool). Closer has not made a new, "
                f"empty journal in its place. {way_back(files.folder)}"
            )
        return
    if 0 < _size(database) < 512:
        raise DamagedStore(
            f"Your records file ({database}) is too short to be a database: it "
            f"was probably cut short. {way_back(files.folder)}"
        )
    if _size(database) > 0 and not _is_plain_sqlite(database):
        raise DamagedStore(
            f"Your records file ({database}) is encrypted, but its key file "
            f"({files.key_file.name}) is missing, and without it the records "
            "cannot be opened: Closer will not write a new key, which could "
            f"never open them. {way_back(files.folder)} If nothing was ever "
            "saved here (a first set-up cut short), move closer.db away and "
            "set Closer up again."
        )


def _is_plain_sqlite(path: Path) -> bool:
    """Whether the file starts as a plain SQLite database does (an encrypted
    one, or one too short to be a database, does not)."""
    with path.open("rb") as file:
        return file.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER


def way_back(folder: Path) -> str:
    """How to get the records back: the newest backup here, if any."""
    backups = sorted((folder / "backups").glob("*.zip"))
    if backups:
        return (
            f"The newest backup here is {backups[-1]}: `closer restore "
            f"{backups[-1]}` puts it back (the damaged files are kept aside). "
            "If you have a newer copy of closer.db and closer.key.json, put "
            "those back instead."
        )
    return (
        f"There is no backup in {folder / 'backups'}. If you keep a copy "
        "elsewhere (a Closer backup .zip: `closer restore FILE`; or closer.db "
        "with closer.key.json), put it back."
    )


def read_key_file(folder: Path) -> vault.KeyFile | None:
    """The store's key file, or None; DamagedStore when it cannot be read."""
    try:
        return vault.read_key_file(folder)
    except vault.UnreadableKeyFile as exc:
        raise DamagedStore(
            f"The key file {vault.key_file_path(folder)} cannot be read "
            f"({exc.reason}): it was probably overwritten or cut short. Without "
            f"it the encrypted records cannot be opened. {way_back(folder)}"
        ) from None


def kdf_params(settings: Settings) -> vault.KdfParams:
    """The Argon2id costs to use for a new or changed passphrase."""
    return vault.KdfParams(
        time_cost=settings.kdf_time_cost, memory_kib=settings.kdf_memory_kib
    )


def set_up(settings: Settings, passphrase: str | None) -> bytes | None:
    """Choose encryption (a passphrase) or, explicitly, none, for a new store.

    Returns the data key (None for a plain store). A store made before
    encryption existed is encrypted in place when a passphrase is given.
    """
    state = store_state(settings)
    if state is StoreState.UNCHOSEN_PLAIN and passphrase is not None:
        return encrypt_plain_store(settings, passphrase)
    if state is not StoreState.NEW and state is not StoreState.UNCHOSEN_PLAIN:
        raise Conflict(
            f"Closer is already set up here ({state.value}): {settings.data_dir}."
        )
    prepare_data_dir(settings.data_dir)
    if passphrase is None:
        _create_database(settings, None)
        vault.write_key_file(settings.data_dir, vault.KeyFile("none"))
        return None
    key = vault.new_data_key()
    sealed = vault.seal(passphrase, key, kdf_params(settings))
    _create_database(settings, key)
    vault.write_key_file(settings.data_dir, sealed)
    remember(settings, key)
    return key


def _create_database(settings: Settings, key: bytes | None) -> None:
    """Make the records file, at the newest schema, before its key file: a
    key file always stands beside a records file (``_check_database``)."""
    from closer.adapters.db.engine import build_engine  # noqa: PLC0415 - cycle
    from closer.adapters.db.migrate import upgrade  # noqa: PLC0415

    engine = build_engine(settings.effective_database_url, key=key)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def passphrase_from_file(settings: Settings) -> str | None:
    """The passphrase in ``CLOSER_PASSPHRASE_FILE`` (its first line), if set."""
    path = settings.passphrase_file
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(
            f"CLOSER_PASSPHRASE_FILE cannot be read ({path}: {exc.strerror})."
        ) from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def unlock(settings: Settings, passphrase: str) -> bytes:
    """The data key that ``passphrase`` unlocks (WrongPassphrase otherwise)."""
    key_file = _encrypted_key_file(settings)
    key = vault.unseal(key_file, passphrase)
    remember(settings, key)
    return key


def remember(settings: Settings, key: bytes) -> None:
    """Keep the key for the CLI's next commands, as configured."""
    key_cache.remember(str(settings.data_dir), key, settings.unlock_minutes)


def remembered_key(settings: Settings) -> bytes | None:
    """A key kept by an earlier command, if still valid."""
    if store_state(settings) is not StoreState.ENCRYPTED:
        return None
    return key_cache.recall(str(settings.data_dir))


def lock(settings: Settings) -> None:
    """Lock everywhere: forget any kept key, and tell every running server
    (which watches ``LOCK_STAMP`` through ``lock_signature``) to close."""
    key_cache.forget(str(settings.data_dir))
    if settings.database_url:
        return
    folder = files_of(settings).folder
    if folder.is_dir():
        vault.write_atomically(folder / LOCK_STAMP, f"{time.time_ns()}\n".encode())


def lock_signature(settings: Settings) -> tuple[int, int, int] | None:
    """What the last lock left (None if never locked): it changes with each."""
    try:
        info = os.stat(files_of(settings).folder / LOCK_STAMP)
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def change_passphrase(settings: Settings, old: str, new: str) -> None:
    """Re-seal the data key under ``new``; one atomic rename, nothing re-encrypted."""
    key_file = _encrypted_key_file(settings)
    key = vault.unseal(key_file, old)
    vault.write_key_file(settings.data_dir, vault.seal(new, key, kdf_params(settings)))


def _encrypted_key_file(settings: Settings) -> vault.KeyFile:
    state = store_state(settings)
    if state is StoreState.NEW:
        raise NotSetUp(_NOT_SET_UP)
    key_file = read_key_file(settings.data_dir)
    if key_file is None or key_file.encryption != "sqlcipher":
        raise Conflict("This store is not encrypted, so it has no passphrase.")
    return key_file


_NOT_SET_UP = (
    "Closer is not set up here yet. Run `closer init` to choose a passphrase "
    "(or open the web app, which asks for one)."
)


def require_key(settings: Settings, key: bytes | None) -> bytes | None:
    """Check that the store can be opened with ``key``; raise what is missing."""
    state = store_state(settings)
    if state is StoreState.NEW:
        raise NotSetUp(_NOT_SET_UP)
    if state is StoreState.ENCRYPTED:
        if key is None:
            raise Locked("Your records are locked. Enter your passphrase to open them.")
        return key
    return None


def encrypt(settings: Settings, passphrase: str) -> bytes:
    """Encrypt a plain store (plain by choice, or made before encryption)."""
    state = store_state(settings)
    if state not in (StoreState.PLAIN, StoreState.UNCHOSEN_PLAIN):
        raise Conflict(
            f"Only an unencrypted store can be encrypted; this one is {state}."
        )
    return encrypt_plain_store(settings, passphrase)


def encrypt_plain_store(settings: Settings, passphrase: str) -> bytes:
    """Encrypt an existing plain store in place, safely.

    The encrypted copy is written beside the plain file, then swapped in with
    one rename. The key file is written first under a pending name and put in
    place after the swap; ``store_state`` finishes or undoes an interrupted
    run, so a crash at any point leaves a store that opens.
    """
    import sqlcipher3  # noqa: PLC0415 - only when encrypting

    files = files_of(settings)
    key = vault.new_data_key()
    pending = files.folder / _PENDING_KEY
    target = files.folder / _ENCRYPTING
    target.unlink(missing_ok=True)
    sealed = vault.seal(passphrase, key, kdf_params(settings))
    vault.write_key_file(files.folder, sealed, name=_PENDING_KEY)
    plain = sqlcipher3.connect(str(files.database))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute(
            f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),)
        )
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    vault.sync_path(target)
    for suffix in ("-wal", "-shm"):
        Path(str(files.database) + suffix).unlink(missing_ok=True)
    os.replace(target, files.database)
    os.replace(pending, files.key_file)
    vault.sync_folder(files.folder)
    remember(settings, key)
    return key


def _finish_interrupted_encryption(files: StoreFiles) -> None:
    pending = files.folder / _PENDING_KEY
    if not pending.exists():
        return
    target = files.folder / _ENCRYPTING
    if target.exists():  # the swap never happened: the plain store is intact
        target.unlink()
        pending.unlink()
    else:  # the encrypted file is in place: its key file goes with it
        os.replace(pending, files.key_file)


def delete_everything(settings: Settings) -> list[Path]:
    """Erase the local store, its key file, any kept key, and the backups and
    set-aside stores in the data folder; return what was removed.

    The key file goes first: without it an encrypted store cannot be opened
    even from what a disk might still hold (crypto-shredding).
    """
    lock(settings)
    folder = files_of(settings).folder
    names = [vault.KEY_FILE_NAME, _PENDING_KEY, DATABASE_NAME, f"{DATABASE_NAME}-wal",
             f"{DATABASE_NAME}-shm", _ENCRYPTING, LOCK_STAMP]  # fmt: skip
    removed: list[Path] = []
    for name in names:
        path = folder / name
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    for extra in [folder / "backups", *folder.glob("before-restore-*")]:
        if extra.is_dir():
            shutil.rmtree(extra)
            removed.append(extra)
    if removed:
        vault.sync_folder(folder)
    return removed
