"""The on-device models for the CLI: the safety check's, behind every command
that takes text, and the ml extra's for ``ask`` and ``message``.

The models load on first use. The safety check behind every command that
takes text gets the learned layer, as in the web app (``use_safety_model``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from closer.config import load_settings

if TYPE_CHECKING:
    from closer.adapters.embeddings import OnnxEmbedder
    from closer.domain.safety.learned import LearnedLayer


def model() -> OnnxEmbedder | None:
    """The shared embedder (None without the ml extra or with
    CLOSER_MODEL=off), with the safety check's learned layer put behind it."""
    from closer.adapters.embeddings import embedder_for  # noqa: PLC0415

    settings = load_settings()
    use_safety_model()
    return embedder_for(settings)


def use_safety_model() -> None:
    """Put the learned layer behind the safety check, made on the first check
    that reads text (nothing with CLOSER_MODEL=off or without the model)."""
    from closer.services.safety import use_learned_layer  # noqa: PLC0415

    def make() -> LearnedLayer | None:
        from closer.adapters.safety_model import learned_layer_for  # noqa: PLC0415

        return learned_layer_for(load_settings())

    use_learned_layer(make)
