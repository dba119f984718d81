"""Small charts drawn as inline SVG on the server: no script, no request to
anyone, allowed by the strict CSP, and coloured by the theme's CSS. Each
chart carries a sentence for screen readers, and pages put a table of the
same numbers next to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

WIDTH, HEIGHT, PAD = 320, 120, 12


@dataclass(frozen=True, slots=True)
class Dot:
    """One value, placed."""

    x: float
    y: float
    value: str
    when: str


@dataclass(frozen=True, slots=True)
class LineChart:
    """A line of values over time, scaled from 0 to ``top``."""

    label: str  # what a screen reader hears
    points: str  # for <polyline points="…">
    dots: tuple[Dot, ...]
    top: float
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self) -> float:
        """The y of zero."""
        return HEIGHT - PAD


def line_chart(
    values: list[float], times: list[datetime], top: float, what: str
) -> LineChart:
    """``values`` (oldest first) spread evenly across the width."""
    span = max(len(values) - 1, 1)
    dots = tuple(
        Dot(
            x=round(PAD + (WIDTH - 2 * PAD) * i / span, 1),
            y=round(HEIGHT - PAD - (HEIGHT - 2 * PAD) * min(v, top) / top, 1),
            value=_number(v),
            when=t.strftime("%d %b %Y"),
        )
        for i, (v, t) in enumerate(zip(values, times, strict=True))
    )
    said = ", ".join(f"{d.value} on {d.when}" for d in dots)
    return LineChart(
        label=f"{what}, from 0 to {_number(top)}: {said}." if dots else what,
        points=" ".join(f"{d.x},{d.y}" for d in dots),
        dots=dots,
        top=top,
    )


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.2f}"
