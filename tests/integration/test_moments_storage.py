"""People and moments on SQLite and PostgreSQL: saving, filters, search, undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from closer.adapters.content import bundled_library
from closer.adapters.crisis_lines import bundled_directory
from closer.adapters.db.database import Database
from closer.domain.errors import Conflict, InvalidInput, NotFound
from closer.domain.moments import Felt, MomentQuery
from closer.domain.safety import Level
from closer.services.moments import (
    choose_causes,
    delete_moment,
    get_moment,
    list_moments,
    log_moment,
    restore_moment,
    update_moment,
)
from closer.services.people import (
    add_person,
    delete_person,
    list_people,
    resolve_names,
    update_person,
)
from closer.services.safety import support_panel

LIB = bundled_library()
T0 = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)


def test_a_moment_without_a_person_is_still_saved(database: Database) -> None:
    logged = log_moment(database.unit_of_work(), LIB, situation="Left the party early")
    assert logged.moment.id is not None
    again = get_moment(database.unit_of_work(), logged.moment.id)
    assert again.situation == "Left the party early"
    assert again.people == ()
    assert again.occurred_at.tzinfo is not None


def test_every_field_round_trips(database: Database) -> None:
    uow = database.unit_of_work
    sam = add_person(
        uow(), "Sam", relationship="friend", closeness_now=4, closeness_wanted=8
    )
    assert sam.id is not None
    logged = log_moment(
        uow(),
        LIB,
        situation="Sam asked about my weekend and I froze",
        occurred_at=T0,
        people=(sam.id,),
        emotions=[Felt("ashamed", 7), Felt("anxious", 4)],
        urge=8,
        action="avoid-emotional-talk",
        outcome="Changed the subject",
        felt_after=3,
        causes=["fear-of-being-seen"],
        tags=["Work", "#evening"],
    )
    assert logged.moment.id is not None
    moment = get_moment(uow(), logged.moment.id)
    assert moment.occurred_at == T0
    assert moment.people == (sam.id,)
    assert moment.person_names == ("Sam",)
    assert moment.emotions == (Felt("ashamed", 7), Felt("anxious", 4))
    assert (moment.urge, moment.action, moment.felt_after) == (
        8,
        "avoid-emotional-talk",
        3,
    )
    assert moment.causes == ("fear-of-being-seen",)
    assert moment.tags == ("evening", "work")


def test_suggestions_come_with_the_words_behind_them(database: Database) -> None:
    logged = log_moment(
        database.unit_of_work(),
        LIB,
        situation="She wanted to meet her parents and I felt ashamed, so I bailed",
        emotions=[Felt("ashamed", 8)],
        action="cancel-last-minute",
    )
    top = logged.suggestions.causes
    assert top
    assert all(cause.because for cause in top)
    assert "fear-of-being-seen" in [c.slug for c in top]
    assert logged.suggestions.strategies
    assert logged.assessment.level is Level.NONE


def test_worrying_words_in_a_moment_are_saved_then_open_support(
    database: Database,
) -> None:
    uow = database.unit_of_work
    logged = log_moment(uow(), LIB, situation="I cancelled again and I want to die")
    assert logged.assessment.level is Level.CONCERN
    assert logged.moment.id is not None
    assert get_moment(uow(), logged.moment.id).situation.endswith("want to die")
    assert support_panel(uow(), bundled_directory()) is not None


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"situation": "   "}, "only thing needed"),
        ({"situation": "x", "urge": 11}, "Urge must be between 0 and 10"),
        ({"situation": "x", "action": "sulk"}, "must be an approach"),
        (
            {"situation": "x", "emotions": [Felt("meh", 3)]},
            "does not know the feeling 'meh'",
        ),
        (
            {"situation": "x", "emotions": [Felt("sad", 0)]},
            "Intensity must be between 1",
        ),
        ({"situation": "x", "causes": ["bad-luck"]}, "not one of the causes"),
        ({"situation": "x", "tags": ["two words!"]}, "should be a short word"),
        ({"situation": "x", "people": (999,)}, "no person with id 999"),
    ],
)
def test_bad_moments_are_refused_and_nothing_is_saved(
    database: Database, fields: dict[str, object], words: str
) -> None:
    with pytest.raises((InvalidInput, NotFound), match=words):
        log_moment(database.unit_of_work(), LIB, **fields)
    assert list_moments(database.unit_of_work()).total == 0


def test_filters_each_narrow_the_list(database: Database) -> None:
    uow = database.unit_of_work
    ana = add_person(uow(), "Ana", relationship="partner")
    jo = add_person(uow(), "Jo", relationship="friend")
    assert ana.id is not None
    assert jo.id is not None
    log_moment(
        uow(), LIB, situation="Ignored Ana's call", occurred_at=T0, people=(ana.id,),
        action="slow-or-no-reply", emotions=[Felt("tired")],
        causes=["emotional-distress"],
    )  # fmt: skip
    log_moment(
        uow(), LIB, situation="Told Jo how I felt", occurred_at=T0 + timedelta(days=2),
        people=(jo.id,), action="shared-feeling", emotions=[Felt("afraid")],
    )  # fmt: skip
    log_moment(
        uow(), LIB, situation="Cancelled dinner with both",
        occurred_at=T0 + timedelta(days=5), people=(ana.id, jo.id),
        action="cancel-last-minute",
    )  # fmt: skip

    def count(**filters: object) -> int:
        return list_moments(uow(), MomentQuery(**filters)).total  # type: ignore[arg-type]

    assert count() == 3
    assert count(person_id=ana.id) == 2
    assert count(action="shared-feeling") == 1
    assert count(cause="emotional-distress") == 1
    assert count(emotion="afraid") == 1
    assert count(since=T0 + timedelta(days=1)) == 2
    assert count(until=T0 + timedelta(days=1)) == 1
    page = list_moments(uow(), MomentQuery(limit=2))
    assert [m.situation for m in page.items] == [
        "Cancelled dinner with both",
        "Told Jo how I felt",
    ]
    assert page.has_more


def test_search_finds_words_people_and_tags_and_follows_edits(
    database: Database,
) -> None:
    uow = database.unit_of_work
    ana = add_person(uow(), "Ana")
    assert ana.id is not None
    first = log_moment(
        uow(), LIB, situation="Skipped the climbing session", people=(ana.id,),
        tags=["sport"],
    )  # fmt: skip
    log_moment(uow(), LIB, situation="Did not answer the phone")
    assert first.moment.id is not None

    def found(words: str) -> list[str]:
        return [
            m.situation for m in list_moments(uow(), MomentQuery(search=words)).items
        ]

    assert found("climbing") == ["Skipped the climbing session"]
    assert found("ana") == ["Skipped the climbing session"]
    assert found("sport") == ["Skipped the climbing session"]
    assert found("phone") == ["Did not answer the phone"]
    assert found('"quotes" AND OR (') == []  # search syntax is never an error
    update_moment(uow(), LIB, first.moment.id, situation="Skipped bouldering")
    assert found("climbing") == []
    assert found("bouldering") == ["Skipped bouldering"]


def test_a_deleted_moment_can_be_brought_back(database: Database) -> None:
    uow = database.unit_of_work
    logged = log_moment(uow(), LIB, situation="Ghosted the group chat")
    assert logged.moment.id is not None
    delete_moment(uow(), logged.moment.id)
    assert list_moments(uow()).total == 0
    assert list_moments(uow(), MomentQuery(search="ghosted")).total == 0
    with pytest.raises(NotFound):
        get_moment(uow(), logged.moment.id)
    restore_moment(uow(), logged.moment.id)
    assert list_moments(uow(), MomentQuery(search="ghosted")).total == 1


def test_chosen_causes_replace_the_earlier_choice(database: Database) -> None:
    uow = database.unit_of_work
    logged = log_moment(uow(), LIB, situation="Picked a fight", causes=["fear-of-hurt"])
    assert logged.moment.id is not None
    moment = choose_causes(
        uow(), LIB, logged.moment.id, ["threat-and-control", "fear-of-abandonment"]
    )
    assert moment.causes == ("fear-of-abandonment", "threat-and-control")


def test_names_are_unique_whatever_the_case(database: Database) -> None:
    add_person(database.unit_of_work(), "Sam")
    with pytest.raises(Conflict, match="already have someone called Sam"):
        add_person(database.unit_of_work(), "sam")


def test_typed_names_resolve_suggest_or_create(database: Database) -> None:
    uow = database.unit_of_work
    add_person(uow(), "Samira")
    with pytest.raises(NotFound, match="Did you mean Samira"):
        resolve_names(uow(), ["Samria"])
    (samira,) = resolve_names(uow(), ["samira"])
    (new,) = resolve_names(uow(), ["Bea"], create_missing=True)
    assert new != samira
    assert [s.person.name for s in list_people(uow())] == ["Bea", "Samira"]


def test_people_show_when_they_last_came_up(database: Database) -> None:
    uow = database.unit_of_work
    jo = add_person(uow(), "Jo", closeness_now=3, closeness_wanted=7)
    assert jo.id is not None
    log_moment(uow(), LIB, situation="Coffee with Jo", occurred_at=T0, people=(jo.id,))
    (summary,) = list_people(uow())
    assert summary.last_moment_at == T0
    assert summary.person.closeness_gap == 4


def test_a_person_can_be_changed_and_removed(database: Database) -> None:
    uow = database.unit_of_work
    jo = add_person(uow(), "Jo")
    assert jo.id is not None
    logged = log_moment(uow(), LIB, situation="Saw Jo", people=(jo.id,))
    updated = update_person(uow(), jo.id, closeness_now=6, relationship="family")
    assert (updated.closeness_now, updated.relationship.value) == (6, "family")
    with pytest.raises(InvalidInput, match="between 0 and 10"):
        update_person(uow(), jo.id, closeness_wanted=12)
    delete_person(uow(), jo.id)
    assert logged.moment.id is not None
    assert get_moment(uow(), logged.moment.id).people == ()
