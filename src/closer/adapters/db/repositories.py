"""Repositories: translate between table rows and domain objects."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    delete,
    func,
    insert,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from closer.adapters.db.mapping import aware, column_values, fill_row, to_record
from closer.adapters.db.orm import (
    AppSettingsRow,
    Base,
    ClosenessRow,
    MomentCauseRow,
    MomentEmotionRow,
    MomentPersonRow,
    MomentRow,
    MomentTagRow,
    PersonRow,
    SafetyPlanItemRow,
    SupportAlertRow,
    utc_now,
)
from closer.adapters.db.ownership import owner_of
from closer.adapters.db.search import fts5_query
from closer.domain.errors import Contended, NotFound
from closer.domain.moments import Felt, Moment, MomentQuery
from closer.domain.people import (
    ClosenessReading,
    Person,
    parse_birthday,
)
from closer.domain.preferences import Preferences, Theme
from closer.domain.safety.assessment import About, Level
from closer.domain.safety.plan import PlanSection, SafetyPlan
from closer.domain.safety.support import Choice, SupportAlert


class SqlPreferencesRepository:
    """Stores the person's preferences in their ``app_settings`` row."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self) -> AppSettingsRow | None:
        return self._session.scalars(select(AppSettingsRow)).first()  # the owner's

    def get(self) -> Preferences:
        """The stored preferences, or the defaults when none were saved."""
        row = self._row()
        if row is None:
            return Preferences()
        return Preferences(
            country=row.country,
            theme=Theme(row.theme),
            country_prompt_dismissed=row.country_prompt_dismissed,
            drift_summary=row.drift_summary,
            drift_summary_on=row.drift_summary_on,
            check_every_days=row.check_every_days,
            time_zone=row.time_zone,
        )

    def save(self, preferences: Preferences) -> None:
        """Insert or update the single row."""
        row = self._row()
        if row is None:
            row = AppSettingsRow()
            self._session.add(row)
        row.country = preferences.country
        row.theme = preferences.theme.value
        row.country_prompt_dismissed = preferences.country_prompt_dismissed
        row.drift_summary = preferences.drift_summary
        row.drift_summary_on = preferences.drift_summary_on
        row.check_every_days = preferences.check_every_days
        row.time_zone = preferences.time_zone
        row.updated_at = utc_now()


