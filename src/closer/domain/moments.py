"""Moments: one time the pull to withdraw came, and what happened next."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from closer.domain.content import Library
from closer.domain.details import checked_details, detail, free_text
from closer.domain.errors import InvalidInput
from closer.domain.scales import check_scale

MAX_SITUATION = 5_000
MAX_OUTCOME = 5_000
MAX_TAGS = 20

# Ways of moving toward someone instead of away.
APPROACHES: dict[str, str] = {
    "stayed": "Stayed",
    "replied": "Replied",
    "reached-out": "Reached out",
    "shared-feeling": "Shared a feeling",
    "accepted-help": "Accepted help",
    "kept-plan": "Kept a plan",
    "named-the-fear": "Named the fear",
    "planned-timeout": "Planned a time-out",
}

_TAG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,29}$")


class ActionKind(StrEnum):
    """Whether what the person did moved them toward someone or away."""

    APPROACH = "approach"
    SIGN = "sign"


@dataclass(frozen=True, slots=True)
class Felt:
    """One emotion and how strong it was (1 to 10), when the person said."""

    emotion: str
    intensity: int | None = None  # never guessed: None until chosen


def clean_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    cleaned: list[str] = []
    for raw in tags:
        tag = raw.strip().lower().lstrip("#").replace(" ", "-")
        if not tag:
            continue
        if not _TAG.match(tag):
            raise InvalidInput(
                f"Tag {raw!r} should be a short word (letters, digits, - or _).",
                field="tags",
            )
        if tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise InvalidInput(f"Use at most {MAX_TAGS} tags.", field="tags")
    return tuple(cleaned)


def check_action(action: str | None, library: Library) -> str | None:
    if action is None or not action.strip():
        return None
    slug = action.strip().lower()
    if slug in APPROACHES or slug in library.signs:
        return slug
    raise InvalidInput(
        f"What you did must be an approach ({', '.join(APPROACHES)}) or a sign from "
        f"Learn, such as cancel-last-minute; got {action!r}.",
        field="action",
    )


def check_causes(
    causes: list[str] | tuple[str, ...], library: Library
) -> tuple[str, ...]:
    cleaned: list[str] = []
    for raw in causes:
        slug = raw.strip().lower()
        if slug not in library.causes:
            raise InvalidInput(
                f"{raw!r} is not one of the causes in Learn.", field="causes"
            )
        if slug not in cleaned:
            cleaned.append(slug)
    return tuple(cleaned)


def action_name(slug: str, library: Library) -> str:
    """What an action is called: an approach's words or a sign's name."""
    if slug in APPROACHES:
        return APPROACHES[slug]
    found = library.signs.get(slug)
    return found.name if found else slug


def cause_names(slugs: tuple[str, ...], library: Library) -> str:
    """Causes by their names, for a person to read."""
    return ", ".join(
        found.name if (found := library.causes.get(slug)) else slug for slug in slugs
    )


class MomentChannel(StrEnum):
    """Where a moment happened: face to face or through something."""

    IN_PERSON = "in-person"
    MESSAGE = "message"
    CALL = "call"
    SOCIAL_MEDIA = "social-media"


CHANNELS: dict[str, str] = {
    MomentChannel.IN_PERSON: "In person",
    MomentChannel.MESSAGE: "By message",
    MomentChannel.CALL: "On a call",
    MomentChannel.SOCIAL_MEDIA: "On social media",
}


@dataclass(frozen=True, slots=True)
class Moment:
    """One logged moment. Only the situation is required.

    The fields with ``detail(...)`` are carried by every format the same
    way (see ``closer.domain.details``); a new one is added here, given a
    column and a migration, and shown in the forms that should ask for it.
    """

    situation: str
    occurred_at: datetime
    people: tuple[int, ...] = ()
    emotions: tuple[Felt, ...] = ()
    urge: int | None = field(
        default=None, metadata=detail("Urge to pull away", scale=(0, 10))
    )
    action: str | None = field(
        default=None,
        metadata=detail(
            "What I did",
            help="An approach or sign slug",
            check=check_action,
            show=action_name,
        ),
    )
    outcome: str = field(
        default="",
        metadata=detail("How it turned out", max_length=MAX_OUTCOME, free_text=True),
    )
    felt_after: int | None = field(
        default=None, metadata=detail("Afterwards", scale=(1, 10))
    )
    causes: tuple[str, ...] = field(
        default=(),
        metadata=detail(
            "Why, I think",
            help="Cause slugs",
            item="cause",
            check=check_causes,
            show=cause_names,
        ),
    )
    tags: tuple[str, ...] = field(
        default=(),
        metadata=detail(
            "Tags",
            item="tag",
            check=lambda value, _library: clean_tags(value),
            show=lambda value, _library: " ".join("#" + t for t in value),
        ),
    )
    channel: MomentChannel | None = field(
        default=None,
        metadata=detail(
            "Where it happened",
            help="Where the moment happened",
            choices=CHANNELS,
        ),
    )
    id: int | None = None
    person_names: tuple[str, ...] = field(default=(), compare=False)

    @property
    def action_kind(self) -> ActionKind | None:
        """Approach or sign, when something was recorded."""
        if self.action is None:
            return None
        return ActionKind.APPROACH if self.action in APPROACHES else ActionKind.SIGN

    def texts(self) -> list[str]:
        """The free text in the moment, for the safety check."""
        return [t for t in (self.situation, *free_text(self)) if t]

    def search_text(self) -> str:
        """Everything worth finding the moment by, as one string."""
        parts = [self.situation, self.outcome, *self.person_names, *self.tags]
        return " ".join(p for p in parts if p)


EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


def in_utc(when: datetime) -> datetime:
    """A moment's time in UTC, or InvalidInput when it falls outside the
    years Closer keeps (at the edge of the calendar, a time zone's offset
    would carry it out of the range Python can hold)."""
    try:
        utc = when.astimezone(UTC)
    except (OverflowError, ValueError):
        utc = None
    if utc is None or not EARLIEST_YEAR <= utc.year <= LATEST_YEAR:
        raise InvalidInput(
            f"The time of a moment must fall between the years {EARLIEST_YEAR} "
            f"and {LATEST_YEAR}.",
            field="occurred_at",
        )
    return utc


def clean_situation(text: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput(
            "Write a few words about what happened; that is the only thing needed.",
            field="situation",
        )
    if len(cleaned) > MAX_SITUATION:
        raise InvalidInput(
            f"The situation can be at most {MAX_SITUATION} characters.",
            field="situation",
        )
    return cleaned


def check_emotions(
    felt: list[Felt] | tuple[Felt, ...], library: Library
) -> tuple[Felt, ...]:
    seen: dict[str, Felt] = {}
    for item in felt:
        slug = library.emotion_named(item.emotion)
        if slug is None:
            raise InvalidInput(
                f"Closer does not know the feeling {item.emotion.strip()!r} yet. "
                "Try a nearby word, such as afraid, anxious, sad, hurt or "
                "ashamed; Learn lists every feeling Closer knows.",
                field="emotions",
            )
        if item.intensity is not None:
            check_scale(item.intensity, "intensity", 1, 10)
        seen[slug] = Felt(slug, item.intensity)
    return tuple(seen.values())


def new_moment(
    library: Library,
    *,
    situation: str,
    occurred_at: datetime,
    people: tuple[int, ...] = (),
    emotions: list[Felt] | tuple[Felt, ...] = (),
    id: int | None = None,
    **details: Any,
) -> Moment:
    """A validated Moment; every problem names its field. ``details`` are
    the moment's plain fields by name (urge, action, outcome…), as typed or
    as read from a file: each is coerced to its type and checked."""
    if occurred_at.tzinfo is None:
        raise InvalidInput(
            "The time of a moment needs a time zone.", field="occurred_at"
        )
    return Moment(
        situation=clean_situation(situation),
        occurred_at=in_utc(occurred_at),
        people=tuple(dict.fromkeys(people)),
        emotions=check_emotions(emotions, library),
        id=id,
        **checked_details(Moment, details, library),
    )


def parse_felt(text: str) -> Felt:
    """``ashamed``, ``ashamed 7`` or ``ashamed:7``, as people type a feeling
    and how strong it was (1 to 10)."""
    name, _, strength = text.strip().partition(":")
    if not strength:
        words = name.split()
        if len(words) > 1 and words[-1].isdigit():
            name, strength = " ".join(words[:-1]), words[-1]
    if not strength.strip():
        return Felt(name.strip().lower())
    try:
        return Felt(name.strip().lower(), int(strength))
    except ValueError:
        raise InvalidInput(
            f"Write a feeling as a word, with how strong it was from 1 to 10 if "
            f"you like (such as: anxious 7); got {text.strip()!r}.",
            field="emotions",
        ) from None


@dataclass(frozen=True, slots=True)
class MomentQuery:
    """Which moments to list: filters, full-text words, and one page."""

    person_id: int | None = None
    action: str | None = None
    cause: str | None = None
    emotion: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    search: str | None = None
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= 500:
            raise InvalidInput(
                "Ask for between 1 and 500 moments at a time.", field="limit"
            )
        if self.offset < 0:
            raise InvalidInput("The offset cannot be negative.", field="offset")
