"""What "Need help now" shows."""

from __future__ import annotations

from dataclasses import dataclass

from closer.domain.crisis_lines import CountryHelp, HelpDirectory
from closer.domain.preferences import parse_country
from closer.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class HelpView:
    """The help for one country, plus the international fallback."""

    help: CountryHelp
    international: CountryHelp
    country_chosen: bool

    @property
    def is_fallback(self) -> bool:
        """True when only the international directories are shown."""
        return self.help is self.international


def help_now(
    uow: UnitOfWork | None, directory: HelpDirectory, *, country: str | None = None
) -> HelpView:
    """Crisis lines for ``country``, or for the saved country when not given
    (none while the records are locked: ``uow`` is None)."""
    if country is not None:
        code = parse_country(country)
    elif uow is None:
        code = None
    else:
        with uow:
            code = uow.preferences.get().country
    return HelpView(
        help=directory.for_country(code),
        international=directory.international,
        country_chosen=code is not None,
    )
