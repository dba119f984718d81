"""A report for a counsellor: a few pages the person chooses to share.

It holds the period's summary, each self-check's results, and only the
notes the person ticked (nothing they wrote is included otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from closer.domain.checks import CheckResult
from closer.domain.insight_summary import Summary


@dataclass(frozen=True, slots=True)
class Note:
    """A moment the person chose to include, in their own words."""

    at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class CheckHistory:
    """One self-check's results in the period, oldest first."""

    name: str
    title: str
    attribution: str
    results: tuple[CheckResult, ...]


@dataclass(frozen=True)
class Report:
    """Everything the report shows."""

    summary: Summary
    made_at: datetime
    checks: tuple[CheckHistory, ...] = ()
    notes: tuple[Note, ...] = field(default_factory=tuple)
