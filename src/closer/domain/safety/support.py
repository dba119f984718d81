"""The support panel's lifecycle: it opens when worrying words are saved and
stays open, on every page, until the person makes an explicit choice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from closer.domain.errors import InvalidInput
from closer.domain.safety.assessment import About, Level


class Choice(StrEnum):
    """The only two ways to close the panel."""

    SAFE = "safe"  # "I'm safe right now"
    HELP = "help"  # "Show me help"


def parse_choice(value: str) -> Choice:
    """The choice named by ``value``, or a clear error."""
    try:
        return Choice(value.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"Choose 'safe' or 'help'; got {value!r}.", field="choice"
        ) from None


# Where text is checked but never stored (a question to Ask, a draft message):
# the panel must not tell the person that what they wrote was saved.
UNKEPT_SOURCES = frozenset({"ask", "message"})


@dataclass(frozen=True, slots=True)
class SupportAlert:
    """An open support panel: no text and no reasons are kept, only the level."""

    id: int
    level: Level
    about: About
    source: str
    opened_at: datetime
