"""Schemathesis against /api/v1/openapi.json: every operation, generated
inputs both valid and invalid; no server error, and every response as the
schema says (status, content type, body, headers, 405 for other methods)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from closer.config import Settings
from closer.web.app import create_app
from tests.support.server import PASSPHRASE

# No server error, and the response as documented. Left out: whether the API
# accepts every input its schema allows and refuses every other one (many
# rules, such as a known country code, live in the domain, not the schema).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    unsupported_method,
]
EXAMPLES = int(os.environ.get("CLOSER_FUZZ_EXAMPLES", "25"))
# ``make test`` runs the same cases every time (a fixed seed), so it never
# turns red on a day when chance found an old bug; ``make fuzz`` explores
# new cases at random (CLOSER_FUZZ_RANDOM=1) and what it finds is a bug to fix.
RANDOM = os.environ.get("CLOSER_FUZZ_RANDOM", "") == "1"

# The schema as the app publishes it at /api/v1/openapi.json (building the app
# does not open a store); the calls go to a real server (``server_url``).
_APP = create_app(Settings(data_dir=Path(tempfile.gettempdir()) / "closer-schema"))
schema = schemathesis.openapi.from_dict(_APP.openapi())


@pytest.fixture(scope="module")
def session() -> Iterator[requests.Session]:
    """One client for every call, keeping the cookie that unlocking gives it."""
    with requests.Session() as client:
        yield client


def _reopen(session: requests.Session, server_url: str) -> None:
    """If a generated call locked the store, unlock it again, so the calls
    after it are tried on open records, not only on a locked store."""
    if session.get(f"{server_url}/api/v1/health").json()["store"] == "locked":
        session.post(
            f"{server_url}/api/v1/store/unlock", json={"passphrase": PASSPHRASE}
        ).raise_for_status()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=not RANDOM,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_its_schema_says(
    case: schemathesis.Case[Any], server_url: str, session: requests.Session
) -> None:
    try:
        case.call_and_validate(
            base_url=server_url, session=session, timeout=30, checks=CHECKS
        )
    finally:
        if case.path.startswith("/api/v1/store"):
            _reopen(session, server_url)
