"""Crisis lines: who a person can reach right now, by country.

The data lives in ``closer/data/crisis_lines.toml`` and is loaded by
``closer.adapters.crisis_lines``; this module holds the shapes and the rule
for choosing what to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class CrisisLine:
    """One service a person can call, text or chat with."""

    name: str
    description: str
    hours: str
    source: str
    checked: date
    phone: str | None = None
    text: str | None = None
    url: str | None = None

    @property
    def phone_href(self) -> str | None:
        """A ``tel:`` link for the phone number, digits and ``+`` only."""
        if self.phone is None:
            return None
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}"


@dataclass(frozen=True, slots=True)
class CountryHelp:
    """Everything the help page shows for one country."""

    code: str
    name: str
    emergency: str
    lines: tuple[CrisisLine, ...]


@dataclass(frozen=True, slots=True)
class HelpDirectory:
    """All countries Closer knows, plus the international fallback."""

    countries: dict[str, CountryHelp]
    international: CountryHelp

    def for_country(self, code: str | None) -> CountryHelp:
        """The help for ``code``, or the international directory when unknown."""
        if code is None:
            return self.international
        return self.countries.get(code.upper(), self.international)

    def knows(self, code: str | None) -> bool:
        """Whether ``code`` has its own list of lines."""
        return code is not None and code.upper() in self.countries

    def choices(self) -> list[tuple[str, str]]:
        """(code, name) pairs sorted by name, for a country picker."""
        return sorted(
            ((c.code, c.name) for c in self.countries.values()), key=lambda p: p[1]
        )
