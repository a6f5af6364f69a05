"""Stacked bars of IMWG categories per timepoint, with n above each bar (pyqtgraph, loaded lazily). The
timepoints' short names label every k-th bar, k chosen from the chart's width so that no two labels
touch (a clinic's long follow-up gives sixty timepoints); the n above a bar is left out where it would
touch its neighbour's (the table and the printed report have every count)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..forms import messages
from .charts import short_timepoint
from .language import translate
from .naming import named

STACK = (("fit", "fit"), ("intermediate", "intermediate"), ("frail", "frail"), ("incomplete", None))


class CategoryChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self.pg = pg
        self.plot = pg.PlotWidget()
        named(self.plot, "cohort.chart", translate("CategoryChart", "Chart of the IMWG category at each timepoint"))
        self.plot.setTitle(
            translate("CategoryChart", "IMWG category at each timepoint (number of visits above each bar)"), size="9pt"
        )
        self.plot.setLabel("left", translate("CategoryChart", "visits"))
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.addLegend(offset=(-10, 10))
        self.plot.setMinimumHeight(260)
        self.labels: list[str] = []
        self.counts: list[Any] = []  # the "n" text items, one per bar
        QVBoxLayout(self).addWidget(self.plot)

    def label_step(self) -> int:
        """Label every k-th bar: the smallest k at which the widest label, plus a gap, fits k bars' width."""
        if not self.labels:
            return 1
        axis = self.plot.getAxis("bottom")
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        widest = max(metrics.horizontalAdvance(short_timepoint(t)) for t in self.labels) + 8
        per_bar = max(1.0, axis.width() or self.width() - 60) / len(self.labels)
        return max(1, math.ceil(widest / per_bar))

    def _thin(self) -> None:
        step = self.label_step()
        ticks = [(x, short_timepoint(t)) for x, t in enumerate(self.labels) if x % step == 0]
        self.plot.getAxis("bottom").setTicks([ticks])
        for text in self.counts:
            text.setVisible(step == 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._thin()

    def show_counts(self, categories: Any, colours: dict[Any, str]) -> None:
        pg = self.pg
        self.plot.clear()
        labels = list(categories.index)
        xs = list(range(len(labels)))
        bottom = [0.0] * len(labels)
        for column, key in STACK:
            heights = [float(v) for v in categories[column]]
            words = messages.category_words(column if column in ("fit", "intermediate", "frail") else None)
            bars = pg.BarGraphItem(
                x=xs, height=heights, y0=bottom, width=0.7, brush=colours.get(key, "#9e9e9e"), name=words
            )
            self.plot.addItem(bars)
            bottom = [b + h for b, h in zip(bottom, heights)]
        self.counts = []
        for x, top, n in zip(xs, bottom, categories["n"]):
            text = pg.TextItem(str(int(n)), color=(30, 30, 30), anchor=(0.5, 1))
            text.setPos(x, top)
            self.plot.addItem(text)
            self.counts.append(text)
        self.labels = labels
        self._thin()
        self.plot.setYRange(0, max(bottom + [1]) * 1.15)
