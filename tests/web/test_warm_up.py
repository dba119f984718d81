"""The web app starts without waiting for the model, and warms it behind."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient

from closer.adapters.embeddings import shared_embedder


def test_with_the_model_on_it_is_warmed_in_the_background(
    with_model: TestClient,
) -> None:
    warmed: threading.Event = with_model.app.state.warmed  # type: ignore[attr-defined]
    assert with_model.get("/").status_code in {200, 303}  # serving meanwhile
    assert warmed.wait(timeout=120)
    embedder = shared_embedder()
    assert embedder is not None
    assert embedder.loaded
    out = with_model.post("/api/v1/messages/check", json={"text": "Hmm ok."}).json()
    assert out["engine"].startswith("meaning")


def test_with_the_model_off_there_is_nothing_to_warm(client: TestClient) -> None:
    assert client.app.state.warmed.is_set()  # type: ignore[attr-defined]
