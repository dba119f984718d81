"""Where a moment happened: in person, by message, on a call, on social media.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("moments", sa.Column("channel", sa.String(length=20)))


def downgrade() -> None:
    with op.batch_alter_table("moments") as batch_op:
        batch_op.drop_column("channel")
