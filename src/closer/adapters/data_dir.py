"""The local data folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

from closer.domain.errors import ConfigurationError


def prepare_data_dir(path: Path) -> Path:
    """Create ``path`` if needed and prove it can be written to."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise ConfigurationError(
            f"Cannot write to the data folder {path}: {reason}. "
            "Set CLOSER_DATA_DIR to a folder you can write to."
        ) from None
    return path
