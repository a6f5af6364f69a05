"""The physician's view of the points (issue 18 item 5), on the patient page: the IMWG points of the
baseline and of the selected visit side by side, each with the answers that earned them, and the item
changes since baseline in words, grouped under the score they moved. The rules are forms/points.py,
forms/imwg.py and forms/change.py; this widget only lays their results out."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..domain.records import VisitView
from ..forms import messages, points, registry, vocabulary
from ..i18n import format_date
from ..services.history import HistoryRow
from .language import translate
from .naming import named
from .style import category_text


def _answers(v: VisitView) -> dict[str, Any]:
    return {k: s.answers for k, s in v.instruments.items() if not s.not_assessable_reason}


def _component_title(component: str) -> str:
    return vocabulary.short_title(registry.BY_CODE[points.INSTRUMENT_OF[component]])


class PointsPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "patient.points", translate("PointsPanel", "IMWG points of the baseline and of the selected visit"))
        self.setOpenLinks(False)
        self.setToolTip(translate("PointsPanel", "IMWG points of the baseline and of the selected visit"))
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )

    def show_rows(self, row: HistoryRow | None, baseline: HistoryRow | None, selected: bool = True) -> None:
        """The points of `row` beside its baseline's; `selected`: the user chose that visit (else it is the
        latest with a score, shown while nothing is selected, and is called so)."""
        if row is None:
            self.setHtml(html.escape(translate("PointsPanel", "No visit to show the IMWG points of.")))
            return
        columns = []
        if baseline is not None and baseline.visit.id != row.visit.id:
            columns.append(self._column(translate("PointsPanel", "Baseline"), baseline.visit))
        columns.append(
            self._column(
                translate("PointsPanel", "Baseline (this visit)")
                if baseline is not None and baseline.visit.id == row.visit.id
                else translate("PointsPanel", "Selected visit")
                if selected
                else translate("PointsPanel", "Latest visit with a score"),
                row.visit,
            )
        )
        table = (
            "<table width='100%' cellspacing='0' cellpadding='4'><tr>"
            + "".join(f"<td valign='top' width='{100 // len(columns)}%'>{c}</td>" for c in columns)
            + "</tr></table>"
        )
        self.setHtml(table + self._changes(row, baseline))

    def _column(self, which: str, v: VisitView) -> str:
        head = translate("PointsPanel", "{which}: {timepoint}, {date}").format(
            which=which, timepoint=vocabulary.timepoint(v.timepoint), date=format_date(v.visit_date)
        )
        imwg = v.scores.get("imwg")
        parts = [f"<b>{html.escape(head)}</b><br>"]
        if not imwg:
            parts.append(html.escape(translate("PointsPanel", "IMWG frailty score: incomplete")))
            return "".join(parts)
        parts.append(
            "<b>"
            + html.escape(
                translate("PointsPanel", "IMWG frailty score {score}/5: {category}").format(
                    score=imwg["score"], category=category_text(imwg["category"])
                )
            )
            + "</b>"
        )
        for c in points.imwg_components(v.scores, _answers(v)):
            line = messages.provenance_line(c.provenance)  # "Age 77 (76-80) → +1" names itself
            if c.instrument is not None:
                line = f"{_component_title(c.component)} · {line}"
            parts.append(f"<br>{html.escape(line)}")
            if c.instrument is not None and c.answers:
                earned = translate("PointsPanel", "; ").join(
                    translate("PointsPanel", "{item}: {answer}").format(
                        item=vocabulary.instrument_text(
                            c.instrument, registry.BY_CODE[c.instrument].spec.item(item).label
                        ),
                        answer=messages.short_answer(messages.answer_words(c.instrument, item, answer)),
                    )
                    for item, answer in c.answers
                )
                label = (
                    translate("PointsPanel", "earned by: {answers}")
                    if c.points
                    else translate("PointsPanel", "counting towards it: {answers}")
                )
                parts.append(f"<br>&nbsp;&nbsp;&nbsp;<i>{html.escape(label.format(answers=earned))}</i>")
        return "".join(parts)

    def _changes(self, row: HistoryRow, baseline: HistoryRow | None) -> str:
        if baseline is None or baseline.visit.id == row.visit.id:
            return ""
        groups = points.changes_by_score(row.change.item_changes)
        title = translate("PointsPanel", "Answers changed since the baseline, under the score they moved")
        if not groups:
            none = translate("PointsPanel", "No answer changed.")
            return f"<p><b>{html.escape(title)}</b><br>{html.escape(none)}</p>"
        out = [f"<p><b>{html.escape(title)}</b>"]
        for code, changes in groups.items():
            out.append("<br><b>" + html.escape(self._score_move(code, baseline.visit, row.visit)) + "</b>")
            out += [f"<br>&nbsp;&nbsp;• {html.escape(messages.item_change_marked(c))}" for c in changes]
        return "".join(out) + "</p>"

    @staticmethod
    def _score_move(code: str, before: VisitView, after: VisitView) -> str:
        inst = registry.BY_CODE[code]
        was, now = inst.total_of(before.scores), inst.total_of(after.scores)
        move = f"{vocabulary.short_title(inst)} {'—' if was is None else was} {messages.ARROW} {'—' if now is None else now}"
        component = points.COMPONENT_OF.get(code)
        if component is None:
            return translate("PointsPanel", "{move} (not part of the IMWG score)").format(move=move)
        pts = [(v.scores.get("imwg") or {}).get("points", {}).get(component) for v in (before, after)]
        return translate("PointsPanel", "{move} · its IMWG point {before} {arrow} {after}").format(
            move=move,
            before="—" if pts[0] is None else f"+{pts[0]}",
            arrow=messages.ARROW,
            after="—" if pts[1] is None else f"+{pts[1]}",
        )
