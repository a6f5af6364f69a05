"""reports.layout.run_in: a bold run-in head drawn as Paragraph bullet text prints before its text."""

from __future__ import annotations

import io

from reportlab.platypus import SimpleDocTemplate

from cga_desk.reports.layout import run_in, styles

WORDS = "Lawton IADL, Shopping: option 4 → 2 (Completely unable to shop → Shops independently) " * 6


def test_a_run_in_head_prints_before_its_text_and_a_long_head_still_prints() -> None:
    st = styles(8)
    out = io.BytesIO()
    long_head = "2024-01-01 " + "Very long timepoint name " * 6 + "(baseline 2023-01-01):"
    story = [run_in("2024-01-01 Baseline & more:", WORDS, st.item), run_in(long_head, WORDS, st.item)]
    SimpleDocTemplate(out).build(story)
    from pypdf import PdfReader

    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "2024-01-01 Baseline & more: Lawton IADL, Shopping" in text
    assert "Very long timepoint name (baseline 2023-01-01): Lawton IADL" in text
