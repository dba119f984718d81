"""``closer step``: the vulnerability ladder, and accepting a little more good."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from closer.adapters.content import bundled_step_ideas
from closer.cli.apps import command_group
from closer.cli.context import database
from closer.cli.moments import print_support_for
from closer.cli.output import JsonFlag, console, print_json
from closer.domain.accept_good import GoodShare
from closer.domain.ladder import Step, StepIdea
from closer.services.ladder import (
    LadderView,
    choose_share,
    finish_step,
    ladder,
    plan_step,
    shares,
)
from closer.services.people import resolve_names

app = command_group(
    help="Small steps toward people: plan, do, see what is next.\n\n"
    "Plan one, say how it went, and see what to try next.",
    invoke_without_command=True,
)


def step_data(step: Step) -> dict[str, Any]:
    """A step as JSON."""
    return {
        "id": step.id,
        "text": step.text,
        "predicted_discomfort": step.predicted_discomfort,
        "feared_outcome": step.feared_outcome,
        "planned_at": step.planned_at.isoformat(),
        "person": step.person_name,
        "idea": step.idea,
        "done_at": step.done_at.isoformat() if step.done_at else None,
        "actual_discomfort": step.actual_discomfort,
        "outcome": step.outcome.value if step.outcome else None,
        "note": step.note,
        "went_as_well_or_better": step.went_as_well_or_better,
    }


def idea_data(idea: StepIdea) -> dict[str, Any]:
    """A step idea as JSON."""
    return {
        "slug": idea.slug,
        "text": idea.text,
        "difficulty": idea.difficulty.value,
        "strategy": idea.strategy,
    }


def share_data(share: GoodShare) -> dict[str, Any]:
    """A chosen share as JSON."""
    return {
        "id": share.id,
        "percent": share.percent,
        "chosen_at": share.chosen_at.isoformat(),
        "note": share.note,
    }


@app.callback()
def show(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Your ladder: what to try next, steps planned, and how done ones went."""
    if ctx.invoked_subcommand is None:
        _show(as_json)


@app.command("list")
def list_command(as_json: JsonFlag = False) -> None:
    """Your steps: what to try next, planned and done."""
    _show(as_json)


def _show(as_json: bool) -> None:
    with database() as db:
        view = ladder(db.unit_of_work(), bundled_step_ideas())
    if as_json:
        print_json(
            {
                "planned": [step_data(s) for s in view.planned],
                "finished": [step_data(s) for s in view.finished],
                "summary": {
                    "finished": view.summary.finished,
                    "average_predicted": view.summary.average_predicted,
                    "average_actual": view.summary.average_actual,
                    "went_badly": view.summary.went_badly,
                    "easier_than_feared": view.summary.easier_than_feared,
                    "sentence": view.summary.sentence,
                },
                "next": {
                    "level": view.next.level.value,
                    "label": view.next.level.label,
                    "reason": view.next.reason,
                    "ideas": [idea_data(i) for i in view.next.ideas],
                },
            }
        )
        return
    _print_ladder(view)


def _print_ladder(view: LadderView) -> None:
    console.print(f"[bold]Next:[/bold] {escape(view.next.reason)}")
    for idea in view.next.ideas[:3]:
        hint = f"[dim](closer step plan --idea {idea.slug})[/dim]"
        console.print(f"  - {escape(idea.text)}  {hint}")
    if view.planned:
        console.print("\n[bold]Planned[/bold]")
        for step in view.planned:
            who = f" · {escape(step.person_name)}" if step.person_name else ""
            expected = f"expected {step.predicted_discomfort}/100"
            console.print(f"  {step.id}. {escape(step.text)}{who} ({expected})")
    if view.finished:
        console.print("\n[bold]Done[/bold]")
        for step in view.finished[:10]:
            went = step.outcome.value if step.outcome else "?"
            felt = f"felt {step.actual_discomfort}"
            console.print(
                f"  {step.id}. {escape(step.text)}: expected "
                f"{step.predicted_discomfort}, {felt}, went {went}"
            )
    console.print(f"\n{escape(view.summary.sentence)}")


@app.command("plan")
def plan_command(
    text: Annotated[str, typer.Argument(help="The step, in your words.")] = "",
    discomfort: Annotated[
        int,
        typer.Option(
            "--discomfort", "-d", help="How uncomfortable you expect it to be, 0-100."
        ),
    ] = 50,
    fear: Annotated[str, typer.Option(help="What you fear will happen.")] = "",
    person: Annotated[
        str | None, typer.Option("--person", "-p", help="Who it is toward.")
    ] = None,
    idea: Annotated[
        str | None, typer.Option(help="Use an idea (see `closer step ideas`).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Plan a step toward someone (or anyone)."""
    with database() as db:
        person_id = resolve_names(db.unit_of_work(), [person])[0] if person else None
        saved = plan_step(
            db.unit_of_work(),
            bundled_step_ideas(),
            text=text,
            idea=idea,
            predicted_discomfort=discomfort,
            feared_outcome=fear,
            person_id=person_id,
        )
    if as_json:
        print_json(
            {"step": step_data(saved.step), "support": saved.assessment.needs_support}
        )
    else:
        console.print(f"Planned step {saved.step.id}: {escape(saved.step.text)}.")
        console.print(
            "Afterwards: closer step done "
            f"{saved.step.id} --felt N --went good|neutral|bad"
        )
    if saved.assessment.needs_support and not as_json:
        print_support_for(saved.assessment)


@app.command("done")
def done_command(
    step_id: Annotated[int, typer.Argument(help="The step's number.")],
    felt: Annotated[int, typer.Option(help="How uncomfortable it really was, 0-100.")],
    went: Annotated[str, typer.Option(help="How it went: good, neutral or bad.")],
    note: Annotated[str, typer.Option(help="What actually happened.")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Say how a step really felt and went."""
    with database() as db:
        saved = finish_step(
            db.unit_of_work(), step_id, actual_discomfort=felt, outcome=went, note=note
        )
    step = saved.step
    if as_json:
        print_json({"step": step_data(step), "support": saved.assessment.needs_support})
    else:
        compared = (
            "easier than"
            if (step.actual_discomfort or 0) < step.predicted_discomfort
            else "as hard as or harder than"
        )
        console.print(f"Step recorded. It felt {compared} you expected.")
    if saved.assessment.needs_support and not as_json:
        print_support_for(saved.assessment)


@app.command("ideas")
def ideas_command(as_json: JsonFlag = False) -> None:
    """Ideas for steps, from gentle to brave."""
    ideas = bundled_step_ideas()
    if as_json:
        print_json([idea_data(i) for i in ideas])
        return
    for idea in ideas:
        hint = f"[dim]--idea {idea.slug}[/dim]"
        label = escape(f"[{idea.difficulty.label}]")
        console.print(f"{label} {escape(idea.text)}  {hint}")


@app.command("good")
def good_command(
    percent: Annotated[
        int | None, typer.Argument(help="The share to accept now, 1-100.")
    ] = None,
    note: Annotated[str, typer.Option(help="What kind of good things.")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Accept a little more good: show your share, or choose a new one."""
    with database() as db:
        if percent is not None:
            choose_share(db.unit_of_work(), percent, note)
        view = shares(db.unit_of_work())
    if as_json:
        print_json(
            {
                "history": [share_data(s) for s in view.history],
                "suggested_percent": view.suggestion.percent,
                "reason": view.suggestion.reason,
            }
        )
        return
    if view.history:
        current = view.history[0].percent
        console.print(f"You are letting in {current}% of the good that comes your way.")
    console.print(escape(view.suggestion.reason))
