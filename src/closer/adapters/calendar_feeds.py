"""Private calendar addresses: a random token in the URL, stored as a hash.

A calendar app subscribes to ``/calendar/<token>.ics`` and polls it; the
token is the only credential, so it is 256 random bits, shown once, and
revocable (a new address replaces the old one). Kept outside any person's
records session, like sign-in sessions, because the lookup is by token.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from sqlalchemy import delete, select

from closer.adapters.db.database import Database
from closer.adapters.db.orm import CalendarFeedRow


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_feed(database: Database, user_id: int) -> str:
    """A fresh address token for ``user_id`` (any earlier one stops working)."""
    token = secrets.token_urlsafe(32)
    with database.sessions() as session:
        session.execute(
            delete(CalendarFeedRow).where(CalendarFeedRow.user_id == user_id)
        )
        session.add(
            CalendarFeedRow(
                user_id=user_id, token_hash=_hash(token), created_at=datetime.now(UTC)
            )
        )
        session.commit()
    return token


def revoke_feed(database: Database, user_id: int) -> bool:
    """Stop the address from working; whether there was one."""
    with database.sessions() as session:
        result = session.execute(
            delete(CalendarFeedRow).where(CalendarFeedRow.user_id == user_id)
        )
        session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def has_feed(database: Database, user_id: int) -> bool:
    """Whether an address is active."""
    with database.sessions() as session:
        found = session.scalar(
            select(CalendarFeedRow.id).where(CalendarFeedRow.user_id == user_id)
        )
    return found is not None


def feed_owner(database: Database, token: str) -> int | None:
    """Whose calendar a token opens, if any."""
    with database.sessions() as session:
        owner = session.scalar(
            select(CalendarFeedRow.user_id).where(
                CalendarFeedRow.token_hash == _hash(token)
            )
        )
    return None if owner is None else int(owner)
