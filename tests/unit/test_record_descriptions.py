"""Every detail of a moment reaches every place that carries moments: the
storage, the export and its schema, the CSV, the API's models and the CLI's
JSON. Nothing here lists the fields: a new detail is checked as it is added."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import inspect

from closer.adapters import fast_sqlite
from closer.adapters.db.orm import MomentRow
from closer.adapters.export import closer_json, csv_tables
from closer.cli.data import moment_data
from closer.domain.details import details_of
from closer.domain.moments import Moment
from closer.web.routes.api_moments import MomentIn, MomentOut, MomentPatch

DETAILS = [d.name for d in details_of(Moment)]
LISTS = {d.name for d in details_of(Moment) if d.is_list}


def test_the_moment_has_details_and_they_include_where_it_happened() -> None:
    assert {"urge", "action", "outcome", "channel"} <= set(DETAILS)


def test_each_plain_detail_has_a_column_and_each_list_a_table() -> None:
    columns = set(inspect(MomentRow).column_attrs.keys())
    relationships = set(inspect(MomentRow).relationships.keys())
    assert set(DETAILS) - LISTS <= columns
    assert relationships >= LISTS


def test_each_detail_is_in_the_export_its_schema_and_the_csv() -> None:
    schema = closer_json.json_schema()["$defs"]["MomentDoc"]["properties"]
    assert set(DETAILS) <= set(schema)
    assert set(DETAILS) <= set(closer_json.MomentDoc.model_fields)
    assert set(DETAILS) - LISTS <= set(csv_tables.MOMENT_COLUMNS)


def test_the_cli_fast_path_names_the_same_details() -> None:
    lists = tuple((d.name, d.about.item) for d in details_of(Moment) if d.is_list)
    assert tuple(DETAILS) == fast_sqlite.MOMENT_DETAILS
    assert lists == fast_sqlite.MOMENT_LISTS


def test_each_detail_is_in_the_api_and_the_cli_json() -> None:
    for model in (MomentIn, MomentPatch, MomentOut):
        assert set(DETAILS) <= set(model.model_fields), model.__name__
    moment = Moment("x", datetime(2026, 1, 1, tzinfo=UTC), id=1)
    assert set(DETAILS) <= set(moment_data(moment))
