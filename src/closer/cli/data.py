"""What the CLI prints with --json, shared by the full CLI and its fast path
(so this module imports nothing heavy)."""

from __future__ import annotations

from closer.domain.details import plain_values
from closer.domain.moments import Moment
from closer.domain.safety import Assessment
from closer.domain.suggest import Suggestions

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (start-up)
if TYPE_CHECKING:
    from typing import Any


def moment_data(moment: Moment) -> dict[str, Any]:
    """A moment as JSON-ready data."""
    return {
        "id": moment.id,
        "occurred_at": moment.occurred_at.isoformat(),
        "situation": moment.situation,
        "people": list(moment.person_names),
        "emotions": [
            {"emotion": f.emotion, "intensity": f.intensity} for f in moment.emotions
        ],
        **plain_values(moment),
    }


def logged_data(
    moment: Moment, suggestions: Suggestions, assessment: Assessment
) -> dict[str, Any]:
    """What ``closer log --json`` prints."""
    return {
        "moment": moment_data(moment),
        "suggestions": {
            "causes": [
                {"slug": c.slug, "name": c.name, "because": list(c.because)}
                for c in suggestions.causes
            ],
            "strategies": [s.slug for s in suggestions.strategies],
            "reflections": [r.slug for r in suggestions.reflections],
        },
        "support": support_data(assessment),
    }


def support_data(assessment: Assessment) -> dict[str, str] | None:
    """What the safety check found, for ``--json``: None when all is well."""
    if not assessment.needs_support or assessment.about is None:
        return None
    return {"level": assessment.level.value, "about": assessment.about.value}


def logged_lines(moment: Moment, suggestions: Suggestions) -> list[str]:
    """What ``closer log`` prints, as plain lines."""
    lines = [f"Saved as moment {moment.id}."]
    if suggestions.causes:
        lines.append("What may be behind it:")
        for cause in suggestions.causes:
            lines.append(f"  - {cause.name} (because of {', '.join(cause.because)})")
    if suggestions.strategies:
        names = ", ".join(s.name for s in suggestions.strategies)
        lines.append(f"Things to try: {names} (`closer learn SLUG`)")
    return lines
