"""FastAPI dependencies and their ``Annotated`` aliases.

Dependencies that do no I/O are ``async def``: FastAPI runs a plain ``def``
dependency in a worker thread, and a hop to a thread and back for each of a
request's half-dozen dependencies cost more than the work they do. Those that
read the database (the shell, a hosted session) run in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import tzinfo
from functools import cache
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from closer.adapters.checks_content import bundled_checks
from closer.adapters.content import (
    bundled_cause_examples,
    bundled_library,
    bundled_step_ideas,
)
from closer.adapters.crisis_lines import bundled_directory
from closer.adapters.db.account_store import accounts_for  # Argon2 warms at import
from closer.adapters.db.database import Database
from closer.adapters.db.schema import LOCAL_USER_ID
from closer.adapters.embeddings import OnnxEmbedder, embedder_for
from closer.adapters.message_content import message_checker
from closer.domain.checks import Check
from closer.domain.content import Library
from closer.domain.crisis_lines import HelpDirectory
from closer.domain.errors import NotFound, NotSignedIn
from closer.domain.ladder import StepIdea
from closer.domain.meaning import EmotionHinter, LearnIndex, MeaningSuggester
from closer.domain.messages import MessageChecker
from closer.domain.preferences import Preferences
from closer.domain.safety import Assessment
from closer.domain.safety.learned import LearnedLayer
from closer.domain.suggest import KeywordSuggester, Suggester
from closer.services.accounts import Accounts, email_of, user_for
from closer.services.safety import learned_layer_on
from closer.services.shell import Shell, load_shell
from closer.services.unit_of_work import Steps, UnitOfWork, run_steps_async
from closer.web.rendering import zone_of
from closer.web.store import UNLOCK_COOKIE, StoreHolder

T = TypeVar("T")


async def get_store(request: Request) -> StoreHolder:
    """The app's hold on the store (open, locked or not set up)."""
    store: StoreHolder = request.app.state.store
    return store


StoreDep = Annotated[StoreHolder, Depends(get_store)]


async def get_database(request: Request, store: StoreDep) -> Database:
    """The open store; Locked or NotSetUp when it is not open (for this browser)."""
    return store.require(request.cookies.get(UNLOCK_COOKIE))


SESSION_COOKIE = "closer_session"


def accounts_of(store: StoreHolder) -> Accounts:
    """The account use cases over the store's database (hosted mode)."""
    return accounts_for(store.require())


def signed_in(request: Request, store: StoreHolder) -> int | None:
    """Whose request this is: the local person, or the signed-in account
    (hosted mode), or None when no one is signed in."""
    if not store.settings.hosted:
        return LOCAL_USER_ID
    return user_for(accounts_of(store), request.cookies.get(SESSION_COOKIE))


async def _signed_in(request: Request, store: StoreHolder) -> int | None:
    """``signed_in`` without blocking the event loop (hosted mode reads the
    sessions table in a worker thread)."""
    if not store.settings.hosted:
        return LOCAL_USER_ID
    return await run_in_threadpool(signed_in, request, store)


async def get_owner(request: Request, store: StoreDep) -> int:
    """The person whose records this request may read and write."""
    owner = await _signed_in(request, store)
    if owner is None:
        raise NotSignedIn("Sign in to see your records.")
    return owner


OwnerDep = Annotated[int, Depends(get_owner)]
DatabaseDep = Annotated[Database, Depends(get_database)]


@dataclass(frozen=True, slots=True)
class Records:
    """One person's records, for a request that writes them on the hot path
    (logging a moment). ``run`` runs a use case's steps
    (``services.unit_of_work.Steps``): the writes go through the group commit
    and are awaited, so moments logged at the same time share one durable
    commit and the event loop never waits; the work between writes runs in a
    worker thread when the on-device model does it. One dependency instead of
    several: FastAPI's cost per dependency showed in the load test."""

    database: Database
    owner: int
    heavy: bool

    def unit_of_work(self) -> UnitOfWork:
        """A fresh unit of work over these records."""
        return self.database.unit_of_work(self.owner)

    async def run(self, steps: Steps[T]) -> T:
        """Run ``steps`` to the end; see the class's docstring."""
        write = self.database.async_writer(self.owner)
        return await run_steps_async(steps, write, in_thread=self.heavy)


async def get_records(request: Request) -> Records:
    """The records of whoever sent this request (as ``get_database`` and
    ``get_owner`` would find them, in one step)."""
    store = await get_store(request)
    database = await get_database(request, store)
    owner = await get_owner(request, store)
    heavy = _embedder(request) is not None or learned_layer_on()
    return Records(database, owner, heavy=heavy)


RecordsDep = Annotated[Records, Depends(get_records)]


async def get_uow(database: DatabaseDep, owner: OwnerDep) -> UnitOfWork:
    """A fresh unit of work over this person's records, for this request."""
    return database.unit_of_work(owner)


async def get_optional_uow(request: Request, store: StoreDep) -> UnitOfWork | None:
    """A unit of work if records can be read (open, signed in), else None: for
    pages that work without records, such as "Need help now"."""
    token = request.cookies.get(UNLOCK_COOKIE)
    if not store.is_open or not store.admits(token):
        return None
    owner = await _signed_in(request, store)
    return None if owner is None else store.require(token).unit_of_work(owner)


def set_unlock_cookie(response: Response, token: str | None) -> None:
    """Remember, for this browser's session, that it unlocked the store."""
    if token is not None:
        response.set_cookie(
            UNLOCK_COOKIE, token, httponly=True, samesite="strict", path="/"
        )


