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
