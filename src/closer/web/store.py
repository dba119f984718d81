"""The web app's hold on the store: open, locked, or not set up yet.

In local mode an encrypted store stays locked until someone enters the
passphrase (or ``CLOSER_PASSPHRASE_FILE`` is set when the server starts); the
data key then lives only in this process's memory until "Lock now" or the
server stops. Pages that need no records ("Need help now", Learn) work while
locked. Locking anywhere locks everywhere: "Lock now" here also forgets the
key the CLI keeps, and ``closer lock`` (or another server's "Lock now") makes
this server close the store within a quarter of a second (``local_store.lock``).
"""

from __future__ import annotations

import secrets
import threading
import time
from hashlib import sha256

from closer.adapters import local_store
from closer.adapters.data_dir import prepare_data_dir
from closer.adapters.db.database import Database, open_database
from closer.adapters.local_store import StoreState
from closer.config import Settings
from closer.domain.errors import DamagedStore, Locked, NotSetUp

UNLOCK_COOKIE = "closer_unlock"
LOCK_CHECK_SECONDS = 0.25


def _digest(token: str) -> str:
    return sha256(token.encode("utf-8")).hexdigest()


def open_at_start(settings: Settings) -> StoreHolder:
    """The app's store: open if that needs no one (plain, external, or a
    passphrase file), else waiting for set-up or the passphrase."""
    if settings.uses_sqlite:
        prepare_data_dir(settings.data_dir)  # say now if it cannot be written
    try:
        state = local_store.store_state(settings)
    except DamagedStore:
        # Start anyway: every page that needs the records says what happened
        # and how to get them back, and a restore while running is noticed.
        return StoreHolder(settings, None)
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
        # Browsers that unlocked the store here (hashes of their cookie). An
        # encrypted store unlocked through a page opens for those browsers
        # only; one opened with CLOSER_PASSPHRASE_FILE opens for every client.
        self._browsers: set[str] = set()
        self._per_browser = False
        self._lock_seen = local_store.lock_signature(settings)
        self._lock_checked = 0.0

    @property
    def key(self) -> bytes | None:
        """The data key of the open encrypted store (for backups), else None."""
        return self._key

    def state(self) -> StoreState:
        """Where the configured store stands (see ``local_store.StoreState``)."""
        return local_store.store_state(self.settings)

    @property
    def is_open(self) -> bool:
        """Whether the store is open (for some browser, at least)."""
        return self._current() is not None

    def _current(self) -> Database | None:
        """The open store, unless it was locked elsewhere since it opened
        (then it is closed here too). The lock stamp is looked at no more
        than every ``LOCK_CHECK_SECONDS``: a lock elsewhere takes effect
        within that time."""
        database = self._database
        if database is None or self._key is None:
            return database
        now = time.monotonic()
        if now - self._lock_checked < LOCK_CHECK_SECONDS:
            return database
        self._lock_checked = now
        if local_store.lock_signature(self.settings) != self._lock_seen:
            self.close()
            return None
        return database

    def admits(self, token: str | None) -> bool:
        """Whether a client with this unlock cookie may read the records."""
        if not self._per_browser:
            return True
        return token is not None and _digest(token) in self._browsers

    def require(self, token: str | None = None) -> Database:
        """The open store, or the error that says what is needed first.

        ``token`` is the client's unlock cookie: when the store was unlocked
        through a page, only browsers that unlocked it may read it."""
        database = self._current()
        if database is not None and self.admits(token):
            return database
        if database is not None:
            raise Locked("Enter your passphrase to open your records in this browser.")
        if local_store.store_state(self.settings) is StoreState.NEW:
            raise NotSetUp(
                "Closer is not set up yet: choose how to protect your records."
            )
        raise Locked("Your records are locked. Enter your passphrase to open them.")

    def for_feed(self) -> Database:
        """The open store for a request that carries its own credential (a
        private calendar address), whichever browser unlocked it."""
        database = self._current()
        if database is None:
            raise Locked("The records are locked; the calendar shows once unlocked.")
        return database

    def unlock(self, passphrase: str) -> str:
        """Open an encrypted store with ``passphrase`` (WrongPassphrase if not);
        returns the unlock cookie for the browser that gave it."""
        key = local_store.unlock(self.settings, passphrase)
        self._open(key)
        return self._admit()

    def set_up(self, passphrase: str | None) -> str | None:
        """Create the store, encrypted with ``passphrase`` or, by choice, plain;
        returns the unlock cookie of an encrypted one."""
        with self._lock:
            key = local_store.set_up(self.settings, passphrase)
        self._open(key)
        return self._admit() if key is not None else None

    def _admit(self) -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._per_browser = True
            self._browsers.add(_digest(token))
        return token

    def _open(self, key: bytes | None) -> None:
        with self._lock:
            if self._database is None:
                seen = local_store.lock_signature(self.settings)  # a lock from
                self._database = open_database(self.settings, key=key)  # now on
                self._key = key  # closes it again
                self._lock_seen, self._lock_checked = seen, 0.0

    def encrypt(self, passphrase: str) -> str:
        """Encrypt a plain local store in place, then reopen it; returns the
        unlock cookie for the browser that asked."""
        self.close()
        self._open(local_store.encrypt(self.settings, passphrase))
        return self._admit()

    def delete_everything(self) -> None:
        """Close the store and erase it with its key and backups."""
        self.close()
        local_store.delete_everything(self.settings)

    def lock(self) -> bool:
        """Close an encrypted store and forget its key, here and everywhere
        (the key the CLI keeps, other servers); False if it cannot lock."""
        if local_store.store_state(self.settings) is not StoreState.ENCRYPTED:
            return False
        local_store.lock(self.settings)
        self.close()
        return True

    def close(self) -> None:
        """Release the store."""
        with self._lock:
            if self._database is not None:
                self._database.close()
                self._database = None
            self._key = None
            self._browsers.clear()
            self._per_browser = False
