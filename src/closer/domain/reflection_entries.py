"""Guided reflections a person went through, with their answers.

A reflection from the content is a short list of prompts; an entry keeps one
answer per prompt (empty for one skipped), checked against how the prompt is
answered: a line, a paragraph, a list, a number on its scale, or one of its
choices. An entry can be linked to a moment or a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from closer.domain.content import Prompt, PromptInput, Reflection
from closer.domain.errors import InvalidInput

MAX_ANSWER = 5_000


@dataclass(frozen=True, slots=True)
class ReflectionEntry:
    """One time a person went through a reflection."""

    reflection: str
    answers: tuple[str, ...]
    written_at: datetime
    moment_id: int | None = None
    person_id: int | None = None
    id: int | None = None
    person_name: str | None = field(default=None, compare=False)

    def texts(self) -> list[str]:
        """The answers, for the safety check."""
        return [a for a in self.answers if a]


def _answer(prompt: Prompt, raw: str, number: int) -> str:
    value = raw.strip()
    where = f"answer {number}"
    if not value:
        return ""
    if len(value) > MAX_ANSWER:
        raise InvalidInput(
            f"Keep {where} under {MAX_ANSWER} characters.", field=f"answer_{number}"
        )
    if prompt.input is PromptInput.SCALE:
        low = prompt.min if prompt.min is not None else 0
        high = prompt.max if prompt.max is not None else 10
        if not value.lstrip("-").isdigit() or not low <= int(value) <= high:
            raise InvalidInput(
                f"For {where}, give a whole number from {low} to {high}.",
                field=f"answer_{number}",
            )
        return str(int(value))
    if prompt.input is PromptInput.CHOICE and value not in prompt.choices:
        raise InvalidInput(
            f"For {where}, choose one of: {', '.join(prompt.choices)}.",
            field=f"answer_{number}",
        )
    if prompt.input is PromptInput.LINE:
        return " ".join(value.split())
    return value


def new_entry(
    reflection: Reflection,
    answers: Sequence[str],
    *,
    written_at: datetime,
    moment_id: int | None = None,
    person_id: int | None = None,
) -> ReflectionEntry:
    """A validated entry: one answer per prompt, at least one written."""
    if len(answers) > len(reflection.prompts):
        raise InvalidInput(
            f"{reflection.name!r} has {len(reflection.prompts)} questions; "
            f"got {len(answers)} answers.",
            field="answers",
        )
    padded = list(answers) + [""] * (len(reflection.prompts) - len(answers))
    cleaned = tuple(
        _answer(prompt, raw, n)
        for n, (prompt, raw) in enumerate(
            zip(reflection.prompts, padded, strict=True), start=1
        )
    )
    if not any(cleaned):
        raise InvalidInput("Answer at least one question.", field="answers")
    return ReflectionEntry(
        reflection=reflection.slug,
        answers=cleaned,
        written_at=written_at,
        moment_id=moment_id,
        person_id=person_id,
    )
