"""Safety: noticing language of suicide or self-harm, and the personal safety plan.

Everything here is pure and deterministic. ``detect(text)`` is the entry point
for callers; a second, model-based detector can be added later through the
``CrisisDetector`` protocol and ``CombinedDetector`` without changing them.
"""

from closer.domain.safety.assessment import (
    About,
    Assessment,
    CombinedDetector,
    CrisisDetector,
    Level,
    Reason,
)
from closer.domain.safety.detector import RuleDetector, detect, detect_all

__all__ = [
    "About",
    "Assessment",
    "CombinedDetector",
    "CrisisDetector",
    "Level",
    "Reason",
    "RuleDetector",
    "detect",
    "detect_all",
]
