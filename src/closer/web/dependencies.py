"""FastAPI dependencies and their ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from closer.adapters.content import bundled_library
from closer.adapters.crisis_lines import bundled_directory
from closer.adapters.db.database import Database
from closer.domain.content import Library
from closer.domain.crisis_lines import HelpDirectory
from closer.services.shell import Shell, load_shell
from closer.services.unit_of_work import UnitOfWork


def get_database(request: Request) -> Database:
    """The store opened when the app started."""
    database: Database = request.app.state.database
    return database


def get_uow(database: Annotated[Database, Depends(get_database)]) -> UnitOfWork:
    """A fresh unit of work for this request."""
    return database.unit_of_work()


def get_directory() -> HelpDirectory:
    """The crisis-lines directory."""
    return bundled_directory()


def get_library() -> Library:
    """The knowledge base."""
    return bundled_library()


DatabaseDep = Annotated[Database, Depends(get_database)]
LibraryDep = Annotated[Library, Depends(get_library)]
UowDep = Annotated[UnitOfWork, Depends(get_uow)]
DirectoryDep = Annotated[HelpDirectory, Depends(get_directory)]


def get_shell(uow: UowDep, directory: DirectoryDep) -> Shell:
    """The layout's data: preferences and any open support panel."""
    return load_shell(uow, directory)


ShellDep = Annotated[Shell, Depends(get_shell)]
