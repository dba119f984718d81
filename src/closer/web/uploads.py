"""Files people send to be imported: received in bounded memory, then read
and written as a stream (``adapters.importers.open_import``)."""

from __future__ import annotations

import tempfile
from typing import IO, BinaryIO, cast

from starlette.requests import Request

from closer.adapters.importers import MB, ImportFormat, open_import, too_large
from closer.config import Settings
from closer.domain.content import Library
from closer.domain.errors import TooLarge
from closer.domain.records import ImportReport
from closer.services.imports import import_records
from closer.services.unit_of_work import UnitOfWork

# The routes that take files accept bodies up to this size; the configured
# CLOSER_IMPORT_MAX_MB (smaller) is enforced while the bytes arrive.
IMPORT_CEILING = 1024 * 1024 * MB
_IN_MEMORY = 1 * MB  # a larger upload goes on to a temporary file


async def received(request: Request, settings: Settings) -> IO[bytes]:
    """The request's body in a temporary file (in memory while small), read
    as it arrives and refused once it passes the import limit."""
    limit = settings.import_max_mb * MB
    spool = tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY)  # noqa: SIM115
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise TooLarge(too_large(size, limit, "The upload"))
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
) -> ImportReport:
    """Read ``file`` and import it, all or nothing (blocking: run it in a
    worker thread from a route)."""
    chosen, incoming = open_import(
        cast(BinaryIO, file), name=name, fmt=fmt, library=library,
        max_bytes=settings.import_max_mb * MB,
    )  # fmt: skip
    return import_records(uow, incoming, source=chosen.value)
