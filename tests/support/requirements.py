"""Missing system tools: a skip on a developer's machine, a failure in CI."""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    """Whether the suite runs under CI (``CI=true``)."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(available: bool, what: str) -> None:
    """Skip (locally) or fail (in CI) when ``what`` is not installed."""
    if available:
        return
    message = f"{what} is not installed: run `make system-deps`."
    if in_ci():
        pytest.fail(f"CI needs it — {message}", pytrace=False)
    pytest.skip(message)
