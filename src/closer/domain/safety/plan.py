"""The personal safety plan: what a person prepares, in a calm moment, for a
dark one. Its sections follow the widely used safety-planning structure:
warning signs, coping on one's own, distraction, people to ask, professionals,
a safer setting, and reasons for living.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from closer.domain.errors import InvalidInput

MAX_ITEM_LENGTH = 500
MAX_ITEMS_PER_SECTION = 30


class PlanSection(StrEnum):
    """The sections of a safety plan, in the order they are used."""

    WARNING_SIGNS = "warning-signs"
    COPING = "coping"
    DISTRACTIONS = "distractions"
    PEOPLE = "people"
    PROFESSIONALS = "professionals"
    SAFER_SURROUNDINGS = "safer-surroundings"
    REASONS = "reasons"


@dataclass(frozen=True, slots=True)
class SectionGuide:
    """How a section is titled and explained to the person."""

    title: str
    prompt: str
    example: str


GUIDES: dict[PlanSection, SectionGuide] = {
    PlanSection.WARNING_SIGNS: SectionGuide(
        "Signs that a hard time is starting",
        "Thoughts, feelings, places or habits that tell you things are getting "
        "difficult.",
        "I stop answering messages and stay in bed",
    ),
    PlanSection.COPING: SectionGuide(
        "Things I can do on my own",
        "Small things that help you get through a bad hour without anyone else.",
        "Walk around the block; cold water on my face",
    ),
    PlanSection.DISTRACTIONS: SectionGuide(
        "People and places that take my mind off things",
        "Somewhere to go or someone to be around, even without talking about it.",
        "The café at the library; watching football with Jo",
    ),
    PlanSection.PEOPLE: SectionGuide(
        "People I can ask for help",
        "Who you could tell that you are not okay. Add a number if you like.",
        "Sam 07700 900123",
    ),
    PlanSection.PROFESSIONALS: SectionGuide(
        "Professionals and services",
        "Your counsellor, doctor or a local service, and how to reach them.",
        "Dr Okafor's surgery 020 7946 0000 (weekdays)",
    ),
    PlanSection.SAFER_SURROUNDINGS: SectionGuide(
        "Making where I am safer",
        "Ways to put distance between you and things you could hurt yourself "
        "with, such as asking someone to keep them for now.",
        "Ask my sister to hold on to my medication",
    ),
    PlanSection.REASONS: SectionGuide(
        "What I live for",
        "People, animals, plans and small things that matter to you.",
        "My niece; the trip to the coast in spring; my cat Miso",
    ),
}

_PHONE = re.compile(r"(?<![\w+])(\+?\d[\d ()-]{1,18}\d)(?![\w])")


def phone_in(item: str) -> str | None:
    """The first phone-like number in an item ("Sam 07700 900123"), if any."""
    match = _PHONE.search(item)
    if match is None or sum(ch.isdigit() for ch in match.group(1)) < 3:
        return None
    return match.group(1).strip()


def parse_section(section: PlanSection, lines: list[str] | str) -> tuple[str, ...]:
    """Clean one section's items: one per line, blanks dropped, limits checked."""
    raw = lines.splitlines() if isinstance(lines, str) else lines
    items = tuple(item.strip() for item in raw if item.strip())
    title = GUIDES[section].title
    if len(items) > MAX_ITEMS_PER_SECTION:
        raise InvalidInput(
            f'"{title}" has {len(items)} items; keep it to {MAX_ITEMS_PER_SECTION} '
            "so it stays quick to read in a hard moment.",
            field=section.value,
        )
    for number, item in enumerate(items, start=1):
        if len(item) > MAX_ITEM_LENGTH:
            raise InvalidInput(
                f'Item {number} of "{title}" is {len(item)} characters long; '
                f"the limit is {MAX_ITEM_LENGTH}.",
                field=section.value,
            )
    return items


def parse_section_name(name: str) -> PlanSection:
    """The section called ``name`` (its slug), or a clear error."""
    try:
        return PlanSection(name.strip().lower())
    except ValueError:
        known = ", ".join(s.value for s in PlanSection)
        raise InvalidInput(
            f"There is no safety-plan section {name!r}; choose one of {known}.",
            field="section",
        ) from None


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    """The whole plan: for each section, its items in order."""

    sections: dict[PlanSection, tuple[str, ...]] = field(default_factory=dict)

    def items(self, section: PlanSection) -> tuple[str, ...]:
        """The items of one section (empty when none)."""
        return self.sections.get(section, ())

    @property
    def has_content(self) -> bool:
        """Whether anything has been written in the plan."""
        return any(self.sections.values())

    def with_items(self, section: PlanSection, items: tuple[str, ...]) -> SafetyPlan:
        """A copy with one section replaced."""
        return SafetyPlan({**self.sections, section: items})

    def texts(self) -> list[str]:
        """Every item, for the safety scan."""
        return [item for section in PlanSection for item in self.items(section)]

    def new_texts_since(self, before: SafetyPlan) -> list[str]:
        """Items that were not in ``before``: only these need a fresh scan."""
        old = set(before.texts())
        return [text for text in self.texts() if text not in old]
