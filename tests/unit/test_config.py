from __future__ import annotations

from pathlib import Path

import pytest

from closer.config import Settings, load_settings
from closer.domain.errors import ConfigurationError


def test_the_data_folder_follows_xdg_data_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CLOSER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert Settings().data_dir == tmp_path / "xdg" / "closer"


def test_without_xdg_the_data_folder_is_under_local_share(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CLOSER_DATA_DIR", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert Settings().data_dir == tmp_path / ".local" / "share" / "closer"


def test_the_default_database_is_a_sqlite_file_in_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CLOSER_DATABASE_URL", raising=False)
    monkeypatch.setenv("CLOSER_DATA_DIR", str(tmp_path))
    settings = Settings()
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'closer.db'}"
    assert settings.uses_sqlite


def test_a_postgresql_url_switches_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql+psycopg://closer@db.example/closer"
    monkeypatch.setenv("CLOSER_DATABASE_URL", url)
    settings = Settings()
    assert settings.effective_database_url == url
    assert not settings.uses_sqlite


def test_a_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOSER_PORT", "eighty")
    with pytest.raises(ConfigurationError, match="CLOSER_PORT"):
        load_settings()


def test_an_unknown_log_level_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOSER_LOG_LEVEL", "chatty")
    with pytest.raises(ConfigurationError, match="CLOSER_LOG_LEVEL"):
        load_settings()
