"""Load and validate the crisis-lines data file."""

from __future__ import annotations

from datetime import date
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from closer.adapters.content_file import read_toml, validated
from closer.domain.crisis_lines import CountryHelp, CrisisLine, HelpDirectory
from closer.domain.errors import ConfigurationError

NonEmpty = Annotated[str, Field(min_length=1)]
HttpsUrl = Annotated[str, Field(pattern=r"^https://[^\s]+$")]


class _Line(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: NonEmpty
    description: NonEmpty
    hours: NonEmpty
    source: HttpsUrl
    checked: date
    phone: NonEmpty | None = None
    text: NonEmpty | None = None
    url: HttpsUrl | None = None

    @model_validator(mode="after")
    def _reachable(self) -> _Line:
        if not (self.phone or self.text or self.url):
            raise ValueError("a line needs at least a phone, a text number or a url")
        return self


class _Country(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: NonEmpty
    emergency: NonEmpty
    lines: list[_Line] = Field(min_length=1)


def _to_domain(code: str, country: _Country) -> CountryHelp:
    lines = tuple(CrisisLine(**line.model_dump()) for line in country.lines)
    return CountryHelp(
        code=code, name=country.name, emergency=country.emergency, lines=lines
    )


def parse_directory(raw: dict[str, object], *, origin: str) -> HelpDirectory:
    """Validate parsed TOML and build the domain directory."""
    countries: dict[str, CountryHelp] = {}
    international: CountryHelp | None = None
    for key, value in raw.items():
        is_code = len(key) == 2 and key.isalpha() and key.isupper()
        if key != "international" and not is_code:
            raise ConfigurationError(
                f"{origin}: [{key}] is neither a two-letter country code "
                "nor 'international'."
            )
        country = validated(_Country, value, partial(_failed_at, origin, key))
        if key == "international":
            international = _to_domain("international", country)
        else:
            countries[key] = _to_domain(key, country)
    if international is None:
        raise ConfigurationError(f"{origin}: the [international] fallback is missing.")
    return HelpDirectory(countries=countries, international=international)


def load_directory(path: Path) -> HelpDirectory:
    """Read and validate a crisis-lines TOML file."""

    def unreadable(_where: str, problem: str) -> ConfigurationError:
        return ConfigurationError(f"{path}: cannot read crisis lines: {problem}.")

    return parse_directory(read_toml(path, unreadable), origin=str(path))


def _failed_at(origin: str, key: str, where: str, problem: str) -> ConfigurationError:
    return ConfigurationError(f"{origin}: [{key}] {where}: {problem}.")


@cache
def bundled_directory() -> HelpDirectory:
    """The crisis lines that ship with Closer (read once per process)."""
    resource = resources.files("closer.data").joinpath("crisis_lines.toml")
    with resources.as_file(resource) as path:
        return load_directory(path)
