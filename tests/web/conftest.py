"""Hosted mode: the app with accounts, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from closer.config import Settings
from closer.web.app import create_app
from tests.support.postgres import PostgresCluster


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def hosted_settings(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Settings]:
    """Hosted mode on a new database of each kind (migrated, no accounts)."""
    if request.param == "sqlite":
        url = request.getfixturevalue("hosted_sqlite_url")
        yield Settings(mode="hosted", data_dir=tmp_path, database_url=url)
        return  # hosted mode answers to any host unless told otherwise
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    url = cluster.create_migrated_database()
    try:
        yield Settings(mode="hosted", data_dir=tmp_path, database_url=url)
    finally:
        cluster.drop_database(url)


Person = Callable[[str], TestClient]


@pytest.fixture
def person(hosted_settings: Settings) -> Iterator[Person]:
    """``person("ana")``: a browser of its own (on an app server of its own, as
    behind a load balancer), signed up and signed in as ana."""
    clients: list[TestClient] = []

    def sign_up(name: str) -> TestClient:
        client = TestClient(create_app(hosted_settings), follow_redirects=False)
        client.__enter__()
        clients.append(client)
        response = client.post(
            "/api/v1/account",
            json={"email": f"{name}@example.org", "password": f"{name} password 123"},
        )
        assert response.status_code == 201, response.text
        return client

    yield sign_up
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def with_model(settings: Settings) -> Iterator[TestClient]:
    """The local app with the on-device model on (CLOSER_MODEL=auto)."""
    on = settings.model_copy(update={"model": "auto"})
    with TestClient(create_app(on), follow_redirects=False) as client:
        yield client
