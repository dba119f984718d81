"""Closer's own export format: JSON, versioned, with a JSON Schema.

The schema (``docs/export-schema.json``) is generated from the models below;
a test fails when the two disagree. Format 2 (format 1 lacks "channel" and
"time_zone"):

    {"closer_export": 2, "exported_at": "...", "app": "closer 0.1.0",
     "preferences": {"country": "GB" | null, "theme": "system",
                     "time_zone": "Europe/Paris" | null},
     "safety_plan": {"coping": ["..."], ...},
     "people": [{"name", "relationship", "closeness_now", "closeness_wanted", "notes"}],
     "moments": [{"occurred_at", "situation", "people": [names], "emotions":
                  [{"emotion", "intensity"}], "urge", "action", "outcome",
                  "felt_after", "causes", "tags", "channel"}]}

A moment's plain fields (from "urge" on) are its details
(``closer.domain.details``): the model takes them from the domain's class.

Reading checks the structure (pydantic) and then every domain rule (the same
validation as typing a moment in), and names the place of any problem:
``moments[3].urge: Urge must be between 0 and 10``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
)

from closer import __version__
from closer.adapters.importers.common import at, describe, parsed
from closer.adapters.importers.json_stream import LongArray, members
from closer.adapters.record_models import Style, detail_fields, detail_values
from closer.domain.accept_good import new_share
from closer.domain.checks import CheckResult, find_check, new_result
from closer.domain.commitments import (
    CancelledBy,
    Commitment,
    Status,
    new_commitment,
)
from closer.domain.contacts import Contact, Direction, new_contact
from closer.domain.content import Library
from closer.domain.details import plain_values
from closer.domain.errors import InvalidInput
from closer.domain.ladder import Step, finish, new_step
from closer.domain.local_time import parse_time_zone
from closer.domain.moments import Felt, Moment, new_moment
from closer.domain.people import (
    ClosenessReading,
    Person,
    new_person,
    parse_birthday,
)
from closer.domain.preferences import Preferences, parse_country, parse_theme
from closer.domain.records import Incoming, Records
from closer.domain.reflection_entries import ReflectionEntry, new_entry
from closer.domain.safety.plan import PlanSection, SafetyPlan, parse_section_name
from closer.domain.text import require_storable_json
from closer.domain.thoughts import ThoughtRecord, new_record
from closer.domain.timeouts import TimeOut, new_timeout

FORMAT = 2  # 2: a moment's "channel"; readers before it refuse unknown keys
READS = (1, 2)  # format 1 is format 2 without "channel"
SCHEMA_ID = f"https://closer.example/export-schema/{FORMAT}.json"

T = TypeVar("T")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PreferencesDoc(_Strict):
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    theme: Literal["system", "light", "dark"] = "system"
    time_zone: str | None = Field(
        default=None, description="IANA name such as Europe/Paris (format 2)"
    )


class ClosenessDoc(_Strict):
    at: AwareDatetime
    now: int | None = Field(default=None, ge=0, le=10)
    wanted: int | None = Field(default=None, ge=0, le=10)


class _PersonShape(_Strict):
    """A person's name; their details and the rest follow."""

    name: str


_BIRTHDAY = Field(
    default=None,
    pattern=r"^(\d{4}|-)-\d{2}-\d{2}$",
    description="YYYY-MM-DD, or --MM-DD when the year is not known",
)
_HISTORY: Any = Field(
    default_factory=list, description="Each change of closeness, oldest first"
)

if TYPE_CHECKING:

    class PersonDoc(_PersonShape):
        birthday: str | None = None
        closeness_history: list[ClosenessDoc] = []

else:
    PersonDoc = create_model(
        "PersonDoc",
        __base__=_PersonShape,
        **detail_fields(Person, Style.FILE),
        birthday=(str | None, _BIRTHDAY),
        closeness_history=(list[ClosenessDoc], _HISTORY),
    )


class FeltDoc(_Strict):
    emotion: str = Field(description="An emotion slug from Learn's list")
    intensity: int | None = Field(default=None, ge=1, le=10)


class _MomentShape(_Strict):
    """A moment's fields of its own shape; its details follow (see
    ``closer.domain.details``)."""

    occurred_at: AwareDatetime
    situation: str
    people: list[str] = Field(default_factory=list, description="Names of people")
    emotions: list[FeltDoc] = Field(default_factory=list)


