"""Text that cannot be stored (NUL and other invisible control characters,
broken characters) is refused with a 422 naming where it was, on SQLite and
PostgreSQL, by every route, and nothing is written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support.records import all_routes

BAD = ["a\x00b", "tab\x01", "bell\x07", "del\x7f", "esc\x1b[0m"]


def export_of(client: TestClient) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(client.get("/api/v1/export").content)
    doc.pop("exported_at")
    return doc


@pytest.mark.parametrize("bad", BAD)
def test_the_api_names_the_field_and_saves_nothing(
    client: TestClient, bad: str
) -> None:
    before = export_of(client)
    calls = [
        ("/api/v1/moments", {"situation": bad}, "situation"),
        ("/api/v1/moments", {"situation": "ok", "outcome": bad}, "outcome"),
        ("/api/v1/moments", {"situation": "ok", "new_people": ["Jo", bad]},
         "new_people[1]"),
        ("/api/v1/people", {"name": bad}, "name"),
        ("/api/v1/thoughts", {"situation": "ok", "automatic_thought": bad,
                              "belief_before": 50}, "automatic_thought"),
        ("/api/v1/messages/check", {"text": bad}, "text"),
    ]  # fmt: skip
    for path, body, field in calls:
        answer = client.post(path, json=body)
        assert answer.status_code == 422, (path, answer.text)
        message = answer.json()["error"]["message"]
        assert message.startswith(f"{field} holds"), message
        assert "U+00" in message
    plan = client.put("/api/v1/safety/plan", json={"sections": {"people": [bad]}})
    assert plan.status_code == 422
    assert "sections.people[0]" in plan.json()["error"]["message"]
    assert export_of(client) == before


def test_queries_and_forms_are_refused_too(client: TestClient) -> None:
    search = client.get("/api/v1/moments", params={"q": "a\x00"})
    assert search.status_code == 422
    assert search.json()["error"]["message"].startswith("q holds")
    ask = client.get("/api/v1/ask", params={"q": "why\x00"})
    assert ask.status_code == 422
    page = client.post("/moments", data={"situation": "I left\x00"})
    assert page.status_code == 422
    assert "situation holds an invisible control character" in page.text
    assert "text/html" in page.headers["content-type"]
    assert client.get("/api/v1/moments").json()["total"] == 0


def test_broken_characters_are_refused_and_real_ones_kept(client: TestClient) -> None:
    raw = b'{"situation": "half a pair \\ud83d here"}'
    broken = client.post(
        "/api/v1/moments", content=raw, headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422
    whole = b'{"situation": "a whole one \\ud83d\\ude00, tabs\\tand\\nlines"}'
    kept = client.post(
        "/api/v1/moments", content=whole, headers={"content-type": "application/json"}
    )
    assert kept.status_code == 201, kept.text
    assert (
        kept.json()["moment"]["situation"] == "a whole one \U0001f600, tabs\tand\nlines"
    )


def test_every_route_that_takes_a_body_refuses_it(client: TestClient) -> None:
    """Whatever the route and whatever the field, known to it or not: 422
    once the route reads its body (a route that refuses before reading it,
    such as hosted-only ones on a local store, never sees the text)."""
    tried = 0
    for route in all_routes():
        if route.path.endswith(("/lock", "/logout")):
            continue  # they take no text, and would end the session for the rest
        for method in sorted((route.methods or set()) & {"POST", "PUT", "PATCH"}):
            path = route.path.replace("{", "").replace("}", "").split(":")[0]
            path = "/".join("1" if p.endswith("_id") else p for p in path.split("/"))
            if path.startswith("/api/"):
                answer = client.request(method, path, json={"anything": "x\x00"})
            else:
                answer = client.request(method, path, data={"anything": "x\x00"})
            assert answer.status_code < 500, (method, path, answer.status_code)
            tried += "anything holds an invisible" in answer.text
    assert tried > 45
    assert "\\u0000" not in client.get("/api/v1/export").text


@pytest.mark.parametrize(
    ("file", "content_type", "where"),
    [
        (b'{"entries": [{"title": "ok", "date": "2024-01-02"},'
         b' {"title": "a\\u0000", "date": "2024-01-03"}]}', "application/octet-stream",
         "entries[1].title holds"),
        (b"full_date,date,weekday,time,mood,activities,note_title,note\n"
         b"2024-01-02,January 2,Tuesday,10:00,good,,,fine\n"
         b"2024-01-03,January 3,Wednesday,11:00,good,,,bad \x00 byte\n",
         "text/csv", "line 3, note holds"),
        (b'{"entries": [{"title": "half \\ud800 a pair", "date": "2024-01-03"}]}',
         "application/octet-stream", "entries[0].title holds a broken character"),
        (b'{"entries": [{"title": "\\udc00", "date": "2024-01-03"}]}',
         "application/octet-stream", "entries[0].title holds a broken character"),
        (b'{"entries": [{"title": "a whole \\ud83d\\ude00 and \\u0001",'
         b' "date": "2024-01-03"}]}', "application/octet-stream",
         "entries[0].title holds an invisible control character (U+0001)"),
    ],
    ids=["jrnl", "daylio", "jrnl-high-half", "jrnl-low-half", "jrnl-pair-then-control"],
)  # fmt: skip
def test_an_import_names_the_place_and_imports_nothing(
    client: TestClient, file: bytes, content_type: str, where: str
) -> None:
    answer = client.post(
        "/api/v1/import", content=file, headers={"content-type": content_type}
    )
    assert answer.status_code == 422, answer.text
    assert where in answer.json()["error"]["message"]
    assert client.get("/api/v1/moments").json()["total"] == 0


def test_a_broken_name_or_bytes_that_are_not_utf8_are_a_422_never_a_500(
    client: TestClient,
) -> None:
    """Field names can hold what values cannot; forms can hold bytes that are
    not UTF-8 at all. Each is said back safely, with the field."""
    cases = [
        client.get("/api/v1/health?%ED%A0%80=1"),
        client.get("/api/v1/moments?q=caf%E9"),
        client.get("/api/v1/moments?q=%FF%00"),
        client.post("/api/v1/moments", content=b'{"situation": "x", "\\udc80": 1}',
                    headers={"content-type": "application/json"}),
        client.post("/moments", content=b"situation=a%FF", headers={
            "content-type": "application/x-www-form-urlencoded"}),
        client.post("/moments", content=b"situation=x&%ED%A0%80=1", headers={
            "content-type": "application/x-www-form-urlencoded"}),
        client.post("/api/v1/moments", json={"situation": "CSI \u009b[2J here"}),
    ]  # fmt: skip
    for answer in cases:
        assert answer.status_code == 422, (answer.request.url, answer.text[:200])
    assert "\\udc80 holds a broken character" in cases[3].text
    assert "situation is not UTF-8 text" in cases[4].text
    assert "U+009B" in cases[6].text
    assert client.get("/api/v1/moments").json()["total"] == 0


def test_white_space_from_a_word_processor_is_kept(client: TestClient) -> None:
    pasted = "Line one\u000bLine two\u000cpage two\ttab\r\nend, caf\u00e9 \U0001f600"
    saved = client.post("/api/v1/moments", json={"situation": pasted})
    assert saved.status_code == 201, saved.text
    assert saved.json()["moment"]["situation"].startswith("Line one\u000bLine two")
