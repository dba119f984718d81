"""``closer ask`` with the on-device model and with keywords only."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Invoke, json_of


def test_ask_by_meaning_from_the_command_line(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOSER_MODEL", "auto")
    invoke("log", "I left my sister's messages unanswered for weeks.")
    answer = json_of(invoke("ask", "how do I reconnect after going silent", "--json"))
    assert answer["engine"].startswith("all-MiniLM-L6-v2")
    assert {a["kind"] for a in answer["answers"]} == {"faq", "causes", "strategies"}
    assert answer["moments"][0]["situation"].startswith("I left my sister's")
    said = invoke("ask", "how do I reconnect after going silent").stdout
    assert "because: “" in said


def test_ask_with_the_model_off_uses_words(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOSER_MODEL", "off")
    answer = json_of(invoke("ask", "cancelling plans", "--json"))
    assert answer["engine"] == "keywords"
    assert answer["answers"]
    unquoted = json_of(invoke("ask", "cancelling", "plans", "--json"))
    assert unquoted == answer


def test_help_comes_before_any_answer_when_the_words_are_dark(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOSER_MODEL", "off")
    result = invoke("ask", "i want to kill myself, why do I push everyone away")
    said = result.stdout + result.stderr
    first_answer = said.find("because: “")
    assert first_answer > 0, said
    help_at = min(
        i for i in (said.find("emergency"), said.find("Emergency"), said.find("988"),
                    said.find("116 123"), said.find("crisis")) if i >= 0
    )  # fmt: skip
    assert help_at < first_answer, said[:600]
