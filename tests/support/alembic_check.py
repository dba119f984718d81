"""``alembic upgrade head`` then ``alembic check`` on SQLite and on PostgreSQL.

Run by ``make migrations-check`` (and so by CI): it uses the real ``alembic``
command and the repository's alembic.ini, exactly as a developer would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support.postgres import PostgresCluster, find_bindir
from tests.support.requirements import in_ci

ROOT = Path(__file__).resolve().parents[2]
ALEMBIC = Path(sys.executable).with_name("alembic")


def _alembic(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(ALEMBIC), *args], cwd=ROOT, env=env, check=True)


def check(label: str, **variables: str) -> None:
    """Upgrade an empty database to head, then check for drift."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLOSER_")}
    env.update(variables)
    print(f"--- {label}: alembic upgrade head && alembic check", flush=True)
    _alembic(env, "upgrade", "head")
    _alembic(env, "check")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        check("SQLite", CLOSER_DATA_DIR=tmp)
    bindir = find_bindir()
    if bindir is None:
        print("PostgreSQL server not installed: run `make system-deps`.")
        return 1 if in_ci() else 0
    cluster = PostgresCluster(bindir)
    cluster.start()
    try:
        check("PostgreSQL", CLOSER_DATABASE_URL=cluster.create_database())
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
