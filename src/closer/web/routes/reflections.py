"""Guided reflections on the web: choose one, answer step by step, reread."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.errors import InvalidInput
from closer.services.people import list_people
from closer.services.reflections import (
    delete_reflection_entry,
    get_reflection_entry,
    list_reflection_entries,
    reflection_named,
    write_reflection,
)
from closer.web.dependencies import LibraryDep, ShellDep, UowDep
from closer.web.forms import optional_int
from closer.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/practice/reflections", response_class=HTMLResponse)
def reflections_page(
    request: Request, uow: UowDep, shell: ShellDep, library: LibraryDep
) -> Response:
    """Every reflection to go through, and the ones you wrote."""
    return render(
        request,
        "reflections.html",
        shell=shell,
        title="Reflections",
        reflections=list(library.reflections.values()),
        entries=list_reflection_entries(uow),
        library=library,
    )


def _form(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    library: LibraryDep,
    slug: str,
    *,
    moment: str = "",
    person: str = "",
    answers: list[str] | None = None,
    error: InvalidInput | None = None,
) -> Response:
    reflection = reflection_named(library, slug)
    return render(
        request,
        "reflection_form.html",
        shell=shell,
        title=reflection.name,
        reflection=reflection,
        answers=answers or [""] * len(reflection.prompts),
        moment=moment,
        person=person,
        people=[s.person for s in list_people(uow)],
        error=error,
        status_code=error.status if error else 200,
    )


@router.get("/practice/reflections/{slug}", response_class=HTMLResponse)
def reflection_form(
    request: Request,
    uow: UowDep,
    shell: ShellDep,
    library: LibraryDep,
    slug: str,
    moment: str = "",
    person: str = "",
) -> Response:
    """A reflection as a form: its questions in order, all optional but one."""
    return _form(request, uow, shell, library, slug, moment=moment, person=person)


@router.post("/practice/reflections/{slug}", response_class=HTMLResponse)
async def save_reflection(
    request: Request, uow: UowDep, shell: ShellDep, library: LibraryDep, slug: str
) -> Response:
    """Save the answers; on a mistake, the form again with every answer kept."""
    form = await request.form()
    reflection = reflection_named(library, slug)
    answers = [
        str(form.get(f"answer_{n}", "")) for n in range(1, len(reflection.prompts) + 1)
    ]
    moment, person = str(form.get("moment", "")), str(form.get("person", ""))
    try:
        written = write_reflection(
            uow,
            library,
            slug,
            answers,
            moment_id=optional_int(moment, "moment"),
            person_id=optional_int(person, "person"),
        )
    except InvalidInput as error:
        return _form(
            request,
            uow,
            shell,
            library,
            slug,
            moment=moment,
            person=person,
            answers=answers,
            error=error,
        )
    return RedirectResponse(
        f"/practice/reflections/entries/{written.entry.id}", status_code=303
    )


@router.get("/practice/reflections/entries/{entry_id:id}", response_class=HTMLResponse)
def entry_page(
    request: Request, uow: UowDep, shell: ShellDep, library: LibraryDep, entry_id: int
) -> Response:
    """Reread a reflection: each question with what you wrote."""
    entry = get_reflection_entry(uow, entry_id)
    reflection = library.reflections.get(entry.reflection)
    return render(
        request,
        "reflection_entry.html",
        shell=shell,
        title=reflection.name if reflection else entry.reflection,
        entry=entry,
        reflection=reflection,
    )


@router.post("/practice/reflections/entries/{entry_id:id}/delete")
def entry_delete(uow: UowDep, entry_id: int) -> Response:
    """Remove one."""
    delete_reflection_entry(uow, entry_id)
    return RedirectResponse("/practice/reflections", status_code=303)
