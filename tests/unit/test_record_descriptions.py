"""Every detail of a described record reaches every place that carries it:
the storage, the export and its schema, the CSV, the API's models and the
CLI's JSON. Nothing here lists the fields: a new detail is checked as it is
added."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import inspect

from closer.adapters import fast_sqlite
from closer.adapters.db.orm import ContactRow, MomentRow, PersonRow
from closer.adapters.export import closer_json, csv_tables
from closer.cli.contact import contact_data
from closer.cli.data import moment_data
from closer.cli.people import person_data
from closer.domain.contacts import Contact
from closer.domain.details import details_of
from closer.domain.moments import Moment
from closer.domain.people import Person
from closer.domain.records import Records
from closer.web.routes.api_contacts import ContactOut
from closer.web.routes.api_moments import MomentIn, MomentOut, MomentPatch
from closer.web.routes.api_people import PersonIn, PersonOut, PersonPatch

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
KINDS: list[dict[str, Any]] = [
    {"kind": Moment, "row": MomentRow, "doc": closer_json.MomentDoc,
     "api": (MomentIn, MomentPatch, MomentOut), "csv": "moments.csv",
     "cli": lambda: moment_data(Moment("x", WHEN, id=1))},
    {"kind": Person, "row": PersonRow, "doc": closer_json.PersonDoc,
     "api": (PersonIn, PersonPatch, PersonOut), "csv": "people.csv",
     "cli": lambda: person_data(Person("x", id=1))},
    {"kind": Contact, "row": ContactRow, "doc": closer_json.ContactDoc,
     "api": (ContactOut,), "csv": "contacts.csv",  # its input names "them"
     "cli": lambda: contact_data(Contact(1, WHEN, id=1))},
]  # fmt: skip
NAMES = [k["kind"].__name__ for k in KINDS]


def details(kind: type) -> set[str]:
    return {d.name for d in details_of(kind)}


def lists(kind: type) -> set[str]:
    return {d.name for d in details_of(kind) if d.is_list}


def test_moments_and_people_are_described_with_where_a_moment_happened() -> None:
    assert {"urge", "action", "outcome", "channel"} <= details(Moment)
    assert {"relationship", "closeness_wanted", "notes"} <= details(Person)


@pytest.mark.parametrize("about", KINDS, ids=NAMES)
def test_each_plain_detail_has_a_column_and_each_list_a_table(
    about: dict[str, Any],
) -> None:
    kind, row = about["kind"], inspect(about["row"])
    assert details(kind) - lists(kind) <= set(row.column_attrs.keys())
    assert lists(kind) <= set(row.relationships.keys())


@pytest.mark.parametrize("about", KINDS, ids=NAMES)
def test_each_detail_is_in_the_export_its_schema_and_the_csv(
    about: dict[str, Any],
) -> None:
    kind, doc = about["kind"], about["doc"]
    schema = closer_json.json_schema()["$defs"][doc.__name__]["properties"]
    assert details(kind) <= set(schema)
    assert details(kind) <= set(doc.model_fields)
    header = csv_tables.tables(Records())[about["csv"]][0]
    assert details(kind) - lists(kind) <= set(header)


@pytest.mark.parametrize("about", KINDS, ids=NAMES)
def test_each_detail_is_in_the_api_and_the_cli_json(about: dict[str, Any]) -> None:
    model: type[BaseModel]
    for model in about["api"]:
        assert details(about["kind"]) <= set(model.model_fields), model.__name__
    assert details(about["kind"]) <= set(about["cli"]())


def test_the_cli_fast_path_names_the_same_details() -> None:
    named = tuple((d.name, d.about.item) for d in details_of(Moment) if d.is_list)
    assert tuple(d.name for d in details_of(Moment)) == fast_sqlite.MOMENT_DETAILS
    assert named == fast_sqlite.MOMENT_LISTS
