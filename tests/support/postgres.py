"""A throwaway PostgreSQL cluster (initdb + pg_ctl in a temporary folder).

PostgreSQL refuses to run as root, so when the suite runs as root the cluster
is created and started as the ``postgres`` system user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl, or ``None``."""
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: (
            int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0
        ),
    )
    return found[-1].parent if found else None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PostgresCluster:
    """One cluster for the whole test session; one database per test."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.base = Path(tempfile.mkdtemp(prefix="closer-pg-"))
        self.data = self.base / "data"
        self.port = free_port()
        self._as_postgres = os.geteuid() == 0
        self._template: str | None = None
        if self._as_postgres:
            entry = pwd.getpwnam("postgres")
            os.chown(self.base, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        """initdb, then start the server on loopback with durability off (tests)."""
        self._run(
            "initdb", "-D", str(self.data), "-U", "closer", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        for attempt in range(3):
            try:
                self._start_server()
                return
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
                # Another test process (pytest-xdist worker) took the port
                # between choosing it and binding it: choose again.
                self.port = free_port()

    def _start_server(self) -> None:
        options = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options,
            "-l", str(self.base / "server.log"), "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        """Stop the server and delete its files."""
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user="closer", dbname="postgres",
            autocommit=True,
        )  # fmt: skip

    def create_database(self, template: str | None = None) -> str:
        """A new database, empty or a copy of ``template``; its SQLAlchemy URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        copy_of = f' TEMPLATE "{template}"' if template else ""
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"{copy_of}')
        return f"postgresql+psycopg://closer@127.0.0.1:{self.port}/{name}"

    def create_migrated_database(self) -> str:
        """A new database already at the newest revision: a copy of a template
        migrated once for the session (``CREATE DATABASE … TEMPLATE``), so a
        test does not pay for every migration again."""
        if self._template is None:
            self._template = self._migrated_template()
        return self.create_database(template=self._template)

    def _migrated_template(self) -> str:
        from closer.adapters.db.engine import build_engine  # noqa: PLC0415
        from closer.adapters.db.migrate import upgrade  # noqa: PLC0415

        url = self.create_database()
        engine = build_engine(url)
        try:
            upgrade(engine)
        finally:
            engine.dispose()  # a template must have no one connected
        return url.rsplit("/", 1)[1]

    def drop_database(self, url: str) -> None:
        """Drop a database made by ``create_database``."""
        name = url.rsplit("/", 1)[1]
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
