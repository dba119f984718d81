"""Where hosted mode keeps accounts, sessions and counted attempts: the
``AccountStore`` of ``services.accounts``, on SQLAlchemy.

Everything lives in the database, nothing in the process, so any number of
app servers can answer any request. An attempt (to sign in, to give the
password again, to sign up) is a row in ``login_failures`` written and
committed BEFORE it is counted: the n-th attempt to commit sees at least n
rows, so no more than a limit's number get through, however many arrive at
once in however many processes. Deleting an account deletes the user row,
and every owned row with it (``ON DELETE CASCADE``), plus the search index
entries on SQLite.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from closer.adapters.db.database import Database
from closer.adapters.db.orm import LoginFailureRow, SessionRow, UserRow
from closer.adapters.passwords import PASSWORDS
from closer.domain.errors import Conflict, TooManyAttempts
from closer.services.accounts import Accounts, Limit, Login

_FTS_OF_USER = text(
    "DELETE FROM moments_fts WHERE rowid IN (SELECT id FROM moments WHERE user_id = :u)"
)
_swept = [0.0]  # when this process last removed old attempts


class SqlAccountStore:
    """Accounts, sessions and attempts in the app's database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def admit(self, limits: list[Limit], refusal: str, now: datetime) -> list[int]:
        """A limit already reached refuses at once and writes nothing (so
        waiting the window out is enough); otherwise the attempt is written
        and committed under each key, THEN counted."""
        with self._database.sessions() as session:
            if any(
                _count(session, lim.key, now - lim.window) >= lim.most for lim in limits
            ):
                raise TooManyAttempts(refusal)
            _sweep(session, now)
            rows = [LoginFailureRow(key=lim.key, at=now) for lim in limits]
            session.add_all(rows)
            session.commit()
            if any(
                _count(session, lim.key, now - lim.window) > lim.most for lim in limits
            ):
                raise TooManyAttempts(refusal)
            return [row.id for row in rows]

    def take_back(
        self, attempts: list[int], *keys: str, rehash: tuple[int, str] | None = None
    ) -> None:
        with self._database.sessions() as session:
            if rehash is not None:
                user_id, password_hash = rehash
                session.execute(
                    update(UserRow)
                    .where(UserRow.id == user_id)
                    .values(password_hash=password_hash)
                )
            session.execute(
                delete(LoginFailureRow).where(LoginFailureRow.id.in_(attempts))
            )
            if keys:
                session.execute(
                    delete(LoginFailureRow).where(LoginFailureRow.key.in_(keys))
                )
            session.commit()

    def login_by_email(self, email_key: str) -> Login | None:
        return self._login(UserRow.email_key == email_key)

    def login_by_id(self, user_id: int) -> Login | None:
        return self._login(UserRow.id == user_id)

    def _login(self, where: ColumnElement[bool]) -> Login | None:
        with self._database.sessions() as session:
            found = session.execute(
                select(UserRow.id, UserRow.email_key, UserRow.password_hash).where(
                    where
                )
            ).first()
        if found is None:
            return None
        return Login(int(found.id), found.email_key, found.password_hash)

    def email_taken(self, email_key: str) -> bool:
        with self._database.sessions() as session:
            taken = session.scalar(
                select(UserRow.id).where(UserRow.email_key == email_key)
            )
        return taken is not None

    def add_user(
        self, email: str, email_key: str, password_hash: str, now: datetime
    ) -> int:
        with self._database.sessions() as session:
            user = UserRow(
                email=email,
                email_key=email_key,
                password_hash=password_hash,
                created_at=now,
            )
            session.add(user)
            try:
                session.commit()
            except IntegrityError:  # the same address, signed up at the same moment
                raise Conflict("That email is taken.") from None
            return user.id

    def change_password_hash(
        self, user_id: int, password_hash: str, keep: str | None
    ) -> int:
        with self._database.sessions() as session:
            session.execute(
                update(UserRow)
                .where(UserRow.id == user_id)
                .values(password_hash=password_hash)
            )
            others = delete(SessionRow).where(SessionRow.user_id == user_id)
            if keep:
                others = others.where(SessionRow.token_hash != keep)
            ended = session.execute(others)
            session.commit()
        return int(ended.rowcount)  # type: ignore[attr-defined]

    def start_session(
        self, user_id: int, token_hash: str, now: datetime, expires: datetime
    ) -> None:
        with self._database.sessions() as session:
            session.add(
                SessionRow(
                    token_hash=token_hash,
                    user_id=user_id,
                    created_at=now,
                    expires_at=expires,
                )
            )
            session.commit()

    def user_for(self, token_hash: str, now: datetime) -> int | None:
        with self._database.sessions() as session:
            user_id = session.scalar(
                select(SessionRow.user_id).where(
                    SessionRow.token_hash == token_hash, SessionRow.expires_at > now
                )
            )
        return None if user_id is None else int(user_id)

    def email_of(self, user_id: int) -> str | None:
        with self._database.sessions() as session:
            return session.scalar(select(UserRow.email).where(UserRow.id == user_id))

    def end_session(self, token_hash: str) -> None:
        with self._database.sessions() as session:
            session.execute(
                delete(SessionRow).where(SessionRow.token_hash == token_hash)
            )
            session.commit()

    def end_sessions(self, user_id: int) -> int:
        with self._database.sessions() as session:
            result = session.execute(
                delete(SessionRow).where(SessionRow.user_id == user_id)
            )
            session.commit()
        return int(result.rowcount)  # type: ignore[attr-defined]

    def delete_user(self, user_id: int) -> None:
        with self._database.sessions() as session:
            if session.get_bind().dialect.name == "sqlite":
                session.execute(_FTS_OF_USER, {"u": user_id})
            # Not through the ORM: the database's ON DELETE CASCADE removes
            # every owned row (and the moments' own rows) with the user.
            session.execute(delete(UserRow).where(UserRow.id == user_id))
            session.commit()


def _count(session: Session, key: str, since: datetime) -> int:
    count = session.scalar(
        select(func.count())
        .select_from(LoginFailureRow)
        .where(LoginFailureRow.key == key, LoginFailureRow.at > since)
    )
    return int(count or 0)


def _sweep(session: Session, now: datetime) -> None:
    """Now and then, remove attempts older than any window (they count for
    nothing; without this, attempts under ever new addresses would pile up)."""
    if time.monotonic() - _swept[0] < 600:
        return
    _swept[0] = time.monotonic()
    session.execute(
        delete(LoginFailureRow).where(LoginFailureRow.at <= now - timedelta(days=1))
    )


def accounts_for(database: Database) -> Accounts:
    """The account use cases over ``database``, with Argon2id passwords."""
    return Accounts(SqlAccountStore(database), PASSWORDS)
