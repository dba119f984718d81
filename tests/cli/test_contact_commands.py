"""``closer contact``: one line to note that you were in touch."""

from __future__ import annotations

from tests.cli.conftest import Invoke, json_of


def test_contacts_from_the_command_line(invoke: Invoke) -> None:
    heard = json_of(invoke("contact", "Sam", "--them", "--new-person", "--json"))
    assert (heard["contact"]["person"], heard["contact"]["direction"]) == (
        "Sam",
        "them",
    )
    met = json_of(invoke("contact", "Sam", "--how", "meet", "--json"))
    assert met["contact"]["direction"] == "both"
    assert [c["direction"] for c in json_of(invoke("contact", "--json"))] == [
        "both",
        "them",
    ]
    assert "Met Sam" in invoke("contact").stdout
    unknown = invoke("contact", "Samm")
    assert unknown.exit_code == 1
    assert "Did you mean Sam?" in unknown.output


def test_drifting_from_the_command_line(invoke: Invoke) -> None:
    assert invoke("person", "add", "Kit", "--every", "7").exit_code == 0
    assert json_of(invoke("drifting", "--json")) == []
    assert "No one is past the rhythm" in invoke("drifting").stdout
    people = json_of(invoke("person", "list", "--json"))
    assert people[0]["rhythm_days"] == 7
