"""This machine's time zone, for the CLI (a browser reports its own)."""

from __future__ import annotations

import os
from pathlib import Path

from closer.domain.local_time import zone_named

LOCALTIME = Path("/etc/localtime")


def machine_zone_name() -> str | None:
    """The IANA name of this machine's zone: ``TZ`` when it names one, else
    what ``/etc/localtime`` links to; ``None`` when neither says."""
    named = os.environ.get("TZ", "").removeprefix(":")
    if named:  # TZ wins over /etc/localtime, as it does for the clock itself
        named = named.partition("zoneinfo/")[2] or named
        return named if zone_named(named) is not None else None
    try:
        target = str(LOCALTIME.resolve(strict=True))
    except OSError:
        return None
    _, found, name = target.partition("zoneinfo/")
    return name if found and zone_named(name) is not None else None
