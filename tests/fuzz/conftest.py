"""A real ``closer serve`` for the API fuzzing, on a fresh encrypted store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.server import closer_env, init_store, running_server


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = closer_env(tmp_path_factory.mktemp("fuzz") / "data")
    init_store(env)
    with running_server(env) as base:
        yield base
