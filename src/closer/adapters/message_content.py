"""Load and validate the message check's patterns (``message_patterns.toml``).

Checked when first loaded: the right shape, every regular expression
compiles, every pattern has examples and warmer drafts, and its strategy is
in Learn. A broken file names the pattern and the problem.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from closer.adapters.content import Slug, Text, bundled_library
from closer.adapters.content_file import read_toml, validated
from closer.domain.content import Library
from closer.domain.errors import ConfigurationError
from closer.domain.meaning import Embedder
from closer.domain.messages import (
    MeaningChecker,
    MessageChecker,
    Pattern,
    WordChecker,
    compile_cues,
)

FILE = "message_patterns.toml"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Pattern(_Model):
    slug: Slug
    name: Text
    why: Text
    short_words: int = Field(ge=0)
    short_cues: list[Text]
    cues: list[Text] = Field(min_length=1)
    unless: list[Text]
    examples: list[Text] = Field(min_length=3)
    alternatives: list[Text] = Field(min_length=2)
    strategy: Slug


class _Warm(_Model):
    examples: list[Text] = Field(min_length=3)


class _File(_Model):
    pattern: list[_Pattern] = Field(min_length=1)
    warm: _Warm


def _fail(where: str, problem: str) -> ConfigurationError:
    return ConfigurationError(f"Content file {FILE}: {where}: {problem}")


def _pattern(raw: _Pattern, library: Library) -> Pattern:
    if raw.strategy not in library.strategies:
        raise _fail(f"pattern {raw.slug!r}, strategy", "no such strategy")
    try:
        cues, short, unless = (
            compile_cues(raw.cues),
            compile_cues(raw.short_cues),
            compile_cues(raw.unless),
        )
    except re.error as exc:
        where = f"pattern {raw.slug!r}"
        raise _fail(where, f"a cue is not a valid expression: {exc}") from None
    return Pattern(
        raw.slug,
        raw.name,
        raw.why,
        cues,
        short,
        raw.short_words,
        unless,
        tuple(raw.examples),
        tuple(raw.alternatives),
        raw.strategy,
    )


def load_message_patterns(
    folder: Path, library: Library
) -> tuple[tuple[Pattern, ...], tuple[str, ...]]:
    """The patterns, and the warm drafts the meaning engine weighs them against."""
    raw = validated(_File, read_toml(folder / FILE, _fail), _fail)
    slugs = [p.slug for p in raw.pattern]
    if len(set(slugs)) != len(slugs):
        raise _fail("patterns", "a slug is used twice")
    return tuple(_pattern(p, library) for p in raw.pattern), tuple(raw.warm.examples)


@cache
def bundled_message_patterns() -> tuple[tuple[Pattern, ...], tuple[str, ...]]:
    """The patterns that ship with Closer."""
    with resources.as_file(resources.files("closer.content")) as folder:
        return load_message_patterns(Path(folder), bundled_library())


def message_checker(embedder: Embedder | None) -> MessageChecker:
    """The message check with the shipped patterns: by meaning and words with
    the on-device model, by words without it."""
    patterns, warm = bundled_message_patterns()
    if embedder is None:
        return WordChecker(patterns)
    return MeaningChecker(embedder, patterns, warm)