if TYPE_CHECKING:
    MomentDoc = _MomentShape
else:
    MomentDoc = create_model(
        "MomentDoc", __base__=_MomentShape, **detail_fields(Moment, Style.FILE)
    )


class StepDoc(_Strict):
    text: str
    predicted_discomfort: int = Field(ge=0, le=100)
    feared_outcome: str = ""
    planned_at: AwareDatetime
    person: str | None = Field(default=None, description="A person's name")
    idea: str | None = None
    done_at: AwareDatetime | None = None
    actual_discomfort: int | None = Field(default=None, ge=0, le=100)
    outcome: Literal["bad", "neutral", "good"] | None = None
    note: str = ""


class ShareDoc(_Strict):
    percent: int = Field(ge=1, le=100)
    chosen_at: AwareDatetime
    note: str = ""


class ReflectionDoc(_Strict):
    reflection: str = Field(description="A reflection's slug")
    answers: list[str]
    written_at: AwareDatetime
    moment: int | None = Field(default=None, description="1-based position in moments")
    person: str | None = None


class ThoughtDoc(_Strict):
    situation: str
    automatic_thought: str
    belief_before: int = Field(ge=0, le=100)
    emotions: list[FeltDoc] = Field(default_factory=list)
    traps: list[str] = Field(default_factory=list)
    evidence_for: str = ""
    evidence_against: str = ""
    balanced_thought: str = ""
    belief_after: int | None = Field(default=None, ge=0, le=100)
    emotions_after: list[FeltDoc] = Field(default_factory=list)
    written_at: AwareDatetime
    moment: int | None = Field(default=None, description="1-based position in moments")


class TimeOutDoc(_Strict):
    reason: str
    starts_on: date
    returns_on: date
    message: str = ""
    created_at: AwareDatetime
    person: str | None = None
    returned_on: date | None = None
    reflection: int | None = Field(
        default=None, description="1-based position in reflections"
    )


class _ContactShape(_Strict):
    """A contact's person and time; its details follow."""

    person: str
    at: AwareDatetime


if TYPE_CHECKING:
    ContactDoc = _ContactShape
else:
    ContactDoc = create_model(
        "ContactDoc", __base__=_ContactShape, **detail_fields(Contact, Style.FILE)
    )


class CommitmentDoc(_Strict):
    person: str
    text: str
    due_on: date
    created_at: AwareDatetime
    status: Literal["planned", "kept", "cancelled"] = "planned"
    cancelled_by: Literal["me", "them"] | None = None
    reason: str = ""
    settled_at: AwareDatetime | None = None


class CheckResultDoc(_Strict):
    check: Literal["phq9", "phq2", "gad7", "arsq", "patterns"]
    taken_at: AwareDatetime
    answers: list[int] = Field(
        description="One per question, in the check's order (see GET /api/v1/checks)"
    )


