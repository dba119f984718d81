"""Files people send to be imported: received in bounded memory, then read
and written as a stream (``adapters.importers.open_import``)."""

from __future__ import annotations

import tempfile
from datetime import tzinfo
from typing import IO, BinaryIO, cast

from starlette.requests import Request

from closer.adapters.importers import MB, ImportFormat, open_import
from closer.config import Settings
from closer.domain.content import Library
from closer.domain.records import ImportReport
from closer.services.imports import import_records
from closer.services.unit_of_work import UnitOfWork

_IN_MEMORY = 1 * MB  # a larger upload goes on to a temporary file


async def received(request: Request) -> IO[bytes]:
    """The request's body in a temporary file (in memory while small). Call
    it only once the request may go on (signed in, same site): the body is
    read from here on."""
    spool = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY)  # noqa: SIM115
    try:
        async for chunk in request.stream():
            spool.write(chunk)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return cast(IO[bytes], spool)


def import_upload(
    file: IO[bytes],
    *,
    name: str,
    fmt: ImportFormat | None,
    uow: UnitOfWork,
    library: Library,
    settings: Settings,
    zone: tzinfo,
) -> ImportReport:
    """Read ``file`` and import it, all or nothing (blocking: run it in a
    worker thread from a route); times without a zone are the person's."""
    chosen, incoming = open_import(
        cast(BinaryIO, file),
        name=name,
        fmt=fmt,
        library=library,
        max_bytes=settings.import_max_mb * MB,
        zone=zone,
    )
    return import_records(uow, incoming, source=chosen.value)
