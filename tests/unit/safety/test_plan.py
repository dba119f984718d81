from __future__ import annotations

import pytest

from closer.domain.errors import InvalidInput
from closer.domain.safety.plan import (
    MAX_ITEM_LENGTH,
    MAX_ITEMS_PER_SECTION,
    PlanSection,
    SafetyPlan,
    parse_section,
    parse_section_name,
    phone_in,
)


def test_items_are_one_per_line_with_blanks_dropped() -> None:
    items = parse_section(PlanSection.COPING, "  walk \n\n cold water  \n")
    assert items == ("walk", "cold water")


def test_an_overlong_item_is_refused_with_its_number_and_section() -> None:
    text = "fine\n" + "x" * (MAX_ITEM_LENGTH + 1)
    with pytest.raises(
        InvalidInput, match='Item 2 of "Things I can do on my own"'
    ) as e:
        parse_section(PlanSection.COPING, text)
    assert e.value.field == "coping"


def test_too_many_items_are_refused() -> None:
    lines = [f"item {i}" for i in range(MAX_ITEMS_PER_SECTION + 1)]
    with pytest.raises(InvalidInput, match=f"keep it to {MAX_ITEMS_PER_SECTION}"):
        parse_section(PlanSection.REASONS, lines)


def test_an_unknown_section_names_the_known_ones() -> None:
    with pytest.raises(InvalidInput, match="warning-signs, coping"):
        parse_section_name("hobbies")
    assert parse_section_name(" People ") is PlanSection.PEOPLE


@pytest.mark.parametrize(
    ("item", "phone"),
    [
        ("Sam 07700 900123", "07700 900123"),
        ("Mum +44 (0)20 7946 0000", "+44 (0)20 7946 0000"),
        ("Dr O 020-7946-0000 weekdays", "020-7946-0000"),
        ("my cat", None),
        ("call at 5", None),
    ],
)
def test_a_phone_number_is_found_in_a_contact(item: str, phone: str | None) -> None:
    assert phone_in(item) == phone


def test_only_new_lines_are_handed_to_the_safety_check() -> None:
    before = SafetyPlan({PlanSection.COPING: ("walk",)})
    after = before.with_items(PlanSection.COPING, ("walk", "call Jo"))
    assert after.new_texts_since(before) == ["call Jo"]
    assert not SafetyPlan().has_content
    assert after.has_content
