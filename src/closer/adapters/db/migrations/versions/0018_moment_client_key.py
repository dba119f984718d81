"""A moment's client key: a moment sent twice (the offline queue replaying
one whose answer was lost) is saved once.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("moments", sa.Column("client_key", sa.String(length=64)))
    op.create_index(
        "ix_moments_client_key", "moments", ["user_id", "client_key"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ix_moments_client_key", table_name="moments")
    with op.batch_alter_table("moments") as batch_op:
        batch_op.drop_column("client_key")
