"""Readers that turn another app's export into Closer's ``Records``.

Each reader validates everything before anything is written and names the
line (CSV) or entry (JSON) and field of the first problem it finds.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from closer.domain.content import Library
from closer.domain.errors import InvalidInput
from closer.domain.records import Records

MAX_BYTES = 50 * 1024 * 1024


class ImportFormat(StrEnum):
    """The files Closer can import."""

    CLOSER = "closer"
    JRNL = "jrnl"
    DAYLIO = "daylio"
    VCARD = "vcard"


def guess_format(name: str, text: str) -> ImportFormat:
    """The format of a file, from its name and first characters."""
    start = text.lstrip("\ufeff \t\r\n")[:200]
    if name.lower().endswith(".vcf") or start.upper().startswith("BEGIN:VCARD"):
        return ImportFormat.VCARD
    if name.lower().endswith(".csv") or start.startswith("full_date"):
        return ImportFormat.DAYLIO
    if '"closer_export"' in start:
        return ImportFormat.CLOSER
    if start.startswith("{"):
        return ImportFormat.JRNL
    raise InvalidInput(
        "Closer cannot tell what this file is. Import a Closer export (.json), "
        "a jrnl JSON export, a Daylio CSV export or contacts (.vcf), or name "
        "the format."
    )


def decode(data: bytes) -> str:
    """File bytes as text (UTF-8, with or without a byte-order mark)."""
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"The file is larger than {MAX_BYTES // 2**20} MB.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"The file is not UTF-8 text (byte {exc.start} cannot be read). "
            "Export it again as UTF-8."
        ) from None


def read(text: str, fmt: ImportFormat, library: Library) -> Records:
    """Validated records from ``text`` in format ``fmt``."""
    from closer.adapters.export import closer_json  # noqa: PLC0415 - one per format
    from closer.adapters.importers import daylio, jrnl, vcard  # noqa: PLC0415

    readers: dict[ImportFormat, Callable[[str, Library], Records]] = {
        ImportFormat.CLOSER: closer_json.loads,
        ImportFormat.JRNL: jrnl.loads,
        ImportFormat.DAYLIO: daylio.loads,
        ImportFormat.VCARD: vcard.loads,
    }
    return readers[fmt](text, library)
