"""The records as a readable Markdown journal."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from closer import __version__
from closer.adapters.export.local_records import in_local_time
from closer.adapters.machine_zone import machine_zone_name
from closer.domain.content import Library
from closer.domain.details import shown
from closer.domain.local_time import local, zone_label
from closer.domain.moments import Moment
from closer.domain.records import Records
from closer.domain.safety.plan import GUIDES, PlanSection


def render(
    records: Records,
    library: Library,
    *,
    now: datetime | None = None,
    zone: tzinfo | None = UTC,
) -> str:
    """A journal a person can read in any text editor, newest moment last,
    its times in the person's ``zone`` (``None``: this machine's)."""
    records = in_local_time(records, zone)
    when = local(now or datetime.now(UTC), zone).strftime("%Y-%m-%d")
    lines = [
        "# My Closer journal",
        "",
        f"Exported on {when} from Closer {__version__}. "
        f"Times are in {_zone_words(zone)}.",
        "",
    ]
    lines += _people(records)
    lines += _plan(records)
    lines += ["## Moments", ""]
    if not records.moments:
        lines += ["No moments yet.", ""]
    for moment in records.moments:
        lines += _moment(moment, library)
    lines += _practice(records, library)
    lines += _connection(records)
    return "\n".join(lines).rstrip() + "\n"


def _zone_words(zone: tzinfo | None) -> str:
    if zone is not None:
        return zone_label(zone)
    return machine_zone_name() or "this computer's local time"


def _connection(records: Records) -> list[str]:
    """Contacts, plans and self-check results, each a short list."""
    lines: list[str] = []
    if records.contacts:
        lines += ["## Staying in touch", ""]
        lines += [
            f"- {c.at:%Y-%m-%d}: {c.sentence} ({c.how.value})"
            + (f". {c.note}" if c.note else "")
            for c in records.contacts
        ]
        lines.append("")
    if records.commitments:
        lines += ["## Plans with people", ""]
        lines += [
            f"- {c.due_on}: {c.text} with {c.person_name}: {c.status.value}"
            + (f". {c.reason}" if c.reason else "")
            for c in records.commitments
        ]
        lines.append("")
    if records.check_results:
        lines += ["## Self-checks", ""]
        lines += [
            f"- {r.taken_at:%Y-%m-%d}: {r.check} {r.total:g}"
            + (f" ({r.band})" if r.band else "")
            for r in records.check_results
        ]
        lines.append("")
    return lines


def _practice(records: Records, library: Library) -> list[str]:
    lines: list[str] = []
    if records.steps:
        lines += ["## Steps toward people", ""]
        for step in records.steps:
            who = f" ({step.person_name})" if step.person_name else ""
            expected = f"Expected {step.predicted_discomfort}/100"
            line = f"- {step.planned_at:%Y-%m-%d}: {step.text}{who}. {expected}"
            if step.done:
                line += f", felt {step.actual_discomfort}/100, went {step.outcome}"
            lines.append(line + (f". {step.note}" if step.note else "."))
        lines.append("")
    if records.good_shares:
        lines += ["## Accepting a little more good", ""]
        lines += [
            f"- {s.chosen_at:%Y-%m-%d}: {s.percent}%" for s in records.good_shares
        ]
        lines.append("")
    for entry in records.reflections:
        reflection = library.reflections.get(entry.reflection)
        name = reflection.name if reflection else entry.reflection
        lines += [f"## Reflection: {name}, {entry.written_at:%Y-%m-%d}", ""]
        questions = [p.text for p in reflection.prompts] if reflection else []
        for n, answer in enumerate(entry.answers):
            if answer:
                question = questions[n] if n < len(questions) else f"Question {n + 1}"
                lines += [f"**{question}**", "", answer, ""]
    for record in records.thoughts:
        lines += [
            f"## Thought record, {record.written_at:%Y-%m-%d}",
            "",
            f"- Situation: {record.situation}",
            f"- Thought: {record.automatic_thought} "
            f"(believed {record.belief_before}/100)",
        ]
        if record.balanced_thought:
            lines.append(f"- Balanced thought: {record.balanced_thought}")
        if record.belief_after is not None:
            lines.append(f"- Believed afterwards: {record.belief_after}/100")
        lines.append("")
    for timeout in records.timeouts:
        who = timeout.person_name or "everyone"
        dates = f"{timeout.starts_on} to {timeout.returns_on}"
        lines += [f"## Time-out from {who}, {dates}", "", timeout.reason, ""]
    return lines


def _people(records: Records) -> list[str]:
    if not records.people:
        return []
    lines = ["## People", ""]
    for person in records.people:
        parts = [f"- **{person.name}** ({person.relationship.value})"]
        if person.closeness_now is not None:
            parts.append(f"close now {person.closeness_now}/10")
        if person.closeness_wanted is not None:
            parts.append(f"wanted {person.closeness_wanted}/10")
        if person.nickname:
            parts.append(f"also called {person.nickname}")
        if person.birthday:
            parts.append(f"birthday {person.birthday}")
        line = ", ".join(parts)
        lines.append(line + (f". {person.notes}" if person.notes else ""))
    return [*lines, ""]


def _plan(records: Records) -> list[str]:
    if not records.plan.has_content:
        return []
    lines = ["## My safety plan", ""]
    for section in PlanSection:
        items = records.plan.items(section)
        if items:
            lines += [f"### {GUIDES[section].title}", ""]
            lines += [f"- {item}" for item in items] + [""]
    return lines


def _moment(moment: Moment, library: Library) -> list[str]:
    lines = [
        f"### {moment.occurred_at:%Y-%m-%d %H:%M}",
        "",
        moment.situation,
        "",
    ]
    details = []
    if moment.person_names:
        details.append(f"With: {', '.join(moment.person_names)}")
    if moment.emotions:
        felt = ", ".join(
            _emotion(e.emotion, library)
            + (f" ({e.intensity}/10)" if e.intensity is not None else "")
            for e in moment.emotions
        )
        details.append(f"Felt: {felt}")
    details += [f"{label}: {words}" for label, words in shown(moment, library)]
    return [*lines, *(f"- {d}" for d in details), *([""] if details else [])]


def _emotion(slug: str, library: Library) -> str:
    found = library.emotions.get(slug)
    return found.name if found else slug
