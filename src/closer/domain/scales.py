"""Numbers on a scale (urge 0-10, closeness 0-10, intensity 1-10)."""

from __future__ import annotations

from closer.domain.errors import InvalidInput


def check_scale(value: int | None, field: str, low: int, high: int) -> int | None:
    """``value`` if it lies in [low, high] (or is None), else a clear error."""
    if value is not None and not low <= value <= high:
        label = field.replace("_", " ")
        raise InvalidInput(
            f"{label.capitalize()} must be between {low} and {high}; got {value}.",
            field=field,
        )
    return value
