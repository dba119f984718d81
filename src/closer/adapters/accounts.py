"""Accounts for hosted mode: sign up, sign in, sessions, sign out, delete.

Everything lives in the database, nothing in the process, so any number of
app servers can answer any request:

- passwords are hashed with Argon2id (argon2-cffi's ``PasswordHasher``, its
  RFC 9106 defaults), and re-hashed when those defaults grow;
- a session is a random 256-bit token in an HttpOnly cookie; the database
  keeps only its SHA-256, so a leaked database cannot be used to sign in;
- failed sign-ins are rows in ``login_failures``, counted per account and
  per address over a sliding window (5 and 30 per 15 minutes);
- deleting an account deletes the user row, and every owned row with it
  (``ON DELETE CASCADE``), plus the search index entries on SQLite.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, text

from closer.adapters.db.database import Database
from closer.adapters.db.orm import LoginFailureRow, SessionRow, UserRow
from closer.domain.errors import Conflict, InvalidInput, NotSignedIn, TooManyAttempts

MIN_PASSWORD = 10
WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5
PER_ADDRESS = 30
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
    """The form an email is compared in."""
    return email.strip().casefold()


def sign_up(database: Database, email: str, password: str) -> int:
    """Create an account; return its id."""
    address = email.strip()
    if not _EMAIL.match(address) or len(address) > 254:
        raise InvalidInput(
            "Enter an email address like name@example.org.", field="email"
        )
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"Choose a password of at least {MIN_PASSWORD} characters.",
            field="password",
        )
    with database.sessions() as session:
        taken = session.scalar(
            select(UserRow.id).where(UserRow.email_key == email_key(address))
        )
        if taken is not None:
            raise Conflict(
                "That email cannot be used for a new account. If it is yours, sign in."
            )
        user = UserRow(
            email=address,
            email_key=email_key(address),
            password_hash=_hasher.hash(password),
            created_at=_now(),
        )
        session.add(user)
        session.commit()
        return user.id


def _recent_failures(database: Database, key: str) -> int:
    with database.sessions() as session:
        count = session.scalar(
            select(func.count())
            .select_from(LoginFailureRow)
            .where(LoginFailureRow.key == key, LoginFailureRow.at > _now() - WINDOW)
        )
    return int(count or 0)


def _check_rate(database: Database, email: str, address: str) -> None:
    if (
        _recent_failures(database, f"email:{email_key(email)}") >= PER_ACCOUNT
        or _recent_failures(database, f"address:{address}") >= PER_ADDRESS
    ):
        raise TooManyAttempts(
            "Too many attempts to sign in. Wait a quarter of an hour and try again."
        )


def sign_in(
    database: Database, email: str, password: str, address: str, days: int
) -> str:
    """A new session token for the account, or NotSignedIn (rate limited)."""
    _check_rate(database, email, address)
    with database.sessions() as session:
        user = session.scalars(
            select(UserRow).where(UserRow.email_key == email_key(email))
        ).first()
        stored = user.password_hash if user is not None else None
        try:
            _hasher.verify(stored or _DUMMY_HASH, password)
            ok = stored is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or user is None:
            now = _now()
            session.add_all(
                [LoginFailureRow(key=f"email:{email_key(email)}", at=now),
                 LoginFailureRow(key=f"address:{address}", at=now)]
            )  # fmt: skip
            session.commit()
            raise NotSignedIn("That email and password do not match an account.")
        if _hasher.check_needs_rehash(user.password_hash or ""):
            user.password_hash = _hasher.hash(password)
        session.execute(
            delete(LoginFailureRow).where(
                LoginFailureRow.key == f"email:{email_key(email)}"
            )
        )
        token = secrets.token_urlsafe(32)
        session.add(
            SessionRow(
                token_hash=_token_hash(token),
                user_id=user.id,
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
