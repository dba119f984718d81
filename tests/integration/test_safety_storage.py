from __future__ import annotations

import pytest

from closer.adapters.crisis_lines import bundled_directory
from closer.adapters.db.database import Database
from closer.domain.errors import InvalidInput, NotFound
from closer.domain.safety import About, Level
from closer.domain.safety.plan import PlanSection
from closer.domain.safety.support import Choice
from closer.services.preferences import update_preferences
from closer.services.safety import (
    add_plan_item,
    get_plan,
    remove_plan_item,
    resolve_support,
    save_plan,
    support_panel,
)


def test_a_saved_plan_comes_back_in_order(database: Database) -> None:
    save_plan(
        database.unit_of_work(),
        {"coping": ["walk", "shower", "music"], "reasons": "my niece\nthe sea"},
    )
    plan = get_plan(database.unit_of_work())
    assert plan.items(PlanSection.COPING) == ("walk", "shower", "music")
    assert plan.items(PlanSection.REASONS) == ("my niece", "the sea")
    assert plan.items(PlanSection.PEOPLE) == ()


def test_saving_some_sections_keeps_the_others(database: Database) -> None:
    save_plan(database.unit_of_work(), {"coping": ["walk"], "people": ["Jo 0123 456"]})
    save_plan(database.unit_of_work(), {"coping": ["run"]})
    plan = get_plan(database.unit_of_work())
    assert plan.items(PlanSection.COPING) == ("run",)
    assert plan.items(PlanSection.PEOPLE) == ("Jo 0123 456",)


def test_one_bad_section_leaves_the_whole_plan_unchanged(database: Database) -> None:
    save_plan(database.unit_of_work(), {"coping": ["walk"]})
    with pytest.raises(InvalidInput):
        save_plan(
            database.unit_of_work(),
            {"coping": ["changed"], "reasons": ["x" * 501]},
        )
    assert get_plan(database.unit_of_work()).items(PlanSection.COPING) == ("walk",)


def test_items_can_be_added_and_removed(database: Database) -> None:
    add_plan_item(database.unit_of_work(), "reasons", "my cat")
    add_plan_item(database.unit_of_work(), "reasons", "spring")
    remove_plan_item(database.unit_of_work(), "reasons", 1)
    assert get_plan(database.unit_of_work()).items(PlanSection.REASONS) == ("spring",)
    with pytest.raises(NotFound, match="there is no item 5"):
        remove_plan_item(database.unit_of_work(), "reasons", 5)


def test_worrying_new_text_is_saved_and_opens_the_support_panel(
    database: Database,
) -> None:
    uow = database.unit_of_work
    saved = save_plan(uow(), {"warning-signs": ["I start to think I want to die"]})
    assert saved.assessment.level is Level.CONCERN
    assert get_plan(uow()).items(PlanSection.WARNING_SIGNS) == (
        "I start to think I want to die",
    )
    panel = support_panel(uow(), bundled_directory())
    assert panel is not None
    assert panel.level is Level.CONCERN
    assert panel.about is About.SELF


def test_unchanged_lines_are_not_scanned_again(database: Database) -> None:
    uow = database.unit_of_work
    save_plan(uow(), {"warning-signs": ["I feel hopeless"]})
    resolve_support(uow(), Choice.SAFE)
    again = save_plan(uow(), {"warning-signs": ["I feel hopeless"], "coping": ["walk"]})
    assert again.assessment.level is Level.NONE
    assert support_panel(uow(), bundled_directory()) is None


def test_the_panel_stays_open_until_an_explicit_choice(database: Database) -> None:
    uow = database.unit_of_work
    directory = bundled_directory()
    save_plan(uow(), {"people": ["Jo 07700 900123"]})
    save_plan(uow(), {"warning-signs": ["I have pills saved up to end it"]})
    panels = [support_panel(uow(), directory) for _ in range(3)]
    assert [p.level if p else None for p in panels] == [Level.URGENT] * 3
    assert panels[0] is not None
    assert panels[0].people[0].phone == "07700 900123"
    resolve_support(uow(), Choice.HELP)
    assert support_panel(uow(), directory) is None


def test_the_panel_uses_the_chosen_country(database: Database) -> None:
    uow = database.unit_of_work
    directory = bundled_directory()
    update_preferences(uow(), directory, country="FR")
    save_plan(uow(), {"coping": ["I want to kill myself"]})
    panel = support_panel(uow(), directory)
    assert panel is not None
    assert panel.help.code == "FR"
    assert panel.help.lines[0].phone == "3114"
