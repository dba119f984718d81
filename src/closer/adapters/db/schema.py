"""Facts about the store shared by the SQLAlchemy adapter and the CLI's fast
path (so this module imports nothing).

``HEAD_REVISION`` is the newest migration; a test checks it against Alembic's
head, so opening an up-to-date store never needs to import Alembic.
"""

from __future__ import annotations

HEAD_REVISION = "0021"

# The one person of a local store (created by migration 0005).
LOCAL_USER_ID = 1

# Every SQLite connection: readers never block the writer, foreign keys are
# enforced, and an acknowledged write survives a crash or a power cut.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",
)
