"""A gentle daily summary of drifting people on Today, which can be turned off.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("app_settings") as batch:
        batch.add_column(
            sa.Column(
                "drift_summary", sa.Boolean(), server_default=sa.true(), nullable=False
            )
        )
        batch.add_column(sa.Column("drift_summary_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("app_settings") as batch:
        batch.drop_column("drift_summary_on")
        batch.drop_column("drift_summary")
