"""Record ids in paths: ``/moments/{moment_id:id}``.

A path segment is an id only when it is a positive whole number that fits
the database (at most 18 digits), so ``/thoughts/traps`` never reaches the
route for ``/thoughts/{record_id}``, and an id too large for the database
is "nothing at this address" rather than an error deep in the driver.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import Field
from starlette.convertors import Convertor, register_url_convertor


class IdConvertor(Convertor[int]):
    regex = "[1-9][0-9]{0,17}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("id", IdConvertor())


MAX_ID = 10**18 - 1  # what the {name:id} convertor admits; fits every database

# An id given in a query or a body: a positive whole number that fits the
# database, so a too-large one is a clear 422, never an overflow in the driver.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
IdQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_ID)]

# A key a client gives a moment it may send twice (the offline queue).
CLIENT_KEY = r"^[A-Za-z0-9-]{8,64}$"
