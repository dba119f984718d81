"""FastAPI dependencies and their ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from closer.adapters.content import bundled_library
from closer.adapters.crisis_lines import bundled_directory
from closer.adapters.db.database import Database
from closer.domain.content import Library
from closer.domain.crisis_lines import HelpDirectory
from closer.domain.preferences import Preferences
from closer.services.shell import Shell, load_shell
from closer.services.unit_of_work import UnitOfWork
from closer.web.store import StoreHolder


def get_store(request: Request) -> StoreHolder:
    """The app's hold on the store (open, locked or not set up)."""
    store: StoreHolder = request.app.state.store
    return store


StoreDep = Annotated[StoreHolder, Depends(get_store)]


def get_database(store: StoreDep) -> Database:
    """The open store; Locked or NotSetUp when it is not open yet."""
    return store.require()


def get_uow(database: Annotated[Database, Depends(get_database)]) -> UnitOfWork:
    """A fresh unit of work for this request."""
    return database.unit_of_work()


def get_optional_uow(store: StoreDep) -> UnitOfWork | None:
    """A unit of work if the store is open, else None (for pages that work locked)."""
    return store.require().unit_of_work() if store.is_open else None


def get_directory() -> HelpDirectory:
    """The crisis-lines directory."""
    return bundled_directory()


def get_library() -> Library:
    """The knowledge base."""
    return bundled_library()


DatabaseDep = Annotated[Database, Depends(get_database)]
LibraryDep = Annotated[Library, Depends(get_library)]
UowDep = Annotated[UnitOfWork, Depends(get_uow)]
OptionalUowDep = Annotated[UnitOfWork | None, Depends(get_optional_uow)]
DirectoryDep = Annotated[HelpDirectory, Depends(get_directory)]


def get_shell(uow: OptionalUowDep, directory: DirectoryDep) -> Shell:
    """The layout's data: preferences and any open support panel.

    While the records are locked: the defaults, and no panel."""
    if uow is None:
        return Shell(preferences=Preferences(), support=None, locked=True)
    return load_shell(uow, directory)


ShellDep = Annotated[Shell, Depends(get_shell)]
