"""Settings for a local store in a test's own folder, with test-sized costs."""

from __future__ import annotations

from pathlib import Path

from closer.config import Settings


def local_settings(tmp_path: Path, **changes: object) -> Settings:
    """A local store in ``tmp_path/data``: Argon2id at test-sized costs, no kept key."""
    values: dict[str, object] = {
        "data_dir": tmp_path / "data",
        "kdf_memory_kib": 1024,
        "kdf_time_cost": 1,
        "unlock_minutes": 0,
        "allowed_hosts": "testserver",
        "model": "off",
    }
    return Settings(**{**values, **changes})  # type: ignore[arg-type]


def emptied(settings: Settings, key: bytes | None) -> None:
    """Take the store back to no schema at all, through the migrations' own
    downgrades: a new local store is made at the newest revision, and some
    tests start from before the first migration."""
    from alembic import command  # noqa: PLC0415

    from closer.adapters.db.database import open_database  # noqa: PLC0415
    from closer.adapters.db.migrate import alembic_config, foreign_keys_off  # noqa: PLC0415

    database = open_database(settings, key=key, migrate=False)
    try:
        config = alembic_config()
        with (
            database.engine.connect() as connection,
            foreign_keys_off(connection),
            connection.begin(),
        ):
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
    finally:
        database.close()
