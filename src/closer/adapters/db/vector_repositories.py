"""Sentence vectors kept by text hash (float32, little-endian)."""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from closer.adapters.db.orm import TextVectorRow


def text_hash(text: str) -> str:
    """The key a text's vector is kept under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _pack(vector: list[float]) -> bytes:
    return array("f", vector).tobytes()


def _unpack(data: bytes) -> list[float]:
    values = array("f")
    values.frombytes(data)
    return values.tolist()


class SqlVectorCache:
    """Vectors of texts already embedded, by model."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get_many(self, model: str, texts: Iterable[str]) -> dict[str, list[float]]:
        """The kept vector of each text that has one."""
        wanted = {text_hash(t): t for t in texts}
        found: dict[str, list[float]] = {}
        keys = list(wanted)
        for start in range(0, len(keys), 500):
            rows = self._session.execute(
                select(TextVectorRow.text_hash, TextVectorRow.vector).where(
                    TextVectorRow.model == model,
                    TextVectorRow.text_hash.in_(keys[start : start + 500]),
                )
            )
            for key, data in rows:
                found[wanted[key]] = _unpack(data)
        return found

    def add_many(self, model: str, vectors: Mapping[str, list[float]]) -> None:
        """Keep new vectors (texts already kept are left as they are)."""
        have = self.get_many(model, vectors)
        self._session.add_all(
            TextVectorRow(model=model, text_hash=text_hash(t), vector=_pack(v))
            for t, v in vectors.items()
            if t not in have
        )
        self._session.flush()
