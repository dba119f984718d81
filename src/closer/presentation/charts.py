"""Small charts drawn as inline SVG on the server: no script, no request to
anyone, allowed by the strict CSP, and coloured by the theme's CSS. Each
chart carries a sentence for screen readers, and pages put a table of the
same numbers next to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time

from markupsafe import Markup, escape

from closer.domain.insights import Week, percent

WIDTH, HEIGHT, PAD = 320, 140, 12
# Room around the plot of an upright chart: numbers on the left, dates below.
LEFT, BOTTOM = 34, 24


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
    unit: str = ""  # after the numbers on the axis: "%", or nothing

    @property
    def baseline(self) -> float:
        """The y of zero."""
        return HEIGHT - BOTTOM

    def svg(self) -> Markup:
        """The chart as inline SVG (colours come from CSS classes), with its
        scale on the left and its first and last dates below."""
        parts = _axes(self.top, self.unit, [(d.x, d.when[:6]) for d in self.dots])
        if len(self.dots) > 1:
            parts.append(
                f'<polyline class="chart-line" fill="none" points="{self.points}">'
                "</polyline>"
            )
        parts += [
            f'<circle class="chart-dot" cx="{d.x}" cy="{d.y}" r="3.5"></circle>'
            for d in self.dots
        ]
        return _svg(self.width, self.height, self.label, parts)


def _axes(top: float, unit: str, ticks: Sequence[tuple[float, str]]) -> list[str]:
    """The frame of an upright chart: the baseline, faint lines at half and
    at the top with their numbers on the left, and dates under the plot (all
    of them when they fit, else the first, the middle and the last)."""
    base = HEIGHT - BOTTOM
    parts = [
        f'<line class="chart-axis" x1="{LEFT}" y1="{base}" x2="{WIDTH - PAD}" '
        f'y2="{base}"></line>'
    ]
    for share in (0.0, 0.5, 1.0):
        y = round(base - (base - PAD) * share, 1)
        value = _number(top * share)
        if share:
            parts.append(
                f'<line class="chart-grid-line" x1="{LEFT}" y1="{y}" '
                f'x2="{WIDTH - PAD}" y2="{y}"></line>'
            )
        parts.append(
            f'<text class="chart-text" x="{LEFT - 5}" y="{y + 4}" '
            f'text-anchor="end">{escape(value + unit)}</text>'
        )
    shown = (
        list(ticks)
        if len(ticks) <= 6
        else [ticks[0], ticks[len(ticks) // 2], ticks[-1]]
    )
    for x, name in shown:
        parts.append(
            f'<text class="chart-text" x="{x}" y="{HEIGHT - 6}" '
            f'text-anchor="middle">{escape(name)}</text>'
        )
    return parts


def _svg(width: float, height: float, label: str, parts: list[str]) -> Markup:
    return Markup(
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(label)}" focusable="false">'
        + "".join(parts)
        + "</svg>"
    )


def line_chart(
    values: list[float],
    times: list[datetime],
    top: float,
    what: str,
    unit: str = "",
) -> LineChart:
    """``values`` (oldest first) spread evenly across the plot."""
    span = max(len(values) - 1, 1)
    inner = WIDTH - LEFT - 2 * PAD
    plot = HEIGHT - BOTTOM - PAD
    dots = tuple(
        Dot(
            x=round(LEFT + PAD + inner * i / span, 1),
            y=round(HEIGHT - BOTTOM - plot * min(v, top) / top, 1),
            value=_number(v),
            when=t.strftime("%d %b %Y"),
        )
        for i, (v, t) in enumerate(zip(values, times, strict=True))
    )
    said = ", ".join(f"{d.value} on {d.when}" for d in dots)
    return LineChart(
        label=f"{what}, from 0 to {_number(top)}{unit}: {said}." if dots else what,
        points=" ".join(f"{d.x},{d.y}" for d in dots),
        dots=dots,
        top=top,
        unit=unit,
    )


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.2f}"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: where it stands, how tall, what it says."""

    x: float
    y: float
    width: float
    height: float
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class BarChart:
    """Bars from 0 to ``top``: upright over time, or across for a ranking."""

    label: str
    bars: tuple[Bar, ...]
    top: float
    across: bool = False
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self) -> float:
        """The y of zero (upright bars)."""
        return self.height - BOTTOM

    def svg(self) -> Markup:
        """The chart as inline SVG: bars across with their names and numbers
        beside them; upright bars with a scale, dates, and each number on top
        when there is room."""
        parts = []
        if not self.across:
            ticks = [(b.x + b.width / 2, b.label) for b in self.bars]
            parts = _axes(self.top, "", ticks)
        for b in self.bars:
            parts.append(
                f'<rect class="chart-bar" x="{b.x}" y="{b.y}" width="{b.width}" '
                f'height="{b.height}"></rect>'
            )
            if not self.across and len(self.bars) <= 12 and b.height:
                parts.append(
                    f'<text class="chart-text" x="{b.x + b.width / 2}" '
                    f'y="{b.y - 3}" text-anchor="middle">{escape(b.value)}</text>'
                )
            if self.across:
                parts.append(
                    f'<text class="chart-text" x="{b.x - 6}" y="{b.y + 11}" '
                    f'text-anchor="end">{escape(b.label[:18])}</text>'
                    f'<text class="chart-text" x="{b.x + b.width + 6}" '
                    f'y="{b.y + 11}">{escape(b.value)}</text>'
                )
        return _svg(self.width, self.height, self.label, parts)


