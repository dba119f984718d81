"""Running ``closer serve`` as a real process for end-to-end tests."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx2

from closer.adapters.db.database import Database, open_database
from closer.adapters.local_store import StoreState, store_state, unlock
from closer.config import Settings
from tests.support.postgres import free_port

PASSPHRASE = "a test passphrase, not a secret"


def closer_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment for a child ``closer`` process with its own data folder.

    It can unlock an encrypted store: the passphrase comes from a file
    (CLOSER_PASSPHRASE_FILE, as scripts do), Argon2id runs with test-sized
    costs, and kept keys go to a private runtime folder of the test's own.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLOSER_")}
    home = data_dir.parent
    home.mkdir(parents=True, exist_ok=True)
    passphrase = home / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(
        CLOSER_DATA_DIR=str(data_dir),
        CLOSER_PASSPHRASE_FILE=str(passphrase),
        CLOSER_KDF_MEMORY_KIB="1024",
        CLOSER_KDF_TIME_COST="1",
        CLOSER_MODEL="off",  # keyword suggestions unless a test asks for the model
        XDG_RUNTIME_DIR=str(runtime),
    )
    env.update(extra)
    return env


def open_store(data_dir: Path) -> Database:
    """Open, in this process, a store that ``closer_env`` processes use."""
    settings = Settings(
        data_dir=data_dir, passphrase_file=data_dir.parent / "passphrase.txt"
    )
    key = None
    if store_state(settings) is StoreState.ENCRYPTED:
        key = unlock(settings.model_copy(update={"unlock_minutes": 0}), PASSPHRASE)
    return open_database(settings, key=key)


def init_store(env: dict[str, str], *args: str) -> None:
    """``closer init`` (encrypted unless ``--no-encryption`` is passed)."""
    result = run_closer("init", *args, env=env)
    assert result.returncode == 0, result.stderr


def run_closer(
    *args: str, env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m closer ARGS`` and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "closer", *args],
        env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Server:
    """A running ``closer serve``: where it answers, and its process."""

    base: str
    process: subprocess.Popen[str]


def _said_it_runs(log: IO[str]) -> bool:
    """Whether the server printed its address, which it does only once it
    holds its port (``closer serve`` binds before it prints)."""
    fd = log.fileno()  # read without moving the offset the server writes at
    written = os.pread(fd, os.fstat(fd).st_size, 0)
    return b"Closer is running at" in written


@contextmanager
def serving(env: dict[str, str], port: int | None = None) -> Iterator[Server]:
    """Start ``closer serve`` and yield it once it answers; stop it after
    (unless a test has already killed it).

    The server's output goes to a temporary file, never to a pipe nobody
    reads: a pipe fills after some thousands of log lines and then blocks the
    server mid-request."""
    port = port or free_port()
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "closer", "serve", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"closer serve exited early:\n{log.read()}")
            try:
                if httpx2.get(
                    f"{base}/api/v1/health", timeout=1
                ).status_code == 200 and _said_it_runs(log):
                    break  # ours answers, not another test process's on the port
            except httpx2.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("closer serve did not answer within 30 s")
            time.sleep(0.1)
        yield Server(base, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@contextmanager
def running_server(env: dict[str, str], port: int | None = None) -> Iterator[str]:
    """Start ``closer serve`` and yield its base URL once it answers."""
    with serving(env, port) as server:
        yield server.base
