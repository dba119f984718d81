"""Which Debian packages the full suite needs, and whether they are here.

``make test`` runs this first, so a missing package is named up front instead of
failing obscurely; ``make system-deps`` installs them.
"""

from __future__ import annotations

import ctypes.util
import sys
from pathlib import Path

from tests.support.postgres import find_bindir
from tests.support.requirements import in_ci

CHROMIUM = Path("/usr/bin/chromium")
PDF_LIBRARIES = {
    "libpango-1.0-0": "pango-1.0",
    "libpangoft2-1.0-0": "pangoft2-1.0",
    "libharfbuzz0b": "harfbuzz",
}


def missing() -> dict[str, str]:
    """Debian packages that are not installed, with what they are for."""
    absent: dict[str, str] = {}
    if find_bindir() is None:
        absent["postgresql"] = "integration, web and CLI tests on PostgreSQL"
    if not CHROMIUM.exists():
        absent["chromium"] = "browser tests (Playwright drives /usr/bin/chromium)"
    for package, library in PDF_LIBRARIES.items():
        if ctypes.util.find_library(library) is None:
            absent[package] = "the counsellor report as PDF (WeasyPrint draws with it)"
    return absent


def main() -> int:
    absent = missing()
    if not absent:
        return 0
    for package, purpose in absent.items():
        print(f"Missing Debian package {package!r}: needed for {purpose}.")
    if in_ci():
        print("CI needs every one of them: run `make system-deps` first.")
        return 1
    print("Those tests will be skipped. Install everything with `make system-deps`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