async def local_only(store: StoreDep) -> None:
    """Pages about the local store (passphrase, backup) do not exist when hosted."""
    if store.settings.hosted:
        raise NotFound("There is nothing at this address.")


async def hosted_only(store: StoreDep) -> None:
    """Account pages exist only in hosted mode."""
    if not store.settings.hosted:
        raise NotFound("There is nothing at this address.")


LocalOnly = Depends(local_only)
HostedOnly = Depends(hosted_only)


async def get_directory() -> HelpDirectory:
    """The crisis-lines directory."""
    return bundled_directory()


async def get_step_ideas() -> tuple[StepIdea, ...]:
    """Ladder step ideas, gentle ones first."""
    return bundled_step_ideas()


StepIdeasDep = Annotated[tuple[StepIdea, ...], Depends(get_step_ideas)]


KEYWORDS: Suggester = KeywordSuggester()


def _embedder(request: Request) -> OnnxEmbedder | None:
    return embedder_for(request.app.state.settings)


# One of each per process: built once around the shared embedder, which
# loads the model on first use.
@cache
def _suggester_for(embedder: OnnxEmbedder) -> MeaningSuggester:
    return MeaningSuggester(embedder, bundled_cause_examples())


@cache
def _hinter_for(embedder: OnnxEmbedder) -> EmotionHinter:
    return EmotionHinter(embedder)


@cache
def _index_for(embedder: OnnxEmbedder) -> LearnIndex:
    return LearnIndex(embedder)


async def get_suggester(request: Request) -> Suggester:
    """The meaning engine when the ml extra is installed and CLOSER_MODEL
    allows it, else the keyword engine."""
    embedder = _embedder(request)
    return KEYWORDS if embedder is None else _suggester_for(embedder)


async def get_hinter(request: Request) -> EmotionHinter | None:
    """Emotion hints from the on-device model, or None without it."""
    embedder = _embedder(request)
    return None if embedder is None else _hinter_for(embedder)


async def get_learn_index(request: Request) -> LearnIndex | None:
    """Learn searchable by meaning, or None without the model."""
    embedder = _embedder(request)
    return None if embedder is None else _index_for(embedder)


@cache
def _message_checker_for(embedder: OnnxEmbedder | None) -> MessageChecker:
    return message_checker(embedder)


async def get_message_checker(request: Request) -> MessageChecker:
    """The message check: by meaning and words with the model, else by words."""
    return _message_checker_for(_embedder(request))


def warm_up(embedder: OnnxEmbedder | None, layer: LearnedLayer | None) -> None:
    """Load the models and embed every set of sentences the engines compare
    with (causes, feelings, Learn, message patterns); load the safety model."""
    if layer is not None:
        layer.judge_all(["warming up"])
    if embedder is None:
        return
    library = bundled_library()
    _suggester_for(embedder).rank("warming up", library, {})
    _hinter_for(embedder).hints("warming up", library)
    _message_checker_for(embedder).check("warming up")
    _index_for(embedder).ask("warming up", library)


SuggesterDep = Annotated[Suggester, Depends(get_suggester)]
MessageCheckerDep = Annotated[MessageChecker, Depends(get_message_checker)]
HinterDep = Annotated[EmotionHinter | None, Depends(get_hinter)]
LearnIndexDep = Annotated[LearnIndex | None, Depends(get_learn_index)]


async def get_checks() -> tuple[Check, ...]:
    """The self-checks."""
    return bundled_checks()


ChecksDep = Annotated[tuple[Check, ...], Depends(get_checks)]


async def get_library() -> Library:
    """The knowledge base."""
    return bundled_library()


LibraryDep = Annotated[Library, Depends(get_library)]
UowDep = Annotated[UnitOfWork, Depends(get_uow)]
OptionalUowDep = Annotated[UnitOfWork | None, Depends(get_optional_uow)]
DirectoryDep = Annotated[HelpDirectory, Depends(get_directory)]


TIME_ZONE_COOKIE = "closer_tz"  # set by app.js from the browser's own zone


def detected_zone(request: Request) -> str | None:
    """The time zone the browser reported, if any (checked before use)."""
    return request.cookies.get(TIME_ZONE_COOKIE)


def get_shell(
    request: Request, store: StoreDep, uow: OptionalUowDep, directory: DirectoryDep
) -> Shell:
    """The layout's data: preferences, any open support panel, and (hosted)
    who is signed in. While the records are locked: the defaults, no panel."""
    if uow is None:
        return Shell(preferences=Preferences(), support=None, locked=True)
    shell = load_shell(uow, directory, detected_zone(request))
    if store.settings.hosted:
        owner = signed_in(request, store)
        email = email_of(accounts_of(store), owner) if owner else None
        shell = replace(shell, account=email)
    return shell


ShellDep = Annotated[Shell, Depends(get_shell)]


def get_zone(shell: ShellDep) -> tzinfo:
    """The person's time zone: chosen in Settings, else the browser's, else UTC."""
    return zone_of(shell)


ZoneDep = Annotated[tzinfo, Depends(get_zone)]


def shell_after(
    shell: Shell, uow: UnitOfWork, directory: HelpDirectory, assessment: Assessment
) -> Shell:
    """The layout once typed text was checked: with the support panel the
    check just opened, so it shows on this very page."""
    if not assessment.needs_support:
        return shell
    return replace(shell, support=load_shell(uow, directory).support)
