"""People and moments, with full-text search over moments.

SQLite gets an FTS5 table (moments_fts, rowid = moments.id); PostgreSQL gets a
GIN index on to_tsvector('simple', search_text). Both are kept in sync by the
moment repository and left out of autogenerate (see migrate.include_name).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "moments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("urge", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=True),
        sa.Column("outcome", sa.Text(), server_default="", nullable=False),
        sa.Column("felt_after", sa.Integer(), nullable=True),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moments")),
    )
    with op.batch_alter_table("moments", schema=None) as batch_op:
        batch_op.create_index("ix_moments_occurred_at", ["occurred_at"], unique=False)

    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_key", sa.String(length=100), nullable=False),
        sa.Column("relationship", sa.String(length=16), nullable=False),
        sa.Column("closeness_now", sa.Integer(), nullable=True),
        sa.Column("closeness_wanted", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("name_key", name=op.f("uq_people_name_key")),
    )
    op.create_table(
        "moment_causes",
        sa.Column("moment_id", sa.Integer(), nullable=False),
        sa.Column("cause", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["moment_id"],
            ["moments.id"],
            name=op.f("fk_moment_causes_moment_id_moments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("moment_id", "cause", name=op.f("pk_moment_causes")),
    )
    op.create_table(
        "moment_emotions",
        sa.Column("moment_id", sa.Integer(), nullable=False),
        sa.Column("emotion", sa.String(length=40), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["moment_id"],
            ["moments.id"],
            name=op.f("fk_moment_emotions_moment_id_moments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "moment_id", "emotion", name=op.f("pk_moment_emotions")
        ),
    )
    op.create_table(
        "moment_people",
        sa.Column("moment_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["moment_id"],
            ["moments.id"],
            name=op.f("fk_moment_people_moment_id_moments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_moment_people_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "moment_id", "person_id", name=op.f("pk_moment_people")
        ),
    )
    with op.batch_alter_table("moment_people", schema=None) as batch_op:
        batch_op.create_index("ix_moment_people_person_id", ["person_id"], unique=False)

    op.create_table(
        "moment_tags",
        sa.Column("moment_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["moment_id"],
            ["moments.id"],
            name=op.f("fk_moment_tags_moment_id_moments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("moment_id", "tag", name=op.f("pk_moment_tags")),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE moments_fts USING fts5("
            "search_text, tokenize='unicode61 remove_diacritics 2')"
        )
    elif dialect == "postgresql":
        op.execute(
            "CREATE INDEX ix_moments_search ON moments "
            "USING GIN (to_tsvector('simple', search_text))"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS moments_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_moments_search")
    op.drop_table("moment_tags")
    with op.batch_alter_table("moment_people", schema=None) as batch_op:
        batch_op.drop_index("ix_moment_people_person_id")

    op.drop_table("moment_people")
    op.drop_table("moment_emotions")
    op.drop_table("moment_causes")
    op.drop_table("people")
    with op.batch_alter_table("moments", schema=None) as batch_op:
        batch_op.drop_index("ix_moments_occurred_at")

    op.drop_table("moments")
