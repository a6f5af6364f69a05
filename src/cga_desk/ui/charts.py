"""Trend charts (pyqtgraph): IMWG score with category bands, Katz, Lawton and CCI against visit date,
timepoint labels on the points and treatment milestones as labelled vertical lines."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..forms import registry, vocabulary
from ..i18n import QT_TRANSLATE_NOOP
from ..services.history import PatientHistory
from .language import translate
from .naming import named

# (score key, short axis label, title with its direction, y range): the IMWG score, then every instrument
# whose change from baseline is followed (forms.registry), each on its own plot.
SERIES = (
    (
        "imwg_score",
        "IMWG",
        "IMWG frailty score 0-5, higher = frailer (bands: fit 0 · intermediate 1 · frail ≥ 2)",
        (0, 5),
    ),
    *(
        (i.code, i.short_title, f"{i.short_title} {i.spec.min_total}-{i.spec.max_total}, {i.spec.direction}", i.y_range)
        for i in registry.INSTRUMENTS
        if i.change
    ),
)
SHORT_MILESTONES = {
    "induction_start": QT_TRANSLATE_NOOP("charts", "Induction"),
    "car_t_infusion": QT_TRANSLATE_NOOP("charts", "CAR-T"),
    "consolidation_start": QT_TRANSLATE_NOOP("charts", "Consolidation"),
    "maintenance_start": QT_TRANSLATE_NOOP("charts", "Maintenance"),
    "other": QT_TRANSLATE_NOOP("charts", "Other"),
}
POINT_KEY = QT_TRANSLATE_NOOP(
    "charts",
    "BL baseline · EoI end of induction · C+1 CAR-T + 1 month · EoC end of consolidation · FUn follow-up month n",
)
_SHORT_CODES = (  # marked for the catalogue: the points' short labels
    QT_TRANSLATE_NOOP("charts", "BL"),
    QT_TRANSLATE_NOOP("charts", "EoI"),
    QT_TRANSLATE_NOOP("charts", "C+1"),
    QT_TRANSLATE_NOOP("charts", "EoC"),
    QT_TRANSLATE_NOOP("charts", "U"),
    QT_TRANSLATE_NOOP("charts", "FU"),
    QT_TRANSLATE_NOOP("charts", "IMWG frailty score 0-5, higher = frailer (bands: fit 0 · intermediate 1 · frail ≥ 2)"),
)


def short_timepoint(label: str) -> str:
    fixed = {
        "Baseline": "BL",
        "End of induction": "EoI",
        "CAR-T + 1 month": "C+1",
        "End of consolidation": "EoC",
        "Unscheduled": "U",
    }
    if label in fixed:
        return translate("charts", fixed[label])
    if label.startswith("Follow-up month "):
        return translate("charts", "FU") + label.rsplit(" ", 1)[1]
    return label[:8]


def _series_short(key: str, short: str) -> str:
    return short if key == "imwg_score" else vocabulary.short_title(registry.BY_CODE[key])


def _series_title(key: str, title: str) -> str:
    """A chart's title in the window's language ("Katz ADL 0-6, higher = more independent")."""
    if key == "imwg_score":
        return translate("charts", title)
    inst = registry.BY_CODE[key]
    return f"{vocabulary.short_title(inst)} {inst.spec.min_total}-{inst.spec.max_total}, {vocabulary.direction(inst)}"


BANDS = (
    (-0.5, 0.5, (46, 125, 50, 40), "fit"),
    (0.5, 1.5, (178, 106, 0, 40), "intermediate"),
    (1.5, 5.5, (198, 40, 40, 40), "frail"),
)


def stamp(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp()


def _value(row: Any, key: str) -> Any:
    s = row.visit.scores
    if key == "imwg_score":
        return s["imwg"]["score"] if s.get("imwg") else None
    return registry.BY_CODE[key].total_of(s)


class TrendCharts(QWidget):
    """Four stacked plots sharing the date axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self.pg = pg
        named(self, "trends.charts", translate("TrendCharts", "Charts of the scores over time"))
        layout = QVBoxLayout(self)
        self.plots: list[Any] = []
        for key, short, title, (lo, hi) in SERIES:
            plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
            named(plot, f"trends.chart.{key}", _series_title(key, title))
            plot.setLabel("left", _series_short(key, short))
            plot.setTitle(_series_title(key, title), size="9pt")
            plot.setYRange(lo, hi, padding=0.08)
            plot.setMouseEnabled(x=True, y=False)
            plot.setMinimumHeight(150)
            if self.plots:
                plot.setXLink(self.plots[0])
            layout.addWidget(plot)
            self.plots.append(plot)
        key_label = QLabel(translate("charts", POINT_KEY), self)
        key_label.setWordWrap(True)
        layout.addWidget(key_label)

    def show_history(self, history: PatientHistory) -> None:
        pg = self.pg
        for (key, _, _, (lo, hi)), plot in zip(SERIES, self.plots):
            plot.clear()
            if key == "imwg_score":
                for a, b, rgba, _word in BANDS:
                    band = pg.LinearRegionItem(
                        values=(a, b), orientation="horizontal", movable=False, brush=pg.mkBrush(*rgba)
                    )
                    band.setZValue(-10)
                    plot.addItem(band)
            points = [(stamp(r.visit.visit_date), _value(r, key), r) for r in history.rows]
            known = [(x, y, r) for x, y, r in points if y is not None]
            # An optional instrument (G8) never recorded for this patient gets no empty plot.
            plot.setVisible(bool(known) or key == "imwg_score" or registry.BY_CODE[key].required)
            if known:
                plot.plot(
                    [x for x, _, _ in known],
                    [y for _, y, _ in known],
                    pen=pg.mkPen((30, 60, 140), width=2),
                    symbol="o",
                    symbolSize=8,
                    symbolBrush=(30, 60, 140),
                )
                ymax = max(hi, max(y for _, y, _ in known))
                plot.setYRange(lo, ymax, padding=0.1)
            for x, y, r in known if key == "imwg_score" else ():
                text = pg.TextItem(short_timepoint(r.visit.timepoint), color=(40, 40, 40), anchor=(0, 0.5), angle=50)
                text.setPos(x, y + 0.15)
                plot.addItem(text)
            for m in history.patient.milestones:
                plot.addItem(
                    pg.InfiniteLine(
                        pos=stamp(m.date),
                        angle=90,
                        pen=pg.mkPen((120, 120, 120), style=self._dash()),
                        label=translate("charts", SHORT_MILESTONES.get(m.kind, m.kind))
                        if key == SERIES[2][0]
                        else None,
                        labelOpts={
                            "position": 0.05,
                            "color": (80, 80, 80),
                            "rotateAxis": (1, 0),
                            "anchors": [(0, 1), (0, 1)],
                        },
                    )
                )

    @staticmethod
    def _dash() -> Any:
        from PySide6.QtCore import Qt

        return Qt.PenStyle.DashLine
