"""Rows and records map by name and type, and refuse what they cannot map."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from closer.adapters.db.mapping import fill_row, to_record
from closer.adapters.db.orm import (
    ContactRow,
    LadderStepRow,
    MomentRow,
    ThoughtRecordRow,
)
from closer.domain.contacts import Channel, Contact, Direction
from closer.domain.ladder import Step
from closer.domain.moments import Felt, Moment
from closer.domain.thoughts import ThoughtRecord

WHEN = datetime(2026, 3, 4, 21, 30, tzinfo=UTC)


def test_a_record_written_to_a_row_reads_back_equal() -> None:
    contact = Contact(person_id=3, at=WHEN, how=Channel.CALL,
                      direction=Direction.THEM, note="She rang first")  # fmt: skip
    row = ContactRow()
    fill_row(row, contact)
    assert (row.how, row.direction) == ("call", "them")  # enums as their values
    assert "id" not in vars(row)  # ids are the database's to give
    assert to_record(Contact, row) == contact


def test_a_naive_datetime_from_sqlite_comes_back_in_utc() -> None:
    row = ContactRow(person_id=1, at=WHEN.replace(tzinfo=None), how="text",
                     direction="me", note="")  # fmt: skip
    assert to_record(Contact, row).at == WHEN


def test_fields_without_a_column_are_passed_in() -> None:
    row = ContactRow(person_id=1, at=WHEN, how="meet", direction="me", note="")
    assert to_record(Contact, row, person_name="Sam").person_name == "Sam"


def test_a_relationship_left_out_is_an_error_not_an_empty_value() -> None:
    row = MomentRow(occurred_at=WHEN, situation="Left early", outcome="")
    with pytest.raises(TypeError, match="relationship"):
        to_record(Moment, row)


def test_tuples_of_records_must_be_passed_in_both_ways() -> None:
    record = ThoughtRecord(situation="s", automatic_thought="t", belief_before=50,
                           written_at=WHEN, emotions=(Felt("sad", 4),))  # fmt: skip
    with pytest.raises(TypeError, match="emotions"):
        fill_row(ThoughtRecordRow(), record)
    row = ThoughtRecordRow()
    fill_row(row, record, emotions=[["sad", 4]], emotions_after=[])
    assert row.emotions == [["sad", 4]]
    with pytest.raises(TypeError, match="emotions"):
        to_record(ThoughtRecord, row)


def test_a_relationship_is_never_written_unless_its_rows_are_given() -> None:
    moment = Moment(situation="Left early", occurred_at=WHEN, tags=("work",))
    with pytest.raises(TypeError, match="relationship"):
        fill_row(MomentRow(), moment)


def test_an_optional_choice_stored_empty_reads_as_never_chosen() -> None:
    row = LadderStepRow(text="Call Sam", predicted_discomfort=5, planned_at=WHEN,
                        outcome="", feared_outcome="", idea="", note="")  # fmt: skip
    assert to_record(Step, row).outcome is None
