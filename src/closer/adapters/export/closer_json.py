"""Closer's own export format: JSON, versioned, with a JSON Schema.

The schema (``docs/export-schema.json``) is generated from the models below;
a test fails when the two disagree. Format 1:

    {"closer_export": 1, "exported_at": "...", "app": "closer 0.1.0",
     "preferences": {"country": "GB" | null, "theme": "system"},
     "safety_plan": {"coping": ["..."], ...},
     "people": [{"name", "relationship", "closeness_now", "closeness_wanted", "notes"}],
     "moments": [{"occurred_at", "situation", "people": [names], "emotions":
                  [{"emotion", "intensity"}], "urge", "action", "outcome",
                  "felt_after", "causes", "tags"}]}

Reading checks the structure (pydantic) and then every domain rule (the same
validation as typing a moment in), and names the place of any problem:
``moments[3].urge: Urge must be between 0 and 10``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from typing import Any, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from closer import __version__
from closer.domain.content import Library
from closer.domain.errors import InvalidInput
from closer.domain.moments import Felt, Moment, new_moment
from closer.domain.people import Person, new_person
from closer.domain.preferences import Preferences, parse_country, parse_theme
from closer.domain.records import Records
from closer.domain.safety.plan import PlanSection, SafetyPlan, parse_section_name

FORMAT = 1
SCHEMA_ID = "https://closer.example/export-schema/1.json"

T = TypeVar("T")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PreferencesDoc(_Strict):
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    theme: Literal["system", "light", "dark"] = "system"


class PersonDoc(_Strict):
    name: str
    relationship: Literal["partner", "friend", "family", "colleague", "other"] = "other"
    closeness_now: int | None = Field(default=None, ge=0, le=10)
    closeness_wanted: int | None = Field(default=None, ge=0, le=10)
    notes: str = ""


class FeltDoc(_Strict):
    emotion: str = Field(description="An emotion slug from Learn's list")
    intensity: int = Field(ge=1, le=10)


class MomentDoc(_Strict):
    occurred_at: AwareDatetime
    situation: str
    people: list[str] = Field(default_factory=list, description="Names of people")
    emotions: list[FeltDoc] = Field(default_factory=list)
    urge: int | None = Field(default=None, ge=0, le=10)
    action: str | None = Field(default=None, description="An approach or sign slug")
    outcome: str = ""
    felt_after: int | None = Field(default=None, ge=1, le=10)
    causes: list[str] = Field(default_factory=list, description="Cause slugs")
    tags: list[str] = Field(default_factory=list)


class ExportDoc(_Strict):
    """A person's records in Closer's export format 1."""

    model_config = ConfigDict(
        extra="forbid",
        title="Closer export",
        json_schema_extra={"$id": SCHEMA_ID},
    )

    closer_export: Literal[1]
    exported_at: AwareDatetime
    app: str
    preferences: PreferencesDoc = Field(default_factory=PreferencesDoc)
    safety_plan: dict[str, list[str]] = Field(
        default_factory=dict, description="Section slug to its lines, in order"
    )
    people: list[PersonDoc] = Field(default_factory=list)
    moments: list[MomentDoc] = Field(default_factory=list)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of format 1 (written to docs/export-schema.json)."""
    schema = ExportDoc.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def to_document(records: Records, *, now: datetime | None = None) -> dict[str, Any]:
    """``records`` as a format-1 document (plain JSON-ready values)."""
    doc = ExportDoc(
        closer_export=FORMAT,
        exported_at=(now or datetime.now(UTC)).replace(microsecond=0),
        app=f"closer {__version__}",
        preferences=PreferencesDoc(
            country=records.preferences.country,
            theme=records.preferences.theme.value,
        ),
        safety_plan={
            s.value: list(records.plan.items(s))
            for s in PlanSection
            if records.plan.items(s)
        },
        people=[
            PersonDoc(
                name=p.name,
                relationship=p.relationship.value,
                closeness_now=p.closeness_now,
                closeness_wanted=p.closeness_wanted,
                notes=p.notes,
            )
            for p in records.people
        ],
        moments=[_moment_doc(m) for m in records.moments],
    )
    return doc.model_dump(mode="json")


