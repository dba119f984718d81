"""``closer check``: answered at once or question by question, history, --json."""

from __future__ import annotations

from tests.cli.conftest import Invoke, json_of


def test_a_phq9_with_answers_given_at_once(invoke: Invoke) -> None:
    result = json_of(
        invoke("check", "phq9", "--answers", "1,2,1,2,1,1,2,1,0", "--json")
    )
    assert (result["total"], result["band"], result["needs_safety"]) == (
        11,
        "moderate",
        False,
    )
    assert result["support"] is None
    said = " ".join(
        invoke("check", "gad7", "--answers", "3 3 3 3 3 0 0").stdout.split()
    )
    assert "GAD-7: 15, severe" in said
    assert "This is not a diagnosis" in said
    assert "No permission required to reproduce" in said


def test_question_9_prints_the_support_panel_after_the_result(invoke: Invoke) -> None:
    result = json_of(
        invoke("check", "phq9", "--answers", "0,0,0,0,0,0,0,0,2", "--json")
    )
    assert result["support"] == {"level": "urgent", "about": "self"}
    said = invoke("check", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert said.exit_code == 0
    assert "PHQ-9: 1, minimal" in said.stdout
    assert "Support" in said.stdout


def test_questions_are_asked_one_by_one_and_the_optional_one_can_be_skipped(
    invoke: Invoke,
) -> None:
    typed = "\n".join(["2", "1", "1", "0", "0", "0", "0", ""]) + "\n"
    said = invoke("check", "gad7", typed=typed)
    assert said.exit_code == 0, said.output
    assert "Feeling nervous, anxious or on edge" in said.stdout
    assert "GAD-7: 4, minimal" in said.stdout
    history = json_of(invoke("check", "gad7", "--history", "--json"))
    assert history[0]["answers"] == [2, 1, 1, 0, 0, 0, 0]


def test_wrong_answers_are_one_clear_line_and_nothing_is_saved(invoke: Invoke) -> None:
    short = invoke("check", "phq2", "--answers", "1")
    assert short.exit_code == 1
    said = " ".join(short.output.split())
    assert "The PHQ-2 needs an answer to each of its 2 questions; 1 were given." in said
    words = invoke("check", "phq2", "--answers", "one,two")
    assert "numbers separated by commas" in words.output
    unknown = invoke("check", "bdi", "--answers", "1")
    assert "There is no check called 'bdi'" in unknown.output
    assert json_of(invoke("check", "phq2", "--history", "--json")) == []


def test_the_list_and_the_history_with_a_sparkline(invoke: Invoke) -> None:
    for answers in ("3,3", "1,1", "0,0"):
        invoke("check", "phq2", "--answers", answers)
    listed = json_of(invoke("check", "--json"))
    assert [c["slug"] for c in listed] == ["phq9", "phq2", "gad7", "arsq", "patterns"]
    phq2 = next(c for c in listed if c["slug"] == "phq2")
    assert phq2["last"]["total"] == 0
    shown = invoke("check", "phq2", "--history").stdout
    assert "█▃▁" in shown  # 6, 2 and 0 out of 6
    assert "at or above the cut-off" in shown


def test_the_patterns_check_shows_what_stands_out(invoke: Invoke) -> None:
    answers = ",".join(["4", "4"] + ["0"] * 25)
    said = " ".join(invoke("check", "patterns", "--answers", answers).stdout.split())
    assert "Communication fades (4.0 of 4)" in said
    assert "not a validated test" in said
