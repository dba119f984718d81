"""Records with every time in the person's zone, for the files people read
(the Markdown journal, the CSV tables). Closer JSON keeps UTC."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import UTC, datetime, tzinfo
from typing import Any

from closer.domain.local_time import local
from closer.domain.records import Records


def in_local_time(records: Records, zone: tzinfo | None) -> Records:
    """``records`` with each record's date-and-time fields moved to ``zone``
    (``None``: this machine's); dates, which have no time of day, stay."""
    if zone is UTC:
        return records
    changed: dict[str, Any] = {
        f.name: tuple(_local_record(item, zone) for item in value)
        for f in fields(records)
        if isinstance(value := getattr(records, f.name), tuple)
        and value
        and is_dataclass(value[0])
    }
    return replace(records, **changed)


def _local_record(record: Any, zone: tzinfo | None) -> Any:
    moved = {
        f.name: local(value, zone)
        for f in fields(record)
        if isinstance(value := getattr(record, f.name), datetime)
    }
    return replace(record, **moved) if moved else record