class SqlSafetyPlanRepository:
    """Stores the safety plan as ordered lines per section."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self) -> SafetyPlan:
        """The saved plan (empty when nothing was written)."""
        rows = self._session.scalars(
            select(SafetyPlanItemRow).order_by(
                SafetyPlanItemRow.section, SafetyPlanItemRow.position
            )
        )
        sections: dict[PlanSection, list[str]] = {}
        for row in rows:
            sections.setdefault(PlanSection(row.section), []).append(row.text)
        return SafetyPlan({s: tuple(items) for s, items in sections.items()})

    def save(self, plan: SafetyPlan) -> None:
        """Replace the whole plan (inside the caller's transaction)."""
        self._session.execute(delete(SafetyPlanItemRow))
        now = utc_now()
        self._session.add_all(
            SafetyPlanItemRow(
                section=section.value, position=i, text=text, updated_at=now
            )
            for section in PlanSection
            for i, text in enumerate(plan.items(section))
        )


CHECKED_IN = "safe-checked"  # closed as safe, and the check-in answered


def _alert(row: SupportAlertRow) -> SupportAlert:
    return SupportAlert(
        id=row.id,
        level=Level(row.level),
        about=About(row.about),
        source=row.source,
        opened_at=aware(row.opened_at),
    )


class SqlSupportAlertRepository:
    """Open and resolved support panels."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def current(self) -> SupportAlert | None:
        """The open alert, if any (the most worrying, then the newest)."""
        rows = self._session.scalars(
            select(SupportAlertRow)
            .where(SupportAlertRow.resolved_at.is_(None))
            .order_by(SupportAlertRow.id.desc())
        ).all()
        if not rows:
            return None
        alert = _alert(max(rows, key=lambda r: Level(r.level).rank))
        # Fresh as the newest open alert: a new dark entry shows the panel whole.
        return replace(alert, opened_at=max(aware(r.opened_at) for r in rows))

    def open(self, level: Level, about: About, source: str) -> None:
        """Record that the support panel must show."""
        self._session.add(
            SupportAlertRow(
                level=level.value, about=about.value, source=source, opened_at=utc_now()
            )
        )

    def resolve(self, choice: Choice) -> int:
        """Close every open alert with the person's choice; how many were open."""
        result = self._session.execute(
            update(SupportAlertRow)
            .where(SupportAlertRow.resolved_at.is_(None))
            .values(resolved_at=utc_now(), resolution=choice.value)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    def closed_safe(self, since: datetime, until: datetime) -> SupportAlert | None:
        """The newest alert about the writer, if it was closed with "I'm safe
        right now" in that window and not checked in on since ("safe" becomes
        "safe-checked" once answered)."""
        row = self._session.scalars(
            select(SupportAlertRow)
            .where(SupportAlertRow.about == About.SELF.value)
            .order_by(SupportAlertRow.id.desc())
            .limit(1)
        ).first()
        if row is None or row.resolution != Choice.SAFE.value:
            return None  # open, closed with "Show me help", or asked about
        closed = row.resolved_at
        if closed is None or not since <= aware(closed) <= until:
            return None
        return _alert(row)

    def checked_in(self, alert_id: int) -> None:
        """Mark every alert closed as safe up to ``alert_id`` as checked in on."""
        self._session.execute(
            update(SupportAlertRow)
            .where(
                SupportAlertRow.id <= alert_id,
                SupportAlertRow.resolution == Choice.SAFE.value,
            )
            .values(resolution=CHECKED_IN)
        )


class SqlPeopleRepository:
    """People, with names unique regardless of case."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @staticmethod
    def _to_domain(row: PersonRow) -> Person:
        birthday = parse_birthday(row.birthday) if row.birthday else None
        return to_record(Person, row, birthday=birthday)

    @staticmethod
    def _fill(row: PersonRow, person: Person) -> None:
        fill_row(
            row,
            person,
            name_key=person.name.casefold(),
            birthday=person.birthday.iso if person.birthday else None,
            updated_at=utc_now(),
        )

    def add(self, person: Person) -> Person:
        row = PersonRow()
        self._fill(row, person)
        row.created_at = row.updated_at
        self._session.add(row)
        try:
            self._session.flush()
        except IntegrityError:  # the same name, added at the same moment elsewhere
            raise Contended() from None
        return self._to_domain(row)

    def update(self, person: Person) -> Person:
        row = self._session.get(PersonRow, person.id)
        if row is None:
            raise NotFound(f"There is no person with id {person.id}.")
        self._fill(row, person)
        self._session.flush()
        return self._to_domain(row)

    def delete(self, person_id: int) -> None:
        row = self._session.get(PersonRow, person_id)
        if row is None:
            raise NotFound(f"There is no person with id {person_id}.")
        self._session.delete(row)

    def get(self, person_id: int) -> Person | None:
        row = self._session.get(PersonRow, person_id)
        return None if row is None else self._to_domain(row)

    def by_name(self, name: str) -> Person | None:
        row = self._session.scalar(
            select(PersonRow).where(PersonRow.name_key == name.strip().casefold())
        )
        return None if row is None else self._to_domain(row)

    def record_closeness(self, person_id: int, reading: ClosenessReading) -> None:
        """Keep one reading of how close someone felt and was wanted."""
        self._session.add(
            ClosenessRow(
                person_id=person_id,
                at=reading.at,
                now=reading.now,
                wanted=reading.wanted,
            )
        )
        self._session.flush()

    def closeness(self, person_id: int | None = None) -> list[ClosenessReading]:
        """Readings, oldest first, each with its person's name."""
        query = select(ClosenessRow, PersonRow.name).join(
            PersonRow, PersonRow.id == ClosenessRow.person_id
        )
        if person_id is not None:
            query = query.where(ClosenessRow.person_id == person_id)
        rows = self._session.execute(query.order_by(ClosenessRow.at, ClosenessRow.id))
        return [
            ClosenessReading(aware(row.at), row.now, row.wanted, person_name=name)
            for row, name in rows
        ]

    def list(self) -> list[Person]:
        rows = self._session.scalars(select(PersonRow).order_by(PersonRow.name_key))
        return [self._to_domain(r) for r in rows]

    def last_moment_at(self) -> dict[int, datetime]:
        """For each person, when their most recent moment happened."""
        rows = self._session.execute(
            select(MomentPersonRow.person_id, func.max(MomentRow.occurred_at))
            .join(MomentRow, MomentRow.id == MomentPersonRow.moment_id)
            .where(MomentRow.deleted_at.is_(None))
            .group_by(MomentPersonRow.person_id)
        )
        return {int(row[0]): aware(row[1]) for row in rows}


FTS_INSERT = text("INSERT INTO moments_fts (rowid, search_text) VALUES (:id, :text)")


def _links(
    moment_id: int, moment: Moment
) -> list[tuple[type[Base], list[dict[str, Any]]]]:
    """A new moment's rows in its link tables, table by table."""
    return [
        (
            MomentPersonRow,
            [
                {"moment_id": moment_id, "person_id": p, "position": i}
                for i, p in enumerate(moment.people)
            ],
        ),
        (
            MomentEmotionRow,
            [
                {
                    "moment_id": moment_id,
                    "emotion": f.emotion,
                    "intensity": f.intensity,
                    "position": i,
                }
                for i, f in enumerate(moment.emotions)
            ],
        ),
        (
            MomentCauseRow,
            [{"moment_id": moment_id, "cause": c} for c in moment.causes],
        ),
        (
            MomentTagRow,
            [{"moment_id": moment_id, "tag": t} for t in moment.tags],
        ),
    ]


class SqlMomentRepository:
    """Moments, their links, and full-text search kept in step with them."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._dialect = session.get_bind().dialect.name

    def _names(self, person_ids: Iterable[int]) -> dict[int, str]:
        ids = list(person_ids)
        if not ids:
            return {}
        rows = self._session.execute(
            select(PersonRow.id, PersonRow.name).where(PersonRow.id.in_(ids))
        )
        return {int(row[0]): str(row[1]) for row in rows}

    def _to_domain(self, row: MomentRow, names: dict[int, str]) -> Moment:
        people = tuple(
            p.person_id for p in sorted(row.people, key=lambda p: p.position)
        )
        return to_record(
            Moment,
            row,
            people=people,
            person_names=tuple(names[p] for p in people if p in names),
            emotions=tuple(
                Felt(e.emotion, e.intensity)
                for e in sorted(row.emotions, key=lambda e: e.position)
            ),
            causes=tuple(sorted(c.cause for c in row.causes)),
            tags=tuple(sorted(t.tag for t in row.tags)),
        )

    def _with_names(self, moment: Moment) -> Moment:
        """``moment`` with its people's names; NotFound for an unknown person."""
        names = self._names(moment.people)
        missing = [p for p in moment.people if p not in names]
        if missing:
            raise NotFound(f"There is no person with id {missing[0]}.")
        return replace(moment, person_names=tuple(names[p] for p in moment.people))

    def _fill(self, row: MomentRow, moment: Moment) -> None:
        with_names = self._with_names(moment)
        fill_row(
            row,
            moment,
            search_text=with_names.search_text(),
            people=[
                MomentPersonRow(person_id=p, position=i)
                for i, p in enumerate(moment.people)
            ],
            emotions=[
                MomentEmotionRow(emotion=f.emotion, intensity=f.intensity, position=i)
                for i, f in enumerate(moment.emotions)
            ],
            causes=[MomentCauseRow(cause=c) for c in moment.causes],
            tags=[MomentTagRow(tag=t) for t in moment.tags],
            updated_at=utc_now(),
        )

    def _index(self, row: MomentRow) -> None:
        if self._dialect != "sqlite":
            return  # PostgreSQL indexes the column itself
        self._session.execute(
            text("DELETE FROM moments_fts WHERE rowid = :id"), {"id": row.id}
        )
        if row.deleted_at is None:
            self._session.execute(
                text(
                    "INSERT INTO moments_fts (rowid, search_text) VALUES (:id, :text)"
                ),
                {"id": row.id, "text": row.search_text},
            )

    def add(self, moment: Moment, client_key: str | None = None) -> Moment:
        """Insert a new moment with plain statements on the session's
        connection, not through the ORM's unit of work: logging is the path
        every person takes many times a day, and this costs a third as much.
        The row is stamped with the session's owner, as ``ownership`` does for
        ORM rows."""
        moment = replace(
            self._with_names(moment),
            causes=tuple(sorted(moment.causes)),
            tags=tuple(sorted(moment.tags)),
        )
        connection = self._session.connection()
        now, search_text = utc_now(), moment.search_text()
        try:
            inserted = self._insert_row(
                connection, moment, client_key, now, search_text
            )
        except IntegrityError:  # the same client key, sent at the same moment
            raise Contended() from None
        assert inserted is not None
        moment_id = int(inserted[0])
        for table, rows in _links(moment_id, moment):
            if rows:
                connection.execute(insert(table), rows)
        if self._dialect == "sqlite":
            connection.execute(FTS_INSERT, {"id": moment_id, "text": search_text})
        return replace(moment, id=moment_id)

    def _insert_row(
        self,
        connection: Connection,
        moment: Moment,
        client_key: str | None,
        now: datetime,
        search_text: str,
    ) -> Any:
        """The new row's primary key (IntegrityError if its key is taken)."""
        return connection.execute(
            insert(MomentRow),
            {
                **column_values(moment, MomentRow),
                "user_id": owner_of(self._session),
                "search_text": search_text,
                "created_at": now,
                "updated_at": now,
                "client_key": client_key,
            },
        ).inserted_primary_key

    def add_many(self, moments: Sequence[Moment]) -> list[int]:
        """Insert many new moments (an import's batch) with one statement per
        table; their ids, in order. Each row is stamped with the session's
        owner, as ``add`` does."""
        if not moments:
            return []
        names = self._names({p for m in moments for p in m.people})
        missing = [p for m in moments for p in m.people if p not in names]
        if missing:
            raise NotFound(f"There is no person with id {missing[0]}.")
        owner, now = owner_of(self._session), utc_now()
        ready = [
            replace(
                m,
                person_names=tuple(names[p] for p in m.people),
                causes=tuple(sorted(m.causes)),
                tags=tuple(sorted(m.tags)),
            )
            for m in moments
        ]
        connection = self._session.connection()
        inserted = connection.execute(
            insert(MomentRow).returning(MomentRow.id, sort_by_parameter_order=True),
            [
                {
                    **column_values(m, MomentRow),
                    "user_id": owner,
                    "search_text": m.search_text(),
                    "created_at": now,
                    "updated_at": now,
                    "client_key": None,
                }
                for m in ready
            ],
        )
        ids = [int(row[0]) for row in inserted]
        tables: dict[type[Base], list[dict[str, Any]]] = {}
        for moment_id, moment in zip(ids, ready, strict=True):
            for table, rows in _links(moment_id, moment):
                tables.setdefault(table, []).extend(rows)
        for table, rows in tables.items():
            if rows:
                connection.execute(insert(table), rows)
        if self._dialect == "sqlite":
            connection.execute(
                FTS_INSERT,
                [
                    {"id": i, "text": m.search_text()}
                    for i, m in zip(ids, ready, strict=True)
                ],
            )
        return ids

    def ids_by_time_and_text(
        self, moments: Sequence[Moment]
    ) -> dict[tuple[datetime, str], int]:
        """The kept moments with the same time and text as any of ``moments``
        (an import skips them), by (time in UTC, text)."""
        times = {m.occurred_at for m in moments}
        if not times:
            return {}
        rows = self._session.execute(
            select(MomentRow.id, MomentRow.occurred_at, MomentRow.situation)
            .where(MomentRow.deleted_at.is_(None))
            .where(MomentRow.occurred_at.in_(times))
        )
        return {
            (aware(at).astimezone(UTC), situation): int(moment_id)
            for moment_id, at, situation in rows
        }

    def update(self, moment: Moment) -> Moment:
        row = self._live_row(moment.id)
        self._fill(row, moment)
        self._session.flush()
        self._index(row)
        return self._to_domain(row, self._names(moment.people))

    def _row(self, moment_id: int | None) -> MomentRow:
        row = self._session.get(MomentRow, moment_id) if moment_id is not None else None
        if row is None:
            raise NotFound(f"There is no moment with id {moment_id}.")
        return row

    def _live_row(self, moment_id: int | None) -> MomentRow:
        row = self._row(moment_id)
        if row.deleted_at is not None:
            raise NotFound(f"Moment {moment_id} was deleted.")
        return row

    def get(self, moment_id: int) -> Moment | None:
        row = self._session.get(MomentRow, moment_id)
        if row is None or row.deleted_at is not None:
            return None
        return self._to_domain(row, self._names(p.person_id for p in row.people))

    def delete(self, moment_id: int) -> None:
        """Mark as deleted; ``restore`` undoes it."""
        row = self._live_row(moment_id)
        row.deleted_at = utc_now()
        self._index(row)

    def restore(self, moment_id: int) -> Moment:
        row = self._row(moment_id)
        row.deleted_at = None
        self._index(row)
        return self._to_domain(row, self._names(p.person_id for p in row.people))

    def set_causes(self, moment_id: int, causes: tuple[str, ...]) -> None:
        row = self._live_row(moment_id)
        row.causes = [MomentCauseRow(cause=c) for c in causes]

    def find(self, query: MomentQuery) -> tuple[list[Moment], int]:
        """One page of moments matching ``query``, newest first, and the total."""
        conditions = self._conditions(query)
        total = self._session.scalar(
            select(func.count()).select_from(MomentRow).where(*conditions)
        )
        rows = self._session.scalars(
            select(MomentRow)
            .where(*conditions)
            .order_by(MomentRow.occurred_at.desc(), MomentRow.id.desc())
            .limit(query.limit)
            .offset(query.offset)
        ).all()
        names = self._names({p.person_id for r in rows for p in r.people})
        return [self._to_domain(r, names) for r in rows], int(total or 0)

    def all(self) -> list[Moment]:
        """Every moment not deleted, oldest first (for export)."""
        rows = self._session.scalars(
            select(MomentRow)
            .where(MomentRow.deleted_at.is_(None))
            .order_by(MomentRow.occurred_at, MomentRow.id)
        ).all()
        names = self._names({p.person_id for r in rows for p in r.people})
        return [self._to_domain(r, names) for r in rows]

    def by_client_key(self, client_key: str) -> Moment | None:
        """The moment a client already sent under this key, if any."""
        row = self._session.scalar(
            select(MomentRow).where(MomentRow.client_key == client_key).limit(1)
        )
        if row is None:
            return None
        return self._to_domain(row, self._names(p.person_id for p in row.people))

    def id_of(self, occurred_at: datetime, situation: str) -> int | None:
        """The id of a kept moment with this time and text (imports skip it)."""
        found = self._session.scalar(
            select(MomentRow.id)
            .where(MomentRow.deleted_at.is_(None))
            .where(MomentRow.occurred_at == occurred_at)
            .where(MomentRow.situation == situation)
            .limit(1)
        )
        return None if found is None else int(found)

    def _conditions(self, query: MomentQuery) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = [MomentRow.deleted_at.is_(None)]
        if query.person_id is not None:
            conditions.append(
                MomentRow.id.in_(
                    select(MomentPersonRow.moment_id).where(
                        MomentPersonRow.person_id == query.person_id
                    )
                )
            )
        if query.action:
            conditions.append(MomentRow.action == query.action)
        if query.cause:
            conditions.append(
                MomentRow.id.in_(
                    select(MomentCauseRow.moment_id).where(
                        MomentCauseRow.cause == query.cause
                    )
                )
            )
        if query.emotion:
            conditions.append(
                MomentRow.id.in_(
                    select(MomentEmotionRow.moment_id).where(
                        MomentEmotionRow.emotion == query.emotion
                    )
                )
            )
        if query.since is not None:
            conditions.append(MomentRow.occurred_at >= query.since)
        if query.until is not None:
            conditions.append(MomentRow.occurred_at < query.until)
        if query.search:
            conditions.append(self._matches(query.search))
        return conditions

    def _matches(self, words: str) -> ColumnElement[bool]:
        if self._dialect == "sqlite":
            fts = (
                select(text("rowid"))
                .select_from(text("moments_fts"))
                .where(text("moments_fts MATCH :q"))
                .params(q=fts5_query(words))
            )
            return MomentRow.id.in_(fts)
        if self._dialect == "postgresql":
            return func.to_tsvector(
                literal_column("'simple'"), MomentRow.search_text
            ).op("@@")(func.plainto_tsquery(literal_column("'simple'"), words))
        return MomentRow.search_text.ilike(f"%{words}%")
