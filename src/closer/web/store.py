"""The web app's hold on the store: open, locked, or not set up yet.

In local mode an encrypted store stays locked until someone enters the
passphrase (or ``CLOSER_PASSPHRASE_FILE`` is set when the server starts); the
data key then lives only in this process's memory until "Lock now" or the
server stops. Pages that need no records ("Need help now", Learn) work while
locked.
"""

from __future__ import annotations

import threading

from closer.adapters import local_store
from closer.adapters.data_dir import prepare_data_dir
from closer.adapters.db.database import Database, open_database
from closer.adapters.local_store import StoreState
from closer.config import Settings
from closer.domain.errors import Locked, NotSetUp


def open_at_start(settings: Settings) -> StoreHolder:
    """The app's store: open if that needs no one (plain, external, or a
    passphrase file), else waiting for set-up or the passphrase."""
    if settings.uses_sqlite:
        prepare_data_dir(settings.data_dir)  # say now if it cannot be written
    state = local_store.store_state(settings)
    if state is StoreState.NEW:
        return StoreHolder(settings, None)
    key = None
    if state is StoreState.ENCRYPTED:
        passphrase = local_store.passphrase_from_file(settings)
        if passphrase is None:
            return StoreHolder(settings, None)
        key = local_store.unlock(settings, passphrase)
    return StoreHolder(settings, open_database(settings, key=key), key)


class StoreHolder:
    """The open store of a running app, if it is open."""

    def __init__(
        self, settings: Settings, database: Database | None, key: bytes | None = None
    ) -> None:
        self.settings = settings
        self._database = database
        self._key = key
        self._lock = threading.Lock()

    @property
    def key(self) -> bytes | None:
        """The data key of the open encrypted store (for backups), else None."""
        return self._key

    def state(self) -> StoreState:
        """Where the configured store stands (see ``local_store.StoreState``)."""
        return local_store.store_state(self.settings)

    @property
    def is_open(self) -> bool:
        """Whether records can be read now."""
        return self._database is not None

    def require(self) -> Database:
        """The open store, or the error that says what is needed first."""
        database = self._database
        if database is not None:
            return database
        if local_store.store_state(self.settings) is StoreState.NEW:
            raise NotSetUp(
                "Closer is not set up yet: choose how to protect your records."
            )
        raise Locked("Your records are locked. Enter your passphrase to open them.")

    def unlock(self, passphrase: str) -> None:
        """Open an encrypted store with ``passphrase`` (WrongPassphrase if not)."""
        key = local_store.unlock(self.settings, passphrase)
        self._open(key)

    def set_up(self, passphrase: str | None) -> None:
        """Create the store, encrypted with ``passphrase`` or, by choice, plain."""
        with self._lock:
            key = local_store.set_up(self.settings, passphrase)
        self._open(key)

    def _open(self, key: bytes | None) -> None:
        with self._lock:
            if self._database is None:
                self._database = open_database(self.settings, key=key)
                self._key = key

    def encrypt(self, passphrase: str) -> None:
        """Encrypt a plain local store in place, then reopen it."""
        self.close()
        self._open(local_store.encrypt(self.settings, passphrase))

    def delete_everything(self) -> None:
        """Close the store and erase it with its key and backups."""
        self.close()
        local_store.delete_everything(self.settings)

    def lock(self) -> bool:
        """Close an encrypted store and forget its key; False if it cannot lock."""
        if local_store.store_state(self.settings) is not StoreState.ENCRYPTED:
            return False
        self.close()
        return True

    def close(self) -> None:
        """Release the store."""
        with self._lock:
            if self._database is not None:
                self._database.close()
                self._database = None
            self._key = None
