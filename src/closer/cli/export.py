"""``closer export`` and ``closer import``: your records in open formats."""

from __future__ import annotations

import os
from datetime import tzinfo
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from closer.adapters.content import bundled_library
from closer.adapters.export import ExportFormat, closer_json, csv_tables, markdown
from closer.adapters.export.files import write_private
from closer.adapters.importers import MB, ImportFormat, open_import
from closer.cli.context import cli_zone, database
from closer.cli.output import JsonFlag, console, errors, print_json
from closer.config import load_settings
from closer.domain.errors import InvalidInput
from closer.domain.records import ImportReport, Incoming, Records
from closer.services.export import export_records
from closer.services.imports import import_records
from closer.services.unit_of_work import UnitOfWork


def export_command(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="json, md or csv.")
    ] = ExportFormat.JSON,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (a folder, or a .zip, for csv). Default: stdout.",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Export your records: Closer JSON, Markdown or CSV.

    Export all your records: Closer JSON, a Markdown journal, or CSV
    tables.
    """
    with database() as db:
        records = export_records(db.unit_of_work())
        zone = cli_zone(db.unit_of_work())
    if output is None:
        if fmt is ExportFormat.CSV:
            raise InvalidInput(
                "CSV export writes several files: give -o FOLDER or -o FILE.zip."
            )
        typer.echo(_text(records, fmt, zone), nl=False)
        return
    _write(records, fmt, output, zone)
    summary = {
        "format": fmt.value,
        "path": str(output),
        "people": len(records.people),
        "moments": len(records.moments),
    }
    if as_json:
        print_json(summary)
    else:
        console.print(
            f"Exported {len(records.moments)} moments and {len(records.people)} people "
            f"to {output} (readable by you only)."
        )


def _text(records: Records, fmt: ExportFormat, zone: tzinfo | None) -> str:
    if fmt is ExportFormat.MD:
        return markdown.render(records, bundled_library(), zone=zone)
    return closer_json.dumps(records)


def _write(
    records: Records, fmt: ExportFormat, output: Path, zone: tzinfo | None
) -> None:
    if fmt is not ExportFormat.CSV:
        write_private(output, _text(records, fmt, zone).encode("utf-8"))
    elif output.suffix.lower() == ".zip":
        write_private(output, csv_tables.zip_bytes(records, zone))
    else:
        csv_tables.write_folder(records, output, zone)


def import_command(
    path: Annotated[Path, typer.Argument(help="The file to import.")],
    fmt: Annotated[
        ImportFormat | None,
        typer.Option(
            "--format", "-f", help="closer, jrnl, daylio or vcard (default: guessed)."
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Import a Closer, jrnl or Daylio export, or a vCard file.

    Closer JSON, a jrnl JSON export, a Daylio CSV export, or contacts from a
    vCard file (.vcf: names, nicknames, birthdays).

    All or nothing: a problem anywhere stops the import and names its place,
    and nothing is written. Importing the same file again adds nothing.
    """
    settings = load_settings()
    try:
        file = path.open("rb")
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
    with file, database() as db:
        chosen, incoming = open_import(
            file,
            name=path.name,
            fmt=fmt,
            library=bundled_library(),
            max_bytes=settings.import_max_mb * MB,
            zone=cli_zone(db.unit_of_work()),
        )
        report = _import_with_progress(
            db.unit_of_work(), incoming, chosen, file, quiet=as_json
        )
    if as_json:
        print_json(report_data(report))
    else:
        for line in report_lines(report):
            console.print(line)


def _import_with_progress(
    uow: UnitOfWork,
    incoming: Incoming,
    fmt: ImportFormat,
    file: BinaryIO,
    *,
    quiet: bool,
) -> ImportReport:
    """Import, with a progress bar (on standard error) for a file over a MB:
    how far through the file the import has read."""
    size = os.fstat(file.fileno()).st_size
    if quiet or size < MB:
        return import_records(uow, incoming, source=fmt.value)
    from rich.progress import Progress  # noqa: PLC0415 - only for large files

    with Progress(console=errors, transient=True) as bar:
        task = bar.add_task("Importing", total=size)

        def advance(_done: int) -> None:
            bar.update(task, completed=min(file.tell(), size))

        return import_records(uow, incoming, source=fmt.value, progress=advance)


def report_data(report: ImportReport) -> dict[str, object]:
    """The import report as JSON."""
    return {
        "source": report.source,
        "people_added": report.people_added,
        "people_skipped": report.people_skipped,
        "moments_added": report.moments_added,
        "moments_skipped": report.moments_skipped,
        "plan_items_added": report.plan_items_added,
        "practice_added": report.practice_added,
        "practice_skipped": report.practice_skipped,
        "needs_care": report.needs_care,
        "people_names": list(report.people_names),
        "notes": list(report.notes),
    }


def report_lines(report: ImportReport) -> list[str]:
    """The import report in words."""
    lines = report.sentences()
    if report.needs_care:
        lines.append(
            f"{report.needs_care} of the imported texts speak of wanting to die or of "
            "self-harm. If that is how things are now, `closer help` shows who you "
            "can talk to, today."
        )
    return lines
