"""Every asset is served from our own origin, and vendored files are what we say."""

from __future__ import annotations

import hashlib
import re

from closer.web.rendering import STATIC_DIR, TEMPLATES_DIR

HTMX = STATIC_DIR / "vendor" / "htmx"


def test_vendored_htmx_matches_the_recorded_checksum() -> None:
    recorded = re.search(r"sha256 `([0-9a-f]{64})`", (HTMX / "README.md").read_text())
    assert recorded is not None
    actual = hashlib.sha256((HTMX / "htmx.min.js").read_bytes()).hexdigest()
    assert actual == recorded.group(1)


def test_vendored_htmx_keeps_its_licence() -> None:
    assert "Zero-Clause BSD" in (HTMX / "LICENSE").read_text()


def test_no_template_loads_anything_from_another_origin() -> None:
    loads = re.compile(
        r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//', re.I
    )
    for template in TEMPLATES_DIR.rglob("*.html"):
        assert not loads.search(template.read_text()), template.name


def test_no_stylesheet_imports_from_another_origin() -> None:
    for sheet in STATIC_DIR.rglob("*.css"):
        text = sheet.read_text()
        assert "@import" not in text
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), sheet.name


INTER = STATIC_DIR / "vendor" / "inter"


def test_every_vendored_font_file_matches_its_recorded_checksum() -> None:
    readme = (INTER / "README.md").read_text()
    listed = re.findall(r"`([0-9a-f]{64})` (\S+\.woff2)", readme)
    recorded = {name: digest for digest, name in listed}
    on_disk = {path.name for path in INTER.glob("*.woff2")}
    assert on_disk
    assert set(recorded) == on_disk
    for name, digest in recorded.items():
        assert hashlib.sha256((INTER / name).read_bytes()).hexdigest() == digest, name


def test_the_font_keeps_its_licence_and_every_file_is_declared() -> None:
    assert "SIL Open Font License" in (INTER / "LICENSE").read_text()
    sheet = (STATIC_DIR / "css" / "closer.css").read_text()
    for path in INTER.glob("*.woff2"):
        assert f"../vendor/inter/{path.name}" in sheet, path.name
