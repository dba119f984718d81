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
    """What the server acknowledged: moment id per marker, person names.

    Moments carry a client key, as the offline queue sends them. Now and then
    a writer sends again a moment already acknowledged (the answer must name
    the same moment), and after each restart it first sends again the moment
    whose answer the kill cut off (saved once, whether or not it had landed).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.moments: dict[str, int] = {}
        self.people: set[str] = set()
        self.refused: list[str] = []  # answers other than 201 (none expected)
        self.unanswered: dict[int, str] = {}  # per writer: a moment cut off
        self.re_sent = 0

    def write_until_refused(self, base: str, writer: int, trial: int) -> None:
        """Log moments (and now and then add a person) until the server is gone."""
        rng = random.Random(trial * 100 + writer)
        with httpx2.Client(base_url=base, timeout=5) as http:
            cut_off = self.unanswered.pop(writer, None)
            if cut_off is not None and not self._send(http, writer, cut_off):
                return
            for n in range(1_000_000):
                marker = f"trial {trial} writer {writer} write {n}"
                if n % 10 == 9:
                    if not self._add_person(http, marker):
                        return
                    continue
                if n % 5 == 3 and (again := self._one_already_saved(rng)):
                    marker = again
                    self.re_sent += 1
                if not self._send(http, writer, marker):
                    return

    def _one_already_saved(self, rng: random.Random) -> str | None:
        with self.lock:
            return rng.choice(list(self.moments)) if self.moments else None

    def _send(self, http: httpx2.Client, writer: int, marker: str) -> bool:
        """Log the moment ``marker`` under its own client key; False once the
        server is gone or refused it."""
        key = "k-" + marker.replace(" ", "-")
        try:
            reply = http.post(
                "/api/v1/moments", json={"situation": marker, "client_key": key}
            )
        except httpx2.TransportError:
            self.unanswered[writer] = marker  # it may or may not have landed
            return False
        if reply.status_code != 201:
            self.refused.append(f"{reply.status_code} {reply.text[:200]}")
            return False
        moment_id = reply.json()["moment"]["id"]
        with self.lock:
            first = self.moments.setdefault(marker, moment_id)
        if first != moment_id:
            self.refused.append(f"{marker} answered as {moment_id}, first {first}")
            return False
        return True

    def _add_person(self, http: httpx2.Client, name: str) -> bool:
        try:
            reply = http.post("/api/v1/people", json={"name": name})
        except httpx2.TransportError:
            return False
        if reply.status_code != 201:
            self.refused.append(f"{reply.status_code} {reply.text[:200]}")
            return False
        with self.lock:
            self.people.add(name)
        return True


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
            stored: dict[str, list[int]] = {}
            for id_, situation in rows:
                stored.setdefault(situation, []).append(id_)
            names = set(connection.execute(text("SELECT name FROM people")).scalars())
    finally:
        database.close()
    assert ledger.re_sent > TRIALS  # moments already saved were sent again
    lost = {m for m, id_ in ledger.moments.items() if stored.get(m) != [id_]}
    assert lost == set()
    assert [m for m, ids in stored.items() if len(ids) > 1] == []  # saved once
    assert ledger.people - names == set()
