"""Accounts for hosted mode: sign up, sign in, sessions, sign out, delete.

Everything lives in the database, nothing in the process, so any number of
app servers can answer any request:

- passwords are hashed with Argon2id (argon2-cffi's ``PasswordHasher``, its
  RFC 9106 defaults), and re-hashed when those defaults grow;
- a session is a random 256-bit token in an HttpOnly cookie; the database
  keeps only its SHA-256, so a leaked database cannot be used to sign in;
- every sign-in attempt is a row in ``login_failures`` written (and
  committed) BEFORE the password is checked, then counted per account and
  per address over a sliding window (5 and 30 per 15 minutes): whatever the
  number of processes and servers, the n-th attempt to commit sees at least
  n rows, so no more than the limit are ever checked. A successful sign-in
  removes the account's rows and its own; failures stay and expire;
- sign-ups are counted the same way per address (``SIGNUPS_PER_HOUR``);
- at most ``HASHING_AT_ONCE`` Argon2 computations run at once in a process
  (each takes 64 MiB), so a flood of sign-ups or sign-ins waits in line
  instead of exhausting memory;
- deleting an account deletes the user row, and every owned row with it
  (``ON DELETE CASCADE``), plus the search index entries on SQLite.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from closer.adapters.db.database import Database
from closer.adapters.db.orm import LoginFailureRow, SessionRow, UserRow
from closer.domain.errors import Conflict, InvalidInput, NotSignedIn, TooManyAttempts

MIN_PASSWORD = 10
MAX_EMAIL = 254
WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5
PER_ADDRESS = 30
SIGNUP_WINDOW = timedelta(hours=1)
SIGNUPS_PER_HOUR = 20  # per address: a group signing up together fits
HASHING_AT_ONCE = 2
_hashing = threading.BoundedSemaphore(HASHING_AT_ONCE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()
# Checked when the email is unknown, so a wrong email costs the same time.
_DUMMY_HASH = _hasher.hash("not a password anyone has")
_FTS_OF_USER = text(
    "DELETE FROM moments_fts WHERE rowid IN (SELECT id FROM moments WHERE user_id = :u)"
)


def _now() -> datetime:
    return datetime.now(UTC)


def _token_hash(token: str) -> str:
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


def sign_up(
    database: Database, email: str, password: str, *, address: str | None = None
) -> int:
    """Create an account; return its id. With ``address`` (the client's),
    sign-ups from one address are limited to ``SIGNUPS_PER_HOUR``."""
    email = email.strip()
    if not _EMAIL.match(email) or len(email_key(email)) > MAX_EMAIL:
        raise InvalidInput(
            "Enter an email address like name@example.org.", field="email"
        )
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"Choose a password of at least {MIN_PASSWORD} characters.",
            field="password",
        )
    if address is not None:
        _admit(
            database,
            [_Limit(f"signup:{address}", SIGNUPS_PER_HOUR, SIGNUP_WINDOW)],
            "Too many new accounts from this network in the last hour. "
            "Wait a while and try again.",
        )
    with database.sessions() as session:
        taken = session.scalar(
            select(UserRow.id).where(UserRow.email_key == email_key(email))
        )
    if taken is not None:
        raise Conflict(_TAKEN)
    password_hash = _hash(password)
    with database.sessions() as session:
        user = UserRow(
            email=email,
            email_key=email_key(email),
            password_hash=password_hash,
            created_at=_now(),
        )
        session.add(user)
        try:
            session.commit()
        except IntegrityError:  # the same address, signed up at the same moment
            raise Conflict(_TAKEN) from None
        return user.id


def open_account(
    database: Database, email: str, password: str, *, address: str, days: int
) -> tuple[int, str]:
    """Sign up from ``address`` and start a session: the account's id and
    the session token."""
    user_id = sign_up(database, email, password, address=address)
    return user_id, start_session(database, user_id, days)


_TAKEN = "That email cannot be used for a new account. If it is yours, sign in."


def _hash(password: str) -> str:
    with _hashing:
        return _hasher.hash(password)


def _verify(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored`` (the same work when there is
    no account, so a wrong email costs the same time)."""
    with _hashing:
        try:
            _hasher.verify(stored or _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return False
    return stored is not None


@dataclass(frozen=True, slots=True)
class _Limit:
    """At most ``most`` attempts under ``key`` within ``window``."""

    key: str
    most: int
    window: timedelta


def _admit(database: Database, limits: list[_Limit], refusal: str) -> list[int]:
    """Let one attempt through every limit, or TooManyAttempts.

    A limit already reached refuses at once and writes nothing (so waiting
    the window out is enough). Otherwise the attempt is written and
    committed under each key, THEN counted: the n-th attempt to commit sees
    at least n rows, so no more than the limit get through, however many
    arrive at once, in however many processes. Returns the ids written (a
    successful attempt takes its own back)."""
    now = _now()
    with database.sessions() as session:
        if any(
            _count(session, lim.key, now - lim.window) >= lim.most for lim in limits
        ):
            raise TooManyAttempts(refusal)
        _sweep(session, now)
        rows = [LoginFailureRow(key=lim.key, at=now) for lim in limits]
        session.add_all(rows)
        session.commit()
        if any(_count(session, lim.key, now - lim.window) > lim.most for lim in limits):
            raise TooManyAttempts(refusal)
        return [row.id for row in rows]


def _count(session: Session, key: str, since: datetime) -> int:
    count = session.scalar(
        select(func.count())
        .select_from(LoginFailureRow)
        .where(LoginFailureRow.key == key, LoginFailureRow.at > since)
    )
    return int(count or 0)


_swept = [0.0]  # when this process last removed old attempts


def _sweep(session: Session, now: datetime) -> None:
    """Now and then, remove attempts older than any window (they count for
    nothing; without this, attempts under ever new addresses would pile up)."""
    if time.monotonic() - _swept[0] < 600:
        return
    _swept[0] = time.monotonic()
    session.execute(
        delete(LoginFailureRow).where(LoginFailureRow.at <= now - timedelta(days=1))
    )


def _take_back(session: Session, attempt_ids: list[int], *keys: str) -> None:
    """A success: its own attempts, and the failures under ``keys``, go."""
    session.execute(delete(LoginFailureRow).where(LoginFailureRow.id.in_(attempt_ids)))
    if keys:
        session.execute(delete(LoginFailureRow).where(LoginFailureRow.key.in_(keys)))


def sign_in(
    database: Database, email: str, password: str, address: str, days: int
) -> str:
    """A new session token for the account, or NotSignedIn (rate limited)."""
    account_key = f"email:{email_key(email)}"
    attempts = _admit(
        database,
        [
            _Limit(account_key, PER_ACCOUNT, WINDOW),
            _Limit(f"address:{address}", PER_ADDRESS, WINDOW),
        ],
        "Too many attempts to sign in. Wait a quarter of an hour and try again.",
    )
    with database.sessions() as session:
        found = session.execute(
            select(UserRow.id, UserRow.password_hash).where(
                UserRow.email_key == email_key(email)
            )
        ).first()
    stored = found.password_hash if found is not None else None
    matches = _verify(stored, password)  # always: the same time with no account
    if found is None or not matches:
        raise NotSignedIn("That email and password do not match an account.")
    rehashed = _hash(password) if _hasher.check_needs_rehash(stored or "") else None
    with database.sessions() as session:
        if rehashed is not None:
            session.execute(
                update(UserRow)
                .where(UserRow.id == found.id)
                .values(password_hash=rehashed)
            )
        _take_back(session, attempts, account_key)
        session.commit()
    return start_session(database, found.id, days)


def start_session(database: Database, user_id: int, days: int) -> str:
    """A new session token for ``user_id`` (just signed up or signed in)."""
    token = secrets.token_urlsafe(32)
    with database.sessions() as session:
        session.add(
            SessionRow(
                token_hash=_token_hash(token),
                user_id=user_id,
                created_at=_now(),
                expires_at=_now() + timedelta(days=days),
            )
        )
        session.commit()
    return token


def user_for(database: Database, token: str | None) -> int | None:
    """The account a session token belongs to, while it has not expired."""
    if not token:
        return None
    with database.sessions() as session:
        user_id = session.scalar(
            select(SessionRow.user_id).where(
                SessionRow.token_hash == _token_hash(token),
                SessionRow.expires_at > _now(),
            )
        )
    return None if user_id is None else int(user_id)


def email_of(database: Database, user_id: int) -> str | None:
    """The email an account signed up with."""
    with database.sessions() as session:
        return session.scalar(select(UserRow.email).where(UserRow.id == user_id))


def sign_out(database: Database, token: str) -> None:
    """End one session."""
    with database.sessions() as session:
        session.execute(
            delete(SessionRow).where(SessionRow.token_hash == _token_hash(token))
        )
        session.commit()


def sign_out_everywhere(database: Database, user_id: int) -> int:
    """End every session of an account; how many there were."""
    with database.sessions() as session:
        result = session.execute(
            delete(SessionRow).where(SessionRow.user_id == user_id)
        )
        session.commit()
    return int(result.rowcount)  # type: ignore[attr-defined]


def delete_account(database: Database, user_id: int) -> None:
    """Delete an account and every row that belongs to it, in one transaction."""
    with database.sessions() as session:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(_FTS_OF_USER, {"u": user_id})
        # Not through the ORM: the database's ON DELETE CASCADE removes every
        # owned row (and the moments' own rows) with the user.
        session.execute(delete(UserRow).where(UserRow.id == user_id))
        session.commit()


def confirm_password(database: Database, user_id: int, password: str) -> None:
    """NotSignedIn unless ``password`` is the account's own (asked again
    before changing the password or deleting the account); limited like
    signing in, so a session left open is no way to guess it."""
    with database.sessions() as session:
        found = session.execute(
            select(UserRow.email_key, UserRow.password_hash).where(
                UserRow.id == user_id
            )
        ).first()
    if found is None:
        raise NotSignedIn("Sign in again.")
    account_key = f"email:{found.email_key}"
    attempts = _admit(
        database,
        [_Limit(account_key, PER_ACCOUNT, WINDOW)],
        "Too many wrong passwords. Wait a quarter of an hour and try again.",
    )
    if not _verify(found.password_hash, password):
        raise NotSignedIn("That is not your current password.")
    with database.sessions() as session:
        _take_back(session, attempts, account_key)
        session.commit()


def change_password(
    database: Database, user_id: int, current: str, new: str, keep: str | None
) -> int:
    """Set a new password once the current one is given; every other session
    ends (``keep`` is this browser's token). Returns how many ended."""
    if len(new) < MIN_PASSWORD:
        raise InvalidInput(
            f"Choose a password of at least {MIN_PASSWORD} characters.",
            field="new_password",
        )
    confirm_password(database, user_id, current)
    password_hash = _hash(new)
    with database.sessions() as session:
        session.execute(
            update(UserRow)
            .where(UserRow.id == user_id)
            .values(password_hash=password_hash)
        )
        others = delete(SessionRow).where(SessionRow.user_id == user_id)
        if keep:
            others = others.where(SessionRow.token_hash != _token_hash(keep))
        ended = session.execute(others)
        session.commit()
    return int(ended.rowcount)  # type: ignore[attr-defined]
