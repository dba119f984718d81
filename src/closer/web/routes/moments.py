"""Moments: the quick log, the list with filters and search, one moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.content import Library
from closer.domain.errors import InvalidInput
from closer.domain.local_time import from_local, local
from closer.domain.meaning import EmotionHinter
from closer.domain.moments import APPROACHES, CHANNELS, Felt, Moment, MomentQuery
from closer.domain.safety import About
from closer.domain.timeouts import Stage, note_for
from closer.services.checks import reminder_due
from closer.services.contacts import drift_summary_today, mark_drift_summary_shown
from closer.services.meaning import moments_by_meaning
from closer.services.moments import (
    choose_causes,
    delete_moment,
    get_moment,
    list_moments,
    log_moment_steps,
    restore_moment,
    suggest_for,
    update_moment,
)
from closer.services.people import list_people
from closer.services.safety import assess_many, assess_texts, check_in_due
from closer.services.shell import Shell
from closer.services.timeouts import list_timeouts, today
from closer.services.unit_of_work import UnitOfWork
from closer.web import forms
from closer.web.dependencies import (
    HinterDep,
    LearnIndexDep,
    LibraryDep,
    RecordsDep,
    ShellDep,
    SuggesterDep,
    UowDep,
)
from closer.web.rendering import is_htmx, render, zone_of

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
EDIT_TIME = "%Y-%m-%dT%H:%M"  # a datetime-local value


def choices(uow: UnitOfWork, library: Library) -> dict[str, Any]:
    """What the moment forms offer: people, actions, feelings, causes."""
    return {
        "people": [s.person for s in list_people(uow)],
        "approaches": APPROACHES,
        "channels": CHANNELS,
        "groups": library.groups,
        "signs_in_group": library.signs_in_group,
        "emotions": library.emotions,
        "causes": library.causes,
    }


def _felt(emotion: str, intensity: str) -> list[Felt]:
    if not emotion.strip():
        return []
    return [Felt(emotion, forms.optional_int(intensity, "intensity"))]


@router.post("/moments", response_class=HTMLResponse)
async def log_from_form(
    request: Request, shell: ShellDep, library: LibraryDep, records: RecordsDep
) -> Response:
    """The quick log on Today. Only the situation is required."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    try:
        logged = await records.run(
            log_moment_steps(
                library,
                situation=form.get("situation", ""),
                new_people=tuple(forms.names(form.get("people"))),
                emotions=_felt(form.get("emotion", ""), form.get("intensity", "")),
                client_key=forms.optional_client_key(form.get("client_key")),
                **forms.details(Moment, form),
            )
        )
    except InvalidInput as error:
        return render(
            request,
            "today.html",
            shell=shell,
            title="Today",
            error=error,
            form=form,
            status_code=error.status,
            **await run_in_threadpool(
                today_context, records.unit_of_work(), library, zone_of(shell)
            ),
        )
    return RedirectResponse(f"/moments/{logged.moment.id}?new=true", status_code=303)


def today_context(
    uow: UnitOfWork, library: Library, zone: tzinfo = UTC
) -> dict[str, Any]:
    """Today's page data: the form's choices, the last few moments (one whose
    words are dark is folded, not shown first), and any time-out whose return
    day has come (asked about gently, once it is due)."""
    with uow:  # one transaction for everything the page reads
        drift_summary = drift_summary_today(uow, zone=zone)
        recent = list_moments(uow, MomentQuery(limit=3)).items
        day = today(zone)
        returning = [
            (t, note_for(t, day))
            for t in list_timeouts(uow)
            if t.stage(day) in (Stage.DUE, Stage.PAST_DUE)
        ]
        read = {
            **choices(uow, library),
            "drift_summary": drift_summary,
            "check_reminder": reminder_due(uow),
            "check_in": check_in_due(uow),
        }
    if drift_summary:  # shown once a day: a write of its own, after the reads
        mark_drift_summary_shown(uow, zone=zone)
    checked = assess_many([m.texts() for m in recent])
    folded = {
        m.id for m, found in zip(recent, checked, strict=True) if found.needs_support
    }
    return {
        **read,
        "recent": recent,
        "folded": folded,
        "returning": returning,
        "welcome_back": bool(recent) and away_a_while(recent[0].occurred_at),
    }


