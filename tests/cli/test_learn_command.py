from __future__ import annotations

import json

from typer.testing import CliRunner

from closer.adapters.content import bundled_library
from closer.cli.main import app


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["learn", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_index_lists_every_entry_as_json() -> None:
    code, out, _ = _run("--json")
    assert code == 0
    assert len(json.loads(out)) == len(bundled_library().entries())


def test_one_entry_as_json_and_as_text() -> None:
    code, out, _ = _run("ghosting", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["kind"] == "signs"
    assert "conflict-avoidance" in data["causes"]
    _, text, _ = _run("causes/fear-of-hurt")
    assert "Fear of getting hurt" in text
    assert "not therapy" in text


def test_a_slug_in_two_kinds_asks_which_one() -> None:
    code, _, err = _run("know-your-story")
    assert code == 1
    assert "strategies/know-your-story" in err
    assert "reflections/know-your-story" in err


def test_an_unknown_slug_points_to_search() -> None:
    code, _, err = _run("nonsense")
    assert code == 1
    assert "closer learn --search WORDS" in err


def test_search_as_json() -> None:
    code, out, _ = _run("--search", "cancel plans", "--json")
    slugs = [hit["slug"] for hit in json.loads(out)]
    assert code == 0
    assert "cancel-last-minute" in slugs
    _, text, _ = _run("--search", "zyxwv")
    assert "Nothing matched" in text
