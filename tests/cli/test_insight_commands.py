"""``closer insights`` and ``closer report`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pypdfium2

from tests.cli.conftest import Invoke, json_of


def log_month(invoke: Invoke) -> list[int]:
    ids = []
    for n in range(6):
        made = json_of(invoke("log", f"Said I was busy {n}", "--did", "busy-excuse",
                              "--felt", "ashamed:6", "--json"))  # fmt: skip
        ids.append(made["moment"]["id"])
    for n in range(5):
        invoke("log", f"Called Mum back {n}", "--did", "replied")
    return ids


def test_insights_in_words_and_as_json(invoke: Invoke) -> None:
    log_month(invoke)
    data = json_of(invoke("insights", "--json"))
    assert (data["moments"], data["stayed"], data["noted"]) == (11, 5, 11)
    assert any("When you felt ashamed" in i["sentence"] for i in data["insights"])
    said = " ".join(invoke("insights").stdout.split())
    assert "You stayed with the urge (moved toward someone) in 5 of 11 moments" in said
    assert "Moments per week" in said
    bad = invoke("insights", "--from", "last week")
    assert bad.exit_code == 1
    assert "Use a date like 2026-11-22 for --from" in bad.output


def test_a_report_as_pdf_and_markdown_with_one_chosen_note(
    invoke: Invoke, tmp_path: Path
) -> None:
    ids = log_month(invoke)
    pdf, md = tmp_path / "report.pdf", tmp_path / "report.md"
    made = json_of(invoke("report", "--pdf", str(pdf), "--markdown", str(md),
                          "--note", str(ids[2]), "--json"))  # fmt: skip
    assert made["notes"] == 1
    assert sorted(made["written"]) == sorted([str(pdf), str(md)])
    assert pdf.stat().st_mode & 0o777 == 0o600
    text = md.read_text()
    assert "Said I was busy 2" in text
    assert "Said I was busy 3" not in text
    document = pypdfium2.PdfDocument(pdf.read_bytes())
    try:
        assert "Closer report" in document[0].get_textpage().get_text_range()
    finally:
        document.close()
    nowhere = invoke("report")
    assert "Say where the report goes" in nowhere.output
