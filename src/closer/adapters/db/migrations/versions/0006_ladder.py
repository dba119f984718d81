"""The vulnerability ladder and the "accept a little more good" shares.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _owner() -> list[sa.Column[int]]:
    return [sa.Column("user_id", sa.Integer(), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "ladder_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("predicted_discomfort", sa.Integer(), nullable=False),
        sa.Column("feared_outcome", sa.Text(), server_default="", nullable=False),
        sa.Column("planned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("idea", sa.String(length=60), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("actual_discomfort", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        *_owner(),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_ladder_steps_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_ladder_steps_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ladder_steps")),
    )
    op.create_index(op.f("ix_ladder_steps_person_id"), "ladder_steps", ["person_id"])
    op.create_index(op.f("ix_ladder_steps_user_id"), "ladder_steps", ["user_id"])
    op.create_table(
        "good_shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("chosen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        *_owner(),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_good_shares_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_good_shares")),
    )
    op.create_index(op.f("ix_good_shares_user_id"), "good_shares", ["user_id"])


def downgrade() -> None:
    op.drop_table("good_shares")
    op.drop_table("ladder_steps")