def bar_chart(items: list[tuple[str, float]], top: float, what: str) -> BarChart:
    """Upright bars, one per item, oldest first (weeks, months)."""
    count = max(len(items), 1)
    slot = (WIDTH - LEFT - PAD) / count
    top = max(top, 1.0)
    plot = HEIGHT - BOTTOM - PAD
    bars = tuple(
        Bar(
            x=round(LEFT + slot * i + slot * 0.15, 1),
            y=round(HEIGHT - BOTTOM - plot * v / top, 1),
            width=round(slot * 0.7, 1),
            height=round(plot * v / top, 1),
            label=name,
            value=_number(v),
        )
        for i, (name, v) in enumerate(items)
    )
    said = ", ".join(f"{b.label}: {b.value}" for b in bars)
    return BarChart(label=f"{what}. {said}." if bars else what, bars=bars, top=top)


def ranking(items: list[tuple[str, float]], what: str) -> BarChart:
    """Bars across, largest first, each with its name and number beside it."""
    top = max((v for _, v in items), default=1.0) or 1.0
    row = 22
    bars = tuple(
        Bar(
            x=110,
            y=PAD + row * i,
            width=round(160 * v / top, 1),
            height=14,
            label=name,
            value=_number(v),
        )
        for i, (name, v) in enumerate(items)
    )
    said = ", ".join(f"{b.label}: {b.value}" for b in bars)
    height = PAD * 2 + row * max(len(bars), 1)
    return BarChart(
        label=f"{what}. {said}." if bars else what,
        bars=bars,
        top=top,
        across=True,
        height=height,
    )


def moments_per_week(weeks: Sequence[Week], top: float | None = None) -> BarChart:
    """Moments in each of ``weeks`` (scaled to ``top``, else to the busiest)."""
    highest = top if top is not None else max((w.moments for w in weeks), default=1)
    return bar_chart(
        [(w.start.strftime("%d %b"), w.moments) for w in weeks],
        highest,
        "Moments per week",
    )


def stayed_per_week(
    weeks: Sequence[Week],
    what: str = "Share of moments you stayed with the urge, per week, in percent",
) -> LineChart | None:
    """The approach share of each week with something noted (None for fewer
    than two such weeks: no line to draw)."""
    noted = [w for w in weeks if w.share.noted]
    if len(noted) < 2:
        return None
    return line_chart(
        [percent(w.share.stayed, w.share.noted) for w in noted],
        [datetime.combine(w.start, time(), UTC) for w in noted],
        100,
        what,
        unit="%",
    )
