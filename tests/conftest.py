"""Shared fixtures: each storage test runs on SQLite and on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from closer.adapters.db.database import Database, open_database
from closer.config import Settings
from closer.web.app import create_app
from tests.support.postgres import PostgresCluster, find_bindir
from tests.support.requirements import require


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
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'closer.db'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    url = cluster.create_database()
    try:
        yield url
    finally:
        cluster.drop_database(url)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings pointing at a fresh data folder and database."""
    return Settings(data_dir=tmp_path / "data", database_url=database_url)


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    """The store, migrated to the newest revision."""
    db = open_database(settings)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """A test client for the web app over a fresh store."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client
