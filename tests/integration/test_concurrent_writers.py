"""Many clients at once against real servers in hosted mode, on a SQLite file
and on PostgreSQL: people writing while one re-sends a moment it has already
saved, as the offline queue does after a lost answer (every moment answered
as saved reads back with its own words, under its own owner only); floods of
wrong passwords and of sign-ups (limits that hold, memory that stays
bounded)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest

from closer.services.accounts import PER_ACCOUNT, SIGNUPS_PER_HOUR
from tests.support.postgres import PostgresCluster
from tests.support.server import closer_env, serving

SECONDS = 4.0
WRITERS = 3  # threads writing as the first person
KEY = "sent-before-01"  # the client key the second person re-sends


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def hosted_env(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[dict[str, str]]:
    """The environment of a hosted ``closer serve`` over an empty database."""
    data = tmp_path / "data"
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'hosted.db'}"
        yield closer_env(data, CLOSER_MODE="hosted", CLOSER_DATABASE_URL=url)
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    url = cluster.create_database()
    try:
        yield closer_env(data, CLOSER_MODE="hosted", CLOSER_DATABASE_URL=url)
    finally:
        cluster.drop_database(url)


@contextmanager
def signed_up(base: str, name: str) -> Iterator[httpx2.Client]:
    """A client of its own, signed up and signed in as ``name``."""
    with httpx2.Client(base_url=base, timeout=10) as client:
        reply = client.post(
            "/api/v1/account",
            json={"email": f"{name}@example.org", "password": f"{name} password 123"},
        )
        assert reply.status_code == 201, reply.text
        yield client


class Ledger:
    """Every moment the server answered as saved: its id and its words."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.saved: dict[int, str] = {}
        self.refused: list[str] = []

    def keep(self, moment_id: int, situation: str) -> None:
        with self.lock:
            assert moment_id not in self.saved, f"id {moment_id} answered twice"
            self.saved[moment_id] = situation


def write_new(
    client: httpx2.Client, ledger: Ledger, writer: int, stop: threading.Event
) -> None:
    n = 0
    while not stop.is_set():
        situation = f"writer {writer} moment {n}"
        reply = client.post(
            "/api/v1/moments",
            json={"situation": situation, "client_key": f"writer-{writer}-{n:06d}"},
        )
        if reply.status_code != 201:
            ledger.refused.append(f"{reply.status_code} {reply.text[:200]}")
            return
        ledger.keep(reply.json()["moment"]["id"], situation)
        n += 1


def re_send(
    client: httpx2.Client, first_id: int, stop: threading.Event, answers: list[str]
) -> None:
    """Post the same form with the same client key, again and again."""
    while not stop.is_set():
        reply = client.post(
            "/moments",
            data={"situation": "Mine, sent again", "client_key": KEY},
        )
        answers.append(f"{reply.status_code} {reply.headers.get('location')}")
        if reply.headers.get("location") != f"/moments/{first_id}?new=true":
            return


def test_re_sent_moments_never_cost_anyone_a_saved_moment(
    hosted_env: dict[str, str],
) -> None:
    with (
        serving(hosted_env) as server,
        signed_up(server.base, "ana") as ana,
        signed_up(server.base, "bo") as bo,
    ):
        check_re_sending(ana, bo)


def check_re_sending(ana: httpx2.Client, bo: httpx2.Client) -> None:
    first = bo.post("/moments", data={"situation": "Mine", "client_key": KEY})
    assert first.status_code == 303, first.text
    first_id = int(first.headers["location"].split("/")[2].split("?")[0])

    ledger, stop, answers = Ledger(), threading.Event(), list[str]()
    threads = [
        threading.Thread(target=write_new, args=(ana, ledger, w, stop))
        for w in range(WRITERS)
    ] + [threading.Thread(target=re_send, args=(bo, first_id, stop, answers))]
    for thread in threads:
        thread.start()
    time.sleep(SECONDS)
    stop.set()
    for thread in threads:
        thread.join(30)

    assert ledger.refused == []
    assert len(answers) > 10
    assert set(answers) == {f"303 /moments/{first_id}?new=true"}
    assert len(ledger.saved) > 50
    for moment_id, situation in ledger.saved.items():
        mine = ana.get(f"/api/v1/moments/{moment_id}")
        assert mine.status_code == 200, f"moment {moment_id} ({situation}) is gone"
        assert mine.json()["situation"] == situation
        assert bo.get(f"/api/v1/moments/{moment_id}").status_code == 404
    listed = bo.get("/api/v1/moments").json()
    assert [m["situation"] for m in listed["items"]] == ["Mine"]
    total = ana.get("/api/v1/moments", params={"limit": 1}).json()["total"]
    assert total == len(ledger.saved)


