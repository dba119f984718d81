"""Thought records.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "thought_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("automatic_thought", sa.Text(), nullable=False),
        sa.Column("belief_before", sa.Integer(), nullable=False),
        sa.Column("emotions", sa.JSON(), nullable=False),
        sa.Column("traps", sa.JSON(), nullable=False),
        sa.Column("evidence_for", sa.Text(), server_default="", nullable=False),
        sa.Column("evidence_against", sa.Text(), server_default="", nullable=False),
        sa.Column("balanced_thought", sa.Text(), server_default="", nullable=False),
        sa.Column("belief_after", sa.Integer(), nullable=True),
        sa.Column("emotions_after", sa.JSON(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("moment_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["moment_id"],
            ["moments.id"],
            name=op.f("fk_thought_records_moment_id_moments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_thought_records_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thought_records")),
    )
    for column in ("moment_id", "user_id"):
        op.create_index(
            op.f(f"ix_thought_records_{column}"), "thought_records", [column]
        )


def downgrade() -> None:
    op.drop_table("thought_records")
