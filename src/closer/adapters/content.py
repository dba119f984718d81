"""Load and validate the knowledge base in ``closer/content/*.toml``.

Every rule is checked when Closer starts, and a broken file stops start-up
with one message naming the file, the entry and the problem:

- each file has the right shape, no unknown keys and no empty text;
- slugs are unique within their kind and look like ``fear-of-hurt``;
- every cross-reference resolves (a sign's causes, a cause's strategies, …);
- every cause has at least three strategies, and every sign at least one cause;
- reflection prompts make sense (choices for a choice, min < max for a scale).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from closer.adapters.content_file import read_toml, validated
from closer.adapters.content_files import FILES, library_from_raw
from closer.domain.content import Library, PromptInput
from closer.domain.errors import ConfigurationError
from closer.domain.ladder import Level, StepIdea

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Slugs = list[Slug]
Word = Annotated[str, StringConstraints(pattern=r"^[a-z]+(?:[ '-][a-z]+)*$")]

MIN_STRATEGIES_PER_CAUSE = 3


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Group(_Model):
    slug: Slug
    name: Text
    description: Text


class _Sign(_Model):
    slug: Slug
    group: Slug
    name: Text
    description: Text
    causes: Slugs = Field(min_length=1)


class _Cause(_Model):
    slug: Slug
    name: Text
    what: Text
    inside: Text
    behaviour: Text
    strategies: Slugs = Field(min_length=MIN_STRATEGIES_PER_CAUSE)


class _Strategy(_Model):
    slug: Slug
    name: Text
    category: Literal[
        "awareness", "reflection", "self-acceptance", "practice", "support"
    ]
    why: Text
    today: Text
    harder: Text


class _Prompt(_Model):
    text: Text
    input: PromptInput
    choices: list[Text] = []
    min: int | None = None
    max: int | None = None

    def problem(self) -> str | None:
        if self.input is PromptInput.CHOICE and len(self.choices) < 2:
            return "a choice prompt needs at least two choices"
        if self.input is not PromptInput.CHOICE and self.choices:
            return "only a choice prompt has choices"
        if self.input is PromptInput.SCALE:
            if self.min is None or self.max is None or self.min >= self.max:
                return "a scale prompt needs min < max"
        elif self.min is not None or self.max is not None:
            return "only a scale prompt has min and max"
        return None


class _Reflection(_Model):
    slug: Slug
    name: Text
    intro: Text
    prompts: list[_Prompt] = Field(min_length=1)
    strategies: Slugs = []


class _Faq(_Model):
    slug: Slug
    question: Text
    answer: Text
    causes: Slugs = []
    strategies: Slugs = []
    safety_net: bool = False


class _Page(_Model):
    slug: Slug
    title: Text
    summary: Text
    body: Text
    strategies: Slugs = []
    reflections: Slugs = []


class _Emotion(_Model):
    slug: Slug
    name: Text
    meaning: Text
    pleasantness: Literal["pleasant", "unpleasant"]
    energy: Literal["high", "low"]
    common: bool = False
    also: list[Word] = []


M = TypeVar("M", bound=_Model)


def _fail(file: str, where: str, problem: str) -> ConfigurationError:
    return ConfigurationError(f"Content file {file}.toml: {where}: {problem}.")


def _entry_failed(
    file: str, entry: str, field: str, problem: str
) -> ConfigurationError:
    return _fail(file, f"{entry}, {field}", problem.lower())


def _entries(file: str, raw: dict[str, Any], key: str, model: type[M]) -> list[M]:
    items = raw.get(key)
    if not isinstance(items, list) or not items:
        raise _fail(file, f"[[{key}]]", "no entries found")
    parsed: list[M] = []
    seen: set[str] = set()
    for index, item in enumerate(items, start=1):
        label = item.get("slug", f"#{index}") if isinstance(item, dict) else f"#{index}"
        where = partial(_entry_failed, file, f"{key} {label!r}")
        entry = validated(model, item, where, whole="entry")
        slug = getattr(entry, "slug", None)
        if slug is not None:
            if slug in seen:
                raise _fail(file, f"{key} {slug!r}", "this slug is used twice")
            seen.add(slug)
        parsed.append(entry)
    return parsed


def _check_refs(
    file: str,
    kind: str,
    owners: Iterable[Any],
    field: str,
    known: set[str],
    target: str,
) -> None:
    for owner in owners:
        for ref in getattr(owner, field):
            if ref not in known:
                raise _fail(
                    file,
                    f"{kind} {owner.slug!r}",
                    f"{field} names {ref!r}, which is not in {target}.toml",
                )


def _check_prompts(reflections: list[_Reflection]) -> None:
    for reflection in reflections:
        for number, prompt in enumerate(reflection.prompts, start=1):
            problem = prompt.problem()
            if problem:
                raise _fail(
                    "reflections",
                    f"reflection {reflection.slug!r}, prompt {number}",
                    problem,
                )


def build_library(raw: dict[str, dict[str, Any]]) -> Library:
    """Validate parsed files (file name without .toml → parsed TOML)."""
    groups = _entries("signs", raw["signs"], "group", _Group)
    signs = _entries("signs", raw["signs"], "sign", _Sign)
    causes = _entries("causes", raw["causes"], "cause", _Cause)
    strategies = _entries("strategies", raw["strategies"], "strategy", _Strategy)
    reflections = _entries("reflections", raw["reflections"], "reflection", _Reflection)
    faq = _entries("faq", raw["faq"], "faq", _Faq)
    pages = _entries("pages", raw["pages"], "page", _Page)
    _entries("emotions", raw["emotions"], "emotion", _Emotion)

    cause_slugs = {c.slug for c in causes}
    strategy_slugs = {s.slug for s in strategies}
    group_slugs = {g.slug for g in groups}
    for sign in signs:
        if sign.group not in group_slugs:
            raise _fail(
                "signs",
                f"sign {sign.slug!r}",
                f"group {sign.group!r} is not a [[group]]",
            )
    _check_refs("signs", "sign", signs, "causes", cause_slugs, "causes")
    _check_refs("causes", "cause", causes, "strategies", strategy_slugs, "strategies")
    _check_refs(
        "reflections",
        "reflection",
        reflections,
        "strategies",
        strategy_slugs,
        "strategies",
    )
    _check_refs("faq", "faq", faq, "causes", cause_slugs, "causes")
    _check_refs("faq", "faq", faq, "strategies", strategy_slugs, "strategies")
    _check_refs("pages", "page", pages, "strategies", strategy_slugs, "strategies")
    reflection_slugs = {r.slug for r in reflections}
    _check_refs("pages", "page", pages, "reflections", reflection_slugs, "reflections")
    _check_prompts(reflections)
    for cause in causes:
        if not any(cause.slug in sign.causes for sign in signs):
            raise _fail(
                "causes", f"cause {cause.slug!r}", "no sign in signs.toml names it"
            )

    return library_from_raw(raw)


def load_library(folder: Path) -> Library:
    """Read every content file in ``folder`` and validate them together."""
    raw: dict[str, dict[str, Any]] = {}
    for name in FILES:
        raw[name] = read_toml(folder / f"{name}.toml", partial(_fail, name))
    return build_library(raw)


@cache
def bundled_library() -> Library:
    """The content that ships with Closer (validated once per process)."""
    with resources.as_file(resources.files("closer.content")) as folder:
        return load_library(Path(folder))


class _StepIdea(_Model):
    slug: Slug
    text: Text
    difficulty: Literal[1, 2, 3]
    strategy: Slug


def load_step_ideas(folder: Path, library: Library) -> list[StepIdea]:
    """Ladder step ideas (``steps.toml``), each linked to a strategy."""
    raw = read_toml(folder / "steps.toml", partial(_fail, "steps"))
    ideas = _entries("steps", raw, "step", _StepIdea)
    for idea in ideas:
        if idea.strategy not in library.strategies:
            raise _fail("steps", f"step {idea.slug!r}, strategy", "no such strategy")
    return [StepIdea(i.slug, i.text, Level(i.difficulty), i.strategy) for i in ideas]


@cache
def bundled_step_ideas() -> tuple[StepIdea, ...]:
    """The ladder step ideas that ship with Closer, gentle ones first."""
    with resources.as_file(resources.files("closer.content")) as folder:
        ideas = load_step_ideas(Path(folder), bundled_library())
    return tuple(sorted(ideas, key=lambda i: i.difficulty))


class _CauseExamples(_Model):
    slug: Slug
    examples: list[Text] = Field(min_length=3)


def load_cause_examples(folder: Path, library: Library) -> dict[str, tuple[str, ...]]:
    """First-person examples per cause (``cause_examples.toml``), for the
    meaning-based engine; every cause needs some, and only known causes."""
    raw = read_toml(folder / "cause_examples.toml", partial(_fail, "cause_examples"))
    entries = _entries("cause_examples", raw, "cause", _CauseExamples)
    found = {e.slug: tuple(e.examples) for e in entries}
    for slug in sorted(found.keys() - library.causes.keys()):
        raise _fail("cause_examples", f"cause {slug!r}", "is not in causes.toml")
    for slug in sorted(library.causes.keys() - found.keys()):
        raise _fail("cause_examples", f"cause {slug!r}", "has no examples")
    return found


@cache
def bundled_cause_examples() -> dict[str, tuple[str, ...]]:
    """The examples that ship with Closer."""
    with resources.as_file(resources.files("closer.content")) as folder:
        return load_cause_examples(Path(folder), bundled_library())
