"""What Closer writes out for one journal of every kind of record stays as it
was: the Closer JSON, CSV and Markdown exports, the API's answers, the CLI's
``--json`` and the moment pages, compared with copies kept in
``tests/data/golden/``.

A change that means to change an output (a new field) runs this test with
``CLOSER_UPDATE_GOLDEN=1`` once and commits the new copies, so the review
shows exactly what changed for people; anything else that differs fails.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from closer import __version__
from closer.adapters.db.database import Database
from closer.adapters.export import closer_json, csv_tables, markdown
from closer.cli.data import moment_data
from closer.config import Settings
from closer.services.export import export_records
from closer.services.moments import list_moments
from closer.web.app import create_app
from tests.support.journal import LIBRARY, fill

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
EXPORTED_AT = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)
API_READS = (
    "moments", "people", "ladder", "good-shares", "reflections", "thoughts",
    "timeouts", "contacts", "commitments", "checks/gad7/results", "safety/plan",
    "settings",
)  # fmt: skip
_CSRF = re.compile(
    r'(name="csrf_token" value=")[^"]+(")|(<meta name="csrf-token" content=")[^"]+(")'
)
_NONCE = re.compile(r'nonce="[^"]+"')


def same_as_kept(name: str, text: str) -> None:
    """``text`` equals the kept copy ``name`` (or becomes it, when updating);
    times of today (when the journal was written) read ``TODAY``."""
    text = re.sub(rf"{datetime.now(UTC):%Y-%m-%d}([T ][0-9:.+Z]*)?", "TODAY", text)
    path = GOLDEN / name
    if os.environ.get("CLOSER_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode())
        return
    assert path.exists(), f"no kept copy of {name}: run with CLOSER_UPDATE_GOLDEN=1"
    kept = path.read_bytes().decode()
    assert text == kept, f"{name} changed"


def steady(text: str) -> str:
    """Page text without what changes on every request or release."""
    text = _CSRF.sub(
        lambda m: (m.group(1) or m.group(3)) + "…" + (m.group(2) or m.group(4)), text
    )
    return _NONCE.sub('nonce="…"', text.replace(__version__, "VERSION"))


@pytest.fixture
def journal(database: Database) -> Database:
    fill(database)
    return database


@pytest.fixture
def web(settings: Settings, journal: Database) -> Iterator[TestClient]:
    assert journal.engine is not None  # written before the app opens it
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_exports_write_the_same_bytes(journal: Database) -> None:
    records = export_records(journal.unit_of_work())
    same_as_kept("export.json", closer_json.dumps(records, now=EXPORTED_AT))
    journal_text = markdown.render(records, LIBRARY, now=EXPORTED_AT)
    same_as_kept("export.md", journal_text.replace(__version__, "VERSION"))
    for name, (header, rows) in csv_tables.tables(records).items():
        same_as_kept(f"csv/{name}", csv_tables.render(header, rows))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_cli_prints_the_same_json_for_every_moment(journal: Database) -> None:
    moments = list_moments(journal.unit_of_work()).items
    printed = [moment_data(m) for m in moments]
    same_as_kept("cli-moments.json", json.dumps(printed, indent=2) + "\n")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_api_answers_the_same(web: TestClient) -> None:
    answers = {}
    for path in API_READS:
        response = web.get(f"/api/v1/{path}")
        assert response.status_code == 200, (path, response.text)
        answers[path] = response.json()
    moment_ids = [m["id"] for m in answers["moments"]["items"]]
    for moment_id in moment_ids:
        answers[f"moments/{moment_id}"] = web.get(f"/api/v1/moments/{moment_id}").json()
    same_as_kept("api.json", json.dumps(answers, indent=2, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_moment_pages_show_the_same(web: TestClient) -> None:
    moment_ids = [m["id"] for m in web.get("/api/v1/moments").json()["items"]]
    for moment_id in moment_ids:
        for page in (f"/moments/{moment_id}", f"/moments/{moment_id}/edit"):
            response = web.get(page)
            assert response.status_code == 200, page
            name = page.strip("/").replace("/", "-") + ".html"
            same_as_kept(f"pages/{name}", steady(response.text))