AWAY = timedelta(days=14)


def away_a_while(last_moment: datetime) -> bool:
    """Whether the newest moment is two weeks old or more: Today then says
    "welcome back", and never how long it has been."""
    return datetime.now(UTC) - last_moment >= AWAY


def _local_day(value: str | None, field: str, zone: tzinfo) -> datetime | None:
    """The start of a day typed in a date field, in the person's zone."""
    day = forms.optional_date(value, field)
    return from_local(day.replace(tzinfo=None), zone) if day else None


def _query(params: dict[str, str], offset: int, zone: tzinfo) -> MomentQuery:
    return MomentQuery(
        person_id=forms.optional_int(params.get("person"), "person"),
        action=params.get("action") or None,
        cause=params.get("cause") or None,
        emotion=params.get("emotion") or None,
        since=_local_day(params.get("since"), "since", zone),
        until=_local_day(params.get("until"), "until", zone),
        search=(params.get("q") or "").strip()[:200] or None,
        limit=PAGE_SIZE,
        offset=max(offset, 0),
    )


@router.get("/moments", response_class=HTMLResponse)
def moments_page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    library: LibraryDep,
    index: LearnIndexDep,
    offset: int = 0,
    deleted: int | None = None,
) -> Response:
    """Every moment, newest first, with filters and search; with the model
    on, also the moments closest in meaning to the search."""
    params = {k: v for k, v in request.query_params.items() if v}
    try:
        query = _query(params, offset, zone_of(shell))
        error = None
    except InvalidInput as problem:
        query, error = MomentQuery(limit=PAGE_SIZE), problem
    page = list_moments(uow, query)
    by_meaning = None
    if index is not None and params.get("meaning") and query.search:
        by_meaning = moments_by_meaning(uow, index.embedder, query.search, limit=10)
    base = "&".join(
        f"{k}={v}" for k, v in params.items() if k not in {"offset", "deleted"}
    )
    return render(
        request,
        "moments.html",
        shell=shell,
        title="Moments",
        page=page,
        params=params,
        base=base,
        error=error,
        deleted=deleted,
        library=library,
        can_mean=index is not None,
        by_meaning=by_meaning,
        **choices(uow, library),
    )


def _hints(hinter: EmotionHinter | None, moment: Moment, library: Library) -> list[str]:
    """Feelings the moment's words sound like, not already named in it."""
    if hinter is None:
        return []
    named = {f.emotion for f in moment.emotions}
    found = hinter.hints(" ".join(moment.texts()), library)
    return [library.emotions[s].name for s in found if s not in named]


@router.get("/moments/{moment_id:id}", response_class=HTMLResponse)
def moment_page(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    library: LibraryDep,
    suggester: SuggesterDep,
    hinter: HinterDep,
    moment_id: int,
    new: bool = False,
) -> Response:
    """One moment, with likely causes and things to try; when its words are
    dark, support instead of causes and reflections."""
    moment = get_moment(uow, moment_id)
    template = "_suggestions.html" if is_htmx(request) else "moment.html"
    check = assess_texts(moment.texts())
    dark = check.needs_support and check.about is About.SELF
    shown = is_htmx(request) or not dark  # a dark moment's page shows no causes
    return render(
        request,
        template,
        shell=shell,
        title="Moment",
        moment=moment,
        new=new,
        dark=dark,
        moment_check_reasons=check.descriptions(),
        suggestions=suggest_for(moment, library, suggester) if shown else None,
        hints=_hints(hinter, moment, library) if shown else None,
        library=library,
        approaches=APPROACHES,
        channels=CHANNELS,
    )


