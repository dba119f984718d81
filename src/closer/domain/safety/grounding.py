"""A 5-4-3-2-1 grounding exercise: attention back to the senses, step by step."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GroundingStep:
    """One step: a short title and what to do."""

    title: str
    guidance: str


INTRO = (
    "A short exercise to bring your attention back to where you are. It takes two "
    "or three minutes. Go slowly; there are no wrong answers."
)

STEPS: tuple[GroundingStep, ...] = (
    GroundingStep(
        "Five things you can see",
        "Look around and name five things you can see. Small things count: a mark "
        "on the wall, the colour of a cup, the light on the floor.",
    ),
    GroundingStep(
        "Four things you can feel",
        "Notice four things you can feel: your feet on the ground, the cloth of your "
        "sleeve, the air on your skin, the weight of your body where you sit.",
    ),
    GroundingStep(
        "Three things you can hear",
        "Listen for three sounds, near or far: traffic, a fridge humming, your own "
        "breath.",
    ),
    GroundingStep(
        "Two things you can smell",
        "Find two smells. If nothing comes, move somewhere that has one, or bring to "
        "mind two smells you like.",
    ),
    GroundingStep(
        "One thing you can taste",
        "Notice one taste, or take a sip of water and pay attention to it.",
    ),
)

OUTRO = (
    "Take one slow breath, a little longer out than in. If things still feel very "
    "hard, your safety plan and the people on the help page are there for exactly "
    "this moment."
)
