"""One journal with a record of every kind, at fixed times, written through
the services (as the web app and the CLI write): what the export tests and
the output comparison read."""

from __future__ import annotations

from datetime import UTC, date, datetime

from closer.adapters.checks_content import bundled_checks
from closer.adapters.content import bundled_library
from closer.adapters.db.database import Database
from closer.domain.checks import find_check
from closer.domain.moments import Felt
from closer.domain.people import Birthday
from closer.services.checks import take_check
from closer.services.commitments import make_commitment, settle_commitment
from closer.services.contacts import log_contact
from closer.services.ladder import choose_share, finish_step, plan_step
from closer.services.moments import list_moments, log_moment
from closer.services.people import add_person, update_person
from closer.services.reflections import write_reflection
from closer.services.safety import add_plan_item
from closer.services.thoughts import ThoughtFields, write_thought
from closer.services.timeouts import come_back, plan_timeout

LIBRARY = bundled_library()


def fill(database: Database) -> None:
    uow = database.unit_of_work
    sam = add_person(
        uow(),
        "Sam",
        relationship="friend",
        closeness_now=3,
        closeness_wanted=8,
        notes="met at climbing",
    )
    update_person(uow(), sam.id or 0, closeness_now=4, nickname="Sammy",
                  birthday=Birthday(3, 12))  # fmt: skip
    add_person(uow(), "Ana Lía", relationship="partner", notes="=not a formula")
    log_moment(
        uow(), LIBRARY, situation="Sam asked me to dinner; I said I was busy",
        occurred_at=datetime(2026, 3, 1, 19, 30, tzinfo=UTC), people=(sam.id or 0,),
        emotions=[Felt("anxious", 6), Felt("ashamed", 3)], urge=7,
        action="busy-excuse", outcome="Stayed in and felt worse", felt_after=3,
        causes=["fear-of-rejection"], tags=["work", "evening"], channel="in-person",
    )  # fmt: skip
    log_moment(
        uow(), LIBRARY, situation="Replied to Mum after a day",
        occurred_at=datetime(2026, 3, 2, 8, 0, tzinfo=UTC), action="replied",
    )  # fmt: skip
    add_plan_item(uow(), "coping", "Walk round the block")
    add_plan_item(uow(), "reasons", "My sister")
    fill_practice(database, sam.id or 0)


def fill_practice(database: Database, person_id: int) -> None:
    """One of each practice record, linked to a person, a moment, a reflection."""
    uow = database.unit_of_work
    when = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    step = plan_step(
        uow(), [], text="Ask Sam for coffee", predicted_discomfort=60,
        feared_outcome="Sam says no", person_id=person_id, when=when,
    ).step  # fmt: skip
    finish_step(uow(), step.id or 0, actual_discomfort=20, outcome="good", note="Yes!")
    choose_share(uow(), 5, "compliments", when=when)
    moment_id = list_moments(uow()).items[-1].id
    entry = write_reflection(
        uow(), LIBRARY, "time-out-questions", ["Sam, a week", "", "Mostly"],
        moment_id=moment_id, person_id=person_id, when=when,
    ).entry  # fmt: skip
    write_thought(uow(), LIBRARY, ThoughtFields(
        situation="Sam was quiet", automatic_thought="Sam is bored of me",
        belief_before=70, emotions=[Felt("anxious", 5)], traps=["mind-reading"],
        belief_after=30, moment_id=moment_id), when=when)  # fmt: skip
    timeout = plan_timeout(
        uow(), reason="Tired", returns_on=date(2026, 3, 10),
        starts_on=date(2026, 3, 4), person_id=person_id,
    ).timeout  # fmt: skip
    come_back(uow(), LIBRARY, timeout.id or 0, ["", "", "Yes"], on=date(2026, 3, 9))
    log_contact(uow(), person_id, how="call", them=True, note="Sam rang", when=when)
    plan = make_commitment(uow(), person_id, "Climb on Sunday", date(2026, 3, 8))
    settle_commitment(uow(), plan.commitment.id or 0, "cancelled", cancelled_by="me")
    take_check(
        uow(), find_check(bundled_checks(), "gad7"), [1, 2, 1, 0, 0, 1, 1, 3], when
    )
    assert entry.id
