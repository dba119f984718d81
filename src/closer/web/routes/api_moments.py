"""Moments in the JSON API: create, read, update, delete, list."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field, create_model
from starlette.concurrency import run_in_threadpool

from closer.adapters.crisis_lines import bundled_directory
from closer.adapters.record_models import (
    API_TEXT_LIMIT,
    Style,
    changes_of,
    detail_fields,
    detail_values,
)
from closer.domain.details import plain_values
from closer.domain.moments import Felt, Moment, MomentQuery
from closer.domain.suggest import Suggestions
from closer.services.moments import (
    Logged,
    choose_causes,
    delete_moment,
    get_moment,
    list_moments,
    log_moment_steps,
    restore_moment,
    suggest_for,
    update_moment,
)
from closer.services.safety import support_panel
from closer.web.dependencies import (
    DirectoryDep,
    LibraryDep,
    RecordsDep,
    SuggesterDep,
    UowDep,
)
from closer.web.ids import CLIENT_KEY, Id, IdQuery, Offset
from closer.web.routes.api import API_PREFIX, RECORD_ERRORS
from closer.web.routes.api_safety import SupportOut, support_out

router = APIRouter(prefix=API_PREFIX, responses=RECORD_ERRORS, tags=["moments"])


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FeltIO(BaseModel):
    emotion: str
    intensity: int | None = None


class PersonRef(BaseModel):
    id: int
    name: str


# The moment's own fields are written here; its details (urge, action,
# outcome…, see closer.domain.details) are added from the domain's class.


class _MomentInShape(_In):
    situation: str = Field(max_length=API_TEXT_LIMIT)
    occurred_at: datetime | None = Field(default=None, description="Default: now")
    people: list[Id] = Field(default=[], description="Ids of existing people")
    new_people: list[str] = Field(
        default=[], description="Names; people not known yet are created"
    )
    emotions: list[FeltIO] = []


_CLIENT_KEY = Field(
    default=None,
    pattern=CLIENT_KEY,
    description="Send the same moment again under the same key (after a "
    "lost answer) and it is saved once: the first one comes back",
)


class _MomentKey(BaseModel):
    client_key: str | None = _CLIENT_KEY


class _MomentPatchShape(_In):
    situation: str | None = Field(default=None, max_length=API_TEXT_LIMIT)
    occurred_at: datetime | None = None
    people: list[Id] | None = None
    emotions: list[FeltIO] | None = None


class _MomentOutShape(BaseModel):
    id: int
    occurred_at: datetime
    situation: str
    people: list[PersonRef]
    emotions: list[FeltIO]

    @classmethod
    def of(cls, m: Moment) -> MomentOut:
        assert m.id is not None
        return cls(
            id=m.id,
            occurred_at=m.occurred_at,
            situation=m.situation,
            people=[
                PersonRef(id=i, name=n)
                for i, n in zip(m.people, m.person_names, strict=False)
            ],
            emotions=[
                FeltIO(emotion=f.emotion, intensity=f.intensity) for f in m.emotions
            ],
            action_kind=m.action_kind.value if m.action_kind else None,
            **plain_values(m),
        )


def _out_fields() -> dict[str, Any]:
    """The answer's fields in the order it has always had: ``action_kind``
    (derived) follows ``action``."""
    fields: dict[str, Any] = {}
    for name, definition in detail_fields(Moment, Style.SHOWN).items():
        fields[name] = definition
        if name == "action":
            fields["action_kind"] = (str | None, ...)
    return fields


if TYPE_CHECKING:

    class MomentIn(_MomentInShape, _MomentKey): ...

    MomentPatch = _MomentPatchShape
    MomentOut = _MomentOutShape
else:
    MomentIn = create_model(
        "MomentIn",
        __base__=_MomentInShape,
        **detail_fields(Moment, Style.NEW),
        client_key=(str | None, _CLIENT_KEY),
    )
    MomentPatch = create_model(
        "MomentPatch",
        __base__=_MomentPatchShape,
        **detail_fields(Moment, Style.CHANGE),
    )
    MomentOut = create_model("MomentOut", __base__=_MomentOutShape, **_out_fields())


class SuggestedCauseOut(BaseModel):
    slug: str
    name: str
    score: int
    because: list[str]


class SuggestionsOut(BaseModel):
    causes: list[SuggestedCauseOut]
    strategies: list[str]
    reflections: list[str]
    engine: str = Field(
        default="keywords",
        description="keywords, or the on-device model's name with keywords",
    )

    @classmethod
    def of(cls, s: Suggestions) -> SuggestionsOut:
        return cls(
            causes=[
                SuggestedCauseOut(
                    slug=c.slug, name=c.name, score=c.score, because=list(c.because)
                )
                for c in s.causes
            ],
            strategies=[x.slug for x in s.strategies],
            reflections=[x.slug for x in s.reflections],
            engine=s.engine,
        )


class LoggedOut(BaseModel):
    moment: MomentOut
    suggestions: SuggestionsOut
    support: SupportOut | None


class MomentsOut(BaseModel):
    items: list[MomentOut]
    total: int
    limit: int
    offset: int


class CausesIn(_In):
    causes: list[str]


def _logged(logged: Logged, uow: Any, directory: Any) -> LoggedOut:
    panel = (
        support_panel(uow, directory, logged.assessment)
        if logged.assessment.needs_support
        else None
    )
    return LoggedOut(
        moment=MomentOut.of(logged.moment),
        suggestions=SuggestionsOut.of(logged.suggestions),
        support=support_out(panel),
    )


def _felt(items: list[FeltIO]) -> list[Felt]:
    return [Felt(f.emotion, f.intensity) for f in items]


# --- moments --------------------------------------------------------------


@router.get("/moments")
def moments_list(
    uow: UowDep,
    person: IdQuery = None,
    action: str | None = None,
    cause: str | None = None,
    emotion: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Offset = 0,
) -> MomentsOut:
    """Moments, newest first, filtered and searched, one page at a time."""
    query = MomentQuery(
        person_id=person,
        action=action,
        cause=cause,
        emotion=emotion,
        since=since,
        until=until,
        search=q,
        limit=limit,
        offset=offset,
    )
    page = list_moments(uow, query)
    return MomentsOut(
        items=[MomentOut.of(m) for m in page.items],
        total=page.total,
        limit=limit,
        offset=offset,
    )


@router.post("/moments", status_code=201)
async def moments_log(
    body: MomentIn,
    records: RecordsDep,
    library: LibraryDep,
    suggester: SuggesterDep,
) -> LoggedOut:
    """Log a moment; the answer carries suggestions and, when needed, support."""
    logged = await records.run(
        log_moment_steps(
            library,
            situation=body.situation,
            occurred_at=body.occurred_at,
            people=tuple(body.people),
            new_people=tuple(body.new_people),
            emotions=_felt(body.emotions),
            suggester=suggester,
            client_key=body.client_key,
            **detail_values(body, Moment),
        )
    )
    uow, directory = records.unit_of_work(), bundled_directory()
    if logged.assessment.needs_support:  # the panel reads the safety plan
        return await run_in_threadpool(_logged, logged, uow, directory)
    return _logged(logged, uow, directory)


@router.get("/moments/{moment_id:id}")
def moments_get(moment_id: int, uow: UowDep) -> MomentOut:
    return MomentOut.of(get_moment(uow, moment_id))


@router.get("/moments/{moment_id:id}/suggestions")
def moments_suggestions(
    moment_id: int, uow: UowDep, library: LibraryDep, suggester: SuggesterDep
) -> SuggestionsOut:
    """Likely causes (with the words behind them) and things to try; ``engine``
    says whether they came from keywords or also from the on-device model."""
    moment = get_moment(uow, moment_id)
    return SuggestionsOut.of(suggest_for(moment, library, suggester))


@router.patch("/moments/{moment_id:id}")
def moments_change(
    moment_id: int,
    body: MomentPatch,
    uow: UowDep,
    library: LibraryDep,
    directory: DirectoryDep,
) -> LoggedOut:
    changes = changes_of(body, Moment, kept=("situation", "occurred_at"))
    if "emotions" in changes:
        changes["emotions"] = tuple(_felt(body.emotions or []))
    if "people" in changes:
        changes["people"] = tuple(changes["people"] or ())
    return _logged(update_moment(uow, library, moment_id, **changes), uow, directory)


@router.put("/moments/{moment_id:id}/causes")
def moments_causes(
    moment_id: int, body: CausesIn, uow: UowDep, library: LibraryDep
) -> MomentOut:
    """The causes the person thinks fit (replaces the earlier choice)."""
    return MomentOut.of(choose_causes(uow, library, moment_id, body.causes))


@router.delete("/moments/{moment_id:id}", status_code=204)
def moments_delete(moment_id: int, uow: UowDep) -> Response:
    """Delete a moment; ``POST …/restore`` undoes it."""
    delete_moment(uow, moment_id)
    return Response(status_code=204)


@router.post("/moments/{moment_id:id}/restore")
def moments_restore(moment_id: int, uow: UowDep) -> MomentOut:
    return MomentOut.of(restore_moment(uow, moment_id))
