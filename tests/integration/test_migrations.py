from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from closer.adapters.db.database import Database, open_database
from closer.adapters.db.migrate import (
    current_revision,
    head_revision,
    include_name,
    upgrade,
)
from closer.adapters.db.orm import Base
from closer.adapters.db.schema import HEAD_REVISION
from closer.adapters.local_store import set_up
from closer.config import Settings
from tests.support.stores import emptied


def test_an_empty_database_is_brought_to_the_newest_revision(
    settings: Settings, store_key: bytes | None
) -> None:
    emptied(settings, store_key)
    db = open_database(settings, key=store_key, migrate=False)
    try:
        assert current_revision(db.engine) is None
        upgrade(db.engine)
        assert current_revision(db.engine) == head_revision()
        assert "app_settings" in inspect(db.engine).get_table_names()
    finally:
        db.close()


def test_upgrading_twice_changes_nothing(database: Database) -> None:
    before = current_revision(database.engine)
    upgrade(database.engine)
    assert current_revision(database.engine) == before == head_revision()


def test_the_models_and_the_migrations_agree(database: Database) -> None:
    with database.engine.connect() as connection:
        opts = {"compare_type": True, "include_name": include_name}
        context = MigrationContext.configure(connection, opts=opts)
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, kdf_memory_kib=1024, kdf_time_cost=1)
    key = set_up(settings, "a passphrase for this test")
    db = open_database(settings, key=key)
    try:
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2
            assert connection.execute(text("PRAGMA cipher_version")).scalar()
    finally:
        db.close()


def test_the_sqlite_file_lands_in_the_data_folder(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "nested" / "data")
    set_up(settings, None)  # unencrypted, chosen explicitly
    db = open_database(settings)
    db.close()
    assert (tmp_path / "nested" / "data" / "closer.db").is_file()


def test_the_fast_paths_know_the_newest_revision() -> None:
    assert head_revision() == HEAD_REVISION


def test_upgrading_a_filled_store_to_accounts_keeps_every_row(
    settings: Settings, store_key: bytes | None
) -> None:
    emptied(settings, store_key)
    db = open_database(settings, key=store_key, migrate=False)
    try:
        upgrade(db.engine, "0004")
        now = "'2026-01-01 10:00:00'"
        rows = {
            "app_settings (id, country, theme, country_prompt_dismissed, updated_at)":
                f"1, 'GB', 'dark', false, {now}",
            "safety_plan_items (section, position, text, updated_at)":
                f"'coping', 0, 'Walk', {now}",
            "people (id, name, name_key, relationship, notes, created_at, updated_at)":
                f"7, 'Sam', 'sam', 'friend', '', {now}, {now}",
            "moments (id, occurred_at, situation, outcome, search_text, created_at, "
            "updated_at)": f"3, {now}, 'x', '', 'x', {now}, {now}",
            "moment_people (moment_id, person_id, position)": "3, 7, 0",
            "moment_emotions (moment_id, emotion, intensity, position)":
                "3, 'anxious', 5, 0",
        }  # fmt: skip
        with db.engine.begin() as conn:
            for into, values in rows.items():
                conn.execute(text(f"INSERT INTO {into} VALUES ({values})"))
        upgrade(db.engine)
        with db.engine.connect() as conn:
            counts = {
                table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                for table in ("moment_people", "moment_emotions", "people", "moments")
            }
            owners = {
                table: conn.execute(text(f"SELECT DISTINCT user_id FROM {table}")).all()
                for table in ("app_settings", "safety_plan_items", "people", "moments")
            }
        assert counts == {
            "moment_people": 1,
            "moment_emotions": 1,
            "people": 1,
            "moments": 1,
        }
        assert all(rows == [(1,)] for rows in owners.values()), owners
        with db.unit_of_work() as uow:
            assert uow.preferences.get().country == "GB"
            assert [p.name for p in uow.people.list()] == ["Sam"]
    finally:
        db.close()


def test_known_closeness_becomes_the_first_reading_of_its_history(
    settings: Settings, store_key: bytes | None
) -> None:
    emptied(settings, store_key)
    db = open_database(settings, key=store_key, migrate=False)
    try:
        upgrade(db.engine, "0014")
        now = "'2026-01-01 10:00:00'"
        with db.engine.begin() as conn:
            for values in (
                f"7, 1, 'Sam', 'sam', 'friend', 3, 8, '', {now}, {now}",
                f"8, 1, 'Ana', 'ana', 'friend', NULL, NULL, '', {now}, {now}",
            ):
                conn.execute(text(
                    "INSERT INTO people (id, user_id, name, name_key, relationship, "
                    "closeness_now, closeness_wanted, notes, created_at, updated_at) "
                    f"VALUES ({values})"
                ))  # fmt: skip
        upgrade(db.engine)
        with db.unit_of_work() as uow:
            history = uow.people.closeness()
            sam = uow.people.by_name("Sam")
        assert [(r.person_name, r.now, r.wanted) for r in history] == [("Sam", 3, 8)]
        assert sam is not None
        assert (sam.nickname, sam.birthday) == ("", None)
    finally:
        db.close()
