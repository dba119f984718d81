"""Where Closer keeps its data, read straight from the environment.

Kept free of heavy imports (not even pathlib): the CLI's fast path uses it
before anything else. ``closer.config.Settings`` uses the same function, so
both always agree.
"""

from __future__ import annotations

import os


def default_data_dir() -> str:
    """``$XDG_DATA_HOME/closer``, or ``~/.local/share/closer``."""
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    base = xdg or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "closer")


def local_database_file() -> str | None:
    """The SQLite file in use when no other database is configured, else None."""
    if os.environ.get("CLOSER_DATABASE_URL", "").strip():
        return None
    folder = os.environ.get("CLOSER_DATA_DIR", "").strip() or default_data_dir()
    return os.path.join(folder, "closer.db")
