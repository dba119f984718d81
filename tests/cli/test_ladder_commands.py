"""``closer step``: plan, finish, ideas and accepting a little more good."""

from __future__ import annotations

from typing import Any

from tests.cli.conftest import Invoke, json_of


def test_a_step_from_plan_to_done(invoke: Invoke) -> None:
    assert invoke("person", "add", "Sam").exit_code == 0
    planned: dict[str, Any] = json_of(
        invoke("step", "plan", "Tell Sam I missed the call on purpose", "-d", "70",
               "--fear", "Sam will be angry", "-p", "Sam", "--json")
    )  # fmt: skip
    step = planned["step"]
    assert (step["person"], step["predicted_discomfort"], step["done_at"]) == (
        "Sam",
        70,
        None,
    )
    done = json_of(
        invoke(
            "step", "done", str(step["id"]), "--felt", "40", "--went", "good", "--json"
        )
    )
    assert done["step"]["went_as_well_or_better"] is True
    ladder = json_of(invoke("step", "--json"))
    assert [s["id"] for s in ladder["finished"]] == [step["id"]]
    assert ladder["next"]["level"] == 3
    text = invoke("step").stdout
    assert "expected 70, felt 40, went good" in text
    assert invoke("step", "list").stdout == text
    assert json_of(invoke("step", "list", "--json")) == ladder


def test_a_bad_value_is_one_clear_line(invoke: Invoke) -> None:
    result = invoke("step", "plan", "Call Mum", "-d", "120")
    assert result.exit_code == 1
    assert "Predicted discomfort must be between 0 and 100" in result.output
    missing = invoke("step", "done", "99", "--felt", "5", "--went", "good")
    assert "There is no step with id 99" in missing.output


def test_ideas_and_the_good_share(invoke: Invoke) -> None:
    ideas = json_of(invoke("step", "ideas", "--json"))
    assert {i["difficulty"] for i in ideas} == {1, 2, 3}
    assert "[gentle]" in invoke("step", "ideas").stdout
    first = json_of(invoke("step", "good", "--json"))
    assert first["suggested_percent"] == 5
    chosen = json_of(invoke("step", "good", "5", "--note", "compliments", "--json"))
    assert [h["percent"] for h in chosen["history"]] == [5]
