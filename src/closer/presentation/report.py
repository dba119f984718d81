"""The counsellor report as Markdown, HTML and PDF.

The PDF is the HTML page printed by WeasyPrint (which needs Debian's pango
and harfbuzz libraries; see README), with the same inline SVG charts as the
Insights page and colours fixed for paper. WeasyPrint is imported only when
a PDF is asked for: it takes about half a second to load.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from closer import __version__
from closer.domain.content import Library
from closer.domain.report import Report
from closer.presentation.charts import line_chart, moments_per_week, stayed_per_week

TEMPLATES = Path(__file__).parent / "report_templates"
# The web pages' typeface (vendored once, beside the web's static files): the
# report is set in it too, read from the package's own files.
TYPEFACE = Path(__file__).parents[1] / "web" / "static" / "vendor" / "inter"
DISCLAIMER = (
    "Made by the person it is about, with Closer, from their own notes. It is "
    "not a diagnosis and not a clinical record; self-check results are "
    "screening scores to talk about together. Their own words are included "
    "only where they chose to share them."
)


def safety_lines(report: Report) -> list[str]:
    """What the report says first about safety, one sentence a line."""
    lines = [
        f"{a.at:%d %B %Y}: {a.check} question {a.number}, “{a.question}”, was "
        f"answered “{a.answer}” ({a.value})."
        for a in report.safety_answers
    ]
    if report.crisis_moments:
        count = report.crisis_moments
        lines.append(
            f"{count} moment{'s' if count != 1 else ''} noted in this period "
            f"{'hold' if count != 1 else 'holds'} words of suicide or self-harm; "
            "their words are here only if chosen below."
        )
    return lines


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"])
    )


def _charts(report: Report) -> dict[str, object]:
    weeks = report.summary.weeks
    approach = stayed_per_week(
        weeks, "Share of moments the urge was stayed with, per week (%)"
    )
    checks = [
        line_chart(
            [r.total for r in c.results],
            [r.taken_at for r in c.results],
            max(*(r.total for r in c.results), 1.0),
            f"{c.name} over time",
        )
        for c in report.checks
        if len(c.results) > 1
    ]
    moments = moments_per_week(weeks[-26:], max((w.moments for w in weeks), default=1))
    return {"approach": approach, "check_charts": checks, "per_week": moments}


def to_html(report: Report, library: Library) -> str:
    """The report as one HTML page (styles inline, nothing fetched)."""
    template = _environment().get_template("report.html")
    return template.render(
        report=report,
        summary=report.summary,
        library=library,
        disclaimer=DISCLAIMER,
        version=__version__,
        safety=safety_lines(report),
        typeface=TYPEFACE.as_uri(),
        **_charts(report),
    )


def to_pdf(report: Report, library: Library) -> bytes:
    """The report as a PDF."""
    import weasyprint  # noqa: PLC0415 - slow to import; only for a PDF

    pdf = weasyprint.HTML(string=to_html(report, library), base_url=str(TEMPLATES))
    data: bytes = pdf.write_pdf()
    return data


def to_markdown(report: Report, library: Library) -> str:  # noqa: ARG001 - one shape
    """The report as Markdown, for any text editor."""
    s = report.summary
    lines = [
        "# Closer report",
        "",
        f"{s.period.start} to {s.period.end}. Made {report.made_at:%Y-%m-%d}.",
        "",
        f"> {DISCLAIMER}",
        "",
    ]
    if report.has_safety:
        lines += ["## Safety", ""]
        lines += [f"- **{line}**" for line in safety_lines(report)] + [""]
    if report.checks:
        lines += ["## Self-checks", ""]
    for c in report.checks:
        taken = ", ".join(
            f"{r.taken_at:%Y-%m-%d} {r.total:g}" + (f" ({r.band})" if r.band else "")
            for r in c.results
        )
        lines += [f"- **{c.title}**: {taken}", f"  - {c.attribution}"]
    lines += ["", "## What the records show", ""]
    lines += [f"- {i.sentence}" for i in s.insights]
    if report.notes:
        lines += ["", "## Notes chosen to share", ""]
        lines += [f"- {n.at:%Y-%m-%d}: {n.text}" for n in report.notes]
    return "\n".join(lines).rstrip() + "\n"
