"""``closer insights`` and ``closer report``: patterns over a period, and a
report to share with a counsellor."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from closer.adapters.checks_content import bundled_checks
from closer.adapters.content import bundled_library
from closer.cli.check import sparkline
from closer.cli.context import cli_zone, database
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.errors import InvalidInput
from closer.domain.insight_summary import Summary, below_threshold_note
from closer.domain.insights import percent
from closer.services.insights import (
    counselor_report,
    insights,
    period_of,
    summary_data,
)

FromOption = Annotated[
    str | None,
    typer.Option("--from", help="First day, YYYY-MM-DD (default: 90 days ago)."),
]
ToOption = Annotated[
    str | None, typer.Option("--to", help="Last day, YYYY-MM-DD (default: today).")
]


def _day(value: str | None, field: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            f"Use a date like 2026-11-22 for --{field}; got {value!r}.", field=field
        ) from None


def insights_command(
    start: FromOption = None, end: ToOption = None, as_json: JsonFlag = False
) -> None:
    """Patterns in your records (the last 90 days by default).

    Days and times are this machine's, or the time zone chosen with
    ``closer settings set --time-zone``.
    """
    with database() as db:
        zone = cli_zone(db.unit_of_work())
        period = period_of(_day(start, "from"), _day(end, "to"), zone=zone)
        summary = insights(
            db.unit_of_work(), bundled_library(), bundled_checks(), period, zone=zone
        )
    if as_json:
        print_json(summary_data(summary))
        return
    console.print(f"[bold]Insights, {period.start} to {period.end}[/bold]")
    for insight in summary.insights:
        console.print(f"- {escape(insight.sentence)}")
    if summary.moments:
        _weeks_table(summary)
    console.print(f"[dim]{below_threshold_note()}[/dim]")


def _weeks_table(summary: Summary) -> None:
    weeks = summary.weeks[-12:]
    top = max((w.moments for w in weeks), default=1) or 1
    console.print("Moments per week  " + sparkline([w.moments for w in weeks], top))
    table = Table("Week of", "Moments", "Stayed", title="The last weeks")
    for w in weeks:
        share = f"{w.share.stayed} of {w.share.noted}" if w.share.noted else "-"
        if w.share.noted:
            share += f" ({percent(w.share.stayed, w.share.noted)}%)"
        table.add_row(w.start.isoformat(), str(w.moments), share)
    console.print(table)


def report_command(
    start: FromOption = None,
    end: ToOption = None,
    pdf: Annotated[
        Path | None, typer.Option(help="Write the report as PDF here.")
    ] = None,
    markdown: Annotated[
        Path | None, typer.Option(help="Write it as Markdown here (- for stdout).")
    ] = None,
    note: Annotated[
        list[int] | None,
        typer.Option(help="A moment id whose words to include (repeat for more)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """A report to share with a counsellor.

    Self-checks, staying with the urge, what is behind it, ladder steps and
    plans. Only the moments named with --note are quoted; nothing else you
    wrote is included.
    """
    from closer.adapters.export.files import write_private  # noqa: PLC0415
    from closer.presentation.report import to_markdown, to_pdf  # noqa: PLC0415 - heavy

    if pdf is None and markdown is None:
        raise InvalidInput(
            "Say where the report goes: --pdf FILE and/or --markdown FILE."
        )
    library = bundled_library()
    with database() as db:
        zone = cli_zone(db.unit_of_work())
        period = period_of(_day(start, "from"), _day(end, "to"), zone=zone)
        made = counselor_report(
            db.unit_of_work(), library, bundled_checks(), period, note or [], zone=zone
        )
    written: list[str] = []
    if markdown is not None and str(markdown) == "-":
        console.print(to_markdown(made, library), markup=False, highlight=False)
    elif markdown is not None:
        write_private(markdown, to_markdown(made, library).encode("utf-8"))
        written.append(str(markdown))
    if pdf is not None:
        write_private(pdf, to_pdf(made, library))
        written.append(str(pdf))
    if as_json:
        print_json(
            {
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "written": written,
                "notes": len(made.notes),
                "made_at": made.made_at.isoformat(),
            }
        )
    elif written:
        console.print(f"Wrote {', '.join(written)} (readable by you only).")
