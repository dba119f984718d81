from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from closer.cli.main import app
from closer.config import Settings

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> Invoke:
    """Run ``closer ARGS`` in-process against the test store."""
    monkeypatch.setenv("CLOSER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("CLOSER_DATABASE_URL", settings.effective_database_url)
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, list(args))

    return run


def json_of(result: Result) -> Any:
    """The JSON a ``--json`` command printed on stdout."""
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
