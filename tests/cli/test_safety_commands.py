from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from closer.adapters.safety_model import learned_layer
from closer.cli import main as cli_main
from closer.cli.main import app
from closer.services.safety import assess_texts, use_learned_layer
from tests.cli.conftest import Invoke, json_of


def test_scan_prints_one_json_object_per_line() -> None:
    text = (
        "I want to die\nmy presentation is killing me\n"
        "my friend wants to kill herself\n"
    )
    result = CliRunner().invoke(app, ["safety", "scan"], input=text)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["level"] for line in lines] == ["concern", "none", "urgent"]
    assert lines[0]["reasons"] == ["Mentions wanting to die."]
    assert lines[2]["about"] == "other"


def test_scan_keeps_blank_lines_in_step() -> None:
    result = CliRunner().invoke(app, ["safety", "scan"], input="\nI feel hopeless\n")
    levels = [json.loads(line)["level"] for line in result.stdout.splitlines()]
    assert levels == ["none", "concern"]


def test_an_empty_plan_says_how_to_start(invoke: Invoke) -> None:
    result = invoke("safety", "plan")
    assert result.exit_code == 0
    assert "closer safety plan add SECTION TEXT" in result.stdout
    assert json_of(invoke("safety", "plan", "--json"))["has_content"] is False


def test_items_are_added_shown_and_removed(invoke: Invoke) -> None:
    invoke("safety", "plan", "add", "coping", "walk round the block")
    invoke("safety", "plan", "add", "coping", "hot shower")
    data = json_of(invoke("safety", "plan", "remove", "coping", "1", "--json"))
    coping = next(s for s in data["sections"] if s["slug"] == "coping")
    assert coping["items"] == ["hot shower"]
    assert data["support"] is None
    assert "1. hot shower" in invoke("safety", "plan").stdout


def test_a_worrying_item_is_saved_and_the_support_shows(invoke: Invoke) -> None:
    invoke("settings", "set", "--country", "us")
    result = invoke(
        "safety", "plan", "add", "warning-signs", "I start planning to kill myself"
    )
    assert result.exit_code == 0
    shown = " ".join(result.stdout.split())  # the terminal wraps long lines
    assert "I start planning to kill myself" in shown
    assert "You matter, and help is here right now" in shown
    assert "call 911 now" in shown
    assert "988" in shown
    data = json_of(invoke("safety", "plan", "--json"))
    assert data["sections"][0]["items"] == ["I start planning to kill myself"]


def test_add_with_json_reports_the_support_as_data(invoke: Invoke) -> None:
    data = json_of(
        invoke("safety", "plan", "add", "coping", "I feel hopeless", "--json")
    )
    assert data["support"]["level"] == "concern"
    assert data["support"]["reasons"] == ["Mentions feeling hopeless."]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["safety", "plan", "add", "hobbies", "x"], "no safety-plan section 'hobbies'"),
        (["safety", "plan", "remove", "coping", "4"], "there is no item 4"),
    ],
)
def test_mistakes_give_one_error_line(
    invoke: Invoke, args: list[str], words: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert words in result.stderr


def test_help_shows_the_plan_before_the_lines(invoke: Invoke) -> None:
    invoke("safety", "plan", "add", "reasons", "my niece")
    result = invoke("help")
    assert result.stdout.index("my niece") < result.stdout.index("Crisis lines")
    assert json_of(invoke("help", "--json"))["plan"]["has_content"] is True


def test_an_unexpected_failure_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> None:
        raise RuntimeError("internal detail")

    monkeypatch.setattr(cli_main, "app", broken)
    monkeypatch.delenv("CLOSER_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        cli_main.run()
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: Something went wrong on our side (RuntimeError)")
    assert "internal detail" not in err
    assert "Traceback" not in err


def test_scan_with_the_model_gives_what_the_web_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLOSER_MODEL", "auto")
    lines = [
        "what is even the point of me",
        "I could murder a pizza right now",
        "je veux juste que tout s'arrête pour de bon",
        "my brother said he has everything ready for tonight",
    ]
    result = CliRunner().invoke(app, ["safety", "scan"], input="\n".join(lines))
    assert result.exit_code == 0
    scanned = [json.loads(line) for line in result.stdout.splitlines()]
    use_learned_layer(learned_layer("auto"))  # as the web app does at start-up
    web = [assess_texts([line]) for line in lines]
    assert [s["level"] for s in scanned] == [w.level.value for w in web]
    assert [s["reasons"] for s in scanned] == [w.descriptions() for w in web]
    assert scanned[0]["level"] != "none"
    assert scanned[1]["level"] == "none"
