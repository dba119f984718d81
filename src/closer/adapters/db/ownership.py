"""Every query through a unit of work sees only its owner's rows.

This is the one place that keeps people's records apart (hosted mode holds
many people in one database). A session carries its owner in
``session.info["owner_id"]``; two session events then:

- add ``user_id = owner`` to every ORM SELECT, UPDATE and DELETE that touches
  an ``Owned`` table, wherever it appears (joins and subqueries included),
  through SQLAlchemy's ``with_loader_criteria``;
- stamp new ``Owned`` rows with the owner before they are written, and refuse
  to write a row that belongs to someone else.

A session without an owner cannot read or write owned rows at all. Tests try
every endpoint as another person and find no read, write or existence leak
(tests/web/test_isolation.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from closer.adapters.db.orm import Owned

OWNER_KEY = "owner_id"


class OwnershipError(RuntimeError):
    """Code tried to use owned rows without an owner, or someone else's row."""


def owner_of(session: Session) -> int:
    """The owner of ``session``'s rows (raises if it has none)."""
    owner = session.info.get(OWNER_KEY)
    if not isinstance(owner, int):
        raise OwnershipError("a session that touches people's records needs an owner")
    return owner


def _limit_to_owner(state: ORMExecuteState) -> None:
    if state.is_column_load or state.is_relationship_load:
        return  # loads of rows already reached through a limited query
    if not (state.is_select or state.is_update or state.is_delete):
        return
    owner = state.session.info.get(OWNER_KEY)
    if owner is None:
        if any(issubclass(m.class_, Owned) for m in state.all_mappers):
            raise OwnershipError("a query of people's records needs an owner")
        return
    state.statement = state.statement.options(
        with_loader_criteria(
            Owned,
            lambda cls: cls.user_id == owner,
            include_aliases=True,
            track_closure_variables=True,
        )
    )


def _stamp_new_rows(session: Session, _context: Any, _instances: Any) -> None:
    owned = [row for row in (*session.new, *session.dirty) if isinstance(row, Owned)]
    if not owned:
        return
    owner = owner_of(session)
    for row in owned:
        if row in session.new and getattr(row, "user_id", None) is None:
            row.user_id = owner
        elif row.user_id != owner:
            raise OwnershipError("refusing to write a row that belongs to someone else")


def install(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Apply the ownership rules to every session ``sessions`` makes."""
    event.listen(sessions, "do_orm_execute", _limit_to_owner)
    event.listen(sessions, "before_flush", _stamp_new_rows)
    return sessions
