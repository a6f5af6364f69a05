"""Stacked bars of IMWG categories per timepoint, with n above each bar (pyqtgraph, loaded lazily)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..forms import messages
from .charts import short_timepoint
from .language import translate

STACK = (("fit", "fit"), ("intermediate", "intermediate"), ("frail", "frail"), ("incomplete", None))


class CategoryChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self.pg = pg
        self.plot = pg.PlotWidget()
        self.plot.setAccessibleName("cohort.chart")
        self.plot.setTitle(
            translate("CategoryChart", "IMWG category at each timepoint (number of visits above each bar)"), size="9pt"
        )
        self.plot.setLabel("left", translate("CategoryChart", "visits"))
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.addLegend(offset=(-10, 10))
        self.plot.setMinimumHeight(260)
        QVBoxLayout(self).addWidget(self.plot)

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
        for x, top, n in zip(xs, bottom, categories["n"]):
            text = pg.TextItem(str(int(n)), color=(30, 30, 30), anchor=(0.5, 1))
            text.setPos(x, top)
            self.plot.addItem(text)
        self.plot.getAxis("bottom").setTicks([[(x, short_timepoint(t)) for x, t in zip(xs, labels)]])
        self.plot.setYRange(0, max(bottom + [1]) * 1.15)
