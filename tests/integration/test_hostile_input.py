"""Huge or hostile input against a real server: refused while it arrives,
with a clear answer, in bounded memory and time, and nothing half-written."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

from tests.support.server import PASSPHRASE, Server, closer_env, init_store, serving

MB = 1024 * 1024


def _peak_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    env = closer_env(tmp_path / "data", CLOSER_IMPORT_MAX_MB="2")
    init_store(env)
    with serving(env) as running:
        yield running


@pytest.fixture
def client(server: Server) -> Iterator[httpx2.Client]:
    with httpx2.Client(base_url=server.base, timeout=120) as http:
        unlocked = http.post("/api/v1/store/unlock", json={"passphrase": PASSPHRASE})
        assert unlocked.status_code == 200, unlocked.text
        yield http


def _written(pid: int) -> int:
    """Bytes the process has written (to files, temporary ones included)."""
    io_counts = Path(f"/proc/{pid}/io").read_text(encoding="ascii")
    return int(
        next(x for x in io_counts.splitlines() if x.startswith("wchar:")).split()[1]
    )


def _chunks(total: int, chunk: bytes = b"[" * MB) -> Iterator[bytes]:
    for _ in range(total // len(chunk)):
        yield chunk


def test_a_huge_body_is_refused_as_it_arrives_in_bounded_memory(
    server: Server, client: httpx2.Client
) -> None:
    before = _peak_mib(server.process.pid)
    started = time.monotonic()
    for path, kind in (
        ("/api/v1/moments", "application/json"),
        ("/moments", "application/x-www-form-urlencoded"),
        ("/api/v1/import", "application/json"),
    ):
        try:
            answer = client.post(
                path, content=_chunks(400 * MB), headers={"content-type": kind}
            )
        except httpx2.TransportError:
            continue  # the server may close the connection once it has answered
        assert answer.status_code == 413, (path, answer.text[:200])
    declared = client.post(
        "/api/v1/moments", content=b"x" * (2 * MB),
        headers={"content-type": "application/json"},
    )  # fmt: skip
    assert declared.status_code == 413
    assert time.monotonic() - started < 60
    assert _peak_mib(server.process.pid) - before < 64
    assert client.get("/api/v1/moments").json()["total"] == 0


def test_an_import_over_the_limit_is_refused_and_one_under_it_lands(
    client: httpx2.Client,
) -> None:
    header = b"full_date,date,weekday,time,mood,activities,note_title,note\n"
    row = b"2024-01-01,x,Monday,10:00,good,,,A day like the others\n"
    big = header + row * (3 * MB // len(row))
    refused = client.post(
        "/api/v1/import", content=big, headers={"content-type": "text/csv"}
    )
    assert refused.status_code == 413
    assert "CLOSER_IMPORT_MAX_MB" in refused.json()["error"]["message"]
    small = header + b"".join(
        f"2024-01-{d:02d},x,Monday,10:00,good,,,Day {d}\n".encode()
        for d in range(1, 29)
    )
    landed = client.post(
        "/api/v1/import", content=small, headers={"content-type": "text/csv"}
    )
    assert landed.status_code == 200, landed.text
    assert landed.json()["moments_added"] == 28


@pytest.mark.parametrize(
    ("body", "content_type", "words"),
    [
        (b'{"entries": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}",
         "application/octet-stream", "more than 32 levels deep"),
        (b'{"closer_export": 1, "people": [' + b"{" * 5000,
         "application/octet-stream", "not valid JSON"),
        (b"full_date,date,weekday,time,mood,activities,note_title,note\n"
         b'2024-01-01,x,Monday,10:00,good,,,"fine"\n'
         b'2024-01-02,x,Tuesday,10:00,good,,,"never closed\n'
         + b"2024-01-03,x,Wednesday,10:00,good,,,more\n" * 1000,
         "text/csv", "Line 3 opens a quoted value that is never closed"),
        (b"\xff\xfe not text at all", "text/csv", "not UTF-8"),
    ],
    ids=["nested", "cut-short", "open-quote", "not-utf8"],
)  # fmt: skip
def test_a_damaged_import_is_a_clear_422_and_imports_nothing(
    client: httpx2.Client, body: bytes, content_type: str, words: str
) -> None:
    answer = client.post(
        "/api/v1/import", content=body, headers={"content-type": content_type}
    )
    assert answer.status_code == 422, answer.text[:300]
    assert words in answer.json()["error"]["message"]
    assert client.get("/api/v1/moments").json()["total"] == 0


def _multipart(total: int) -> Iterator[bytes]:
    yield (
        b'--edge\r\nContent-Disposition: form-data; name="file"; '
        b'filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n'
    )
    yield from _chunks(total, b"x" * MB)
    yield b"\r\n--edge--\r\n"


def test_an_upload_is_not_read_before_the_request_may_go_on(
    server: Server, client: httpx2.Client
) -> None:
    """The web import form: a request from a browser that has not unlocked
    the records (or from another site) is refused before its file is read,
    and one over the limit is refused as soon as it passes it."""
    headers = {"content-type": "multipart/form-data; boundary=edge"}
    with httpx2.Client(base_url=server.base, timeout=120) as stranger:
        for extra in ({}, {"sec-fetch-site": "cross-site"}):
            written = _written(server.process.pid)
            try:
                answer = stranger.post(
                    "/privacy/import", content=_multipart(300 * MB),
                    headers={**headers, **extra}, follow_redirects=False,
                )  # fmt: skip
            except httpx2.TransportError:
                continue  # answered and closed before the upload finished
            assert answer.status_code in (403, 423), answer.text[:200]
            assert _written(server.process.pid) - written < 20 * MB
    try:
        answer = client.post(
            "/privacy/import", content=_multipart(300 * MB), headers=headers
        )
        assert answer.status_code == 413
        assert "larger than 2 MB" in answer.text
    except httpx2.TransportError:
        pass  # refused mid-upload, the connection closed
    assert client.get("/api/v1/moments").json()["total"] == 0
