"""reports.layout's thin wrappers over reportlab's Paragraph: same lines as Paragraph, measured once per width."""

from __future__ import annotations

import io

from reportlab.platypus import Paragraph, SimpleDocTemplate

from cga_desk.reports.layout import Para, run_in, styles

WORDS = "Lawton IADL, Shopping: option 4 → 2 (Completely unable to shop → Shops independently) " * 6


def _lines(p: Paragraph, width: float) -> list[str]:
    p.wrap(width, 1000)
    return [" ".join(line[1]) for line in p.blPara.lines]


def test_para_breaks_lines_as_paragraph_and_again_at_a_new_width() -> None:
    st = styles(8)
    para, plain = Para(WORDS, st.body), Paragraph(WORDS, st.body)
    for width in (300, 300, 120, 300):
        assert para.wrap(width, 1000) == plain.wrap(width, 1000)
        assert _lines(para, width) == _lines(plain, width)


def test_para_measures_once_per_width(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = []
    original = Paragraph.breakLines
    monkeypatch.setattr(Paragraph, "breakLines", lambda self, widths: calls.append(widths) or original(self, widths))
    para = Para(WORDS, styles(8).body)
    para.wrap(300, 1000)
    para.wrap(300, 50)  # a table asks again to draw the cell, or on the next page
    para.wrap(200, 1000)
    assert len(calls) == 2


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
