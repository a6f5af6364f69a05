"""Plain text laid out by the reports themselves: cached word widths, greedy lines, a light flowable.

Why: reportlab's `Paragraph` parses markup and measures every word through `pdfmetrics` (pure Python
per character for a TrueType face) each time it is wrapped, then draws fragment by fragment. The
longitudinal report prints thousands of words of plain text (item changes, table cells) in two faces;
measuring each distinct word once and breaking lines by Paragraph's own rule (greedy at spaces, a
line may run over by 5 % of its spaces, which are then narrowed) gives the same page at a fraction of
the cost. Plain text only: anything with markup stays a Paragraph.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

Word = tuple[str, str]  # (font name, word)
Run = tuple[str, str]  # (font name, text): consecutive words in one face, with the spaces between them
SHRINK = ParagraphStyle("default").spaceShrinkage  # how far Paragraph lets a line run over (of its spaces)


class Line(NamedTuple):
    words: list[Word]
    width: float  # natural width: the words and the spaces between them (points)
    room: float  # the width the line may take (points)


@functools.lru_cache(maxsize=65536)
def _units(font: str, word: str) -> float:
    """Advance width of `word` in 1/1000 em: measured once per distinct (face, word)."""
    return stringWidth(word, font, 1000)


def text_width(text: str, font: str, size: float) -> float:
    """Width in points, computed as reportlab does (0.001 × size × units), so line breaks agree with it."""
    return 0.001 * size * _units(font, text)


def _split_long(word: Word, size: float, first: float, rest: float, after_words: bool) -> list[Word]:
    """A word wider than a line, cut as Paragraph's splitLongWords cuts it: the first piece fills the
    `first` points left on the current line (empty if nothing fits after other words), each further
    piece a line `rest` wide; a piece has at least one character."""
    font, chars = word
    pieces: list[Word] = []
    piece, room = "", first
    for char in chars:
        if text_width(piece + char, font, size) > room and (piece or after_words and not pieces):
            pieces.append((font, piece))
            piece, room = "", rest
        piece += char
    return pieces + [(font, piece)]


def break_lines(words: Sequence[Word], size: float, widths: Sequence[float], shrink: float = 0.0) -> list[Line]:
    """Greedy lines as reportlab's Paragraph makes them: a word goes on the line while the words and the
    spaces before them fit in the room, plus `shrink` × the spaces' width (Paragraph's spaceShrinkage);
    a word wider than a whole line is cut, its first piece ending the current line. `widths[i]` is the
    room on line i (the last value for later lines)."""
    scale, last = 0.001 * size, len(widths) - 1
    lines: list[Line] = []
    line: list[Word] = []
    used = spaces = 0.0
    room = widths[0]
    pending = list(reversed(words))
    while pending:
        font, text = word = pending.pop()
        width = scale * _units(font, text)
        space = scale * _units(font, " ") if line else 0.0
        if used + space + width > room + shrink * (spaces + space):
            cut = width > room and len(text) > 1
            if cut:
                head, *tail = _split_long(
                    word, size, room - used - space, widths[min(len(lines) + 1, last)], bool(line)
                )
                pending += reversed(tail)
                if head[1]:
                    line.append(head)
                    used += space + scale * _units(font, head[1])
            if line:
                lines.append(Line(line, used, room))
                line, used, spaces, space, room = [], 0.0, 0.0, 0.0, widths[min(len(lines), last)]
            if cut:
                continue
        line.append(word)
        used += space + width
        spaces += space
    return lines + [Line(line, used, room)] if line else lines


def words_of(text: str, font: str) -> list[Word]:
    return [(font, w) for w in text.split()]


def cell_text(text: str, font: str, size: float, width: float, shrink: float = SHRINK) -> str:
    """A table cell's text with its line breaks, for a plain-string cell (cheaper to lay out and draw
    than a Paragraph; the Table draws each line where a Paragraph's line would be). The breaks are a
    Paragraph's; a line it would have narrowed runs on by at most `shrink` × its few spaces (well under
    a point), into the cell's padding."""
    lines = break_lines(words_of(text, font), size, [width], shrink)
    return "\n".join(" ".join(w for _, w in line.words) for line in lines)


def runs(words: Sequence[Word]) -> list[Run]:
    """Consecutive words of one face joined with the spaces between them (the space before a word is
    in that word's face, as it was measured)."""
    out: list[list[str]] = []
    for i, (font, word) in enumerate(words):
        text = word if i == 0 else " " + word
        if out and out[-1][0] == font:
            out[-1][1] += text
        else:
            out.append([font, text])
    return [(font, text) for font, text in out]


def _joined(lines: Sequence[Line]) -> list[Word]:
    return [word for line in lines for word in line.words]


class TextBlock(Flowable):
    """Plain text in a ParagraphStyle's size, leading, indents, spacing and space shrinkage; words may
    change face (a bold head). Splits across frames by whole lines like a Paragraph (no orphan line)."""

    def __init__(self, words: Sequence[Word], style: ParagraphStyle, first: bool = True) -> None:
        super().__init__()
        self.words, self.style, self.first = list(words), style, first
        self.lines: list[Line] = []
        self._laid_out_for: float | None = None

    def _layout(self, width: float) -> list[Line]:
        if self._laid_out_for != width:
            s = self.style
            rest = width - s.leftIndent - s.rightIndent
            first = rest - (s.firstLineIndent if self.first else 0)
            self.lines = break_lines(self.words, s.fontSize, [first, rest], s.spaceShrinkage)
            self._laid_out_for = width
        return self.lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        self.width = availWidth
        self.height = self.style.leading * len(self._layout(availWidth))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        lines = self._layout(availWidth)
        fit = int(availHeight / self.style.leading)
        if fit <= 1 or not lines:  # an orphan first line (or none) moves on whole, as Paragraph does
            return []
        if fit >= len(lines):
            return [self]
        return [
            TextBlock(_joined(lines[:fit]), self.style, self.first),
            TextBlock(_joined(lines[fit:]), self.style, first=False),
        ]

    def draw(self) -> None:
        """One text object: a line moves down with T* (the leading), the origin is set only where the
        indent changes, the face only where it changes: few numbers to format, the same page."""
        s, text = self.style, self.canv.beginText()
        face, x, y = "", None, self.height - s.fontSize  # first baseline where Paragraph puts it
        for number, line in enumerate(self.lines):
            start = s.leftIndent + (s.firstLineIndent if number == 0 and self.first else 0)
            if start != x:
                text.setTextOrigin(start, y)
                x = start
            squeeze = line.width > line.room and len(line.words) > 1
            if squeeze:  # narrower spaces, as Paragraph does with a line that runs over
                text.setWordSpace((line.room - line.width) / (len(line.words) - 1))
            chunks = runs(line.words)
            for count, (font, chunk) in enumerate(chunks, start=1):
                if font != face:
                    text.setFont(font, s.fontSize, s.leading)
                    face = font
                if count < len(chunks):
                    text.textOut(chunk)  # measured: the cursor moves across to the next run
                else:
                    text.textLine(chunk)  # then T*: the start of the next line, one leading down
            if squeeze:
                text.setWordSpace(0)
            y -= s.leading
        self.canv.setFillColor(s.textColor)
        self.canv.drawText(text)


def plain(text: str, style: ParagraphStyle) -> TextBlock:
    """Plain text (no markup) in `style`: what Paragraph(escape(text), style) prints, laid out faster."""
    return TextBlock(words_of(text, style.fontName), style)
