"""Running ``closer serve`` as a real process for end-to-end tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2

from tests.support.postgres import free_port


def closer_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment for a child ``closer`` process with its own data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLOSER_")}
    env["CLOSER_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def run_closer(
    *args: str, env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m closer ARGS`` and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "closer", *args],
        env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


@contextmanager
def running_server(env: dict[str, str], port: int | None = None) -> Iterator[str]:
    """Start ``closer serve`` and yield its base URL once it answers."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "closer", "serve", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                output = process.stdout.read() if process.stdout else ""
                raise RuntimeError(f"closer serve exited early:\n{output}")
            try:
                if httpx2.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx2.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("closer serve did not answer within 30 s")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()
