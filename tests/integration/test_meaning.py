"""The on-device model (the ``ml`` extra) and the meaning engine built on it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from closer.adapters.content import bundled_cause_examples, bundled_library
from closer.adapters.embeddings import (
    MODEL_NAME,
    OnnxEmbedder,
    _checked,
    available,
    shared_embedder,
)
from closer.domain.errors import ConfigurationError
from closer.domain.meaning import EmotionHinter, MeaningSuggester, similarity
from closer.domain.moments import Moment, new_moment

LIBRARY = bundled_library()


@pytest.fixture(scope="module")
def embedder() -> OnnxEmbedder:
    made = shared_embedder()
    assert made is not None, "the ml extra is part of the dev install"
    return made


def test_sentences_become_unit_vectors_the_same_way_alone_or_in_a_batch(
    embedder: OnnxEmbedder,
) -> None:
    assert available()
    texts = ["I stopped answering her.", "We had lunch and it was lovely.", ""]
    batch = embedder.embed(texts)
    alone = [embedder.embed([t])[0] for t in texts]
    assert [len(v) for v in batch] == [384, 384, 384]
    for together, single in zip(batch, alone, strict=True):
        assert sum(x * x for x in together) == pytest.approx(1.0, abs=1e-4)
        assert similarity(together, single) > 0.999
    assert embedder.embed([]) == []


def test_vectors_come_back_in_the_order_given_across_many_batches(
    embedder: OnnxEmbedder,
) -> None:
    texts = [f"{'very ' * (i % 7)}long day number {i}" for i in range(40, 0, -1)]
    batch = embedder.embed(texts)
    for i in (0, 17, 39):
        assert similarity(batch[i], embedder.embed([texts[i]])[0]) > 0.999


def test_meaning_not_words_brings_sentences_together(embedder: OnnxEmbedder) -> None:
    left, same, other = embedder.embed([
        "I'm afraid everyone I love will eventually leave me.",
        "People always walk out on me in the end, so I expect it again.",
        "The train to the coast was on time this morning.",
    ])  # fmt: skip
    assert similarity(left, same) > similarity(left, other) + 0.2


def test_a_model_file_that_is_not_the_pinned_one_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    with pytest.raises(ConfigurationError, match="sha256 differs"):
        _checked(fake, "0" * 64, "model file")


def test_loading_the_model_writes_no_telemetry(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env["HOME"] = str(tmp_path)
    env["XDG_CACHE_HOME"] = str(tmp_path / ".cache")
    code = (
        "from closer.adapters.embeddings import OnnxEmbedder;"
        "print(len(OnnxEmbedder().embed(['hello'])[0]))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True,
        check=False, timeout=120,
    )  # fmt: skip
    assert ran.stdout.strip() == "384", ran.stderr
    assert not (tmp_path / ".cache" / "Microsoft").exists()
    assert not list(tmp_path.rglob("*telemetry*"))


def moment(text: str) -> Moment:
    return new_moment(LIBRARY, situation=text, occurred_at=datetime.now(UTC))


def test_the_meaning_engine_finds_causes_the_words_do_not_name(
    embedder: OnnxEmbedder,
) -> None:
    suggester = MeaningSuggester(embedder, bundled_cause_examples())
    found = suggester.suggest(
        moment("Everything feels heavy lately and I can't face seeing anyone."),
        LIBRARY,
    )
    assert "emotional-distress" in [c.slug for c in found.causes]
    assert found.engine.startswith(f"meaning ({MODEL_NAME}")
    assert all(any(r.startswith("close in meaning to") for r in c.because)
               for c in found.causes)  # fmt: skip
    assert found.strategies


def test_without_words_the_keyword_engine_answers(embedder: OnnxEmbedder) -> None:
    suggester = MeaningSuggester(embedder, bundled_cause_examples())
    quiet = Moment(situation=" ", occurred_at=datetime.now(UTC), action="ghosting")
    assert suggester.suggest(quiet, LIBRARY).engine == "keywords"


def test_feelings_are_hinted_only_when_the_words_come_close(
    embedder: OnnxEmbedder,
) -> None:
    hinter = EmotionHinter(embedder)
    assert "afraid" in hinter.hints(
        "I'm terrified of what the doctor will say.", LIBRARY
    ) or (
        "anxious" in hinter.hints("I'm terrified of what the doctor will say.", LIBRARY)
    )
    assert (
        hinter.hints("The bus came at nine and I got off at the station.", LIBRARY)
        == []
    )
    assert hinter.hints("   ", LIBRARY) == []
