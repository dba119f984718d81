from __future__ import annotations

from closer import __version__
from closer.adapters.db.migrate import head_revision
from closer.config import Settings
from tests.cli.conftest import Invoke, json_of
from tests.support.stores import emptied


def test_help_lists_every_command(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ["serve", "help", "db", "settings"]:
        assert command in result.stdout


def test_version_is_printed(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.stdout.strip() == f"closer {__version__}"


def test_db_upgrade_creates_the_schema_and_is_idempotent(
    invoke: Invoke, settings: Settings, store_key: bytes | None
) -> None:
    emptied(settings, store_key)  # a new local store is made at the newest
    first = json_of(invoke("db", "upgrade", "--json"))
    assert first["from"] is None
    assert first["to"] == head_revision()
    assert first["changed"] is True
    second = json_of(invoke("db", "upgrade", "--json"))
    assert second["from"] == second["to"] == head_revision()
    assert second["changed"] is False
    assert "up to date" in invoke("db", "upgrade").stdout


def test_db_status_tells_whether_an_upgrade_is_needed(
    invoke: Invoke, settings: Settings, store_key: bytes | None
) -> None:
    emptied(settings, store_key)
    before = json_of(invoke("db", "status", "--json"))
    assert before["current"] is None
    assert before["up_to_date"] is False
    invoke("db", "upgrade")
    after = json_of(invoke("db", "status", "--json"))
    assert after["current"] == after["head"] == head_revision()
    assert after["up_to_date"] is True


def test_settings_can_be_set_and_shown(invoke: Invoke) -> None:
    assert json_of(invoke("settings", "show", "--json")) == {
        "country": None,
        "theme": "system",
        "time_zone": None,
    }
    changed = json_of(invoke("settings", "set", "--country", "uk", "--json"))
    assert changed == {"country": "GB", "theme": "system", "time_zone": None}
    plain = invoke("settings", "show")
    assert "Country:   GB" in plain.stdout
    assert "Time zone: not chosen (this machine's:" in plain.stdout
    zoned = json_of(invoke("settings", "set", "--time-zone", "Asia/Tokyo", "--json"))
    assert zoned["time_zone"] == "Asia/Tokyo"
    assert "Time zone: Asia/Tokyo" in invoke("settings", "show").stdout


def test_a_bad_setting_prints_an_error_in_one_line_and_exits_1(invoke: Invoke) -> None:
    invoke("settings", "set", "--theme", "dark")
    result = invoke("settings", "set", "--theme", "sparkly")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Theme must be one of")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    assert json_of(invoke("settings", "show", "--json"))["theme"] == "dark"


def test_help_shows_crisis_lines_for_the_saved_country(invoke: Invoke) -> None:
    invoke("settings", "set", "--country", "ie")
    result = invoke("help")
    assert result.exit_code == 0
    assert "Samaritans Ireland" in result.stdout
    assert "116 123" in result.stdout
    assert "not therapy" in result.stdout


def test_help_as_json_for_another_country(invoke: Invoke) -> None:
    data = json_of(invoke("help", "--country", "nl", "--json"))
    assert data["country"]["code"] == "NL"
    assert data["country"]["lines"][0]["phone"] == "113"
    assert data["is_fallback"] is False
    assert data["international"]["lines"]
