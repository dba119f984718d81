"""Insights on the web and over the API, and the counsellor report (PDF and
Markdown) with only the notes the person ticked."""

from __future__ import annotations

import ctypes
from datetime import UTC, datetime, timedelta

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from fastapi.testclient import TestClient

NOW = datetime.now(UTC)


@pytest.fixture
def web(client: TestClient) -> TestClient:
    client.follow_redirects = False
    return client


def log(web: TestClient, days_ago: int, situation: str, **fields: object) -> int:
    when = (NOW - timedelta(days=days_ago)).isoformat()
    body = {"situation": situation, "occurred_at": when, **fields}
    made = web.post("/api/v1/moments", json=body)
    assert made.status_code == 201, made.text
    return int(made.json()["moment"]["id"])


def a_month(web: TestClient) -> list[int]:
    ids = [
        log(web, 20 - i, f"Cancelled dinner {i}", action="cancel-last-minute", urge=8,
            emotions=[{"emotion": "ashamed", "intensity": 6}])
        for i in range(6)
    ]  # fmt: skip
    ids += [log(web, 10 - i, f"Replied to Jo {i}", action="replied", urge=3)
            for i in range(6)]  # fmt: skip
    return ids


def test_the_insights_page_tells_the_pattern_with_charts_and_a_table(
    web: TestClient,
) -> None:
    a_month(web)
    page = web.get("/insights").text
    assert "12 moments in 90 days" in page
    assert "You stayed with the urge (moved toward someone) in 6 of 12 moments" in page
    assert "When you felt ashamed, you acted on the urge in 6 of 6 moments" in page
    assert 'role="img" aria-label="Moments per week.' in page
    assert "only speaks of a pattern seen in at least 5 moments" in page
    assert "Each week: moments" in page


def test_the_api_gives_the_same_picture_and_checks_the_period(web: TestClient) -> None:
    a_month(web)
    data = web.get("/api/v1/insights").json()
    assert (data["moments"], data["stayed"], data["noted"]) == (12, 6, 12)
    assert data["approach_ratio"] == 0.5
    assert data["emotions"][0] == {"slug": "ashamed", "name": "ashamed", "count": 6}
    assert data["min_sample"] == 5
    kinds = {i["kind"] for i in data["insights"]}
    assert {"moments", "approach-ratio", "pattern", "urge"} <= kinds
    old = web.get("/api/v1/insights", params={"from": "2020-01-01", "to": "2020-01-31"})
    assert old.json()["moments"] == 0
    backwards = web.get(
        "/api/v1/insights", params={"from": "2026-02-01", "to": "2026-01-01"}
    )
    assert backwards.status_code == 422
    assert "starts (2026-02-01) after it ends" in backwards.text
    for field, day in (("to", "0001-01-01"), ("from", "9999-12-31")):
        beyond = web.get("/api/v1/insights", params={field: day})
        assert beyond.status_code == 422
        assert f"Choose a date from 1900 to 2999 ({day} is not)" in beyond.text


def test_the_report_pdf_renders_and_holds_only_the_ticked_notes(
    web: TestClient,
) -> None:
    ids = a_month(web)
    web.post("/api/v1/checks/phq9", json={"answers": [1, 1, 1, 1, 1, 0, 0, 0, 0]})
    text = web.get("/insights/report", params={"format": "md", "note": ids[1]}).text
    assert "Cancelled dinner 1" in text
    assert "Cancelled dinner 2" not in text
    assert "Replied to Jo" not in text
    assert "Mood over the last two weeks (PHQ-9)" in text
    assert "not a diagnosis" in text
    pdf = web.get("/api/v1/report", params={"format": "pdf", "note": ids[0]})
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("attachment;")
    assert {"Inter-Closer", "Inter-Closer-Bold"} <= font_names(pdf.content)
    document = pypdfium2.PdfDocument(pdf.content)
    try:
        assert len(document) >= 1
        words = document[0].get_textpage().get_text_range()
        assert "Closer report" in words
        gray = document[0].render(scale=0.5, grayscale=True)
        inked = sum(1 for value in bytes(gray.buffer) if value < 200)
        assert inked > 2000  # text and charts, not a blank page
    finally:
        document.close()
    everything = "".join(document_text(pdf.content))
    assert "Cancelled dinner 0" in everything
    assert "Replied to Jo" not in everything


def font_names(data: bytes) -> set[str]:
    """The fonts a PDF's first page sets its text in (subset tags dropped)."""
    document = pypdfium2.PdfDocument(data)
    names = set()
    try:
        for item in document[0].get_objects():
            if item.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
                font = pdfium_c.FPDFTextObj_GetFont(item.raw)
                name = ctypes.create_string_buffer(256)
                pdfium_c.FPDFFont_GetBaseFontName(font, name, 256)
                names.add(name.value.decode().split("+")[-1])
    finally:
        document.close()
    return names


def document_text(data: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def test_a_note_that_is_not_theirs_or_not_there_is_refused(web: TestClient) -> None:
    missing = web.get("/api/v1/report", params={"format": "md", "note": 999})
    assert missing.status_code == 404
    wrong = web.get("/api/v1/report", params={"format": "docx"})
    assert wrong.status_code == 422


def test_a_note_id_beyond_what_the_database_holds_is_a_clear_422(
    web: TestClient,
) -> None:
    huge = "37710809384127135972589568"  # found by the fuzz suite: was a 500
    for path in ("/api/v1/report", "/insights/report"):
        answer = web.get(path, params={"format": "md", "note": huge})
        assert answer.status_code == 422, (path, answer.text)
    assert "note" in web.get("/api/v1/report", params={"note": huge}).text


def test_the_report_leads_with_safety_and_keeps_dark_words_unless_ticked(
    web: TestClient,
) -> None:
    took = web.post(
        "/api/v1/checks/phq9", json={"answers": [1, 1, 2, 1, 0, 1, 0, 0, 2]}
    )
    assert took.status_code == 201, took.text
    dark = log(web, 2, "I want to kill myself, I keep thinking about it")
    log(web, 3, "Skipped the call with Jo")
    text = web.get("/api/v1/report", params={"format": "md"}).text
    safety = text.index("## Safety")
    assert safety < text.index("## Self-checks")
    assert "question 9" in text
    assert "“More than half the days” (2)" in text
    assert "1 moment noted in this period holds words of suicide or self-harm" in text
    assert "I want to kill myself" not in text  # not ticked
    for empty in ("No self-checks", "None were chosen", "Nothing noted yet"):
        assert empty not in text
    ticked = web.get("/api/v1/report", params={"format": "md", "note": dark}).text
    assert "I want to kill myself" in ticked
    pdf = web.get("/api/v1/report", params={"format": "pdf"})
    words = "".join(document_text(pdf.content))
    assert "Safety" in words
    assert "question 9" in words


def test_a_report_with_nothing_to_flag_has_no_safety_section(web: TestClient) -> None:
    web.post("/api/v1/checks/phq9", json={"answers": [1, 1, 2, 1, 0, 1, 0, 0, 0]})
    log(web, 2, "Skipped the call with Jo")
    assert "## Safety" not in web.get("/api/v1/report", params={"format": "md"}).text
