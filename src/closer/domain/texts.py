"""Free text a person writes in a record: trimmed, required or not, bounded."""

from __future__ import annotations

from closer.domain.errors import InvalidInput


def written(value: str, name: str, limit: int, *, required: bool = False) -> str:
    """``value`` trimmed; a clear error naming the field if it is missing or long."""
    cleaned = value.strip()
    label = name.replace("_", " ")
    if required and not cleaned:
        raise InvalidInput(f"Write a few words for the {label}.", field=name)
    if len(cleaned) > limit:
        raise InvalidInput(f"Keep the {label} under {limit} characters.", field=name)
    return cleaned
