"""``closer thought``: write, list, reread; traps."""

from __future__ import annotations

from tests.cli.conftest import Invoke, json_of


def test_a_thought_record_from_the_command_line(invoke: Invoke) -> None:
    saved = json_of(
        invoke("thought", "add", "--situation", "Sam cancelled", "--thought",
               "Sam does not want me around", "--belief", "75", "--felt", "hurt:6",
               "--trap", "mind-reading", "--against", "Sam rebooked at once",
               "--belief-after", "35", "--json")
    )  # fmt: skip
    record = saved["record"]
    assert (record["shift"], record["traps"]) == (40, ["mind-reading"])
    assert record["emotions"] == [{"emotion": "hurt", "intensity": 6}]
    assert [r["id"] for r in json_of(invoke("thought", "--json"))] == [record["id"]]
    shown = invoke("thought", "show", str(record["id"])).stdout
    assert "Mind reading" in shown
    assert "35/100" in shown
    assert len(json_of(invoke("thought", "traps", "--json"))) == 10


def test_a_bad_value_is_one_clear_line(invoke: Invoke) -> None:
    result = invoke("thought", "add", "--situation", "x", "--thought", "y",
                    "--belief", "50", "--trap", "crystal-ball")  # fmt: skip
    assert result.exit_code == 1
    assert "not a thinking trap" in result.output
