"""Safety use cases: checking saved free text, the support panel, the plan.

Every place that accepts free text saves it first and only then calls
``check_saved_text``: nothing a person wrote is ever lost or blocked because of
an alert. When the text is worrying, a support alert opens and the support
panel shows on every page until the person chooses "I'm safe right now" or
"Show me help".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial

from closer.domain.crisis_lines import CountryHelp, HelpDirectory
from closer.domain.errors import NotFound
from closer.domain.safety import About, Assessment, Level, detect
from closer.domain.safety.learned import LearnedLayer
from closer.domain.safety.plan import (
    PlanSection,
    SafetyPlan,
    parse_section,
    parse_section_name,
    phone_in,
)
from closer.domain.safety.support import UNKEPT_SOURCES, Choice, SupportAlert
from closer.services.unit_of_work import Steps, UnitOfWork, in_unit, run_steps

logger = logging.getLogger(__name__)

LayerSource = LearnedLayer | Callable[[], LearnedLayer | None]
_LAYER: list[LayerSource] = []  # the learned layer (or how to make it), when on


def use_learned_layer(layer: LayerSource | None) -> None:
    """Put the learned layer behind every check (with None, take it away).
    A function that makes the layer is called on the first check that needs
    it: a command that never reads text never loads the model."""
    _LAYER.clear()
    if layer is not None:
        _LAYER.append(layer)


def _layer() -> LearnedLayer | None:
    if not _LAYER:
        return None
    found = _LAYER[0]
    if not isinstance(found, LearnedLayer):
        made = found()
        use_learned_layer(made)
        return made
    return found


def learned_layer_on() -> bool:
    """Whether the checks read by meaning too, not only by the rules."""
    return _layer() is not None


def assess_texts(texts: Iterable[str]) -> Assessment:
    """One assessment of ``texts``: the rules', and with the learned layer on,
    the rules' findings it confirms and its own (see ``learned.py``). This is
    the one crisis check behind the web, the API and the CLI."""
    (found,) = assess_many([list(texts)])
    return found


def assess_many(groups: Sequence[Sequence[str]]) -> list[Assessment]:
    """``assess_texts`` for each group of texts (a moment's fields, say), read
    by the model in one batch."""
    written = [[t for t in group if t and t.strip()] for group in groups]
    flat = [t for group in written for t in group]
    rules = [detect(t) for t in flat]
    learned = _learned(flat, rules) if flat else None
    found = iter(rules if learned is None else learned)
    return [
        Assessment.from_reasons(r for _ in group for r in next(found).reasons)
        for group in written
    ]


def _learned(texts: list[str], rules: list[Assessment]) -> list[Assessment] | None:
    """The layer's assessments, or None when it is off or fails: a model that
    cannot load or read must never stand between a person and the rules'
    answer (it is logged, and left off for the rest of the process)."""
    try:
        layer = _layer()
        return None if layer is None else layer.assess_all(texts, rules)
    except Exception:
        logger.exception("The crisis check's model failed; the rules answer alone")
        use_learned_layer(None)
        return None


def check_saved_text(
    uow: UnitOfWork, texts: Iterable[str], *, source: str
) -> Assessment:
    """Assess text that is already saved; open the support panel if needed."""
    return run_steps(saved_text_steps(texts, source=source), in_unit(uow))


def saved_text_steps(texts: Iterable[str], *, source: str) -> Steps[Assessment]:
    """``check_saved_text`` as steps (see ``Steps``): the alert is a write."""
    assessment = assess_texts(texts)
    if assessment.needs_support and assessment.about is not None:
        yield partial(_open_alert, assessment.level, assessment.about, source)
    return assessment


def _open_alert(level: Level, about: About, source: str, uow: UnitOfWork) -> None:
    with uow:
        uow.support.open(level, about, source)
        uow.commit()


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone from the plan's "people I can ask" section."""

    text: str
    phone: str | None


@dataclass(frozen=True, slots=True)
class SupportPanel:
    """Everything the support panel shows, for web, CLI and API alike."""

    level: Level
    about: About
    reasons: tuple[str, ...]
    plan: SafetyPlan
    people: tuple[Contact, ...]
    help: CountryHelp
    kept: bool = True  # what the person wrote is saved (not a question or a draft)
    fresh: bool = True  # raised just now: shown whole; later, a short reminder

    @property
    def urgent(self) -> bool:
        """Whether to lead with the emergency number."""
        return self.level is Level.URGENT

    @property
    def for_someone_else(self) -> bool:
        """Whether the worry is about another person, not the writer."""
        return self.about is About.OTHER


def _contacts(plan: SafetyPlan) -> tuple[Contact, ...]:
    return tuple(
        Contact(text=item, phone=phone_in(item))
        for item in plan.items(PlanSection.PEOPLE)
    )


FRESH = timedelta(minutes=10)  # an alert this new shows whole, after that as a reminder


def support_panel(
    uow: UnitOfWork, directory: HelpDirectory, assessment: Assessment | None = None
) -> SupportPanel | None:
    """The panel for ``assessment``, or for the open alert; None when neither."""
    with uow:
        alert = uow.support.current()
        plan = uow.safety_plan.get()
        country = uow.preferences.get().country
    if assessment is not None and assessment.needs_support and assessment.about:
        level, about = assessment.level, assessment.about
        reasons, fresh = tuple(assessment.descriptions()), True
    elif alert is not None:
        level, about, reasons = alert.level, alert.about, ()
        fresh = datetime.now(UTC) - alert.opened_at <= FRESH
    else:
        return None
    return SupportPanel(
        level=level,
        about=about,
        reasons=reasons,
        plan=plan,
        people=_contacts(plan),
        help=directory.for_country(country),
        kept=alert is None or alert.source not in UNKEPT_SOURCES,
        fresh=fresh,
    )


def resolve_support(uow: UnitOfWork, choice: Choice) -> Choice:
    """Close the panel with the person's explicit choice."""
    with uow:
        uow.support.resolve(choice)
        uow.commit()
    return choice


CHECK_IN_AFTER = timedelta(hours=8)  # not the same evening: at a later visit
CHECK_IN_WITHIN = timedelta(days=14)  # after that, asking would feel strange


def check_in_due(uow: UnitOfWork, now: datetime | None = None) -> SupportAlert | None:
    """The alert to check in on gently: the newest one about the writer, closed
    with "I'm safe right now" 8 hours to 14 days ago and not asked about yet;
    never while a panel is open or after "Show me help"."""
    moment = now or datetime.now(UTC)
    with uow:
        if uow.support.current() is not None:
            return None  # the panel is open: that comes first
        return uow.support.closed_safe(
            moment - CHECK_IN_WITHIN, moment - CHECK_IN_AFTER
        )


def answer_check_in(uow: UnitOfWork, alert_id: int) -> None:
    """The person answered the check-in: it is not asked again."""
    with uow:
        uow.support.checked_in(alert_id)
        uow.commit()


def get_plan(uow: UnitOfWork) -> SafetyPlan:
    """The saved safety plan."""
    with uow:
        return uow.safety_plan.get()


@dataclass(frozen=True, slots=True)
class PlanSaved:
    """A saved plan, and what the safety check found in its new lines."""

    plan: SafetyPlan
    assessment: Assessment


def save_plan(
    uow: UnitOfWork, sections: Mapping[str, Sequence[str] | str]
) -> PlanSaved:
    """Replace the given sections (others stay as they are), then check new lines.

    Every section is validated before anything is written: one bad section
    leaves the whole plan unchanged.
    """
    parsed: dict[PlanSection, tuple[str, ...]] = {}
    for name, items in sections.items():
        section = parse_section_name(name)
        parsed[section] = parse_section(
            section, items if isinstance(items, str) else list(items)
        )
    with uow:
        before = uow.safety_plan.get()
        plan = before
        for section, items in parsed.items():
            plan = plan.with_items(section, items)
        uow.safety_plan.save(plan)
        uow.commit()
    new_lines = plan.new_texts_since(before)
    return PlanSaved(plan, check_saved_text(uow, new_lines, source="safety-plan"))


def add_plan_item(uow: UnitOfWork, section_name: str, text: str) -> PlanSaved:
    """Add one line to the end of a section."""
    section = parse_section_name(section_name)
    current = get_plan(uow).items(section)
    return save_plan(uow, {section.value: [*current, text]})


def remove_plan_item(uow: UnitOfWork, section_name: str, number: int) -> PlanSaved:
    """Remove line ``number`` (counting from 1) of a section."""
    section = parse_section_name(section_name)
    current = list(get_plan(uow).items(section))
    if not 1 <= number <= len(current):
        raise NotFound(
            f"The section {section.value!r} has {len(current)} item(s); "
            f"there is no item {number}."
        )
    del current[number - 1]
    return save_plan(uow, {section.value: current})
