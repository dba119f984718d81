"""SQLAlchemy table models. Each change here comes with an Alembic migration."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from closer.adapters.db.schema import LOCAL_USER_ID

__all__ = ["LOCAL_USER_ID"]

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Base of every table model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UserRow(Base):
    """An account. A local store has one, with no email and no password."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254))
    email_key: Mapped[str | None] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Owned:
    """A row that belongs to one person. Every query through a unit of work is
    limited to its owner's rows, and new rows get its owner, in one place
    (``adapters.db.ownership``), never in each query."""

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )


class SessionRow(Base):
    """A signed-in browser (hosted mode). Only a hash of the cookie is kept."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """One failed sign-in, counted per account and per address for rate limits."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AppSettingsRow(Owned, Base):
    """The person's preferences: one row per person."""

    __tablename__ = "app_settings"
    __table_args__ = (UniqueConstraint("user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str | None] = mapped_column(String(2))
    theme: Mapped[str] = mapped_column(String(16), server_default="system")
    country_prompt_dismissed: Mapped[bool] = mapped_column(
        Boolean, server_default=false()
    )
    drift_summary: Mapped[bool] = mapped_column(Boolean, server_default=true())
    drift_summary_on: Mapped[date | None] = mapped_column(Date)
    check_every_days: Mapped[int | None] = mapped_column(Integer)
    time_zone: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SafetyPlanItemRow(Owned, Base):
    """One line of the personal safety plan."""

    __tablename__ = "safety_plan_items"
    __table_args__ = (UniqueConstraint("user_id", "section", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SupportAlertRow(Owned, Base):
    """A support panel that opened; open until ``resolved_at`` is set.

    Holds no text and no reasons: only how worrying, about whom, and where.
    """

    __tablename__ = "support_alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    level: Mapped[str] = mapped_column(String(16))
    about: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(32))
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolution: Mapped[str | None] = mapped_column(String(16))


class PersonRow(Owned, Base):
    """Someone in the person's life."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("user_id", "name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100))
    relationship: Mapped[str] = mapped_column(String(16))
    closeness_now: Mapped[int | None] = mapped_column(Integer)
    closeness_wanted: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, server_default="")
    rhythm_days: Mapped[int | None] = mapped_column(Integer)
    nickname: Mapped[str] = mapped_column(String(100), server_default="")
    birthday: Mapped[str | None] = mapped_column(String(10))  # YYYY-MM-DD, --MM-DD
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ClosenessRow(Owned, Base):
    """How close someone felt and was wanted, kept each time either changed."""

    __tablename__ = "closeness_readings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    now: Mapped[int | None] = mapped_column(Integer)
    wanted: Mapped[int | None] = mapped_column(Integer)


class MomentRow(Owned, Base):
    """One logged moment. ``deleted_at`` marks a deletion that can be undone."""

    __tablename__ = "moments"
    __table_args__ = (
        Index("ix_moments_occurred_at", "occurred_at"),
        Index("ix_moments_live", "deleted_at", "occurred_at"),  # listing, counting
        Index("ix_moments_client_key", "user_id", "client_key", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    situation: Mapped[str] = mapped_column(Text)
    urge: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(Text, server_default="")
    felt_after: Mapped[int | None] = mapped_column(Integer)
    channel: Mapped[str | None] = mapped_column(String(20))
    search_text: Mapped[str] = mapped_column(Text, server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Set by a client that may send the same moment twice (the offline queue).
    client_key: Mapped[str | None] = mapped_column(String(64))

    people: Mapped[list[MomentPersonRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    emotions: Mapped[list[MomentEmotionRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    causes: Mapped[list[MomentCauseRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    tags: Mapped[list[MomentTagRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class MomentPersonRow(Base):
    __tablename__ = "moment_people"
    __table_args__ = (Index("ix_moment_people_person_id", "person_id"),)

    moment_id: Mapped[int] = mapped_column(
        ForeignKey("moments.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, server_default="0")


class MomentEmotionRow(Base):
    __tablename__ = "moment_emotions"

    moment_id: Mapped[int] = mapped_column(
        ForeignKey("moments.id", ondelete="CASCADE"), primary_key=True
    )
    emotion: Mapped[str] = mapped_column(String(40), primary_key=True)
    intensity: Mapped[int | None] = mapped_column(Integer)  # null: not said
    position: Mapped[int] = mapped_column(Integer, server_default="0")


class MomentCauseRow(Base):
    __tablename__ = "moment_causes"

    moment_id: Mapped[int] = mapped_column(
        ForeignKey("moments.id", ondelete="CASCADE"), primary_key=True
    )
    cause: Mapped[str] = mapped_column(String(40), primary_key=True)


class MomentTagRow(Base):
    __tablename__ = "moment_tags"

    moment_id: Mapped[int] = mapped_column(
        ForeignKey("moments.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(30), primary_key=True)


class LadderStepRow(Owned, Base):
    """A step on the vulnerability ladder (planned, and once done, rated)."""

    __tablename__ = "ladder_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    predicted_discomfort: Mapped[int] = mapped_column(Integer)
    feared_outcome: Mapped[str] = mapped_column(Text, server_default="")
    planned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    idea: Mapped[str | None] = mapped_column(String(60))
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    actual_discomfort: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, server_default="")


class GoodShareRow(Owned, Base):
    """One choice of how much good to accept on purpose."""

    __tablename__ = "good_shares"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    percent: Mapped[int] = mapped_column(Integer)
    chosen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str] = mapped_column(Text, server_default="")


class ReflectionEntryRow(Owned, Base):
    """A guided reflection gone through, with its answers (a JSON list)."""

    __tablename__ = "reflection_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reflection: Mapped[str] = mapped_column(String(60))
    answers: Mapped[list[str]] = mapped_column(JSON)
    written_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    moment_id: Mapped[int | None] = mapped_column(
        ForeignKey("moments.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )


class ThoughtRecordRow(Owned, Base):
    """A thought record; feelings as [[emotion, intensity], ...], traps as slugs."""

    __tablename__ = "thought_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    situation: Mapped[str] = mapped_column(Text)
    automatic_thought: Mapped[str] = mapped_column(Text)
    belief_before: Mapped[int] = mapped_column(Integer)
    emotions: Mapped[list[list[str | int | None]]] = mapped_column(JSON)
    traps: Mapped[list[str]] = mapped_column(JSON)
    evidence_for: Mapped[str] = mapped_column(Text, server_default="")
    evidence_against: Mapped[str] = mapped_column(Text, server_default="")
    balanced_thought: Mapped[str] = mapped_column(Text, server_default="")
    belief_after: Mapped[int | None] = mapped_column(Integer)
    emotions_after: Mapped[list[list[str | int | None]]] = mapped_column(JSON)
    written_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    moment_id: Mapped[int | None] = mapped_column(
        ForeignKey("moments.id", ondelete="SET NULL"), index=True
    )


class TimeOutRow(Owned, Base):
    """A deliberate step back from someone (or everyone), with a return date."""

    __tablename__ = "timeouts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[date] = mapped_column(Date)
    returns_on: Mapped[date] = mapped_column(Date)
    message: Mapped[str] = mapped_column(Text, server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    returned_on: Mapped[date | None] = mapped_column(Date)
    reflection_id: Mapped[int | None] = mapped_column(
        ForeignKey("reflection_entries.id", ondelete="SET NULL"), index=True
    )


class ContactRow(Owned, Base):
    """One time someone was in touch (reached out, heard from, met)."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    how: Mapped[str] = mapped_column(String(10))
    direction: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, server_default="")


class CommitmentRow(Owned, Base):
    """A plan or promise with someone, for a day; kept, rescheduled, cancelled."""

    __tablename__ = "commitments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(12))
    cancelled_by: Mapped[str | None] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text, server_default="")
    settled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CalendarFeedRow(Base):
    """A private calendar address (hosted or local); only a hash of its token."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CheckResultRow(Owned, Base):
    """One time a self-check was taken. The answers are kept so the result can
    be worked out again; the total and band are kept for history and insights."""

    __tablename__ = "check_results"
    __table_args__ = (Index("ix_check_results_check_taken_at", "check", "taken_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    check: Mapped[str] = mapped_column(String(16))
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    answers: Mapped[list[int]] = mapped_column(JSON)
    total: Mapped[float] = mapped_column(Float)
    band: Mapped[str | None] = mapped_column(String(40))


class TextVectorRow(Owned, Base):
    """A sentence vector, kept by the hash of its text and the model's name, so
    an unchanged text is never embedded twice."""

    __tablename__ = "text_vectors"
    __table_args__ = (UniqueConstraint("user_id", "model", "text_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model: Mapped[str] = mapped_column(String(60))
    text_hash: Mapped[str] = mapped_column(String(64))
    vector: Mapped[bytes] = mapped_column(LargeBinary)
