"""Backups of a PostgreSQL store with PostgreSQL's own tools.

``pg_dump --format=custom`` makes a consistent snapshot while the app runs;
restoring first asks ``pg_restore --list`` to read the whole archive (a
damaged file is refused before anything changes), then restores in a single
transaction. The password goes through ``PGPASSWORD``, never the command line.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import make_url

from closer.domain.errors import ConfigurationError, InvalidInput


def tool(name: str) -> str:
    """The path of ``pg_dump`` or ``pg_restore`` (on PATH or Debian's folder)."""
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        raise ConfigurationError(
            f"{name} is not installed; install PostgreSQL's client tools "
            "(Debian: postgresql-client) to back up a PostgreSQL store."
        )
    return found


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise InvalidInput(f"{what} failed: {reason}")


def dump(url: str, target: Path) -> None:
    """Write a custom-format dump of the database at ``url`` to ``target``."""
    dsn, env = _libpq(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    _run(
        [tool("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}", dsn],
        env,
        "pg_dump",
    )
    os.chmod(partial, 0o600)
    os.replace(partial, target)


def restore(url: str, source: Path) -> None:
    """Check the dump can be read whole, then restore it in one transaction."""
    dsn, env = _libpq(url)
    _run(
        [tool("pg_restore"), "--list", str(source)],
        env,
        f"Reading {source} (nothing was changed)",
    )
    command = [tool("pg_restore"), "--clean", "--if-exists", "--no-owner",
               "--single-transaction", f"--dbname={dsn}", str(source)]  # fmt: skip
    _run(command, env, "pg_restore")
