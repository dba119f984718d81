"""The safety part of the JSON API: scanning text, the support panel, the plan."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from closer.domain.safety import Assessment
from closer.domain.safety.plan import GUIDES, MAX_ITEM_LENGTH, PlanSection, SafetyPlan
from closer.domain.safety.support import parse_choice
from closer.services.safety import (
    PlanSaved,
    SupportPanel,
    assess_texts,
    get_plan,
    resolve_support,
    save_plan,
    support_panel,
)
from closer.web.dependencies import DirectoryDep, UowDep
from closer.web.routes.api import API_PREFIX, ERRORS, CountryHelpOut

router = APIRouter(prefix=f"{API_PREFIX}/safety", responses=ERRORS, tags=["safety"])

NOT_THERAPY = "Closer is not therapy and not an emergency service."


class ScanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=100_000)


class ContactOut(BaseModel):
    text: str
    phone: str | None


class SectionOut(BaseModel):
    slug: str
    title: str
    prompt: str
    items: list[str]


class PlanOut(BaseModel):
    has_content: bool
    sections: list[SectionOut]


class SupportOut(BaseModel):
    """The support panel as data: show it at once, close it only by a choice."""

    level: str = Field(description="concern or urgent")
    about: str = Field(description="self, or other when someone else is at risk")
    reasons: list[str]
    emergency: str
    lines: CountryHelpOut
    plan: PlanOut | None = Field(
        description="The safety plan, first, when it has content"
    )
    people: list[ContactOut]
    grounding_url: str
    notice: str


class ScanOut(BaseModel):
    level: str
    about: str | None
    reasons: list[str]
    support: SupportOut | None


class PlanIn(BaseModel):
    """Sections to replace, by slug; sections left out stay as they are."""

    model_config = ConfigDict(extra="forbid")

    sections: dict[str, list[str]] = Field(
        description=f"slug → items (each at most {MAX_ITEM_LENGTH} characters)"
    )


class PlanSavedOut(BaseModel):
    plan: PlanOut
    support: SupportOut | None


class ChoiceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    choice: str = Field(description="safe (I'm safe right now) or help (Show me help)")


class ChoiceOut(BaseModel):
    choice: str
    next: str = Field(description="Where a client should go next")


def plan_out(plan: SafetyPlan) -> PlanOut:
    return PlanOut(
        has_content=plan.has_content,
        sections=[
            SectionOut(
                slug=s.value,
                title=GUIDES[s].title,
                prompt=GUIDES[s].prompt,
                items=list(plan.items(s)),
            )
            for s in PlanSection
        ],
    )


def support_out(panel: SupportPanel | None) -> SupportOut | None:
    if panel is None:
        return None
    return SupportOut(
        level=panel.level.value,
        about=panel.about.value,
        reasons=list(panel.reasons),
        emergency=panel.help.emergency,
        lines=CountryHelpOut.of(panel.help),
        plan=plan_out(panel.plan) if panel.plan.has_content else None,
        people=[ContactOut(text=c.text, phone=c.phone) for c in panel.people],
        grounding_url="/grounding",
        notice=NOT_THERAPY,
    )


def _scan_out(assessment: Assessment, support: SupportOut | None) -> ScanOut:
    return ScanOut(
        level=assessment.level.value,
        about=assessment.about.value if assessment.about else None,
        reasons=assessment.descriptions(),
        support=support,
    )


@router.post("/scan")
def scan(body: ScanIn, uow: UowDep, directory: DirectoryDep) -> ScanOut:
    """Check a text for language of suicide or self-harm. Nothing is stored."""
    assessment = assess_texts([body.text])
    panel = (
        support_panel(uow, directory, assessment) if assessment.needs_support else None
    )
    return _scan_out(assessment, support_out(panel))


@router.get("/support")
def current_support(uow: UowDep, directory: DirectoryDep) -> SupportOut | None:
    """The open support panel, or null when none is open."""
    return support_out(support_panel(uow, directory))


@router.post("/support")
def close_support(body: ChoiceIn, uow: UowDep) -> ChoiceOut:
    """Close the support panel by an explicit choice."""
    choice = resolve_support(uow, parse_choice(body.choice))
    return ChoiceOut(
        choice=choice.value, next="/help" if choice.value == "help" else "/"
    )


@router.get("/plan")
def read_plan(uow: UowDep) -> PlanOut:
    """The personal safety plan."""
    return plan_out(get_plan(uow))


@router.put("/plan")
def write_plan(body: PlanIn, uow: UowDep, directory: DirectoryDep) -> PlanSavedOut:
    """Replace sections of the plan; new lines pass through the safety check."""
    saved: PlanSaved = save_plan(uow, body.sections)
    panel = (
        support_panel(uow, directory, saved.assessment)
        if saved.assessment.needs_support
        else None
    )
    return PlanSavedOut(plan=plan_out(saved.plan), support=support_out(panel))
