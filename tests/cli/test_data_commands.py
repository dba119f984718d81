"""``closer export``, ``import``, ``backup``, ``restore`` and ``delete-everything``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from closer.config import Settings
from closer.web.app import create_app
from tests.support.postgres import PostgresCluster
from tests.support.server import closer_env, init_store, run_closer


def a_store(tmp_path: Path) -> dict[str, str]:
    env = closer_env(tmp_path / "data")
    init_store(env)
    for args in (
        ["log", "Cancelled on Sam again", "-p", "Sam", "--new-person", "-u", "8"],
        ["log", "Stayed for the whole dinner", "--did", "stayed"],
        ["safety", "plan", "add", "coping", "Cold water on my face"],
    ):
        assert run_closer(*args, env=env).returncode == 0
    return env


def test_export_json_then_import_into_a_new_store_round_trips(tmp_path: Path) -> None:
    env = a_store(tmp_path)
    out = tmp_path / "export.json"
    summary = run_closer("export", "-f", "json", "-o", str(out), "--json", env=env)
    assert json.loads(summary.stdout) == {
        "format": "json", "path": str(out), "people": 1, "moments": 2,
    }  # fmt: skip
    assert out.stat().st_mode & 0o777 == 0o600
    other = closer_env(tmp_path / "other" / "data")
    init_store(other)
    first = run_closer("import", str(out), "--json", env=other)
    assert json.loads(first.stdout)["moments_added"] == 2, first.stderr
    again = run_closer("import", str(out), "--json", env=other)
    assert json.loads(again.stdout)["moments_skipped"] == 2
    second = run_closer("export", "-f", "json", env=other).stdout
    original = json.loads(out.read_text())
    copied = json.loads(second)
    original.pop("exported_at")
    copied.pop("exported_at")
    assert copied == original


def test_export_markdown_to_stdout_and_csv_to_a_zip(tmp_path: Path) -> None:
    env = a_store(tmp_path)
    journal = run_closer("export", "-f", "md", env=env).stdout
    assert "Cancelled on Sam again" in journal
    assert "- Cold water on my face" in journal
    result = run_closer("export", "-f", "csv", "-o", str(tmp_path / "t.zip"), env=env)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "t.zip") as archive:
        assert "closer/moments.csv" in archive.namelist()
    refused = run_closer("export", "-f", "csv", env=env)
    assert refused.returncode == 1
    assert "-o FOLDER" in refused.stderr


def test_a_bad_import_names_the_line_and_changes_nothing(tmp_path: Path) -> None:
    env = a_store(tmp_path)
    bad = tmp_path / "daylio.csv"
    bad.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        '2021-09-28,28 September,Tuesday,10:00 pm,good,"","","fine"\n'
        '2021-09-29,29 September,Wednesday,whenever,good,"","","bad"\n'
    )
    before = run_closer("moments", "--json", env=env).stdout
    result = run_closer("import", str(bad), env=env)
    assert result.returncode == 1
    assert "line 3, time:" in result.stderr
    assert run_closer("moments", "--json", env=env).stdout == before


def test_backup_and_restore_from_the_command_line(tmp_path: Path) -> None:
    env = a_store(tmp_path)
    backup = tmp_path / "b.zip"
    made = json.loads(run_closer("backup", str(backup), "--json", env=env).stdout)
    assert made["encrypted"] is True
    run_closer("log", "Written after the backup", env=env)
    restored = run_closer("restore", str(backup), "--json", env=env)
    assert json.loads(restored.stdout)["restored"] is True, restored.stderr
    found = json.loads(run_closer("moments", "--json", env=env).stdout)
    assert "Written after the backup" not in [m["situation"] for m in found["items"]]
    assert found["total"] == 2


def test_delete_everything_needs_a_yes_and_then_erases_it_all(tmp_path: Path) -> None:
    env = a_store(tmp_path)
    refused = run_closer("delete-everything", env=env)
    assert refused.returncode == 1
    assert "--yes" in refused.stderr
    done = run_closer("delete-everything", "--yes", "--json", env=env)
    deleted = {Path(p).name for p in json.loads(done.stdout)["deleted"]}
    assert {"closer.db", "closer.key.json"} <= deleted
    after = run_closer("moments", env=env)
    assert after.returncode == 1
    assert "closer init" in after.stderr


@pytest.mark.postgres
def test_a_postgresql_store_is_backed_up_and_restored_with_its_tools(
    tmp_path: Path, postgres_cluster: PostgresCluster
) -> None:
    url = postgres_cluster.create_database()
    try:
        settings = Settings(mode="hosted", data_dir=tmp_path, database_url=url)
        with TestClient(create_app(settings)) as browser:
            account = {"email": "ana@example.org", "password": "ana password 123"}
            browser.post("/api/v1/account", json=account)
            browser.post("/api/v1/moments", json={"situation": "Before the backup"})
            env = closer_env(
                tmp_path / "data", CLOSER_MODE="hosted", CLOSER_DATABASE_URL=url
            )
            dump = tmp_path / "closer.pgdump"
            made = run_closer("backup", str(dump), "--json", env=env)
            assert json.loads(made.stdout)["kind"] == "pg_dump", made.stderr
            assert dump.stat().st_mode & 0o777 == 0o600
            browser.post("/api/v1/moments", json={"situation": "After the backup"})
            broken = tmp_path / "broken.pgdump"
            broken.write_bytes(dump.read_bytes()[:200])
            refused = run_closer("restore", str(broken), env=env)
            assert refused.returncode == 1
            assert "nothing was changed" in refused.stderr
            assert browser.get("/api/v1/moments").json()["total"] == 2
            restored = run_closer("restore", str(dump), "--json", env=env)
            assert restored.returncode == 0, restored.stderr
            items = browser.get("/api/v1/moments").json()["items"]
            assert [m["situation"] for m in items] == ["Before the backup"]
    finally:
        postgres_cluster.drop_database(url)


def test_contacts_from_a_vcard_file_are_imported_and_reported(tmp_path: Path) -> None:
    env = closer_env(tmp_path / "data")
    init_store(env)
    cards = Path(__file__).resolve().parents[1] / "data" / "vcard"
    result = run_closer("import", str(cards / "android-2.1.vcf"), env=env)
    assert result.returncode == 0, result.stderr
    assert "New people: Élodie Dupont." in result.stdout
    assert "Card 2: it has no name" in result.stdout
    added = run_closer(
        "person", "add", "Jo", "--birthday", "--07-04", "--nickname", "JJ", "--json",
        env=env,
    )  # fmt: skip
    assert json.loads(added.stdout)["birthday"] == "--07-04", added.stderr
    shown = json.loads(
        run_closer("person", "show", "Élodie Dupont", "--json", env=env).stdout
    )
    assert shown["birthday"] == "1985-11-02"
    again = run_closer("import", str(cards / "android-2.1.vcf"), "--json", env=env)
    assert json.loads(again.stdout)["people_skipped"] == 1
    bad = run_closer("person", "add", "Kim", "--birthday", "someday", env=env)
    assert bad.returncode == 1
    assert "'someday' is not a birthday" in bad.stderr
