"""Times are stored in UTC and read in the person's own time zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from closer.adapters.machine_zone import machine_zone_name
from closer.domain.errors import InvalidInput
from closer.domain.local_time import from_local, local, parse_time_zone, zone_named
from closer.domain.preferences import Preferences
from closer.services.shell import zone_for

PARIS = ZoneInfo("Europe/Paris")


def test_a_known_zone_is_kept_and_an_empty_one_means_not_chosen() -> None:
    assert parse_time_zone(" Asia/Kolkata ") == "Asia/Kolkata"
    assert parse_time_zone("") is None
    assert parse_time_zone(None) is None


@pytest.mark.parametrize(
    "typed",
    ["Mars/Olympus", "../../etc/passwd", "/etc/localtime", "x" * 80,
     "Europe", "America", "localtime", "Factory", "posixrules"],
)  # fmt: skip
def test_an_unknown_zone_is_refused_by_name(typed: str) -> None:
    with pytest.raises(InvalidInput, match="is not a time zone Closer knows") as err:
        parse_time_zone(typed)
    assert err.value.field == "time_zone"
    assert zone_named(typed) is None


def test_a_utc_time_reads_as_the_wall_clock_of_the_zone_summer_and_winter() -> None:
    assert local(datetime(2026, 7, 1, 21, 30, tzinfo=UTC), PARIS).hour == 23
    assert local(datetime(2026, 12, 1, 21, 30, tzinfo=UTC), PARIS).hour == 22
    late = local(datetime(2026, 12, 1, 23, 30, tzinfo=UTC), PARIS)
    assert (late.day, late.hour) == (2, 0)  # already the next day in Paris


def test_a_typed_wall_clock_time_goes_back_to_the_same_instant() -> None:
    typed = datetime(2026, 3, 29, 9, 15)  # the morning the clocks go forward
    stored = from_local(typed, PARIS)
    assert stored == datetime(2026, 3, 29, 7, 15, tzinfo=UTC)
    assert local(stored, PARIS).replace(tzinfo=None) == typed


def test_the_chosen_zone_wins_then_the_browsers_then_utc() -> None:
    chosen = Preferences(time_zone="Asia/Tokyo")
    assert zone_for(chosen, "Europe/Paris") == "Asia/Tokyo"
    assert zone_for(Preferences(), "Europe/Paris") == "Europe/Paris"
    assert zone_for(Preferences(), "Not/AZone") == "UTC"
    assert zone_for(Preferences(), None) == "UTC"


def test_a_date_beyond_the_calendar_is_refused_not_crashed() -> None:
    with pytest.raises(InvalidInput, match="too far"):
        from_local(datetime(9999, 12, 31, 23, 30), ZoneInfo("Pacific/Pago_Pago"))


@pytest.mark.parametrize(
    ("tz", "named"),
    [("Asia/Tokyo", "Asia/Tokyo"), (":Asia/Tokyo", "Asia/Tokyo"),
     ("/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo"), ("CET-1", None),
     ("garbage", None)],
)  # fmt: skip
def test_the_machines_zone_is_named_from_tz_first(
    monkeypatch: pytest.MonkeyPatch, tz: str, named: str | None
) -> None:
    monkeypatch.setenv("TZ", tz)
    assert machine_zone_name() == named
