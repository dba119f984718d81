"""The message check by meaning, with the on-device model."""

from __future__ import annotations

import pytest

from closer.adapters.embeddings import OnnxEmbedder, shared_embedder
from closer.adapters.message_content import bundled_message_patterns
from closer.domain.messages import MeaningChecker, WordChecker

PATTERNS, WARM = bundled_message_patterns()


@pytest.fixture(scope="module")
def checker() -> MeaningChecker:
    embedder: OnnxEmbedder | None = shared_embedder()
    assert embedder is not None, "the ml extra is part of the dev install"
    return MeaningChecker(embedder, PATTERNS, WARM)


def test_meaning_hears_a_curt_reply_the_words_miss(checker: MeaningChecker) -> None:
    draft = "Hmm ok."
    assert WordChecker(PATTERNS).check(draft).clear
    (finding,) = checker.check(draft).findings
    assert (finding.pattern.slug, finding.by) == ("curt", "meaning")
    assert finding.evidence.startswith("close in meaning to “")


def test_a_long_message_is_never_curt_by_meaning(checker: MeaningChecker) -> None:
    draft = "Ok then. I will see you at the cafe on the corner tomorrow at ten."
    assert "curt" not in [f.pattern.slug for f in checker.check(draft).findings]


def test_warm_messages_stay_clear_with_the_model(checker: MeaningChecker) -> None:
    for draft in (
        "Thank you for dinner, I had a really good time.",
        "Can't wait to see you on Saturday!",
        "I'm sorry I was short with you earlier. Can I call tonight?",
    ):
        assert checker.check(draft).clear, draft


def test_the_words_still_count_with_the_model(checker: MeaningChecker) -> None:
    check = checker.check("You always do this.")
    assert [(f.pattern.slug, f.by) for f in check.findings] == [("blame", "words")]
    assert check.engine.startswith("meaning (all-MiniLM-L6-v2")
