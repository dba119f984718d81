"""Load on loopback: 32 concurrent clients against a real ``closer serve``.

Three phases in one run, each with the same 32 clients (asyncio + httpx2
in this process) and the server in its own process on an encrypted SQLite
store, access log off (``CLOSER_LOG_LEVEL=warning``), keyword engine:

1. ceiling: a bare ASGI hello-world (``bench/hello_asgi.py``) served by
   uvicorn the same way; then Closer's own cheapest route (health), which
   shows what the framework and middleware cost before any work;
2. logging: every client logs moments (``POST /api/v1/moments``);
3. mixed: half the requests log a moment, half read pages (Today, Moments,
   the moments API).

Each phase reports requests, errors, requests per second and p50/p95/p99
latency. Goals: zero errors; logging throughput at least half the ceiling.

Run: ``python -m bench.load_test --seconds 60 --write docs/benchmarks.md``
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx2
from tests.support.postgres import PostgresCluster, find_bindir, free_port
from tests.support.server import closer_env, init_store, serving

from bench.common import report

START, END = "<!-- load_test:start -->", "<!-- load_test:end -->"
CLIENTS = 32

Request = Callable[[httpx2.AsyncClient, int], Awaitable[httpx2.Response]]


@dataclass
class Phase:
    name: str
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.latencies)

    def row(self) -> str:
        count = self.count
        cuts = statistics.quantiles(self.latencies, n=100) if count > 1 else [0.0] * 99
        ms = [1000 * cuts[i] for i in (49, 94, 98)]
        return (
            f"| {self.name} | {count:,} | {len(self.errors)} | "
            f"{self.rate:.0f} | {ms[0]:.1f} | {ms[1]:.1f} | {ms[2]:.1f} |"
        )

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


async def _client(
    http: httpx2.AsyncClient, request: Request, phase: Phase, until: float, who: int
) -> None:
    n = 0
    while time.perf_counter() < until:
        began = time.perf_counter()
        try:
            response = await request(http, who * 1_000_000 + n)
            if response.status_code >= 400:
                phase.errors.append(f"{response.status_code} {response.url}")
        except httpx2.HTTPError as exc:
            phase.errors.append(repr(exc))
        phase.latencies.append(time.perf_counter() - began)
        n += 1


async def run_phase(base: str, request: Request, name: str, seconds: float) -> Phase:
    phase = Phase(name)
    limits = httpx2.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx2.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        began = time.perf_counter()
        until = began + seconds
        await asyncio.gather(
            *(_client(http, request, phase, until, who) for who in range(CLIENTS))
        )
        phase.seconds = time.perf_counter() - began
    return phase


async def hello(http: httpx2.AsyncClient, _n: int) -> httpx2.Response:
    return await http.get("/")


async def health(http: httpx2.AsyncClient, _n: int) -> httpx2.Response:
    return await http.get("/api/v1/health")


async def log(http: httpx2.AsyncClient, n: int) -> httpx2.Response:
    body = {"situation": f"Left a message from Sam unanswered again ({n})", "urge": 6}
    return await http.post("/api/v1/moments", json=body)


PAGES = ("/", "/moments", "/api/v1/moments?limit=20")


async def mixed(http: httpx2.AsyncClient, n: int) -> httpx2.Response:
    if n % 2 == 0:
        return await log(http, n)
    return await http.get(PAGES[(n // 2) % len(PAGES)])


@contextmanager
def hello_server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.hello_asgi", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx2.get(base, timeout=1)
                break
            except httpx2.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait()


def on_sqlite(folder: Path, seconds: float) -> list[Phase]:
    """Logging, then logging mixed with reading, on an encrypted SQLite store."""
    env = closer_env(folder / "sqlite", CLOSER_LOG_LEVEL="warning")
    init_store(env)
    with serving(env) as server:
        return [
            asyncio.run(
                run_phase(
                    server.base, health, "health: the stack, one query", seconds / 2
                )
            ),
            asyncio.run(run_phase(server.base, log, "logging moments", seconds)),
            asyncio.run(run_phase(server.base, mixed, "logging and reading", seconds)),
        ]


def on_postgresql(folder: Path, seconds: float) -> list[Phase]:
    """The same two phases on PostgreSQL (as when hosted), when its server
    programs are installed."""
    bindir = find_bindir()
    if bindir is None:
        return []
    cluster = PostgresCluster(bindir)
    cluster.start()
    try:
        env = closer_env(
            folder / "pg", CLOSER_LOG_LEVEL="warning",
            CLOSER_DATABASE_URL=cluster.create_database(),
        )  # fmt: skip
        with serving(env) as server:
            return [
                asyncio.run(
                    run_phase(server.base, log, "logging, PostgreSQL", seconds)
                ),
                asyncio.run(
                    run_phase(server.base, mixed, "mixed, PostgreSQL", seconds)
                ),
            ]
    finally:
        cluster.stop()


def run(seconds: float) -> str:
    """32 clients: the ceiling, logging, and logging mixed with reading."""
    with hello_server() as base:
        ceiling = asyncio.run(
            run_phase(base, hello, "ceiling: hello-world", seconds / 2)
        )
    with tempfile.TemporaryDirectory() as folder:
        phases = [ceiling, *on_sqlite(Path(folder), seconds)]
        phases += on_postgresql(Path(folder), seconds)
    ratio = phases[2].rate / ceiling.rate
    errors = [e for p in phases for e in p.errors]
    verdict = "met" if not errors else "NOT met, e.g. " + "; ".join(errors[:3])
    return "\n".join([
        f"Command: `python -m bench.load_test --seconds {seconds:g} --write "
        f"docs/benchmarks.md`. {CLIENTS} concurrent clients on loopback, "
        f"{seconds:g} s per phase ({seconds / 2:g} s for the ceiling, a bare ASGI "
        "hello-world served by uvicorn as `closer serve` serves Closer). The "
        "server is one `closer serve` process on an encrypted SQLite store, then "
        "on PostgreSQL as when hosted (access log off, keyword engine); the "
        "clients are one asyncio process beside it on the same 2 cores. Health: "
        "`GET /api/v1/health` through Closer's middleware, one small query. "
        "Mixed: half the requests log a moment, half read Today, Moments or the "
        f"moments API, on the journal the logging phase left ({phases[2].count:,} "
        "moments and more: those pages' counts and per-person dates read every "
        "moment, so they slow as a journal grows).",
        "",
        "| phase | requests | errors | requests/s | p50 ms | p95 ms | p99 ms |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        *(p.row() for p in phases),
        "",
        f"Errors: {len(errors)} (goal 0: {verdict}). Logging on SQLite runs at "
        f"{ratio:.2f} of the ceiling (goal at least 0.5: "
        f"{'met' if ratio >= 0.5 else 'NOT met'}).",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    return report(
        lambda a: run(a.seconds),
        START,
        END,
        argv,
        description="32 clients on loopback.",
        options={"--seconds": 60.0},
    )


if __name__ == "__main__":
    sys.exit(main())
