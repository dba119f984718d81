from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest

from closer.adapters.crisis_lines import bundled_directory, load_directory
from closer.domain.errors import ConfigurationError

REQUIRED = ["US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "NL", "IN"]

GOOD_LINE = """
name = "A line"
description = "Someone listens."
phone = "123"
hours = "24 hours"
source = "https://example.org"
checked = 2026-01-01
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lines.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _valid(extra: str = "") -> str:
    return (
        '[international]\nname = "World"\nemergency = "112"\n'
        f"[[international.lines]]\n{GOOD_LINE}\n{extra}"
    )


@pytest.mark.parametrize("code", REQUIRED)
def test_every_required_country_has_a_line_to_call(code: str) -> None:
    help = bundled_directory().for_country(code)
    assert help.code == code
    assert help.emergency
    assert any(line.phone for line in help.lines)


def test_every_line_names_an_official_https_source_and_a_check_date() -> None:
    directory = bundled_directory()
    everything = [*directory.countries.values(), directory.international]
    for help in everything:
        for line in help.lines:
            assert line.source.startswith("https://"), line.name
            assert line.checked.year >= 2026, line.name


def test_the_bundled_file_parses_as_plain_toml() -> None:
    resource = resources.files("closer.data").joinpath("crisis_lines.toml")
    raw = tomllib.loads(resource.read_text(encoding="utf-8"))
    assert set(REQUIRED) <= set(raw)
    assert "international" in raw


def test_an_unknown_or_missing_country_falls_back_to_the_international_list() -> None:
    directory = bundled_directory()
    assert directory.for_country("ZZ") is directory.international
    assert directory.for_country(None) is directory.international
    assert not directory.knows("ZZ")
    assert directory.knows("us")


def test_a_phone_link_keeps_only_digits_and_plus() -> None:
    line = bundled_directory().for_country("AU").lines[0]
    assert line.phone == "13 11 14"
    assert line.phone_href == "tel:131114"


def test_a_valid_file_loads(tmp_path: Path) -> None:
    extra = f'[FR]\nname = "France"\nemergency = "112"\n[[FR.lines]]\n{GOOD_LINE}'
    directory = load_directory(_write(tmp_path, _valid(extra)))
    assert directory.for_country("FR").name == "France"


def test_a_line_without_any_way_to_reach_it_is_refused(tmp_path: Path) -> None:
    bad = GOOD_LINE.replace('phone = "123"\n', "")
    text = (
        '[international]\nname = "W"\nemergency = "112"\n'
        f"[[international.lines]]\n{bad}"
    )
    path = _write(tmp_path, text)
    with pytest.raises(ConfigurationError) as caught:
        load_directory(path)
    assert str(path) in caught.value.message
    assert "[international]" in caught.value.message
    assert "at least a phone" in caught.value.message


def test_a_source_that_is_not_https_is_refused(tmp_path: Path) -> None:
    bad_line = GOOD_LINE.replace("https://example.org", "http://example.org")
    extra = f'[DE]\nname = "D"\nemergency = "112"\n[[DE.lines]]\n{bad_line}'
    with pytest.raises(ConfigurationError, match=r"\[DE\] lines\.0\.source"):
        load_directory(_write(tmp_path, _valid(extra)))


def test_a_key_that_is_not_a_country_code_is_refused(tmp_path: Path) -> None:
    extra = f'[Germany]\nname = "D"\nemergency = "112"\n[[Germany.lines]]\n{GOOD_LINE}'
    with pytest.raises(ConfigurationError, match=r"\[Germany\] is neither"):
        load_directory(_write(tmp_path, _valid(extra)))


def test_the_international_fallback_is_required(tmp_path: Path) -> None:
    text = f'[FR]\nname = "F"\nemergency = "112"\n[[FR.lines]]\n{GOOD_LINE}'
    with pytest.raises(ConfigurationError, match="international"):
        load_directory(_write(tmp_path, text))


def test_a_file_that_is_not_toml_is_refused_with_its_path(tmp_path: Path) -> None:
    path = _write(tmp_path, "this is = = not toml")
    with pytest.raises(ConfigurationError, match="cannot read crisis lines"):
        load_directory(path)
