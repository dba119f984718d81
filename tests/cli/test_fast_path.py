"""The CLI's fast path answers exactly as the full CLI does, or steps aside."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from closer.adapters.content import bundled_library
from closer.adapters.crisis_lines import bundled_directory
from closer.domain.moments import MomentQuery
from closer.services.moments import delete_moment, list_moments, log_moment
from closer.services.safety import support_panel
from tests.support.imports import run_probe
from tests.support.server import closer_env, init_store, open_store, run_closer


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("fast") / "data"
    env = closer_env(data)
    init_store(env)
    for args in [
        ["person", "add", "Sam", "--relationship", "friend"],
        ["log", "Skipped climbing with Sam", "-p", "Sam", "-u", "6",
         "--felt", "anxious:6", "--did", "busy-excuse"],
        ["log", "Called Mum back and stayed on the phone", "-p", "Mum", "--new-person",
         "--did", "stayed"],
        ["log", "Ghosted the group chat again", "--where", "social-media"],
        ["log", "A climbing plan I later deleted"],
    ]:  # fmt: skip
        assert run_closer(*args, env=env).returncode == 0
    db = open_store(data)
    try:
        page = list_moments(db.unit_of_work(), MomentQuery(search="deleted"))
        (deleted,) = page.items
        assert deleted.id is not None
        delete_moment(db.unit_of_work(), deleted.id)  # gone from the index too
    finally:
        db.close()
    return data


@pytest.mark.parametrize(
    "args",
    [
        ["moments", "--json"],
        ["moments", "--search", "climbing", "--json"],
        ["moments", "--search", "deleted", "--json"],
        ["moments", "-s", "sam", "--json"],
        ["moments", "-p", "sam", "--json"],
        ["moments", "--since", "2000-01-01", "--limit", "2", "--json"],
        ["moments", "--search", "nothing-like-this", "--json"],
        ["moments"],
        ["moments", "-s", "mum"],
    ],
)
def test_fast_and_full_answers_are_identical(store: Path, args: list[str]) -> None:
    fast = run_closer(*args, env=closer_env(store))
    full = run_closer(*args, env=closer_env(store, CLOSER_FAST="0"))
    assert fast.returncode == full.returncode == 0
    assert fast.stdout == full.stdout
    if "--json" in args:
        json.loads(fast.stdout)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["moments", "-p", "Samm"], "Did you mean Sam?"),
        (["moments", "--since", "last week"], "Use a date like"),
        (["moments", "--limit", "0"], "between 1 and 500"),
        (["log", "I left\x01"], "invisible control character (U+0001)"),
    ],
)
def test_anything_unusual_goes_to_the_full_cli(
    store: Path, args: list[str], words: str
) -> None:
    result = run_closer(*args, env=closer_env(store))
    assert result.returncode == 1
    assert words in result.stderr


def test_help_and_other_commands_are_untouched(store: Path) -> None:
    assert "Usage" in run_closer("moments", "--help", env=closer_env(store)).stdout
    assert run_closer("--version", env=closer_env(store)).stdout.startswith("closer ")


def test_a_store_not_set_up_is_left_to_the_full_cli_which_says_so(
    tmp_path: Path,
) -> None:
    result = run_closer("moments", "--json", env=closer_env(tmp_path / "new"))
    assert result.returncode == 1
    assert "closer init" in result.stderr
    assert not (tmp_path / "new" / "closer.db").exists()


def test_a_locked_store_is_left_to_the_full_cli_which_unlocks_it(store: Path) -> None:
    env = closer_env(store)
    assert run_closer("lock", env=env).returncode == 0
    fast = run_closer("moments", "-s", "climbing", "--json", env=env)
    assert fast.returncode == 0, fast.stderr  # the full CLI read the passphrase file
    assert json.loads(fast.stdout)["total"] == 1


def _without_time(data: dict[str, object]) -> dict[str, object]:
    moment = dict(data["moment"])  # type: ignore[call-overload]
    moment.pop("id")
    moment.pop("occurred_at")
    return {**data, "moment": moment}


@pytest.mark.parametrize(
    "args",
    [
        ["log", "Skipped the call with Sam", "-p", "Sam", "--json"],
        ["log", "Felt smothered so I went quiet", "-u", "7",
         "--did", "slow-or-no-reply", "--felt", "smothered:8", "--felt", "guilty",
         "--json"],
        ["log", "Coffee with Noor, stayed", "-p", "Noor", "--new-person",
         "--did", "stayed", "--json"],
        ["log", "I", "ghosted", "Sam", "again", "-p", "Sam", "--json"],
    ],
)  # fmt: skip
def test_fast_and_full_logging_save_and_print_the_same(
    tmp_path: Path, args: list[str]
) -> None:
    saved = []
    for fast in ("1", "0"):
        data = tmp_path / f"store-{fast}"
        env = closer_env(data, CLOSER_FAST=fast)
        init_store(env)
        assert run_closer("person", "add", "Sam", env=env).returncode == 0
        result = run_closer(*args, env=env)
        assert result.returncode == 0, result.stderr
        printed = json.loads(result.stdout)
        db = open_store(data)
        try:
            stored = list_moments(db.unit_of_work()).items[0]
        finally:
            db.close()
        saved.append((_without_time(printed), replace(stored, id=None)))
    (fast_printed, fast_stored), (full_printed, full_stored) = saved
    assert fast_printed == full_printed
    assert (fast_stored.situation, fast_stored.people, fast_stored.person_names) == (
        full_stored.situation, full_stored.people, full_stored.person_names,
    )  # fmt: skip
    assert (fast_stored.emotions, fast_stored.urge, fast_stored.action) == (
        full_stored.emotions, full_stored.urge, full_stored.action,
    )  # fmt: skip


def test_a_fast_logged_moment_is_found_by_search(tmp_path: Path) -> None:
    data = tmp_path / "s"
    env = closer_env(data)
    init_store(env)
    assert run_closer("log", "Rowing club, left early", env=env).returncode == 0
    found = json.loads(run_closer("moments", "-s", "rowing", "--json", env=env).stdout)
    assert [m["situation"] for m in found["items"]] == ["Rowing club, left early"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["log", "x", "-p", "Samm"], "Did you mean Sam?"),
        (["log", "x", "-u", "11"], "Urge must be between 0 and 10"),
        (["log", "x", "--did", "sulked"], "must be an approach"),
        (["log", "x", "--felt", "sad:loud"], "such as: anxious 7"),
    ],
)
def test_a_bad_fast_log_saves_nothing_and_the_full_cli_explains(
    store: Path, args: list[str], words: str
) -> None:
    before = json.loads(run_closer("moments", "--json", env=closer_env(store)).stdout)
    result = run_closer(*args, env=closer_env(store))
    assert result.returncode == 1
    assert words in result.stderr
    after = json.loads(run_closer("moments", "--json", env=closer_env(store)).stdout)
    assert after["total"] == before["total"]


def test_worrying_words_logged_fast_open_the_support_panel(tmp_path: Path) -> None:
    data = tmp_path / "s"
    env = closer_env(data)
    init_store(env)
    result = run_closer("log", "I cancelled again and I want to die", env=env)
    shown = " ".join(result.stdout.split())
    assert "Saved as moment " in shown
    assert "It sounds like things are really hard right now" in shown
    db = open_store(data)
    try:
        assert support_panel(db.unit_of_work(), bundled_directory()) is not None
    finally:
        db.close()


HEAVY = {"sqlalchemy", "pydantic", "pydantic_settings", "typer", "rich", "fastapi",
         "starlette", "alembic", "jinja2", "psycopg"}  # fmt: skip


@pytest.mark.parametrize(
    "args", [["moments", "-s", "sam", "--json"], ["log", "Left early", "--json"]]
)
def test_the_fast_path_imports_nothing_heavy(store: Path, args: list[str]) -> None:
    probe = (
        "import sys, io, contextlib\n"
        "from closer.cli.fast import try_fast\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = try_fast({args!r})\n"
        "assert code == 0, code\n"
        f"heavy = set({sorted(HEAVY)!r})\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    output = run_probe(probe, closer_env(store))
    assert output.strip() == "[]"


def test_quick_capture_never_runs_inspect(store: Path) -> None:
    probe = (
        "import sys, io, contextlib\n"
        "from closer.cli.fast import try_fast\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = try_fast(['log', 'Left early', '-u', '4'])\n"
        "assert code == 0, code\n"
        "print(type(sys.modules['inspect']).__name__, 'ast' in sys.modules)\n"
    )
    output = run_probe(probe, closer_env(store))
    assert output.split() == ["_Deferred", "False"]


def test_the_deferred_inspect_loads_itself_when_a_class_needs_it(store: Path) -> None:
    probe = (
        "import sys\n"
        "from closer.cli.fast import _defer_inspect\n"
        "_defer_inspect()\n"
        "import dataclasses\n"
        "@dataclasses.dataclass\n"
        "class Undocumented:\n"
        "    x: int\n"
        "print(Undocumented.__doc__, type(sys.modules['inspect']).__name__)\n"
    )
    output = run_probe(probe, closer_env(store))
    assert output.strip() == "Undocumented(x: int) module"


def test_an_empty_store_file_is_left_to_the_full_cli(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = closer_env(data)
    init_store(env)
    for name in ("closer.db-wal", "closer.db-shm"):
        (data / name).unlink(missing_ok=True)
    (data / "closer.db").write_bytes(b"")  # cut short: never a new empty journal
    result = run_closer("log", "Left early", "--json", env=env)
    assert result.returncode == 1
    assert "is empty, but its key file is there" in result.stderr
    assert (data / "closer.db").stat().st_size == 0


def test_log_says_saved_before_the_meaning_check_then_shows_help(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    env = closer_env(data, CLOSER_MODEL="auto")
    init_store(env)
    said = run_closer("log", "I just want it all to stop", env=env)
    assert said.returncode == 0, said.stderr
    saved_at = said.stdout.find("Saved")
    help_at = said.stdout.find("Find A Helpline")
    assert 0 <= saved_at < help_at, said.stdout  # saved first, then help
    db = open_store(data)
    try:
        panel = support_panel(db.unit_of_work(), bundled_directory())
    finally:
        db.close()
    assert panel is not None
    assert panel.level.value == "concern"


def test_a_bad_model_setting_is_named_before_anything_is_saved(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    env = closer_env(data, CLOSER_MODEL="garbage")
    init_store(closer_env(data))
    said = run_closer("log", "Skipped the call with Sam", env=env)
    assert said.returncode == 1
    assert "CLOSER_MODEL" in said.stderr or "model" in said.stderr
    db = open_store(data)
    try:
        assert list_moments(db.unit_of_work(), MomentQuery()).items == []
    finally:
        db.close()


def _listed_times(data: Path, *, fast: str, **env: str) -> list[str]:
    shown = run_closer("moments", env=closer_env(data, CLOSER_FAST=fast, **env))
    assert shown.returncode == 0, shown.stderr
    return re.findall(r"^\d{4}-\d\d-\d\d \d\d:\d\d", shown.stdout, re.M)


def test_both_paths_show_times_in_the_machines_zone_then_the_chosen_one(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    env = closer_env(data)
    init_store(env)
    db = open_store(data)
    try:
        log_moment(
            db.unit_of_work(),
            bundled_library(),
            situation="Left the dinner early",
            occurred_at=datetime(2026, 3, 4, 23, 30, tzinfo=UTC),
        )
    finally:
        db.close()
    for fast in ("1", "0"):
        assert _listed_times(data, fast=fast, TZ="UTC") == ["2026-03-04 23:30"]
        assert _listed_times(data, fast=fast, TZ="Asia/Tokyo") == ["2026-03-05 08:30"]
    chosen = run_closer("settings", "set", "--time-zone", "America/New_York", env=env)
    assert chosen.returncode == 0, chosen.stderr
    for fast in ("1", "0"):  # the chosen zone wins over the machine's
        assert _listed_times(data, fast=fast, TZ="Asia/Tokyo") == ["2026-03-04 18:30"]
    refused = run_closer("settings", "set", "--time-zone", "Moon/Base", env=env)
    assert refused.returncode == 1
    assert "'Moon/Base' is not a time zone Closer knows" in refused.stderr
