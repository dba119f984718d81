"""Crash safety: ``closer serve`` is killed with SIGKILL at random moments
while clients stream writes; after every restart, each write the server had
acknowledged is there, and the database passes its integrity check."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from pathlib import Path

import httpx2
from sqlalchemy import text

from tests.support.server import closer_env, init_store, open_store, serving

TRIALS = int(os.environ.get("CLOSER_CRASH_TRIALS", "25"))
WRITERS = 4  # concurrent clients per trial


class Ledger:
    """What the server acknowledged: moment id per marker, person names."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.moments: dict[str, int] = {}
        self.people: set[str] = set()
        self.refused: list[str] = []  # answers other than 201 (none expected)

    def write_until_refused(self, base: str, writer: int, trial: int) -> None:
        """Log moments (and now and then add a person) until the server is gone."""
        with httpx2.Client(base_url=base, timeout=5) as http:
            for n in range(1_000_000):
                marker = f"trial {trial} writer {writer} write {n}"
                try:
                    if n % 10 == 9:
                        reply = http.post("/api/v1/people", json={"name": marker})
                    else:
                        reply = http.post("/api/v1/moments", json={"situation": marker})
                except httpx2.TransportError:
                    return  # killed: whatever had no reply was never acknowledged
                if reply.status_code != 201:
                    self.refused.append(f"{reply.status_code} {reply.text[:200]}")
                    return
                with self.lock:
                    if n % 10 == 9:
                        self.people.add(marker)
                    else:
                        self.moments[marker] = reply.json()["moment"]["id"]


def one_trial(
    env: dict[str, str], ledger: Ledger, trial: int, rng: random.Random
) -> None:
    with serving(env) as server:
        writers = [
            threading.Thread(
                target=ledger.write_until_refused, args=(server.base, w, trial)
            )
            for w in range(WRITERS)
        ]
        for thread in writers:
            thread.start()
        time.sleep(rng.uniform(0.05, 0.8))
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait()
        for thread in writers:
            thread.join(timeout=30)
            assert not thread.is_alive()


def test_every_acknowledged_write_survives_sigkill(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = closer_env(data)
    init_store(env)  # encrypted, as a new person's store is
    ledger = Ledger()
    rng = random.Random(20261122)
    for trial in range(TRIALS):
        one_trial(env, ledger, trial, rng)
    assert ledger.refused == []
    assert len(ledger.moments) > TRIALS  # the kills came mid-stream, not before it

    database = open_store(data)
    try:
        with database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            rows = connection.execute(text("SELECT id, situation FROM moments"))
            stored = {situation: id_ for id_, situation in rows}
            names = set(connection.execute(text("SELECT name FROM people")).scalars())
    finally:
        database.close()
    lost = {m for m, id_ in ledger.moments.items() if stored.get(m) != id_}
    assert lost == set()
    assert ledger.people - names == set()
