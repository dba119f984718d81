"""Readers that turn another app's export into Closer's records.

``open_import`` reads a file as ``Incoming``: its small parts at once, its
moments one at a time while the import writes them (Daylio CSV, jrnl and
Closer JSON), so a file of any size (up to ``CLOSER_IMPORT_MAX_MB``) takes
bounded memory; contacts files (vCard), small by nature, are read whole. Each
reader checks every record as it reads it and names the line (CSV) or entry
(JSON) and field of the first problem; the import is all or nothing.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import tzinfo
from enum import StrEnum
from typing import BinaryIO

from closer.domain.content import Library
from closer.domain.errors import InvalidInput, TooLarge
from closer.domain.records import Incoming, Records
from closer.domain.text import require_storable_file

MB = 1024 * 1024
MAX_VCARD_BYTES = 50 * MB  # read whole; far above any address book


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
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"The file is not UTF-8 text (byte {exc.start} cannot be read). "
            "Export it again as UTF-8."
        ) from None
    require_storable_file(text)
    return text


def open_import(
    file: BinaryIO,
    *,
    name: str,
    fmt: ImportFormat | None,
    library: Library,
    max_bytes: int,
    zone: tzinfo | None = None,
) -> tuple[ImportFormat, Incoming]:
    """The format of a seekable file (``fmt``, or guessed from its name and
    first bytes) and its records, ready to import; times written without a
    zone (jrnl, Daylio) are read in the person's ``zone`` (``None``: this
    computer's). InvalidInput at once for a file over ``max_bytes``, a format
    that cannot be told, or a first part (a header, everything but the
    moments) that does not fit."""
    size = file.seek(0, 2)
    file.seek(0)
    if size > max_bytes:
        raise TooLarge(too_large(size, max_bytes))
    head = file.read(4096).decode("utf-8-sig", errors="ignore")
    file.seek(0)
    chosen = fmt or guess_format(name, head)
    if chosen is ImportFormat.VCARD:
        from closer.adapters.importers import vcard  # noqa: PLC0415

        if size > MAX_VCARD_BYTES:
            raise TooLarge(too_large(size, MAX_VCARD_BYTES, "A contacts file"))
        return chosen, Incoming.of(vcard.loads(decode(file.read()), library))
    if chosen is ImportFormat.CLOSER:  # its times carry their zone
        from closer.adapters.export import closer_json  # noqa: PLC0415

        return chosen, closer_json.stream(file, library)
    return chosen, _streams()[chosen](file, library, zone)


def too_large(size: int, limit: int, what: str = "The file") -> str:
    """Why a file is refused for its size, in words."""
    return (
        f"{what} is {size / MB:,.0f} MB; Closer imports up to {limit // MB:,} MB "
        "(CLOSER_IMPORT_MAX_MB sets it). Split the file, or raise the limit."
    )


def _streams() -> dict[
    ImportFormat, Callable[[BinaryIO, Library, tzinfo | None], Incoming]
]:
    from closer.adapters.importers import daylio, jrnl  # noqa: PLC0415 - one per format

    return {ImportFormat.JRNL: jrnl.stream, ImportFormat.DAYLIO: daylio.stream}


def read(text: str, fmt: ImportFormat, library: Library) -> Records:
    """Validated records from ``text`` in format ``fmt``, all in memory."""
    _, incoming = open_import(
        io.BytesIO(text.encode("utf-8")),
        name="",
        fmt=fmt,
        library=library,
        max_bytes=sys.maxsize,
    )
    return replace(incoming.records, moments=tuple(incoming.moments))
