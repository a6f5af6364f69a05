"""The reports' own line breaking (reports.textflow) against reportlab's Paragraph, and how a text block splits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from cga_desk.reports.fonts import FONT, FONT_BOLD
from cga_desk.reports.layout import styles, text
from cga_desk.reports.textflow import TextBlock, break_lines, cell_text, plain, words_of

VOCABULARY = [
    "Katz",
    "ADL,",
    "Bathing:",
    "independent",
    "→",
    "dependent;",
    "Lawton",
    "IADL,",
    "option",
    "1",
    "3",
    "(Operates",
    "the",
    "telephone",
    "on",
    "own",
    "initiative)",
    "Charlson",
    "CCI,",
    "présent",
    "Ελένη",
    "Наталья",
    "≥",
    "2",
    "frail",
    "“▼",
    "declined”",
    "—",
    "x",
]
ITEM = (
    "Katz ADL, Bathing: independent → dependent; Lawton IADL, Ability to use the telephone: option 1 → 3 "
    "(Operates the telephone on own initiative, looks up and dials numbers → Answers but does not dial); "
    "Lawton IADL, Shopping: option 4 → 2 (Completely unable to shop → Shops independently for small purchases "
    "only); Charlson CCI, Peptic ulcer disease: present → absent"
) * 2


def _paragraph_lines(paragraph: Paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 10_000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [" ".join(words) for _, words in lines]
    return [" ".join("".join(getattr(f, "text", "") for f in line.words).split()) for line in lines]


def _block_lines(block: TextBlock, width: float) -> list[str]:
    block.wrap(width, 10_000)
    return [" ".join(w for _, w in line.words) for line in block.lines]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=80),
    st.floats(60, 740),
    st.sampled_from([6.5, 7, 8, 8.5]),
)
def test_plain_text_breaks_where_a_paragraph_breaks(words: list[str], width: float, size: float) -> None:
    style = styles(size).body
    content = " ".join(words)
    assert _block_lines(plain(content, style), width) == _paragraph_lines(Paragraph(text(content), style), width)


def test_a_bold_head_then_text_breaks_where_a_paragraph_breaks() -> None:
    style = styles(8).item
    head = "2017-04-08 End of consolidation (baseline 2016-08-06):"
    block = TextBlock(words_of(head, FONT_BOLD) + words_of(ITEM, FONT), style)
    for width in (300, 520, 750.5):
        assert _block_lines(block, width) == _paragraph_lines(Paragraph(f"<b>{head}</b> {text(ITEM)}", style), width)


def test_a_block_splits_by_whole_lines_and_keeps_every_word_in_order() -> None:
    style = styles(8).item
    block = plain(ITEM, style)
    _, height = block.wrap(400, 10_000)
    lines = len(block.lines)
    assert lines >= 5 and height == lines * style.leading
    first, rest = block.split(400, 3.5 * style.leading)
    assert first.wrap(400, 10_000)[1] == 3 * style.leading
    rest.wrap(400, 10_000)
    assert [w for _, w in first.words + rest.words] == ITEM.split()
    assert not rest.first  # the continuation has no hanging first-line indent
    assert block.split(400, 1.5 * style.leading) == []  # a single orphan line moves on with the rest
    assert block.split(400, lines * style.leading) == [block]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY + ["Nachuntersuchungszeitpunkt", "consolidation"]), min_size=1, max_size=12),
    st.floats(20, 130),
)
def test_a_table_cell_breaks_where_a_paragraph_in_the_cell_broke(words: list[str], width: float) -> None:
    content = " ".join(words)
    cell = cell_text(content, FONT, 7, width)
    assert cell.split("\n") == _paragraph_lines(Paragraph(text(content), styles(8).cell), width)
    assert all(cell.split("\n"))  # no empty line
    assert "".join(cell.split()) == "".join(words)  # every character, in order


def test_a_word_wider_than_the_line_is_cut_into_pieces_that_fit() -> None:
    lines = break_lines(words_of("Nachuntersuchungszeitpunkt", FONT), 7, [30])
    assert len(lines) > 1 and all(line.width <= 30 for line in lines)
    assert "".join(w for line in lines for _, w in line.words) == "Nachuntersuchungszeitpunkt"
    after = break_lines(words_of("review Nachuntersuchungszeitpunkt", FONT), 7, [60])
    assert after[0].words[0][1] == "review" and len(after[0].words) == 2  # the cut starts on the same line
