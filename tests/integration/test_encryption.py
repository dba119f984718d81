"""Encryption at rest: the files on disk hold no readable text of any record."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from closer.adapters import local_store, vault
from closer.adapters.content import bundled_library
from closer.adapters.db.database import Database, open_database
from closer.adapters.local_store import StoreState, store_state
from closer.config import Settings
from closer.domain.errors import (
    Conflict,
    DamagedStore,
    Locked,
    NotSetUp,
    WrongPassphrase,
)
from closer.services.moments import list_moments, log_moment
from closer.services.people import add_person, list_people
from closer.services.safety import add_plan_item, get_plan
from tests.support.stores import local_settings

PASSPHRASE = "blue kettle on the hill"
SECRETS = ("Zanzibarina", "Quillifer", "marmalade-lighthouse", "Oswintergarden")


def write_secrets(database: Database) -> None:
    uow = database.unit_of_work
    person = add_person(
        uow(), SECRETS[0], relationship="friend", notes=f"met at the {SECRETS[2]}"
    )
    log_moment(
        uow(), bundled_library(), situation=f"{SECRETS[1]} asked me out; I froze",
        people=(person.id or 0,), outcome=f"wrote about {SECRETS[3]} instead",
    )  # fmt: skip
    add_plan_item(uow(), "people", f"Call {SECRETS[0]}")


def readable_secrets(folder: Path) -> dict[str, list[str]]:
    """Which secret words appear, as UTF-8 or UTF-16 text, in which files."""
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        hits = [
            word
            for word in SECRETS
            if any(
                word.encode(codec) in raw or word.lower().encode(codec) in raw
                for codec in ("utf-8", "utf-16-le")
            )
        ]
        if hits:
            found[path.name] = hits
    return found


def test_known_text_is_nowhere_in_the_files_while_open_or_after_closing(
    tmp_path: Path,
) -> None:
    settings = local_settings(tmp_path)
    key = local_store.set_up(settings, PASSPHRASE)
    database = open_database(settings, key=key)
    try:
        write_secrets(database)
        assert readable_secrets(settings.data_dir) == {}  # the WAL too
    finally:
        database.close()
    assert readable_secrets(settings.data_dir) == {}
    assert (
        PASSPHRASE.encode() not in vault.key_file_path(settings.data_dir).read_bytes()
    )


def test_the_scan_finds_the_text_in_a_store_kept_plain_by_choice(
    tmp_path: Path,
) -> None:
    settings = local_settings(tmp_path)
    assert local_store.set_up(settings, None) is None
    assert store_state(settings) is StoreState.PLAIN
    database = open_database(settings)
    try:
        write_secrets(database)
    finally:
        database.close()
    found = readable_secrets(settings.data_dir)
    assert {word for words in found.values() for word in words} == set(SECRETS)


def test_the_records_read_back_with_the_key_after_reopening(tmp_path: Path) -> None:
    settings = local_settings(tmp_path)
    key = local_store.set_up(settings, PASSPHRASE)
    database = open_database(settings, key=key)
    write_secrets(database)
    database.close()
    again = open_database(settings, key=local_store.unlock(settings, PASSPHRASE))
    try:
        assert [p.person.name for p in list_people(again.unit_of_work())] == [
            SECRETS[0]
        ]
        found = list_moments(again.unit_of_work()).items
        assert found[0].situation.startswith(SECRETS[1])
        assert get_plan(again.unit_of_work()).has_content
    finally:
        again.close()


def test_a_new_store_needs_a_choice_and_an_encrypted_one_needs_its_key(
    tmp_path: Path,
) -> None:
    settings = local_settings(tmp_path)
    with pytest.raises(NotSetUp, match="closer init"):
        open_database(settings)
    assert not (settings.data_dir / "closer.db").exists()
    local_store.set_up(settings, PASSPHRASE)
    with pytest.raises(Locked, match="passphrase"):
        open_database(settings)
    with pytest.raises(Conflict, match="already set up"):
        local_store.set_up(settings, "another passphrase")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_wrong_passphrase_is_refused_clearly_and_changes_nothing(
    tmp_path: Path,
) -> None:
    settings = local_settings(tmp_path)
    key = local_store.set_up(settings, PASSPHRASE)
    open_database(settings, key=key).close()
    before = snapshot(settings.data_dir)
    with pytest.raises(WrongPassphrase, match="does not unlock"):
        local_store.unlock(settings, "blue kettle on the hills")
    with pytest.raises(WrongPassphrase):
        local_store.change_passphrase(settings, "not it at all", "a new passphrase")
    assert snapshot(settings.data_dir) == before


def test_a_short_passphrase_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    settings = local_settings(tmp_path)
    with pytest.raises(WrongPassphrase, match="at least 8 characters"):
        local_store.set_up(settings, "short")
    assert store_state(settings) is StoreState.NEW


def test_changing_the_passphrase_keeps_every_record(tmp_path: Path) -> None:
    settings = local_settings(tmp_path)
    key = local_store.set_up(settings, PASSPHRASE)
    database = open_database(settings, key=key)
    write_secrets(database)
    database.close()
    local_store.change_passphrase(settings, PASSPHRASE, "green door, third floor")
    with pytest.raises(WrongPassphrase):
        local_store.unlock(settings, PASSPHRASE)
    new_key = local_store.unlock(settings, "green door, third floor")
    assert new_key == key  # the data key is re-sealed, not replaced
    again = open_database(settings, key=new_key)
    try:
        assert len(list_moments(again.unit_of_work()).items) == 1
    finally:
        again.close()


def test_a_crash_while_changing_the_passphrase_leaves_the_old_one_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = local_settings(tmp_path)
    local_store.set_up(settings, PASSPHRASE)

    def crash(*_args: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        local_store.change_passphrase(settings, PASSPHRASE, "green door, third floor")
    monkeypatch.undo()
    assert local_store.unlock(settings, PASSPHRASE)  # the half-written file is ignored
    with pytest.raises(WrongPassphrase):
        local_store.unlock(settings, "green door, third floor")


def make_older_plain_store(settings: Settings) -> None:
    """A store as Closer made it before encryption existed: no key file."""
    explicit = settings.model_copy(
        update={"database_url": f"sqlite:///{settings.data_dir / 'closer.db'}"}
    )
    database = open_database(explicit)
    try:
        write_secrets(database)
    finally:
        database.close()


def test_an_older_plain_store_is_encrypted_in_place(tmp_path: Path) -> None:
    settings = local_settings(tmp_path)
    make_older_plain_store(settings)
    assert store_state(settings) is StoreState.UNCHOSEN_PLAIN
    assert readable_secrets(settings.data_dir) != {}
    key = local_store.set_up(settings, PASSPHRASE)
    assert key is not None
    assert store_state(settings) is StoreState.ENCRYPTED
    assert readable_secrets(settings.data_dir) == {}
    database = open_database(settings, key=local_store.unlock(settings, PASSPHRASE))
    try:
        assert [p.person.name for p in list_people(database.unit_of_work())] == [
            SECRETS[0]
        ]
    finally:
        database.close()


def test_an_encryption_interrupted_before_the_swap_is_undone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = local_settings(tmp_path)
    make_older_plain_store(settings)
    real_replace = os.replace

    def crash_on_swap(source: object, target: object) -> None:
        if str(source).endswith(".encrypting"):
            raise OSError("power cut")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", crash_on_swap)
    with pytest.raises(OSError, match="power cut"):
        local_store.set_up(settings, PASSPHRASE)
    monkeypatch.undo()
    assert store_state(settings) is StoreState.UNCHOSEN_PLAIN  # undone: still opens
    assert sorted(p.name for p in settings.data_dir.iterdir()) == ["closer.db"]
    database = open_database(settings)
    try:
        assert [p.person.name for p in list_people(database.unit_of_work())] == [
            SECRETS[0]
        ]
    finally:
        database.close()


def test_an_encryption_interrupted_after_the_swap_is_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = local_settings(tmp_path)
    make_older_plain_store(settings)
    real_replace = os.replace

    def crash_after_swap(source: object, target: object) -> None:
        if str(source).endswith(".pending"):
            raise OSError("power cut")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", crash_after_swap)
    with pytest.raises(OSError, match="power cut"):
        local_store.set_up(settings, PASSPHRASE)
    monkeypatch.undo()
    assert store_state(settings) is StoreState.ENCRYPTED  # finished on next open
    database = open_database(settings, key=local_store.unlock(settings, PASSPHRASE))
    try:
        assert [p.person.name for p in list_people(database.unit_of_work())] == [
            SECRETS[0]
        ]
    finally:
        database.close()


def test_a_damaged_key_file_is_reported_with_what_to_do(tmp_path: Path) -> None:
    settings = local_settings(tmp_path)
    local_store.set_up(settings, PASSPHRASE)
    vault.key_file_path(settings.data_dir).write_text('{"closer_key_file": 1, "enc')
    with pytest.raises(DamagedStore, match=r"cannot be read.*closer restore"):
        store_state(settings)
