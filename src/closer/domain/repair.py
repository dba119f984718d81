"""Repair after going quiet or calling something off: a few honest words.

Drafts written in our words, to edit and send yourself (Closer never sends
anything): a brief acknowledgement without over-explaining, the feeling named
if you want to, and one small, concrete next step.
"""

from __future__ import annotations

ACKNOWLEDGE = {
    "quiet": "Hi {name}, I've been quiet for a while, and I'm sorry for the silence.",
    "cancelled": "Hi {name}, I'm sorry I called off our plan.",
}
FEELING = " Honestly, I was feeling {feeling}, and I pulled back instead of saying so."
NEXT_STEPS = (
    "Could we {step} this week?",
    "Would you be up for {step} soon? I'd like that.",
)
DEFAULT_STEP = "have a short call"


def repair_drafts(
    name: str, *, after: str = "quiet", feeling: str = "", step: str = ""
) -> list[str]:
    """Two or three short messages to choose from, edit and send yourself."""
    opening = ACKNOWLEDGE.get(after, ACKNOWLEDGE["quiet"]).format(name=name)
    named = FEELING.format(feeling=feeling.strip()) if feeling.strip() else ""
    small = step.strip() or DEFAULT_STEP
    drafts = [f"{opening}{named} {ask.format(step=small)}" for ask in NEXT_STEPS]
    drafts.append(f"{opening} No need to reply at length; I just wanted you to know.")
    return drafts
