"""The CLI's fast path answers exactly as the full CLI does, or steps aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closer.adapters.db.database import open_database
from closer.config import Settings
from closer.domain.moments import MomentQuery
from closer.services.moments import delete_moment, list_moments
from tests.support.server import closer_env, run_closer


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("fast") / "data"
    env = closer_env(data)
    for args in [
        ["person", "add", "Sam", "--relationship", "friend"],
        ["log", "Skipped climbing with Sam", "-p", "Sam", "-u", "6",
         "--felt", "anxious:6", "--did", "busy-excuse"],
        ["log", "Called Mum back and stayed on the phone", "-p", "Mum", "--new-person",
         "--did", "stayed"],
        ["log", "Ghosted the group chat again"],
        ["log", "A climbing plan I later deleted"],
    ]:  # fmt: skip
        assert run_closer(*args, env=env).returncode == 0
    db = open_database(Settings(data_dir=data))
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


def test_a_store_that_is_not_up_to_date_is_left_to_the_full_cli(tmp_path: Path) -> None:
    result = run_closer("moments", "--json", env=closer_env(tmp_path / "new"))
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"total": 0, "items": []}
    assert (
        tmp_path / "new" / "closer.db"
    ).is_file()  # created and migrated by the full CLI
