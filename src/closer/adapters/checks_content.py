"""Load and validate the self-checks in ``closer/content/checks.toml``.

Each check is checked when it is first loaded: the right shape, options that
exist, bands in order, a safety item that is a real question, A-RSQ
situations in full, and patterns statements about a sign group or cause
that Learn has. A broken file names the check and the problem.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from closer.adapters.content import Slug, Text, bundled_library
from closer.adapters.content_file import Fail, parse_toml, validated
from closer.domain.checks import Band, Check, Option, Question, Sample, Scoring
from closer.domain.content import Library
from closer.domain.errors import ConfigurationError


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Option(_Model):
    value: int
    label: Text


class _After(_Model):
    text: Text
    options: Slug


class _Situation(_Model):
    text: Text
    concern: Text
    expect: Text


class _Statement(_Model):
    text: Text
    about: str = Field(pattern=r"^(group|cause):[a-z0-9-]+$")


class _Band(_Model):
    low: float
    high: float
    label: Text
    meaning: Text


class _Sample(_Model):
    mean: float
    sd: float
    n: int
    source: Text


class _Check(_Model):
    slug: Slug
    name: Text
    title: Text
    stem: Text
    about: Text
    attribution: Text
    scoring: Literal["sum", "rejection", "profile"]
    validated: bool
    options: Slug | None = None
    items: list[Text] = []
    after: _After | None = None
    situations: list[_Situation] = []
    statements: list[_Statement] = []
    safety_item: int | None = None
    flag_at: int | None = None
    sample: _Sample | None = None
    band: list[_Band] = []


class _File(_Model):
    options: dict[Slug, list[_Option]]
    check: list[_Check] = Field(min_length=1)


def _fail(where: str, problem: str) -> ConfigurationError:
    return ConfigurationError(f"Content file checks.toml: {where}: {problem}.")


def _lower(fail: Fail) -> Fail:
    """``fail`` with the problem in lower case (pydantic capitalises it)."""
    return lambda where, problem: fail(where, problem.lower())


def _options(raw: _File, name: str | None, where: str) -> tuple[Option, ...]:
    if name is None or name not in raw.options:
        raise _fail(where, f"options {name!r} is not in [options]")
    return tuple(Option(o.value, o.label) for o in raw.options[name])


def _questions(raw: _File, doc: _Check, library: Library) -> tuple[Question, ...]:
    where = f"check {doc.slug!r}"
    if doc.scoring == "rejection":
        concern = _options(raw, "concern", where)
        likely = _options(raw, "likelihood", where)
        return tuple(
            q
            for s in doc.situations
            for q in (
                Question(s.concern, concern, situation=s.text),
                Question(s.expect, likely, situation=s.text),
            )
        )
    options = _options(raw, doc.options, where)
    if doc.scoring == "profile":
        for statement in doc.statements:
            kind, slug = statement.about.split(":", 1)
            known = library.groups if kind == "group" else library.causes
            if slug not in known:
                raise _fail(where, f"{statement.about!r} is not in Learn")
        return tuple(Question(s.text, options, about=s.about) for s in doc.statements)
    questions = [Question(text, options) for text in doc.items]
    if doc.after is not None:
        after = _options(raw, doc.after.options, where)
        questions.append(Question(doc.after.text, after, scored=False))
    return tuple(questions)


def _check(raw: _File, doc: _Check, library: Library) -> Check:
    where = f"check {doc.slug!r}"
    questions = _questions(raw, doc, library)
    if not questions:
        raise _fail(where, "it has no questions")
    lows = [b.low for b in doc.band]
    if lows != sorted(lows) or any(b.low > b.high for b in doc.band):
        raise _fail(where, "bands must run from low to high")
    if doc.safety_item is not None and not 1 <= doc.safety_item <= len(questions):
        raise _fail(where, f"safety_item {doc.safety_item} is not one of its questions")
    found = doc.sample
    sample = Sample(found.mean, found.sd, found.n, found.source) if found else None
    return Check(
        slug=doc.slug,
        name=doc.name,
        title=doc.title,
        stem=doc.stem,
        about=doc.about,
        attribution=doc.attribution,
        scoring=Scoring(doc.scoring),
        validated=doc.validated,
        questions=questions,
        bands=tuple(Band(b.low, b.high, b.label, b.meaning) for b in doc.band),
        safety_item=doc.safety_item,
        flag_at=doc.flag_at,
        sample=sample,
    )


def load_checks(text: str, library: Library) -> tuple[Check, ...]:
    """Every check in a checks.toml text, validated."""
    raw = validated(_File, parse_toml(text, _fail), _lower(_fail))
    slugs = [c.slug for c in raw.check]
    if len(set(slugs)) != len(slugs):
        raise _fail("[[check]]", "a slug is used twice")
    return tuple(_check(raw, doc, library) for doc in raw.check)


@cache
def bundled_checks() -> tuple[Check, ...]:
    """The self-checks that ship with Closer (validated once per process)."""
    with resources.as_file(resources.files("closer.content")) as folder:
        text = (Path(folder) / "checks.toml").read_text(encoding="utf-8")
    return load_checks(text, bundled_library())
