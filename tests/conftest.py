"""Shared fixtures: each storage test runs on SQLite and on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from closer.adapters.db.database import Database, open_database
from closer.adapters.local_store import unlock
from closer.config import Settings
from closer.services.safety import use_learned_layer
from closer.web.app import create_app
from tests.support.postgres import PostgresCluster, find_bindir
from tests.support.requirements import require
from tests.support.server import PASSPHRASE
from tests.support.templates import (
    copy_local_store,
    copy_sqlite_file,
    make_hosted_sqlite_template,
    make_local_template,
)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One PostgreSQL server for the session, started on first use."""
    bindir = find_bindir()
    require(bindir is not None, "PostgreSQL server (initdb, pg_ctl)")
    assert bindir is not None
    cluster = PostgresCluster(bindir)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def database_url(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """A new database of each kind, at the newest revision and holding no
    records: None is the default local store (SQLite encrypted with
    SQLCipher, as a new user gets it); else a PostgreSQL URL."""
    if request.param == "sqlite":
        yield None
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    url = cluster.create_migrated_database()
    try:
        yield url
    finally:
        cluster.drop_database(url)


def _test_settings(
    data_dir: Path, database_url: str | None, passphrase: Path
) -> Settings:
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        passphrase_file=passphrase,
        kdf_memory_kib=1024,  # test-sized Argon2id costs
        kdf_time_cost=1,
        unlock_minutes=0,
        allowed_hosts="testserver",  # TestClient's host name
        model="off",  # keyword suggestions; tests of the model turn it on
    )


@pytest.fixture(scope="session")
def local_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An encrypted local store set up once for the session (``set_up``, as a
    new user's first run does); each test gets a copy of it."""
    base = tmp_path_factory.mktemp("template")
    passphrase = base / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    settings = _test_settings(base / "data", None, passphrase)
    return make_local_template(settings, PASSPHRASE)


@pytest.fixture(scope="session")
def hosted_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain SQLite file at the newest revision, made once for the session."""
    base = tmp_path_factory.mktemp("hosted-template")
    return make_hosted_sqlite_template(base / "hosted.db")


@pytest.fixture
def hosted_sqlite_url(tmp_path: Path, hosted_sqlite_template: Path) -> str:
    """A new hosted-mode SQLite file in the test's folder, migrated, no records."""
    path = tmp_path / "hosted.db"
    copy_sqlite_file(hosted_sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def settings(
    tmp_path: Path, database_url: str | None, request: pytest.FixtureRequest
) -> Settings:
    """Settings pointing at a fresh data folder and database; a local store is
    set up, encrypted, with the passphrase in a file (as scripts pass it)."""
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    settings = _test_settings(tmp_path / "data", database_url, passphrase)
    if database_url is None:
        template: Path = request.getfixturevalue("local_store_template")
        copy_local_store(template, settings.data_dir)
    return settings


@pytest.fixture
def store_key(settings: Settings) -> bytes | None:
    """The data key of an encrypted local store (None for PostgreSQL)."""
    if settings.database_url:
        return None
    return unlock(settings, PASSPHRASE)


@pytest.fixture
def database(settings: Settings, store_key: bytes | None) -> Iterator[Database]:
    """The store, migrated to the newest revision."""
    db = open_database(settings, key=store_key)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """A test client for the web app over a fresh store."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture(autouse=True)
def _no_learned_layer_left_behind(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Commands run in-process read CLOSER_MODEL=off (the rules alone) unless
    a test turns the model on; a command may put the safety check's learned
    layer in place, and no test sees another's."""
    monkeypatch.setenv("CLOSER_MODEL", "off")
    yield
    use_learned_layer(None)
