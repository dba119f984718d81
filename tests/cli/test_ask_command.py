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
