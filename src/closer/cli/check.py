"""``closer check``: take a self-check, see what it means, follow it over time."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.prompt import IntPrompt

from closer.adapters.checks_content import bundled_checks
from closer.adapters.content import bundled_library
from closer.adapters.crisis_lines import bundled_directory
from closer.cli.context import database
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.checks import Check, Scoring, find_check, parse_answers
from closer.services.checks import Scored, history, latest, result_data, take_check
from closer.services.safety import support_panel

SPARKS = "▁▂▃▄▅▆▇█"


def check_command(
    name: Annotated[
        str | None,
        typer.Argument(help="phq9, phq2, gad7, arsq or patterns; leave out to list."),
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option(
            help="All answers at once, in order, such as 0,1,2 (no questions)."
        ),
    ] = None,
    show_history: Annotated[
        bool, typer.Option("--history", help="Every time you took it, oldest first.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Take a self-check, one question at a time.

    With --answers, give every answer at once.

    The PHQ-9, PHQ-2 and GAD-7 are scored as published; the A-RSQ as its
    authors describe; the closeness-patterns check is our own and shows what
    stands out. None of them is a diagnosis.
    """
    checks = bundled_checks()
    if name is None:
        _list(checks, as_json=as_json)
        return
    check = find_check(checks, name)
    if show_history:
        _history(checks, check, as_json=as_json)
        return
    given = parse_answers(answers) if answers is not None else _ask(check)
    with database() as db:
        scored = take_check(db.unit_of_work(), check, given)
        panel = (
            support_panel(db.unit_of_work(), bundled_directory())
            if scored.score.needs_safety
            else None
        )
    if as_json:
        data = result_data(scored)
        data["support"] = (
            {"level": panel.level.value, "about": panel.about.value} if panel else None
        )
        print_json(data)
        return
    _print_result(scored)
    if panel is not None:
        from closer.cli.safety import print_support  # noqa: PLC0415 - rarely needed

        print_support(panel)


def _list(checks: tuple[Check, ...], *, as_json: bool) -> None:
    with database() as db:
        last = latest(db.unit_of_work(), checks)
    if as_json:
        print_json(
            [
                {
                    "slug": c.slug,
                    "name": c.name,
                    "title": c.title,
                    "validated": c.validated,
                    "questions": len(c.questions),
                    "last": result_data(last[c.slug]) if c.slug in last else None,
                }
                for c in checks
            ]
        )
        return
    for c in checks:
        seen = last.get(c.slug)
        when = f"last {seen.result.taken_at:%Y-%m-%d}" if seen else "not taken yet"
        console.print(f"[bold]{c.slug}[/bold]  {escape(c.title)} [dim]({when})[/dim]")


def _ask(check: Check) -> list[int]:
    console.print(f"[bold]{escape(check.title)}[/bold]\n{escape(check.stem)}")
    given: list[int] = []
    situation = ""
    for number, question in enumerate(check.questions, start=1):
        if question.situation and question.situation != situation:
            situation = question.situation
            console.print(f"\n[bold]{escape(situation)}[/bold]")
        choices = "  ".join(f"{o.value} {o.label}" for o in question.options)
        console.print(f"[dim]{escape(choices)}[/dim]")
        values = [str(v) for v in question.values]
        optional = "" if question.scored else " (optional, Enter to skip)"
        said = f"{number}. {escape(question.text)}{optional}"
        if question.scored:
            given.append(IntPrompt.ask(said, choices=values))
            continue
        answer = IntPrompt.ask(said, choices=values, default=-1, show_default=False)
        if answer != -1:
            given.append(answer)
    return given


def _print_result(scored: Scored) -> None:
    check, score = scored.check, scored.score
    if check.scoring is Scoring.PROFILE:
        library = bundled_library()
        standing = [a for a in score.areas if a.stands_out]
        console.print("[bold]What stands out for you now[/bold]")
        for area in standing:
            named = (
                library.causes[area.slug].name
                if area.kind == "cause"
                else library.groups[area.slug].name
            )
            console.print(
                f"  {escape(named)} ({area.mean:.1f} of 4)  "
                f"[dim]closer learn {area.slug}[/dim]"
            )
        if not standing:
            console.print("Nothing stood out as 'somewhat true' or more on average.")
        console.print("This check is our own, not a validated test.")
        return
    band = f", {score.band.label}" if score.band else ""
    console.print(f"[bold]{check.name}: {score.shown}{band}[/bold]")
    if score.band:
        console.print(escape(score.band.meaning))
    if score.flagged:
        console.print(
            "That is the usual point to take the full PHQ-9: `closer check phq9`."
        )
    if check.sample:
        sample = check.sample
        console.print(
            f"The average among {escape(sample.source)} was "
            f"{sample.mean:.2f} (SD {sample.sd:.2f})."
        )
    console.print("This is not a diagnosis; a doctor or counsellor can tell you more.")
    console.print(f"[dim]{escape(check.attribution)}[/dim]")


def sparkline(values: list[float], top: float) -> str:
    """Values from 0 to ``top`` as block characters, oldest first."""
    last = len(SPARKS) - 1
    return "".join(SPARKS[round(min(v, top) / top * last)] for v in values)


def _history(checks: tuple[Check, ...], check: Check, *, as_json: bool) -> None:
    with database() as db:
        results = history(db.unit_of_work(), checks, check.slug)
    if as_json:
        print_json([result_data(s) for s in results])
        return
    if not results:
        console.print(f"Not taken yet. Take it with `closer check {check.slug}`.")
        return
    if check.scoring is not Scoring.PROFILE:
        console.print(sparkline([s.score.total for s in results], check.highest))
    for s in results:
        band = f", {s.score.band.label}" if s.score.band else ""
        console.print(f"{s.result.taken_at:%Y-%m-%d}  {s.score.shown}{band}")
