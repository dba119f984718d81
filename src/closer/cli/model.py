"""The on-device model for the CLI commands that use it (``ask``, ``message``).

The model loads on first use. When it is on, the safety check behind these
commands also gets its meaning layer, as in the web app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from closer.config import load_settings

if TYPE_CHECKING:
    from closer.adapters.embeddings import OnnxEmbedder


def model() -> OnnxEmbedder | None:
    """The shared embedder (None without the ml extra or with
    CLOSER_MODEL=off), with the safety check's meaning layer put behind it."""
    from closer.adapters.embeddings import embedder_for  # noqa: PLC0415
    from closer.domain.safety.meaning_layer import MeaningLayer  # noqa: PLC0415
    from closer.services.safety import use_meaning_layer  # noqa: PLC0415

    embedder = embedder_for(load_settings())
    use_meaning_layer(MeaningLayer(embedder) if embedder is not None else None)
    return embedder
