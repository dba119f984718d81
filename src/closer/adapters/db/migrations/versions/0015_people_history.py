"""Nicknames and birthdays for people (vCard import), and closeness over time.

Each person's current closeness becomes their first reading, dated when they
were last changed, so the history starts from what was already known.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(
            sa.Column(
                "nickname", sa.String(length=100), server_default="", nullable=False
            )
        )
        batch.add_column(sa.Column("birthday", sa.String(length=10), nullable=True))
    op.create_table(
        "closeness_readings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("now", sa.Integer(), nullable=True),
        sa.Column("wanted", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_closeness_readings_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_closeness_readings_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closeness_readings")),
    )
    for column in ("person_id", "user_id"):
        op.create_index(
            op.f(f"ix_closeness_readings_{column}"), "closeness_readings", [column]
        )
    op.execute(
        "INSERT INTO closeness_readings (person_id, at, now, wanted, user_id) "
        "SELECT id, updated_at, closeness_now, closeness_wanted, user_id FROM people "
        "WHERE closeness_now IS NOT NULL OR closeness_wanted IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_table("closeness_readings")
    with op.batch_alter_table("people") as batch:
        batch.drop_column("birthday")
        batch.drop_column("nickname")