def _peak_memory_mib(pid: int) -> float:
    """The most memory the process has held (VmHWM), in MiB."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def test_a_flood_of_wrong_passwords_is_checked_no_more_than_the_limit(
    hosted_env: dict[str, str],
) -> None:
    """Sixty wrong passwords at once, through two servers on one database:
    the limit counts every attempt before any password is checked."""
    with serving(hosted_env) as one, serving(hosted_env) as two:
        with signed_up(one.base, "ana"):
            pass

        def attempt(number: int) -> int:
            base = (one, two)[number % 2].base
            reply = httpx2.post(
                f"{base}/api/v1/account/session",
                json={"email": "ana@example.org", "password": f"guess {number}"},
                timeout=120,
            )
            return reply.status_code

        with ThreadPoolExecutor(30) as pool:
            codes = list(pool.map(attempt, range(60)))
    assert sorted(set(codes)) == [401, 429]
    assert codes.count(401) <= PER_ACCOUNT


def test_a_flood_of_sign_ups_is_limited_and_memory_stays_bounded(
    hosted_env: dict[str, str],
) -> None:
    """Forty sign-ups at once from one address: no more than the hourly limit
    are made, and the Argon2 work (64 MiB each) waits in line."""
    with serving(hosted_env) as server:
        before = _peak_memory_mib(server.process.pid)

        def sign_up(number: int) -> int:
            reply = httpx2.post(
                f"{server.base}/api/v1/account",
                json={"email": f"p{number}@example.org", "password": "a long password"},
                timeout=120,
            )
            return reply.status_code

        with ThreadPoolExecutor(40) as pool:
            codes = list(pool.map(sign_up, range(40)))
        grew = _peak_memory_mib(server.process.pid) - before
    # Under a flood the count is cautious (an attempt counts every one that
    # committed before its own count): at most the limit, never more.
    assert 1 <= codes.count(201) <= SIGNUPS_PER_HOUR, codes
    assert codes.count(201) + codes.count(429) == 40, codes
    assert grew < 256, f"the server grew by {grew:.0f} MiB"  # 20 at once: 1.3 GB


def test_one_moment_sent_at_once_through_two_servers_is_saved_once(
    hosted_env: dict[str, str],
) -> None:
    """The offline queue of two devices, or a retry racing its original,
    through two server processes: every answer names the same moment, and
    the person it names is added once."""
    with serving(hosted_env) as one, serving(hosted_env) as two:
        with signed_up(one.base, "ana") as ana:
            cookies = dict(ana.cookies)
        for round_ in range(12):
            key = f"same-moment-{round_:04d}"

            def send(n: int, key: str = key, round_: int = round_) -> tuple[int, int]:
                base = (one, two)[n % 2].base
                reply = httpx2.post(
                    f"{base}/api/v1/moments", cookies=cookies, timeout=60,
                    json={"situation": f"Round {round_}", "client_key": key,
                          "new_people": [f"Friend {round_}"]},
                )  # fmt: skip
                assert reply.status_code == 201, reply.text
                return reply.status_code, reply.json()["moment"]["id"]

            with ThreadPoolExecutor(8) as pool:
                answers = list(pool.map(send, range(8)))
            assert len({moment_id for _, moment_id in answers}) == 1, answers
        with httpx2.Client(base_url=one.base, cookies=cookies) as http:
            assert http.get("/api/v1/moments").json()["total"] == 12
            names = [p["name"] for p in http.get("/api/v1/people").json()["items"]]
    assert sorted(names) == sorted(f"Friend {n}" for n in range(12))
