"""Accounts for hosted mode: the rules of signing up, signing in, sessions,
changing the password and deleting the account.

The rules live here; where accounts, sessions and attempts are kept is an
``AccountStore`` (``adapters/db/account_store.py``) and how passwords are
hashed is ``Passwords`` (``adapters/passwords.py``, Argon2id):

- an email is compared folded (``email_key``); a password has at least
  ``MIN_PASSWORD`` characters;
- signing in, and giving the password again (to change it or delete the
  account), are limited per account and per address over a sliding window
  (``PER_ACCOUNT`` and ``PER_ADDRESS`` per ``WINDOW``); sign-ups per address
  (``SIGNUPS_PER_HOUR``). The store admits an attempt only once it is kept,
  so the limits hold across any number of processes and servers;
- a wrong email costs the same time as a wrong password (the password is
  checked either way), and both get the same answer;
- a session is a random 256-bit token; the store keeps only its SHA-256;
- a hash made with older settings is made again at the next sign-in.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from closer.domain.errors import Conflict, InvalidInput, NotSignedIn

MIN_PASSWORD = 10
MAX_EMAIL = 254
WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5
PER_ADDRESS = 30
SIGNUP_WINDOW = timedelta(hours=1)
SIGNUPS_PER_HOUR = 20  # per address: a group signing up together fits
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TAKEN = "That email cannot be used for a new account. If it is yours, sign in."


@dataclass(frozen=True, slots=True)
class Limit:
    """At most ``most`` attempts under ``key`` within ``window``."""

    key: str
    most: int
    window: timedelta


@dataclass(frozen=True, slots=True)
class Login:
    """What signing in needs of an account."""

    user_id: int
    email_key: str | None
    password_hash: str | None  # None: no password can sign in


class AccountStore(Protocol):
    """Where accounts, sessions and counted attempts are kept."""

    def admit(self, limits: list[Limit], refusal: str, now: datetime) -> list[int]:
        """Keep one attempt under every limit's key and return their ids, or
        TooManyAttempts(refusal) when any limit is already or thereby
        passed (an attempt is counted only once it is kept)."""
        ...

    def take_back(
        self, attempts: list[int], *keys: str, rehash: tuple[int, str] | None = None
    ) -> None:
        """A success: its own attempts, and every failure under ``keys``, go;
        with ``rehash`` (an account and its password's new hash), in the same
        transaction the hash is replaced."""
        ...

    def login_by_email(self, email_key: str) -> Login | None: ...

    def login_by_id(self, user_id: int) -> Login | None: ...

    def email_taken(self, email_key: str) -> bool: ...

    def add_user(
        self, email: str, email_key: str, password_hash: str, now: datetime
    ) -> int:
        """The new account's id; Conflict when the email was taken meanwhile."""
        ...

    def change_password_hash(
        self, user_id: int, password_hash: str, keep: str | None
    ) -> int:
        """Set the hash and end every session of the account but ``keep`` (a
        token hash), in one transaction; how many sessions ended."""
        ...

    def start_session(
        self, user_id: int, token_hash: str, now: datetime, expires: datetime
    ) -> None: ...

    def user_for(self, token_hash: str, now: datetime) -> int | None: ...

    def email_of(self, user_id: int) -> str | None: ...

    def end_session(self, token_hash: str) -> None: ...

    def end_sessions(self, user_id: int) -> int: ...

    def delete_user(self, user_id: int) -> None:
        """The account and every row it owns, in one transaction."""
        ...


class Passwords(Protocol):
    """How passwords are hashed and checked."""

    def hash(self, password: str) -> str: ...

    def verify(self, stored: str | None, password: str) -> bool:
        """Whether ``password`` matches; the same work when ``stored`` is None."""
        ...

    def needs_rehash(self, stored: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class Accounts:
    """What the account use cases work with."""

    store: AccountStore
    passwords: Passwords


def _now() -> datetime:
    return datetime.now(UTC)


def token_hash(token: str) -> str:
    """What the store keeps of a session token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def email_key(email: str) -> str:
    """The form an email is compared in; InvalidInput when it is longer than
    an address can be (folding case can lengthen it: "ß" becomes "ss")."""
    key = email.strip().casefold()
    if len(key) > MAX_EMAIL:
        raise InvalidInput(
            f"Enter an email address of at most {MAX_EMAIL} characters.",
            field="email",
        )
    return key


def _check_password(password: str, field: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"Choose a password of at least {MIN_PASSWORD} characters.", field=field
        )


def sign_up(
    accounts: Accounts, email: str, password: str, *, address: str | None = None
) -> int:
    """Create an account; return its id. With ``address`` (the client's),
    sign-ups from one address are limited to ``SIGNUPS_PER_HOUR``."""
    email = email.strip()
    if not _EMAIL.match(email) or len(email_key(email)) > MAX_EMAIL:
        raise InvalidInput(
            "Enter an email address like name@example.org.", field="email"
        )
    _check_password(password, "password")
    if address is not None:
        accounts.store.admit(
            [Limit(f"signup:{address}", SIGNUPS_PER_HOUR, SIGNUP_WINDOW)],
            "Too many new accounts from this network in the last hour. "
            "Wait a while and try again.",
            _now(),
        )
    key = email_key(email)
    if accounts.store.email_taken(key):
        raise Conflict(_TAKEN)
    password_hash = accounts.passwords.hash(password)
    try:
        return accounts.store.add_user(email, key, password_hash, _now())
    except Conflict:  # the same address, signed up at the same moment
        raise Conflict(_TAKEN) from None


def open_account(
    accounts: Accounts, email: str, password: str, *, address: str, days: int
) -> tuple[int, str]:
    """Sign up from ``address`` and start a session: the account's id and
    the session token."""
    user_id = sign_up(accounts, email, password, address=address)
    return user_id, start_session(accounts, user_id, days)


def sign_in(
    accounts: Accounts, email: str, password: str, address: str, days: int
) -> str:
    """A new session token for the account, or NotSignedIn (rate limited)."""
    key = email_key(email)
    account_limit = Limit(f"email:{key}", PER_ACCOUNT, WINDOW)
    attempts = accounts.store.admit(
        [account_limit, Limit(f"address:{address}", PER_ADDRESS, WINDOW)],
        "Too many attempts to sign in. Wait a quarter of an hour and try again.",
        _now(),
    )
    found = accounts.store.login_by_email(key)
    stored = found.password_hash if found is not None else None
    matches = accounts.passwords.verify(stored, password)  # always: same time
    if found is None or not matches:
        raise NotSignedIn("That email and password do not match an account.")
    rehash = None
    if accounts.passwords.needs_rehash(found.password_hash or ""):
        rehash = (found.user_id, accounts.passwords.hash(password))
    accounts.store.take_back(attempts, account_limit.key, rehash=rehash)
    return start_session(accounts, found.user_id, days)


def start_session(accounts: Accounts, user_id: int, days: int) -> str:
    """A new session token for ``user_id`` (just signed up or signed in)."""
    token = secrets.token_urlsafe(32)
    now = _now()
    accounts.store.start_session(
        user_id, token_hash(token), now, now + timedelta(days=days)
    )
    return token


def user_for(accounts: Accounts, token: str | None) -> int | None:
    """The account a session token belongs to, while it has not expired."""
    if not token:
        return None
    return accounts.store.user_for(token_hash(token), _now())


def email_of(accounts: Accounts, user_id: int) -> str | None:
    """The email an account signed up with."""
    return accounts.store.email_of(user_id)


def sign_out(accounts: Accounts, token: str) -> None:
    """End one session."""
    accounts.store.end_session(token_hash(token))


def sign_out_everywhere(accounts: Accounts, user_id: int) -> int:
    """End every session of an account; how many there were."""
    return accounts.store.end_sessions(user_id)


def delete_account(accounts: Accounts, user_id: int) -> None:
    """Delete an account and every row that belongs to it, in one transaction."""
    accounts.store.delete_user(user_id)


def confirm_password(accounts: Accounts, user_id: int, password: str) -> None:
    """NotSignedIn unless ``password`` is the account's own (asked again
    before changing the password or deleting the account); limited like
    signing in, so a session left open is no way to guess it."""
    found = accounts.store.login_by_id(user_id)
    if found is None:
        raise NotSignedIn("Sign in again.")
    account_limit = Limit(f"email:{found.email_key}", PER_ACCOUNT, WINDOW)
    attempts = accounts.store.admit(
        [account_limit],
        "Too many wrong passwords. Wait a quarter of an hour and try again.",
        _now(),
    )
    if not accounts.passwords.verify(found.password_hash, password):
        raise NotSignedIn("That is not your current password.")
    accounts.store.take_back(attempts, account_limit.key)


def change_password(
    accounts: Accounts, user_id: int, current: str, new: str, keep: str | None
) -> int:
    """Set a new password once the current one is given; every other session
    ends (``keep`` is this browser's token). Returns how many ended."""
    _check_password(new, "new_password")
    confirm_password(accounts, user_id, current)
    password_hash = accounts.passwords.hash(new)
    kept = token_hash(keep) if keep else None
    return accounts.store.change_password_hash(user_id, password_hash, kept)
