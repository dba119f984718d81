"""``closer learn``: the knowledge base in the terminal."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape

from closer.adapters.content import bundled_library
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.content import Entry, Kind, Library
from closer.domain.errors import InvalidInput, NotFound

NOTE = (
    "Closer is not therapy and does not diagnose. A counsellor can help you work "
    "through this; if you are struggling right now, run `closer help`."
)


def _entry_data(entry: Entry) -> dict[str, str]:
    return {
        "kind": entry.kind.value,
        "slug": entry.slug,
        "title": entry.title,
        "summary": entry.summary,
        "path": entry.path,
    }


def _index(library: Library, as_json: bool) -> None:
    entries = library.entries()
    if as_json:
        print_json([_entry_data(e) for e in entries])
        return
    for kind in Kind:
        console.print(f"\n[bold]{kind.value.capitalize()}[/bold]")
        for entry in (e for e in entries if e.kind is kind):
            console.print(f"  {entry.kind.value}/{entry.slug}  {escape(entry.title)}")
    console.print(
        "\nShow one with `closer learn SLUG`; "
        "search with `closer learn --search WORDS`."
    )


def _search(library: Library, words: str, as_json: bool) -> None:
    hits = library.search(words)
    if as_json:
        print_json([{**_entry_data(h.entry), "snippet": h.snippet} for h in hits])
        return
    if not hits:
        console.print(f"Nothing matched {words!r}. Try fewer or simpler words.")
        return
    for hit in hits:
        ref = f"{hit.entry.kind.value}/{hit.entry.slug}"
        console.print(f"[bold]{escape(hit.entry.title)}[/bold]  ({ref})")
        console.print(f"  {escape(hit.snippet)}")


def _show(library: Library, reference: str, as_json: bool) -> None:
    found = library.find(reference)
    if not found:
        raise NotFound(
            f"Nothing in Learn is called {reference!r}. "
            "`closer learn` lists everything; `closer learn --search WORDS` searches."
        )
    if len(found) > 1:
        options = ", ".join(f"{e.kind.value}/{e.slug}" for e in found)
        raise InvalidInput(
            f"{reference!r} is in more than one place; choose {options}."
        )
    entry = found[0]
    item = library.get(entry.kind, entry.slug)
    if as_json:
        print_json({"kind": entry.kind.value, **asdict(item)})
        return
    console.print(f"[bold]{escape(entry.title)}[/bold]  ({entry.kind.value})\n")
    for key, value in asdict(item).items():
        if key in {"slug", "name", "title", "question"} or not value:
            continue
        label = key.replace("_", " ").capitalize()
        if isinstance(value, list | tuple):
            shown = "; ".join(
                v["text"] if isinstance(v, dict) else str(v) for v in value
            )
        else:
            shown = str(value).strip()
        console.print(f"[bold]{escape(label)}:[/bold] {escape(shown)}\n")
    console.print(f"[dim]{escape(NOTE)}[/dim]")


def learn_command(
    slug: Annotated[
        str | None,
        typer.Argument(
            help="An entry's slug, or kind/slug when a slug is in several kinds."
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Words to search for.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Why people push others away, and what helps.

    Why people push others away, what it looks like, and what helps.
    """
    library = bundled_library()
    if search is not None:
        _search(library, search, as_json)
    elif slug is not None:
        _show(library, slug, as_json)
    else:
        _index(library, as_json)
