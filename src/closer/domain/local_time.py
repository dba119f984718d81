"""A person's time zone: times are stored in UTC and shown, edited and
analysed in the zone the person lives in."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from closer.domain.errors import InvalidInput

MAX_ZONE_NAME = 64


def zone_named(name: str) -> ZoneInfo | None:
    """The IANA zone called ``name`` (such as ``Europe/Paris``), or ``None``
    when there is no such zone. Only an area and a place (or ``UTC``): a
    folder such as ``Europe``, or ``localtime`` (which differs per machine),
    is not a zone."""
    if not name or len(name) > MAX_ZONE_NAME or name.startswith(("/", ".")):
        return None
    if "/" not in name and name != "UTC":
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def parse_time_zone(value: str | None) -> str | None:
    """A zone name checked against the time-zone database; empty means "not
    chosen" (``None``)."""
    if value is None or not value.strip():
        return None
    name = value.strip()
    if zone_named(name) is None:
        raise InvalidInput(
            f"{name!r} is not a time zone Closer knows. Use a name such as "
            "Europe/Paris, America/New_York or Asia/Kolkata.",
            field="time_zone",
        )
    return name


def local(when: datetime, zone: tzinfo | None) -> datetime:
    """``when`` (aware, or naive meaning UTC) as a wall-clock time in ``zone``;
    ``None`` is this machine's own zone (the CLI's, when none was chosen)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(zone)


def chosen_zone(name: str | None) -> tzinfo | None:
    """The zone chosen in Settings, or ``None`` for this machine's own."""
    return zone_named(name) if name else None


def from_local(wall_clock: datetime, zone: tzinfo | None) -> datetime:
    """A wall-clock time typed in ``zone`` (naive) as an aware UTC time;
    ``None`` is this machine's own zone."""
    if wall_clock.tzinfo is None:
        if zone is None:
            return wall_clock.astimezone(UTC)  # a naive time is the machine's
        wall_clock = wall_clock.replace(tzinfo=zone)
    try:
        return wall_clock.astimezone(UTC)
    except OverflowError:
        raise InvalidInput(
            "That date is too far in the future or the past.", field="occurred_at"
        ) from None


def zone_label(zone: tzinfo) -> str:
    """How a zone is named to people: ``Europe/Paris``, or ``UTC``."""
    return str(getattr(zone, "key", None) or zone.tzname(None) or "UTC")
