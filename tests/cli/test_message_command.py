"""``closer message``: a draft checked from the command line."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Invoke, json_of


def test_a_draft_is_checked_in_words_with_warmer_drafts(invoke: Invoke) -> None:
    said = invoke("message", "Something came up, I have to cancel.")
    assert said.exit_code == 0, said.output
    assert "Cancelling without a new plan" in said.stdout
    assert "Warmer ways to say it:" in said.stdout
    assert "closer learn strategies/honor-commitments" in said.stdout


def test_the_words_of_a_draft_need_no_quotes(invoke: Invoke) -> None:
    out = json_of(invoke("message", "Something", "came", "up,", "sorry.", "--json"))
    assert [f["pattern"] for f in out["findings"]] == ["cancel"]
    assert out == json_of(invoke("message", "Something came up, sorry.", "--json"))


def test_json_lists_findings_and_reads_stdin(invoke: Invoke) -> None:
    out = json_of(invoke("message", "-", "--json", typed="Whatever.\n"))
    assert out["engine"] == "keywords"
    assert [f["pattern"] for f in out["findings"]] == ["curt"]
    assert out["findings"][0]["alternatives"]
    assert out["support"] is None


def test_an_empty_draft_is_refused(invoke: Invoke) -> None:
    result = invoke("message", "   ")
    assert result.exit_code != 0
    assert "The draft is empty" in result.output


def test_an_oblique_crisis_draft_gets_support_when_the_model_is_on(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = "I've been giving my things away. Don't look for me."
    monkeypatch.setenv("CLOSER_MODEL", "auto")
    out = json_of(invoke("message", draft, "--json"))
    assert out["support"] == {"level": "concern", "about": "self"}
    assert "vanish" in [f["pattern"] for f in out["findings"]]
    said = invoke("message", draft)
    assert "Closer is not therapy" in said.stdout  # the support panel