@router.post("/moments/{moment_id:id}/causes", response_class=HTMLResponse)
async def choose_causes_form(
    request: Request, uow: UowDep, library: LibraryDep, moment_id: int
) -> Response:
    """Keep the causes the person ticked (accepting, changing or ignoring hints)."""
    form = await request.form()
    chosen = [str(v) for v in form.getlist("cause") if str(v).strip()]
    await run_in_threadpool(choose_causes, uow, library, moment_id, chosen)
    return RedirectResponse(f"/moments/{moment_id}", status_code=303)


@router.get("/moments/{moment_id:id}/edit", response_class=HTMLResponse)
def edit_moment_page(
    request: Request, uow: UowDep, shell: ShellDep, library: LibraryDep, moment_id: int
) -> Response:
    moment = get_moment(uow, moment_id)
    first = moment.emotions[0] if moment.emotions else None
    form = {
        "situation": moment.situation,
        "people": ", ".join(moment.person_names),
        "emotion": first.emotion if first else "",
        "intensity": str(first.intensity) if first and first.intensity else "",
        "occurred_at": local(moment.occurred_at, zone_of(shell)).strftime(EDIT_TIME),
        **forms.detail_text(moment),
    }
    return _edit_page(request, shell, moment, form, None, choices(uow, library))


def _when_edited(typed: str | None, current: Moment, zone: tzinfo) -> datetime:
    """The time from the edit form; unchanged when the person left the shown
    time as it was (in a repeated hour of a clock change the wall-clock time
    alone would move the moment by an hour)."""
    shown = local(current.occurred_at, zone).strftime(EDIT_TIME)
    if not typed or typed.strip() == shown:
        return current.occurred_at
    return forms.optional_datetime(typed, "occurred_at", zone) or current.occurred_at


def _edit_page(
    request: Request,
    shell: Shell,
    moment: Moment,
    form: dict[str, str],
    error: InvalidInput | None,
    offered: dict[str, Any],
) -> Response:
    """The edit form: as saved, or again with what was typed and the error."""
    return render(
        request,
        "moment_edit.html",
        shell=shell,
        title="Edit moment",
        moment=moment,
        form=form,
        error=error,
        status_code=error.status if error else 200,
        **offered,
    )


@router.post("/moments/{moment_id:id}/edit", response_class=HTMLResponse)
async def save_moment_form(
    request: Request, uow: UowDep, shell: ShellDep, library: LibraryDep, moment_id: int
) -> Response:
    """Save every field; a mistake shows the form again with what was typed."""
    form = {k: str(v) for k, v in (await request.form()).items()}

    def save() -> None:
        current = get_moment(uow, moment_id)
        emotions = _felt(form.get("emotion", ""), form.get("intensity", ""))
        update_moment(
            uow,
            library,
            moment_id,
            situation=form.get("situation", ""),
            named=tuple(forms.names(form.get("people"))),
            emotions=tuple(emotions) + current.emotions[1:],
            occurred_at=_when_edited(form.get("occurred_at"), current, zone_of(shell)),
            **forms.details(Moment, form),
        )

    try:
        await run_in_threadpool(save)
    except InvalidInput as error:
        moment = await run_in_threadpool(get_moment, uow, moment_id)
        offered = await run_in_threadpool(choices, uow, library)
        return _edit_page(request, shell, moment, form, error, offered)
    return RedirectResponse(f"/moments/{moment_id}", status_code=303)


@router.post("/moments/{moment_id:id}/delete")
def delete_moment_form(uow: UowDep, moment_id: int) -> Response:
    """Delete, then offer Undo on the list."""
    delete_moment(uow, moment_id)
    return RedirectResponse(f"/moments?deleted={moment_id}", status_code=303)


@router.post("/moments/{moment_id:id}/restore")
def restore_moment_form(uow: UowDep, moment_id: int) -> Response:
    restore_moment(uow, moment_id)
    return RedirectResponse(f"/moments/{moment_id}", status_code=303)
