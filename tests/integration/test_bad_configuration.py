"""Bad settings give one clear line saying what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from closer.adapters.db.database import open_database
from closer.config import Settings
from closer.domain.errors import ConfigurationError, StorageUnavailable
from tests.support.postgres import free_port


def test_an_unreachable_database_is_named_with_its_password_hidden(
    tmp_path: Path,
) -> None:
    url = f"postgresql+psycopg://closer:hunter2@127.0.0.1:{free_port()}/closer"
    settings = Settings(data_dir=tmp_path, database_url=url)
    with pytest.raises(StorageUnavailable) as caught:
        open_database(settings)
    message = caught.value.message
    assert "Cannot reach the database" in message
    assert "hunter2" not in message
    assert "CLOSER_DATABASE_URL" in message
    assert "\n" not in message


def test_an_unusable_database_url_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url="nosuchdb://x")
    with pytest.raises(ConfigurationError, match="CLOSER_DATABASE_URL"):
        open_database(settings)


def test_a_data_folder_that_cannot_exist_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigurationError) as caught:
        open_database(Settings(data_dir=blocker / "closer"))
    assert "Cannot write to the data folder" in caught.value.message
    assert "CLOSER_DATA_DIR" in caught.value.message