def _moment_doc(moment: Moment) -> MomentDoc:
    return MomentDoc(
        occurred_at=moment.occurred_at,
        situation=moment.situation,
        people=list(moment.person_names),
        emotions=[
            FeltDoc(emotion=f.emotion, intensity=f.intensity) for f in moment.emotions
        ],
        urge=moment.urge,
        action=moment.action,
        outcome=moment.outcome,
        felt_after=moment.felt_after,
        causes=list(moment.causes),
        tags=list(moment.tags),
    )


def dumps(records: Records, *, now: datetime | None = None) -> str:
    """The export as text: indented, UTF-8 friendly, keys in a stable order."""
    return (
        json.dumps(to_document(records, now=now), ensure_ascii=False, indent=2) + "\n"
    )


def loads(text: str, library: Library) -> Records:
    """Read a format-1 document; InvalidInput names the line or place of a problem."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"This is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg})."
        ) from None
    if not isinstance(raw, dict) or "closer_export" not in raw:
        raise InvalidInput(
            'This is not a Closer export: it has no "closer_export" field. '
            "Choose the jrnl or Daylio format for files from those apps."
        )
    if raw.get("closer_export") != FORMAT:
        raise InvalidInput(
            f"This export is format {raw.get('closer_export')!r}; this version of "
            f"Closer reads format {FORMAT}."
        )
    try:
        doc = ExportDoc.model_validate(raw)
    except ValidationError as exc:
        raise InvalidInput(describe(exc)) from None
    return _records(doc, library)


def describe(exc: ValidationError, limit: int = 5) -> str:
    """The first problems of a pydantic error, each with where it is."""
    parts = []
    for error in exc.errors()[:limit]:
        where = "".join(
            f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p))
            for i, p in enumerate(error["loc"])
        )
        parts.append(f"{where or 'document'}: {error['msg']}")
    more = len(exc.errors()) - limit
    suffix = f" (and {more} more)" if more > 0 else ""
    return "; ".join(parts) + suffix + "."


def _at(place: str, build: Callable[[], T]) -> T:
    """Run a domain constructor, prefixing any error with where it happened."""
    try:
        return build()
    except InvalidInput as exc:
        field = f".{exc.field}" if exc.field else ""
        raise InvalidInput(f"{place}{field}: {exc.message}", field=exc.field) from None


def _records(doc: ExportDoc, library: Library) -> Records:
    preferences = _at(
        "preferences",
        lambda: Preferences(
            country=parse_country(doc.preferences.country),
            theme=parse_theme(doc.preferences.theme),
        ),
    )
    sections: dict[PlanSection, tuple[str, ...]] = {}
    for name, lines in doc.safety_plan.items():
        section = _at(f"safety_plan.{name}", partial(parse_section_name, name))
        sections[section] = tuple(line.strip() for line in lines if line.strip())
    people = tuple(
        _at(f"people[{i}]", partial(_person, p)) for i, p in enumerate(doc.people)
    )
    moments = tuple(
        _at(f"moments[{i}]", partial(_moment, m, library))
        for i, m in enumerate(doc.moments)
    )
    return Records(
        preferences=preferences,
        plan=SafetyPlan(sections),
        people=people,
        moments=moments,
    )


def _person(doc: PersonDoc) -> Person:
    return new_person(
        doc.name, doc.relationship, doc.closeness_now, doc.closeness_wanted, doc.notes
    )


def _moment(doc: MomentDoc, library: Library) -> Moment:
    moment = new_moment(
        library,
        situation=doc.situation,
        occurred_at=doc.occurred_at,
        emotions=[Felt(e.emotion, e.intensity) for e in doc.emotions],
        urge=doc.urge,
        action=doc.action,
        outcome=doc.outcome,
        felt_after=doc.felt_after,
        causes=doc.causes,
        tags=doc.tags,
    )
    names = tuple(dict.fromkeys(new_person(n).name for n in doc.people))
    return replace(moment, person_names=names)


if __name__ == "__main__":  # python -m closer.adapters.export.closer_json
    print(json.dumps(json_schema(), indent=2))
