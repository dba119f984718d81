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
    if settings.database_url:
        monkeypatch.setenv("CLOSER_DATABASE_URL", settings.database_url)
    else:
        monkeypatch.delenv("CLOSER_DATABASE_URL", raising=False)
    monkeypatch.setenv("CLOSER_PASSPHRASE_FILE", str(settings.passphrase_file))
    monkeypatch.setenv("CLOSER_UNLOCK_MINUTES", "0")
    monkeypatch.setenv("CLOSER_MODEL", settings.model)  # off unless a test says
    runner = CliRunner()

    def run(*args: str, typed: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=typed)

    return run


def json_of(result: Result) -> Any:
    """The JSON a ``--json`` command printed on stdout."""
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
