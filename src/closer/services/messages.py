"""Checking a draft message before it is sent.

The draft is never stored: it is checked and handed back. Like every text a
person types, it goes through the safety check first, and a worrying draft
opens the support panel at once (the draft stays where it was written).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from closer.domain.errors import InvalidInput
from closer.domain.messages import MessageCheck, MessageChecker
from closer.domain.safety import Assessment
from closer.services.safety import check_saved_text
from closer.services.unit_of_work import UnitOfWork

MAX_DRAFT = 5_000  # characters; a message, not a letter


@dataclass(frozen=True, slots=True)
class CheckedDraft:
    """What the message check found, and what the safety check found."""

    check: MessageCheck
    assessment: Assessment


def check_draft(uow: UnitOfWork, checker: MessageChecker, draft: str) -> CheckedDraft:
    """Distancing patterns in ``draft``, with warmer drafts for each."""
    if not draft.strip():
        raise InvalidInput(
            "The draft is empty: write the message to check.", field="draft"
        )
    if len(draft) > MAX_DRAFT:
        raise InvalidInput(
            f"The draft is {len(draft):,} characters long; the check takes up to "
            f"{MAX_DRAFT:,}.",
            field="draft",
        )
    assessment = check_saved_text(uow, [draft], source="message")
    return CheckedDraft(checker.check(draft), assessment)


def findings_data(check: MessageCheck) -> list[dict[str, Any]]:
    """The findings as plain data, for the API and ``--json``."""
    return [
        {
            "pattern": f.pattern.slug,
            "name": f.pattern.name,
            "why": f.pattern.why,
            "evidence": f.evidence,
            "by": f.by,
            "strategy": f.pattern.strategy,
            "alternatives": list(f.pattern.alternatives),
        }
        for f in check.findings
    ]
