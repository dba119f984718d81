"""``closer timeout``: drafts, plan, list, back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.cli.conftest import Invoke, json_of

UNTIL = (datetime.now(UTC).date() + timedelta(days=5)).isoformat()


def test_a_time_out_from_the_command_line(invoke: Invoke) -> None:
    invoke("person", "add", "Jo")
    ideas = json_of(invoke("timeout", "drafts", "--until", UNTIL, "-p", "Jo", "--json"))
    assert all("Jo" in text for text in ideas)
    planned = json_of(
        invoke("timeout", "plan", "--until", UNTIL, "--why", "I am worn out",
               "-p", "Jo", "--message", ideas[0], "--json")
    )["timeout"]  # fmt: skip
    assert (planned["stage"], planned["person"]) == ("ongoing", "Jo")
    assert [t["id"] for t in json_of(invoke("timeout", "--json"))] == [planned["id"]]
    back = json_of(
        invoke("timeout", "back", str(planned["id"]), "-a", "", "-a", "", "-a", "Yes",
               "--json")
    )["timeout"]  # fmt: skip
    assert back["stage"] == "returned"
    assert back["reflection_id"] is not None


def test_a_bad_date_is_one_clear_line(invoke: Invoke) -> None:
    result = invoke("timeout", "plan", "--until", "next week", "--why", "rest")
    assert result.exit_code == 1
    assert "Use a date like" in result.output
