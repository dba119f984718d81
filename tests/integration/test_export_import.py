"""Export in open formats, import all-or-nothing and never twice."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import zipfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closer.adapters import local_store
from closer.adapters.db.database import Database, open_database
from closer.adapters.db.repositories import SqlMomentRepository
from closer.adapters.export import closer_json, csv_tables, markdown
from closer.adapters.importers import (
    ImportFormat,
    decode,
    guess_format,
    open_import,
    read,
)
from closer.config import Settings
from closer.domain.errors import InvalidInput
from closer.services.export import export_records
from closer.services.imports import import_records
from tests.support.journal import LIBRARY, fill

ROOT = Path(__file__).resolve().parents[2]


def new_local_store(tmp_path: Path, name: str) -> Database:
    settings = Settings(
        data_dir=tmp_path / name, kdf_memory_kib=1024, kdf_time_cost=1, unlock_minutes=0
    )
    return open_database(settings, key=local_store.set_up(settings, "passphrase one"))


def exported(database: Database) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(
        closer_json.dumps(export_records(database.unit_of_work()))
    )
    doc.pop("exported_at")
    return doc


def test_export_then_import_into_an_empty_store_gives_the_same_export(
    database: Database, tmp_path: Path
) -> None:
    fill(database)
    text = closer_json.dumps(export_records(database.unit_of_work()))
    target = new_local_store(tmp_path, "target")  # also across SQLite and PostgreSQL
    try:
        records = closer_json.loads(text, LIBRARY)
        report = import_records(target.unit_of_work(), records, source="closer")
        added = (report.people_added, report.moments_added, report.plan_items_added)
        assert added == (2, 2, 2)
        assert report.practice_added == 9
        assert exported(target) == exported(database)
        sam = exported(target)["people"][1]
        assert (sam["nickname"], sam["birthday"]) == ("Sammy", "--03-12")
        assert [(r["now"], r["wanted"]) for r in sam["closeness_history"]] == [
            (3, 8),
            (4, 8),
        ]
    finally:
        target.close()


def test_someone_named_only_by_a_moment_is_added_as_a_person(
    database: Database,
) -> None:
    records = closer_json.loads(broken_export("del doc['people']"), LIBRARY)
    report = import_records(database.unit_of_work(), records, source="closer")
    assert report.people_added == 1
    assert [p["name"] for p in exported(database)["people"]] == ["Sam"]


def test_importing_the_same_file_again_adds_nothing(database: Database) -> None:
    fill(database)
    records = export_records(database.unit_of_work())
    before = exported(database)
    report = import_records(database.unit_of_work(), records, source="closer")
    assert report.added == 0
    assert (report.moments_skipped, report.people_skipped) == (2, 2)
    assert report.practice_skipped == 9
    assert exported(database) == before


def test_the_export_follows_the_published_json_schema(database: Database) -> None:
    fill(database)
    schema = json.loads((ROOT / "docs" / "export-schema.json").read_text())
    assert schema == closer_json.json_schema(), (
        "docs/export-schema.json is stale: run "
        "python -m closer.adapters.export.closer_json > docs/export-schema.json"
    )
    doc = json.loads(closer_json.dumps(export_records(database.unit_of_work())))
    jsonschema.validate(doc, schema)
    doc["moments"][0]["urge"] = 11
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


def broken_export(change: str) -> str:
    day = "2026-03-01T"
    doc: dict[str, Any] = {
        "closer_export": 1, "exported_at": f"{day}00:00:00Z", "app": "closer 0.1.0",
        "people": [{"name": "Sam"}],
        "moments": [
            {"occurred_at": f"{day}10:00:00Z", "situation": "First", "people": ["Sam"]},
            {"occurred_at": f"{day}11:00:00Z", "situation": "Second", "urge": 4},
            {"occurred_at": f"{day}12:00:00Z", "situation": "Third"},
        ],
    }  # fmt: skip
    exec(change, {"doc": doc})  # a test's own one-line edits
    return json.dumps(doc, indent=2)


def load_and_import(database: Database, text: str) -> None:
    records = closer_json.loads(text, LIBRARY)
    import_records(database.unit_of_work(), records, source="closer")


def test_a_format_1_file_from_before_where_moments_happened_still_imports(
    database: Database,
) -> None:
    load_and_import(database, broken_export("pass"))
    moments = exported(database)["moments"]
    assert [m["situation"] for m in moments] == ["First", "Second", "Third"]
    assert {m["channel"] for m in moments} == {None}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("doc['moments'][2]['urge'] = 11", "moments[2].urge"),
        ("doc['moments'][1]['emotions'] = [{'emotion': 'zonked', 'intensity': 5}]",
         "moments[1].emotions: "),
        ("doc['moments'][2]['action'] = 'sulked'", "moments[2].action: "),
        ("doc['moments'][0]['occurred_at'] = '2026-03-01'", "moments[0].occurred_at"),
        ("doc['moments'][1]['situation'] = '   '", "moments[1].situation: "),
        ("doc['people'][0]['relationship'] = 'nemesis'", "people[0].relationship"),
        ("doc['safety_plan'] = {'hobbies': ['x']}", "safety_plan.hobbies"),
        ("doc['self_checks'] = [{'check': 'phq2', 'taken_at': '2026-03-01T09:00:00Z',"
         " 'answers': [1]}]", "self_checks[0].answers: The PHQ-2 needs an answer"),
        ("doc['people'][0]['birthday'] = '--02-30'", "people[0].birthday: "),
        ("doc['closer_export'] = 3", "format 3"),
        ("doc['moments'][1]['channel'] = 'fax'", "moments[1].channel: "),
        ("doc['surprise'] = True", "surprise"),
    ],
)  # fmt: skip
def test_a_bad_export_names_the_place_and_imports_nothing(
    database: Database, change: str, message: str
) -> None:
    before = exported(database)
    with pytest.raises(InvalidInput) as caught:
        load_and_import(database, broken_export(change))
    assert message in caught.value.message
    assert exported(database) == before


def test_invalid_json_names_the_line() -> None:
    with pytest.raises(InvalidInput, match=r"line 3, column"):
        closer_json.loads('{\n  "closer_export": 1,\n  oops\n}', LIBRARY)


def test_a_failure_late_in_the_write_rolls_everything_back(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = closer_json.loads(broken_export("pass"), LIBRARY)
    many = tuple(
        replace(m, occurred_at=m.occurred_at.replace(year=2001) + timedelta(minutes=n))
        for n, m in enumerate(records.moments * 800)
    )
    big = replace(records, moments=many)
    before = exported(database)
    calls = {"n": 0}
    real = SqlMomentRepository.add_many

    def fail_on_second_batch(self: object, moments: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(self, moments)  # type: ignore[arg-type]

    monkeypatch.setattr(SqlMomentRepository, "add_many", fail_on_second_batch)
    with pytest.raises(RuntimeError, match="disk full"):
        import_records(database.unit_of_work(), big, source="closer")
    monkeypatch.undo()
    assert calls["n"] == 2  # the first thousand moments had been written
    assert exported(database) == before  # not even Sam, added before the failure


def test_a_bad_row_near_the_end_of_a_large_file_leaves_nothing(
    database: Database,
) -> None:
    header = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    rows = [
        f"2024-01-01,x,Monday,{n // 60 % 24:02d}:{n % 60:02d},good,,,Day {n}\n"
        for n in range(2500)
    ]
    text = header + "".join(rows) + "2024-01-02,x,Tuesday,25:99,good,,,Broken\n"
    before = exported(database)
    _, incoming = open_import(
        io.BytesIO(text.encode()), name="daylio.csv", fmt=None, library=LIBRARY,
        max_bytes=10**9,
    )  # fmt: skip
    with pytest.raises(InvalidInput, match=r"^line 2502, time: full_date and time"):
        import_records(database.unit_of_work(), incoming, source="daylio")
    assert exported(database) == before


JRNL = {
    "tags": {"@work": 1},
    "entries": [
        {"title": "Skipped the team lunch.", "body": "Said I had a call.\nI did not.",
         "date": "2025-02-03", "time": "12:15", "tags": ["@work"], "starred": True},
        {"title": "Called Dad back.", "body": "", "date": "2025-02-04", "time": "18:00",
         "tags": [], "starred": False},
    ],
}  # fmt: skip


def test_a_jrnl_export_becomes_moments_with_tags_and_imports_once(
    database: Database,
) -> None:
    text = json.dumps(JRNL)
    assert guess_format("journal.json", text) is ImportFormat.JRNL
    records = read(text, ImportFormat.JRNL, LIBRARY)
    first = import_records(database.unit_of_work(), records, source="jrnl")
    again = import_records(database.unit_of_work(), records, source="jrnl")
    assert (first.moments_added, again.moments_added, again.moments_skipped) == (
        2,
        0,
        2,
    )
    moments = export_records(database.unit_of_work()).moments
    assert (
        moments[0].situation
        == "Skipped the team lunch.\n\nSaid I had a call.\nI did not."
    )
    assert moments[0].tags == ("starred", "work")


def test_a_jrnl_entry_with_a_bad_date_is_named() -> None:
    broken = json.loads(json.dumps(JRNL))
    broken["entries"][1]["date"] = "04/02/2025"
    with pytest.raises(InvalidInput, match=r"entries\[1\]\.date: Use a date like"):
        read(json.dumps(broken), ImportFormat.JRNL, LIBRARY)


DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2021-09-28,28 September,Tuesday,10:00 pm,bad ,"clean | movies / tv","",'
    '"Felt <b>low</b><br>stayed home"\n'
    '2021-09-27,27 September,Monday,08:05,rad,"","Good run",""\n'
    '2021-09-26,26 September,Sunday,11:00 pm,custom mood,"","",""\n'
)


def test_a_daylio_export_keeps_moods_notes_and_activities(database: Database) -> None:
    assert guess_format("daylio_export.csv", DAYLIO) is ImportFormat.DAYLIO
    records = read(DAYLIO, ImportFormat.DAYLIO, LIBRARY)
    import_records(database.unit_of_work(), records, source="daylio")
    by_text = {m.situation: m for m in export_records(database.unit_of_work()).moments}
    low = by_text["Felt low\nstayed home"]
    assert (low.felt_after, low.tags) == (3, ("clean", "mood-bad", "movies-tv"))
    assert by_text["Good run"].felt_after == 9
    custom = by_text["Mood: custom mood"]
    assert (custom.felt_after, custom.tags) == (None, ("mood-custom-mood",))


def test_a_bad_daylio_line_is_named_by_number_and_column() -> None:
    broken = DAYLIO.replace("08:05", "eight o'clock")
    with pytest.raises(InvalidInput, match=r"^line 3, time: full_date and time"):
        read(broken, ImportFormat.DAYLIO, LIBRARY)
    with pytest.raises(InvalidInput, match="lacks the column"):
        read("date,mood\n2021-01-01,rad\n", ImportFormat.DAYLIO, LIBRARY)


def test_files_that_are_not_text_or_not_known_are_refused_clearly() -> None:
    with pytest.raises(InvalidInput, match="not UTF-8"):
        decode(b"\xff\xfe\x00garbage")
    with pytest.raises(InvalidInput, match="cannot tell what this file is"):
        guess_format("notes.txt", "Dear diary")


def test_practice_records_travel_with_their_links(database: Database) -> None:
    fill(database)
    doc = exported(database)
    assert [s["outcome"] for s in doc["ladder_steps"]] == ["good"]
    assert doc["reflections"][0]["moment"] == 1  # the first moment, by time
    assert doc["reflections"][0]["person"] == "Sam"
    assert doc["thought_records"][0]["moment"] == 1
    assert doc["timeouts"][0]["reflection"] == 2  # written on the way back
    text = markdown.render(export_records(database.unit_of_work()), LIBRARY)
    assert "## Steps toward people" in text
    assert "Expected 60/100, felt 20/100, went good" in text
    assert "## Thought record, 2026-03-03" in text


def test_a_link_to_a_moment_that_is_not_there_is_named(database: Database) -> None:
    broken = broken_export(
        "doc['reflections'] = [{'reflection': 'escape-questions', 'answers': ['x'], "
        "'written_at': '2026-03-01T10:00:00Z', 'moment': 9}]"
    )
    with pytest.raises(
        InvalidInput, match=r"reflections\[0\].moment: there is no moment"
    ):
        load_and_import(database, broken)


def test_markdown_is_a_readable_journal(database: Database) -> None:
    fill(database)
    text = markdown.render(export_records(database.unit_of_work()), LIBRARY)
    assert "# My Closer journal" in text
    assert "### 2026-03-01 19:30" in text
    assert "- Felt: Anxious (6/10), Ashamed (3/10)" in text
    assert "- With: Sam" in text
    assert "- Walk round the block" in text
    assert "- **Sam** (friend), close now 4/10, wanted 8/10, also called Sammy" in text
    assert "## Staying in touch" in text
    assert "Climb on Sunday with Sam: cancelled" in text
    assert "- 2026-03-03: gad7 6 (mild)" in text


def test_csv_tables_round_the_data_and_defuse_formulas(database: Database) -> None:
    fill(database)
    data = csv_tables.zip_bytes(export_records(database.unit_of_work()))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        people = list(
            csv.DictReader(io.StringIO(archive.read("closer/people.csv").decode()))
        )
        emotions = archive.read("closer/moment_emotions.csv").decode()
        checks = archive.read("closer/self_checks.csv").decode()
        contacts = archive.read("closer/contacts.csv").decode()
        closeness = archive.read("closer/closeness.csv").decode()
    assert {p["name"]: p["notes"] for p in people}["Ana Lía"] == "'=not a formula"
    assert "1,0,anxious,6" in emotions
    assert ",6.0,mild,1 2 1 0 0 1 1 3" in checks
    assert "Sam,2026-03-03T09:00:00+00:00,call,them,Sam rang" in contacts
    assert closeness.count("Sam,") == 2


jsonish = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 20) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=150, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(
    path=st.lists(st.sampled_from(["moments", 0, 1, "people", 0, "urge", "situation",
                                   "emotions", "occurred_at", "safety_plan", "name"]),
                  min_size=1, max_size=3),
    value=jsonish,
)  # fmt: skip
def test_fuzzed_closer_exports_import_whole_or_not_at_all(
    database: Database, path: list[Any], value: Any
) -> None:
    doc = json.loads(broken_export("pass"))
    node: Any = doc
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    with contextlib.suppress(IndexError, TypeError):
        node[path[-1]] = value
    before = exported(database)
    problem = None
    try:
        load_and_import(database, json.dumps(doc))
    except InvalidInput as exc:
        problem = exc.message
    if problem is not None:  # a clear message, and nothing written
        assert problem.strip()
        assert exported(database) == before


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_fuzzed_files_give_a_clear_error_in_every_reader(raw: bytes) -> None:
    problems = []
    for fmt in ImportFormat:
        try:
            read(decode(raw), fmt, LIBRARY)
        except InvalidInput as exc:  # anything else fails the test
            problems.append(exc.message)
    assert all(p.strip() for p in problems)
