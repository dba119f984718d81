"""Where Closer keeps its data, read straight from the environment.

Kept free of heavy imports: the CLI's fast path uses it before anything else.
``closer.config.Settings`` uses the same functions, so both agree.
"""

from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/closer``, or ``~/.local/share/closer``."""
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "closer"


def local_database_file() -> Path | None:
    """The SQLite file in use when no other database is configured, else None."""
    url = os.environ.get("CLOSER_DATABASE_URL", "").strip()
    if url:
        return None
    folder = os.environ.get("CLOSER_DATA_DIR", "").strip()
    return (Path(folder) if folder else default_data_dir()) / "closer.db"
