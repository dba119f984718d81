"""``closer reflect``: go through a reflection with answers, list, reread."""

from __future__ import annotations

from tests.cli.conftest import Invoke, json_of


def test_a_reflection_from_the_command_line(invoke: Invoke) -> None:
    available = json_of(invoke("reflect", "--json"))
    assert "time-out-questions" in {r["slug"] for r in available}
    invoke("person", "add", "Jo")
    written = json_of(
        invoke("reflect", "do", "time-out-questions", "-a", "From Jo, a week", "-a", "",
               "-a", "Not really", "-p", "Jo", "--json")
    )  # fmt: skip
    entry = written["entry"]
    assert entry["answers"][:3] == ["From Jo, a week", "", "Not really"]
    assert entry["person"] == "Jo"
    assert [e["id"] for e in json_of(invoke("reflect", "list", "--json"))] == [
        entry["id"]
    ]
    shown = invoke("reflect", "show", str(entry["id"])).stdout
    assert "Would I be glad if things between us stayed as they are?" in shown
    assert "Left for another time." in shown


def test_problems_are_one_clear_line(invoke: Invoke) -> None:
    wrong = invoke(
        "reflect", "do", "time-out-questions", "-a", "x", "-a", "y", "-a", "Maybe"
    )
    assert wrong.exit_code == 1
    assert "For answer 3, choose one of" in wrong.output
    unknown = invoke("reflect", "do", "nothing-like-it", "-a", "x")
    assert "There is no reflection 'nothing-like-it'" in unknown.output
    missing = invoke("reflect", "do", "escape-questions")  # no terminal to ask on
    assert "Answer at least one question" in missing.output
