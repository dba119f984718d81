"""Contact: the small, ordinary moments of staying in touch.

"I reached out to Sam", "I heard from Ana", "I met Jo": one action each.
Together with moments in which the person moved toward someone (an approach:
replied, reached out, stayed…), they say when someone was last in touch,
which is what drift is measured from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from closer.domain.choices import one_of
from closer.domain.details import detail
from closer.domain.errors import InvalidInput

MAX_NOTE = 1_000


class Channel(StrEnum):
    """How the contact happened."""

    TEXT = "text"
    CALL = "call"
    MEET = "meet"
    OTHER = "other"


class Direction(StrEnum):
    """Who made it happen."""

    ME = "me"  # I reached out
    THEM = "them"  # I heard from them
    BOTH = "both"  # we met


@dataclass(frozen=True, slots=True)
class Contact:
    """One time someone was in touch."""

    person_id: int
    at: datetime
    how: Channel = field(default=Channel.TEXT, metadata=detail("How"))
    direction: Direction = field(default=Direction.ME, metadata=detail("Who"))
    note: str = field(default="", metadata=detail("Note", free_text=True))
    id: int | None = None
    person_name: str | None = field(default=None, compare=False)

    @property
    def sentence(self) -> str:
        """The contact in words."""
        name = self.person_name or "them"
        if self.direction is Direction.THEM:
            return f"Heard from {name}"
        if self.direction is Direction.BOTH:
            return f"Met {name}"
        return f"Reached out to {name}"


def new_contact(
    person_id: int,
    at: datetime,
    how: str = "text",
    *,
    them: bool = False,
    note: str = "",
) -> Contact:
    """A validated contact: meeting is mutual; otherwise me or them."""
    channel = one_of(Channel, how, "how")
    if them:
        direction = Direction.THEM
    else:
        direction = Direction.BOTH if channel is Channel.MEET else Direction.ME
    if len(note.strip()) > MAX_NOTE:
        raise InvalidInput(f"Keep the note under {MAX_NOTE} characters.", field="note")
    return Contact(
        person_id=person_id, at=at, how=channel, direction=direction, note=note.strip()
    )
