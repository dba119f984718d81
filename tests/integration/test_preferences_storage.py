from __future__ import annotations

import pytest

from closer.adapters.crisis_lines import bundled_directory
from closer.adapters.db.database import Database
from closer.domain.errors import InvalidInput
from closer.domain.preferences import Preferences, Theme
from closer.services.preferences import get_preferences, update_preferences


def test_a_new_store_has_the_default_preferences(database: Database) -> None:
    assert get_preferences(database.unit_of_work()) == Preferences()


def test_saved_preferences_are_there_in_a_new_unit_of_work(database: Database) -> None:
    update_preferences(
        database.unit_of_work(), bundled_directory(), country="ie", theme="dark"
    )
    assert get_preferences(database.unit_of_work()) == Preferences("IE", Theme.DARK)


def test_saving_again_updates_the_single_row(database: Database) -> None:
    directory = bundled_directory()
    update_preferences(database.unit_of_work(), directory, country="FR")
    update_preferences(database.unit_of_work(), directory, theme="light")
    assert get_preferences(database.unit_of_work()) == Preferences("FR", Theme.LIGHT)


def test_a_country_without_lines_is_refused_and_nothing_changes(
    database: Database,
) -> None:
    directory = bundled_directory()
    update_preferences(database.unit_of_work(), directory, country="NL")
    with pytest.raises(InvalidInput, match="no crisis lines for ZZ") as caught:
        update_preferences(
            database.unit_of_work(), directory, country="ZZ", theme="dark"
        )
    assert caught.value.field == "country"
    assert get_preferences(database.unit_of_work()) == Preferences("NL", Theme.SYSTEM)


def test_work_that_is_not_committed_is_rolled_back(database: Database) -> None:
    with database.unit_of_work() as uow:
        uow.preferences.save(Preferences("US", Theme.DARK))
    assert get_preferences(database.unit_of_work()) == Preferences()
