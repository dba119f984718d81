"""Crisis lines: who a person can reach right now, by country.

The data lives in ``closer/data/crisis_lines.toml`` and is loaded by
``closer.adapters.crisis_lines``; this module holds the shapes and the rule
for choosing what to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_NUMBER = re.compile(r"\+?\d[\d ]*\d|\d")
_KEYWORD = re.compile(r"\(text ([A-Za-z]+)\)")


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


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
        return f"tel:{_digits(self.phone)}"

    @property
    def text_number(self) -> str | None:
        """The number to text, without the keyword ("51444 (text HELP)": 51444)."""
        if self.text is None or (found := _NUMBER.search(self.text)) is None:
            return None
        return found.group(0).strip()

    @property
    def text_href(self) -> str | None:
        """An ``sms:`` link for the text number, with the keyword to send."""
        number = self.text_number
        if number is None or self.text is None:
            return None
        keyword = _KEYWORD.search(self.text)
        body = f"?body={keyword.group(1)}" if keyword else ""
        return f"sms:{_digits(number)}{body}"


@dataclass(frozen=True, slots=True)
class CountryHelp:
    """Everything the help page shows for one country."""

    code: str
    name: str
    emergency: str
    lines: tuple[CrisisLine, ...]

    @property
    def emergency_number(self) -> str | None:
        """The emergency number to call ("112" in "your local emergency
        number (112 works …)"), or None when the text holds none."""
        found = _NUMBER.search(self.emergency)
        return found.group(0).strip() if found else None

    @property
    def emergency_href(self) -> str | None:
        """A ``tel:`` link for the emergency number."""
        number = self.emergency_number
        return None if number is None else f"tel:{_digits(number)}"


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
