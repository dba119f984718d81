"""Every route of the app, and one record of every kind made through the
API (by a TestClient or an HTTP client against a real server), with a secret
word in every text."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, Protocol

from fastapi.routing import APIRoute

import closer.web.routes as route_modules

SECRETS = ["Zanzibarina", "Quillifer", "lighthouse-marmalade", "Oswinterbridge"]


def all_routes() -> list[APIRoute]:
    """Every route of every module in ``closer.web.routes``."""
    found: list[APIRoute] = []
    for info in pkgutil.iter_modules(route_modules.__path__):
        module = importlib.import_module(f"{route_modules.__name__}.{info.name}")
        found += [r for r in module.router.routes if isinstance(r, APIRoute)]
    return found


class Client(Protocol):
    """What ``fill`` needs of a client: TestClient and httpx2.Client both do."""

    def post(self, url: str, *, json: Any = ...) -> Any: ...
    def put(self, url: str, *, json: Any = ...) -> Any: ...
    def patch(self, url: str, *, json: Any = ...) -> Any: ...
    def delete(self, url: str) -> Any: ...


def fill(ana: Client) -> dict[str, int]:
    """Ana's records, with a secret word in every kind of text."""
    person = ana.post(
        "/api/v1/people", json={"name": SECRETS[0], "notes": f"likes {SECRETS[2]}"}
    ).json()["id"]
    moment = ana.post(
        "/api/v1/moments",
        json={"situation": f"{SECRETS[1]} and I argued", "people": [person],
              "outcome": f"walked to {SECRETS[3]}", "tags": ["secret"]},
    ).json()["moment"]["id"]  # fmt: skip
    deleted = ana.post("/api/v1/moments", json={"situation": f"{SECRETS[1]} again"})
    deleted_id = deleted.json()["moment"]["id"]
    ana.delete(f"/api/v1/moments/{deleted_id}")
    ana.put(
        "/api/v1/safety/plan", json={"sections": {"people": [f"Call {SECRETS[0]}"]}}
    )
    ana.patch("/api/v1/settings", json={"country": "NZ", "theme": "dark"})
    step = ana.post(
        "/api/v1/ladder/steps",
        json={"text": f"Call {SECRETS[0]}", "predicted_discomfort": 40,
              "feared_outcome": f"{SECRETS[2]} again", "person_id": person},
    ).json()["step"]["id"]  # fmt: skip
    ana.post("/api/v1/good-shares", json={"percent": 5, "note": SECRETS[3]})
    entry = ana.post(
        "/api/v1/reflections",
        json={"reflection": "escape-questions", "answers": [SECRETS[1]],
              "person_id": person, "moment_id": moment},
    ).json()["entry"]["id"]  # fmt: skip
    record = ana.post(
        "/api/v1/thoughts",
        json={"situation": f"{SECRETS[0]} was late", "automatic_thought": SECRETS[1],
              "belief_before": 60, "moment_id": moment},
    ).json()["record"]["id"]  # fmt: skip
    timeout = ana.post(
        "/api/v1/timeouts",
        json={"reason": f"Away from {SECRETS[0]}", "returns_on": "2099-01-02",
              "starts_on": "2099-01-01", "message": SECRETS[2], "person_id": person},
    ).json()["timeout"]["id"]  # fmt: skip
    contact = ana.post(
        "/api/v1/contacts", json={"person_id": person, "note": SECRETS[3]}
    ).json()["contact"]["id"]
    plan = ana.post(
        "/api/v1/commitments",
        json={
            "person_id": person,
            "text": f"Lunch at {SECRETS[2]}",
            "due_on": "2099-01-01",
        },
    ).json()["id"]
    result = ana.post("/api/v1/checks/gad7", json={"answers": [2] * 7}).json()["id"]
    return {"person_id": person, "moment_id": moment, "deleted_id": deleted_id,
            "step_id": step, "entry_id": entry, "record_id": record,
            "timeout_id": timeout, "contact_id": contact,
            "commitment_id": plan, "result_id": result}  # fmt: skip
