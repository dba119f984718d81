"""Sentence vectors kept by text hash, so re-reading a journal costs nothing.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "text_vectors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=60), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_text_vectors_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_vectors")),
        sa.UniqueConstraint(
            "user_id", "model", "text_hash", name=op.f("uq_text_vectors_user_id")
        ),
    )
    op.create_index(op.f("ix_text_vectors_user_id"), "text_vectors", ["user_id"])


def downgrade() -> None:
    op.drop_table("text_vectors")
