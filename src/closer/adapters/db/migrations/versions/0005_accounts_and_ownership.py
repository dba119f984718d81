"""Accounts, sessions and sign-in failures; every person's rows carry their owner.

A local store gets user 1 (no email, no password) and every existing row is
given to it. Hosted stores (PostgreSQL) then add accounts; each query through
a unit of work is limited to its owner's rows (adapters.db.ownership).

On SQLite, batch mode rebuilds the tables; ``migrate.upgrade`` turns foreign
keys off around the migration (as Alembic advises), so rebuilding ``moments``
cannot cascade into its child rows, and checks them afterwards.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNED = ("app_settings", "safety_plan_items", "support_alerts", "people", "moments")


def upgrade() -> None:
    users = op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("email_key", sa.String(length=254), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email_key", name=op.f("uq_users_email_key")),
    )
    op.bulk_insert(users, [{"id": 1, "created_at": datetime.now(UTC)}])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT setval('users_id_seq', (SELECT max(id) FROM users))")
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sessions_token_hash")),
    )
    op.create_index(op.f("ix_sessions_user_id"), "sessions", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index("ix_login_failures_key_at", "login_failures", ["key", "at"])
    for table in OWNED:
        _own(table)
    with op.batch_alter_table("app_settings") as batch:
        batch.drop_constraint(op.f("ck_app_settings_single_row"), type_="check")
        batch.create_unique_constraint(op.f("uq_app_settings_user_id"), ["user_id"])
    with op.batch_alter_table("safety_plan_items") as batch:
        batch.drop_constraint(op.f("uq_safety_plan_items_section"), type_="unique")
        batch.create_unique_constraint(
            op.f("uq_safety_plan_items_user_id"), ["user_id", "section", "position"]
        )
    with op.batch_alter_table("people") as batch:
        batch.drop_constraint(op.f("uq_people_name_key"), type_="unique")
        batch.create_unique_constraint(
            op.f("uq_people_user_id"), ["user_id", "name_key"]
        )


def _own(table: str) -> None:
    """Add ``user_id`` (existing rows: user 1), its foreign key and index."""
    with op.batch_alter_table(table) as batch:
        batch.add_column(
            sa.Column("user_id", sa.Integer(), nullable=False, server_default="1")
        )
    with op.batch_alter_table(table) as batch:
        batch.alter_column("user_id", server_default=None)
        batch.create_foreign_key(
            op.f(f"fk_{table}_user_id_users"),
            "users",
            ["user_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(op.f(f"ix_{table}_user_id"), ["user_id"])


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.drop_constraint("uq_people_user_id", type_="unique")
        batch.create_unique_constraint("uq_people_name_key", ["name_key"])
    with op.batch_alter_table("safety_plan_items") as batch:
        batch.drop_constraint("uq_safety_plan_items_user_id", type_="unique")
        batch.create_unique_constraint(
            "uq_safety_plan_items_section", ["section", "position"]
        )
    with op.batch_alter_table("app_settings") as batch:
        batch.drop_constraint("uq_app_settings_user_id", type_="unique")
        batch.create_check_constraint("single_row", "id = 1")
    for table in OWNED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_user_id")
            batch.drop_constraint(f"fk_{table}_user_id_users", type_="foreignkey")
            batch.drop_column("user_id")
    op.drop_table("login_failures")
    op.drop_table("sessions")
    op.drop_table("users")
