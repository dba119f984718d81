"""A feeling's strength is optional: never saved unless the person chose it.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("moment_emotions") as batch_op:
        batch_op.alter_column("intensity", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    op.execute("UPDATE moment_emotions SET intensity = 5 WHERE intensity IS NULL")
    with op.batch_alter_table("moment_emotions") as batch_op:
        batch_op.alter_column("intensity", existing_type=sa.Integer(), nullable=False)
