"""What ``--json`` prints for one journal of every kind of record stays as it
was (kept in ``tests/data/golden/cli/``; see
``tests/integration/test_outputs_stay_the_same.py`` for how to update)."""

from __future__ import annotations

import pytest

from closer.adapters.db.database import Database
from tests.cli.conftest import Invoke
from tests.integration.test_outputs_stay_the_same import same_as_kept
from tests.support.journal import fill

COMMANDS = [
    ("moments", "--json"),
    ("person", "list", "--json"),
    ("person", "show", "Sam", "--json"),
    ("reflect", "list", "--json"),
    ("reflect", "show", "1", "--json"),
    ("thought", "show", "1", "--json"),
    ("step", "good", "--json"),
    ("safety", "plan", "--json"),
    ("settings", "show", "--json"),
    ("insights", "--from", "2026-02-23", "--to", "2026-03-15", "--json"),
]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_every_json_command_prints_the_same(database: Database, invoke: Invoke) -> None:
    fill(database)
    database.close()
    for command in COMMANDS:
        result = invoke(*command)
        assert result.exit_code == 0, (command, result.output)
        name = "-".join(c for c in command if not c.startswith("-"))
        same_as_kept(f"cli/{name}.json", result.stdout)
