"""Hindi, in Devanagari and romanised (Hinglish), read by rules of its own:
the sentence model does not know the language (domain/safety/hindi.py).
These lines were written for this test; the sets measured by
bench/crisis_eval.py are in tests/data/crisis-rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from bench.crisis_corpus import AT_RISK, RULE_SETS, rows

from closer.domain.safety import About, Level, detect
from closer.domain.safety.hindi import RULES, is_hindi
from closer.domain.safety.learned import Bars, Chances, LearnedLayer

URGENT_SELF = [
    "आज रात सब खत्म कर दूंगा",
    "khud ko khatam kar lungi bas ab",
    "maine neend ki goliyan jama kar rakhi hain",
    "सबको अलविदा, माफ करना",
    "sari goliyan kha li abhi",
    "आज रात सब खत्म कर दूंगा, अब और नहीं",
    "khud ko khatam kar lungi, nahi sah sakti ab",
    "maine saari goliyaan kha li",
    "sabko alvida, sorry yaar",
    "अपना ख्याल रखना, सबको अलविदा",
]
CONCERN_SELF = [
    "मैं बस मर जाना चाहती हूँ",
    "sach me marne ka mann karta hai roz",
    "जीने की कोई वजह नहीं बची",
    "ghar walon pe bojh ban gaya hu",
    "kal subah na uthun to hi acha",
    "फिर से हाथ पे ब्लेड चला दिया",
    "main sabke liye bojh hoon",
    "परिवार के लिए बोझ बन गया हूं",
    "aaj movie dekhi, par ab main sach me marna chahti hu",
    "mujhe mar jana hai, nahi pata kya karu",
    "pehle bhi nas kaat li thi, ab phir se wahi, kuch thik nahi lagta",
    "mar jaun to better hai",
]
HARMLESS = [
    "garmi se mar gaya yaar aaj",
    "हंसते हंसते मर जाऊंगा ये वीडियो देख के",
    "kaam ka bojh kam ho to chain mile",
    "ye traffic jeene nahi dega",
    "अदालत ने दोषी को फांसी की सजा दी",
    "last message ka reply kar do please",
    "I want to market this to students",
    "khud ko hurt mat karna please, hum sab tumhare saath hain",
    "mujhe suicide ke khayal nahi aate, bas thaka hua hu",
    "tere liye toh jaan de dunga yaar",
    "shaadi ki date fix ho gayi, sabko alvida bolke ghar chalte hain",
]
ENGLISH = [
    "Is the business plan ready? I have PE at 3.",
    "The poison pill defence is on par with what other boards do.",
    "Budget cuts at Kia hit the plant, said Dr. Li.",
    "Bye forever, braces! Thanks Dr. Li.",
]


@pytest.mark.parametrize("text", URGENT_SELF)
def test_plans_means_and_goodbyes_in_hindi_are_urgent(text: str) -> None:
    found = detect(text)
    assert found.level is Level.URGENT, text
    assert found.about is About.SELF
    assert all(is_hindi(r) for r in found.reasons)


@pytest.mark.parametrize("text", CONCERN_SELF)
def test_wishes_to_die_burden_and_self_harm_in_hindi_are_a_concern(text: str) -> None:
    found = detect(text)
    assert found.level is Level.CONCERN, text
    assert found.about is About.SELF


@pytest.mark.parametrize("text", HARMLESS)
def test_hindi_idioms_news_and_english_look_alikes_raise_nothing(text: str) -> None:
    assert not detect(text).needs_support, text


def test_a_friend_at_risk_is_about_someone_else() -> None:
    found = detect("meri dost keh rahi thi wo marna chahti hai, kya karun")
    assert found.level is Level.CONCERN
    assert found.about is About.OTHER
    assert detect("वो कह रहा था कि वो मरना चाहता है").about is About.OTHER
    assert detect("kya tum marna chahte ho").about is About.OTHER


def test_a_finding_in_hindi_is_described_in_the_words_of_the_english_rule() -> None:
    (reason,) = detect("main marna chahta hu").reasons
    assert reason.description == detect("I want to die").reasons[0].description


class BlindReader:
    """A reader sure that every text is harmless, as the model is of a
    language it cannot read."""

    name = "blind"

    def read(self, texts: Sequence[str]) -> list[Chances]:
        return [{"none:everyday": 1.0, "concern:self": 0.0} for _ in texts]


def test_the_model_never_drops_a_finding_in_hindi() -> None:
    text = "मैं बस मर जाना चाहती हूँ"
    layer = LearnedLayer(BlindReader(), Bars(threshold=0.5, confirm=0.2))
    assert layer.assess(text, detect(text)).level is Level.CONCERN
    english = "ugh I want to die"  # the same reader drops an English concern
    assert not layer.assess(english, detect(english)).needs_support


def test_the_rules_keep_finding_what_they_found_in_the_hindi_dev_set() -> None:
    """A guard, not a measurement (the dev set was read while the rules were
    written; bench/crisis_eval.py measures the held-out set)."""
    (source,) = RULE_SETS["dev"]
    lines = rows(source)
    found = [detect(row["text"]).needs_support for row in lines]
    needs = [f for f, r in zip(found, lines, strict=True) if r["level"] in AT_RISK]
    harmless = [f for f, r in zip(found, lines, strict=True) if r["level"] == "none"]
    assert sum(needs) / len(needs) >= 0.35
    assert sum(harmless) / len(harmless) <= 0.05


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_left_to_the_english_rules(text: str) -> None:
    assert not any(is_hindi(r) for r in detect(text).reasons), text


def test_the_patterns_are_written_in_the_form_they_read() -> None:
    """Romanised text is read with doubled letters made single, Devanagari
    with chandrabindu as anusvara and no nukta: a pattern written otherwise
    could never match."""
    doubled = re.compile(r"(?<!\\)([a-z])\1")
    for rule in RULES:
        for pattern in (rule.roman, rule.context):
            assert not doubled.search(pattern), (rule.code, doubled.search(pattern))
        assert not re.search("[\u0901\u093c]", rule.devanagari), rule.code