class ExportDoc(_Strict):
    """A person's records in Closer's export format 2."""

    model_config = ConfigDict(
        extra="forbid",
        title="Closer export",
        json_schema_extra={"$id": SCHEMA_ID},
    )

    closer_export: Literal[1, 2]
    exported_at: AwareDatetime
    app: str
    preferences: PreferencesDoc = Field(default_factory=PreferencesDoc)
    safety_plan: dict[str, list[str]] = Field(
        default_factory=dict, description="Section slug to its lines, in order"
    )
    people: list[PersonDoc] = Field(default_factory=list)
    moments: list[MomentDoc] = Field(default_factory=list)
    ladder_steps: list[StepDoc] = Field(default_factory=list)
    good_shares: list[ShareDoc] = Field(default_factory=list)
    reflections: list[ReflectionDoc] = Field(default_factory=list)
    thought_records: list[ThoughtDoc] = Field(default_factory=list)
    timeouts: list[TimeOutDoc] = Field(default_factory=list)
    contacts: list[ContactDoc] = Field(default_factory=list)
    commitments: list[CommitmentDoc] = Field(default_factory=list)
    self_checks: list[CheckResultDoc] = Field(default_factory=list)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of format 2 (written to docs/export-schema.json)."""
    schema = ExportDoc.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def to_document(records: Records, *, now: datetime | None = None) -> dict[str, Any]:
    """``records`` as a format-2 document (plain JSON-ready values)."""
    history: dict[str, list[ClosenessDoc]] = {}
    for r in records.closeness:
        doc_r = ClosenessDoc(at=r.at, now=r.now, wanted=r.wanted)
        history.setdefault(r.person_name or "", []).append(doc_r)
    doc = ExportDoc(
        closer_export=FORMAT,
        exported_at=(now or datetime.now(UTC)).replace(microsecond=0),
        app=f"closer {__version__}",
        preferences=PreferencesDoc(
            country=records.preferences.country,
            theme=records.preferences.theme.value,
            time_zone=records.preferences.time_zone,
        ),
        safety_plan={
            s.value: list(records.plan.items(s))
            for s in PlanSection
            if records.plan.items(s)
        },
        people=[
            PersonDoc(
                name=p.name,
                **plain_values(p),
                birthday=p.birthday.iso if p.birthday else None,
                closeness_history=history.get(p.name, []),
            )
            for p in records.people
        ],
        moments=[_moment_doc(m) for m in records.moments],
        ladder_steps=[_step_doc(s) for s in records.steps],
        good_shares=[
            ShareDoc(percent=s.percent, chosen_at=s.chosen_at, note=s.note)
            for s in records.good_shares
        ],
        reflections=[
            ReflectionDoc(
                reflection=e.reflection,
                answers=list(e.answers),
                written_at=e.written_at,
                moment=e.moment_id,
                person=e.person_name,
            )
            for e in records.reflections
        ],
        thought_records=[_thought_doc(t) for t in records.thoughts],
        timeouts=[
            TimeOutDoc(
                reason=t.reason,
                starts_on=t.starts_on,
                returns_on=t.returns_on,
                message=t.message,
                created_at=t.created_at,
                person=t.person_name,
                returned_on=t.returned_on,
                reflection=t.reflection_id,
            )
            for t in records.timeouts
        ],
        contacts=[
            ContactDoc(person=c.person_name or "", at=c.at, **plain_values(c))
            for c in records.contacts
        ],
        commitments=[
            CommitmentDoc(
                person=c.person_name or "",
                text=c.text,
                due_on=c.due_on,
                created_at=c.created_at,
                status=c.status.value,
                cancelled_by=c.cancelled_by.value if c.cancelled_by else None,
                reason=c.reason,
                settled_at=c.settled_at,
            )
            for c in records.commitments
        ],
        self_checks=[
            CheckResultDoc(check=r.check, taken_at=r.taken_at, answers=list(r.answers))
            for r in records.check_results
        ],
    )
    return doc.model_dump(mode="json")


def _felt_docs(felt: tuple[Felt, ...]) -> list[FeltDoc]:
    return [FeltDoc(emotion=f.emotion, intensity=f.intensity) for f in felt]


def _step_doc(step: Step) -> StepDoc:
    return StepDoc(
        text=step.text,
        predicted_discomfort=step.predicted_discomfort,
        feared_outcome=step.feared_outcome,
        planned_at=step.planned_at,
        person=step.person_name,
        idea=step.idea,
        done_at=step.done_at,
        actual_discomfort=step.actual_discomfort,
        outcome=step.outcome.value if step.outcome else None,
        note=step.note,
    )


def _thought_doc(record: ThoughtRecord) -> ThoughtDoc:
    return ThoughtDoc(
        situation=record.situation,
        automatic_thought=record.automatic_thought,
        belief_before=record.belief_before,
        emotions=_felt_docs(record.emotions),
        traps=list(record.traps),
        evidence_for=record.evidence_for,
        evidence_against=record.evidence_against,
        balanced_thought=record.balanced_thought,
        belief_after=record.belief_after,
        emotions_after=_felt_docs(record.emotions_after),
        written_at=record.written_at,
        moment=record.moment_id,
    )


def _moment_doc(moment: Moment) -> MomentDoc:
    return MomentDoc(
        occurred_at=moment.occurred_at,
        situation=moment.situation,
        people=list(moment.person_names),
        emotions=_felt_docs(moment.emotions),
        **plain_values(moment),
    )


def dumps(records: Records, *, now: datetime | None = None) -> str:
    """The export as text: indented, UTF-8 friendly, keys in a stable order."""
    return (
        json.dumps(to_document(records, now=now), ensure_ascii=False, indent=2) + "\n"
    )


def loads(text: str, library: Library) -> Records:
    """A whole document (format 1 or 2) in memory (``stream`` for files)."""
    incoming = stream(io.BytesIO(text.encode("utf-8")), library)
    return replace(incoming.records, moments=tuple(incoming.moments))


def stream(file: BinaryIO, library: Library) -> Incoming:
    """Read a document (format 1 or 2) from a seekable file: everything but the
    moments at once (checked against the schema and every domain rule), then
    the moments one at a time as they are imported. InvalidInput names the
    place of any problem (``moments[3].urge: ...``)."""
    head: dict[str, Any] = {}
    count = 0
    for key, _index, value in members(file, long="moments", skip_long=True):
        if isinstance(value, LongArray):
            count = value.count
        else:
            head[key] = value
    _check_format(head)
    require_storable_json(head)
    try:
        doc = ExportDoc.model_validate({"moments": [], **head})
    except ValidationError as exc:
        raise InvalidInput(describe(exc)) from None
    records = _records(doc, library, count)
    file.seek(0)
    return Incoming(records, _moments(file, library))


def _check_format(head: dict[str, Any]) -> None:
    if "closer_export" not in head:
        raise InvalidInput(
            'This is not a Closer export: it has no "closer_export" field. '
            "Choose the jrnl or Daylio format for files from those apps."
        )
    if head["closer_export"] not in READS:
        raise InvalidInput(
            f"This export is format {head['closer_export']!r}; this version of "
            f"Closer reads formats {READS[0]} to {READS[-1]}."
        )


def _moments(file: BinaryIO, library: Library) -> Iterator[Moment]:
    for _key, index, item in members(file, long="moments"):
        if index is not None:
            yield _moment_at(index, item, library)


def _moment_at(index: int, item: Any, library: Library) -> Moment:
    place = f"moments[{index}]"
    return _at(place, partial(_moment, parsed(MomentDoc, item, place), library))


def _at(place: str, build: Callable[[], T]) -> T:
    """Run a domain constructor, naming the place of any error (``moments[3].urge``)."""
    return at(place, build, joiner=".")


def _records(doc: ExportDoc, library: Library, moment_count: int) -> Records:
    """Everything but the moments (``moment_count`` of them follow), checked
    by every domain rule."""
    preferences = _at(
        "preferences",
        lambda: Preferences(
            country=parse_country(doc.preferences.country),
            theme=parse_theme(doc.preferences.theme),
            time_zone=parse_time_zone(doc.preferences.time_zone),
        ),
    )
    sections: dict[PlanSection, tuple[str, ...]] = {}
    for name, lines in doc.safety_plan.items():
        section = _at(f"safety_plan.{name}", partial(parse_section_name, name))
        sections[section] = tuple(line.strip() for line in lines if line.strip())
    people = tuple(
        _at(f"people[{i}]", partial(_person, p)) for i, p in enumerate(doc.people)
    )
    return Records(
        preferences=preferences,
        plan=SafetyPlan(sections),
        people=people,
        steps=tuple(
            _at(f"ladder_steps[{i}]", partial(_step, s))
            for i, s in enumerate(doc.ladder_steps)
        ),
        good_shares=tuple(
            _at(f"good_shares[{i}]", partial(new_share, s.percent, s.chosen_at, s.note))
            for i, s in enumerate(doc.good_shares)
        ),
        reflections=tuple(
            _at(f"reflections[{i}]", partial(_reflection, e, library, moment_count))
            for i, e in enumerate(doc.reflections)
        ),
        thoughts=tuple(
            _at(f"thought_records[{i}]", partial(_thought, t, library, moment_count))
            for i, t in enumerate(doc.thought_records)
        ),
        timeouts=tuple(
            _at(f"timeouts[{i}]", partial(_timeout, t, len(doc.reflections)))
            for i, t in enumerate(doc.timeouts)
        ),
        contacts=tuple(
            _at(f"contacts[{i}]", partial(_contact, c))
            for i, c in enumerate(doc.contacts)
        ),
        commitments=tuple(
            _at(f"commitments[{i}]", partial(_commitment, c))
            for i, c in enumerate(doc.commitments)
        ),
        check_results=tuple(
            _at(f"self_checks[{i}]", partial(_check_result, r))
            for i, r in enumerate(doc.self_checks)
        ),
        closeness=tuple(
            ClosenessReading(r.at, r.now, r.wanted, person_name=person.name)
            for doc_p, person in zip(doc.people, people, strict=True)
            for r in doc_p.closeness_history
        ),
    )


def _check_result(doc: CheckResultDoc) -> CheckResult:
    from closer.adapters.checks_content import bundled_checks  # noqa: PLC0415

    return new_result(
        find_check(bundled_checks(), doc.check), doc.answers, doc.taken_at
    )


def _commitment(doc: CommitmentDoc) -> Commitment:
    made = new_commitment(0, doc.text, doc.due_on, doc.created_at)
    return replace(
        made,
        status=Status(doc.status),
        reason=doc.reason,
        settled_at=doc.settled_at,
        cancelled_by=CancelledBy(doc.cancelled_by) if doc.cancelled_by else None,
        person_name=_name(doc.person),
    )


def _contact(doc: ContactDoc) -> Contact:
    kept = detail_values(doc, Contact)
    how, direction = kept["how"], Direction(kept["direction"])
    made = new_contact(
        0, doc.at, how, them=direction is Direction.THEM, note=kept["note"]
    )
    return replace(made, direction=direction, person_name=_name(doc.person))


def _position(value: int | None, count: int, what: str) -> int | None:
    if value is not None and not 1 <= value <= count:
        raise InvalidInput(f"there is no {what} number {value}", field=what)
    return value


def _name(name: str | None) -> str | None:
    return new_person(name).name if name else None


def _step(doc: StepDoc) -> Step:
    step = new_step(
        text=doc.text,
        predicted_discomfort=doc.predicted_discomfort,
        feared_outcome=doc.feared_outcome,
        planned_at=doc.planned_at,
        idea=doc.idea,
    )
    if doc.done_at is not None or doc.outcome is not None:
        if doc.done_at is None or doc.outcome is None or doc.actual_discomfort is None:
            raise InvalidInput(
                "a finished step needs done_at, actual_discomfort and outcome",
                field="done_at",
            )
        step = finish(
            step,
            actual_discomfort=doc.actual_discomfort,
            outcome=doc.outcome,
            note=doc.note,
            when=doc.done_at,
        )
    return replace(step, person_name=_name(doc.person))


def _reflection(doc: ReflectionDoc, library: Library, moments: int) -> ReflectionEntry:
    reflection = library.reflections.get(doc.reflection)
    if reflection is None:
        raise InvalidInput(
            f"there is no reflection {doc.reflection!r}", field="reflection"
        )
    entry = new_entry(
        reflection,
        doc.answers,
        written_at=doc.written_at,
        moment_id=_position(doc.moment, moments, "moment"),
    )
    return replace(entry, person_name=_name(doc.person))


def _thought(doc: ThoughtDoc, library: Library, moments: int) -> ThoughtRecord:
    return new_record(
        library,
        situation=doc.situation,
        automatic_thought=doc.automatic_thought,
        belief_before=doc.belief_before,
        written_at=doc.written_at,
        emotions=[Felt(e.emotion, e.intensity) for e in doc.emotions],
        traps=doc.traps,
        evidence_for=doc.evidence_for,
        evidence_against=doc.evidence_against,
        balanced_thought=doc.balanced_thought,
        belief_after=doc.belief_after,
        emotions_after=[Felt(e.emotion, e.intensity) for e in doc.emotions_after],
        moment_id=_position(doc.moment, moments, "moment"),
    )


def _timeout(doc: TimeOutDoc, reflections: int) -> TimeOut:
    timeout = new_timeout(
        reason=doc.reason,
        starts_on=doc.starts_on,
        returns_on=doc.returns_on,
        message=doc.message,
        created_at=doc.created_at,
    )
    return replace(
        timeout,
        person_name=_name(doc.person),
        returned_on=doc.returned_on,
        reflection_id=_position(doc.reflection, reflections, "reflection"),
    )


def _person(doc: PersonDoc) -> Person:
    return new_person(
        doc.name,
        birthday=parse_birthday(doc.birthday) if doc.birthday else None,
        **detail_values(doc, Person),
    )


def _moment(doc: MomentDoc, library: Library) -> Moment:
    moment = new_moment(
        library,
        situation=doc.situation,
        occurred_at=doc.occurred_at,
        emotions=[Felt(e.emotion, e.intensity) for e in doc.emotions],
        **detail_values(doc, Moment),
    )
    names = tuple(dict.fromkeys(new_person(n).name for n in doc.people))
    return replace(moment, person_names=names)


if __name__ == "__main__":  # python -m closer.adapters.export.closer_json
    print(json.dumps(json_schema(), indent=2))
