"""The statistics charts, drawn by pyqtgraph (PySide6-Essentials ships no QtCharts).

A chart is read, not explored: no zoom, no pan, no context menu; each bar carries its number so nobody
has to read it off the axis. Category charts lie on their side, so Chinese team and department names
stay horizontal and whole. A click on a bar (or Tab to the chart, arrows to the bar, Enter) asks for the
cases behind it (`barActivated`).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.qt_compat import emit

BAR = QColor("#3a78c9")
CURRENT = QColor("#1d3f6e")  # the bar the arrow keys are on
TEXT = QColor("#2b3440")
AXIS = QColor("#8a94a3")
ROW_PX = 26  # the height of one bar of a category chart
MAX_CATEGORIES = 12  # the rest is summed into one bar, so a long tail stays readable

pg.setConfigOptions(antialias=True, background="w", foreground=TEXT)


class _Plot(pg.PlotWidget):
    """A chart's frame. Each chart lays its bars out its own way and provides `_bar_item(indexes, colour)`
    (the bars drawn), `bar_centre(index)` (where a bar's middle is, in plot coordinates) and `_bar_at(point)`
    (which bar a plot point is on)."""

    barActivated = Signal(int)  # the index of the bar, in the order of `values`

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.current = -1
        self._mark: pg.BarGraphItem | None = None
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setFrameShape(QFrame.Shape.NoFrame)
        item = self.getPlotItem()
        item.showGrid(x=False, y=False)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(AXIS))
            axis.setTextPen(pg.mkPen(TEXT))
            axis.setTickFont(QFont(self.font()))
        self.values: list[tuple[str, float]] = []  # what is drawn, for tests and screen readers
        self.scene().sigMouseClicked.connect(self._clicked)

    def _clear(self) -> None:
        self.getPlotItem().clear()
        self.current, self._mark = -1, None

    def bar_position(self, index: int):
        """The widget position of bar `index`'s middle (to click it in tests)."""
        scene = self.getPlotItem().vb.mapViewToScene(self.bar_centre(index))
        return self.mapFromScene(scene)

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.values:
            return
        box = self.getPlotItem().vb
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return
        index = self._bar_at(box.mapSceneToView(event.scenePos()))
        if 0 <= index < len(self.values):
            self._set_current(index)
            emit(self.barActivated, index)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self.values and self.current < 0:  # Tab arrived: show which bar Enter would open
            self._set_current(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        n = len(self.values)
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}.get(event.key())
        if n and step is not None:
            self._set_current(min(n - 1, max(0, self.current + step)) if self.current >= 0 else 0)
        elif n and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current >= 0:
            emit(self.barActivated, self.current)
        else:
            super().keyPressEvent(event)

    def _set_current(self, index: int) -> None:
        item = self.getPlotItem()
        if self._mark is not None:
            item.removeItem(self._mark)
        self.current = index
        self._mark = self._bar_item([index], CURRENT)
        item.addItem(self._mark)


class MonthChart(_Plot):
    """Cases per month, upright bars in time order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(240)

    def set_rows(self, rows: list[tuple[str, float]]) -> None:
        self._clear()
        self.values = list(rows)
        item = self.getPlotItem()
        if not rows:
            return
        xs = list(range(len(rows)))
        heights = [v for _, v in rows]
        item.addItem(self._bar_item(xs, BAR))
        top = max(heights) or 1
        for x, h in zip(xs, heights, strict=True):
            if h:
                text = pg.TextItem(_number(h), color=TEXT, anchor=(0.5, 1.0))
                text.setPos(x, h + top * 0.02)
                item.addItem(text)
        step = 1 if len(rows) <= 13 else 2 if len(rows) <= 26 else max(1, len(rows) // 12)
        ticks = [(x, _month_tick(key)) for x, (key, _) in enumerate(rows) if x % step == 0]
        item.getAxis("bottom").setTicks([ticks, []])
        item.getAxis("left").setTicks(None)
        item.setXRange(-0.6, len(rows) - 0.4, padding=0)
        item.setYRange(0, top * 1.15, padding=0)

    def _bar_item(self, indexes: list[int], colour: QColor) -> pg.BarGraphItem:
        return pg.BarGraphItem(x=indexes, height=[self.values[i][1] for i in indexes], width=0.62, brush=colour,
                               pen=pg.mkPen(colour))

    def bar_centre(self, index: int) -> QPointF:
        return QPointF(index, self.values[index][1] / 2)

    def _bar_at(self, point: QPointF) -> int:
        return round(point.x())  # anywhere in the bar's column: a short bar is hard to hit


class CategoryChart(_Plot):
    """Counts per category (team, tumour type, department), largest on top, bars lying on their side."""

    def __init__(self, other: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._other = other  # the label of the bar that sums the long tail
        self.folded = False  # the last bar is that sum

    def set_rows(self, rows: list[tuple[str, float]]) -> None:
        self._clear()
        rows = list(rows)
        self.folded = len(rows) > MAX_CATEGORIES
        if self.folded:
            rest = sum(v for _, v in rows[MAX_CATEGORIES - 1:])
            rows = rows[:MAX_CATEGORIES - 1] + [(self._other, rest)]
        self.values = rows
        item = self.getPlotItem()
        self.setMinimumHeight(50 + ROW_PX * max(4, len(rows)))
        if not rows:
            return
        n = len(rows)
        ys = [n - 1 - i for i in range(n)]  # the first (largest) row on top
        widths = [v for _, v in rows]
        item.addItem(self._bar_item(list(range(n)), BAR))
        right = max(widths) or 1
        for y, w in zip(ys, widths, strict=True):
            text = pg.TextItem(_number(w), color=TEXT, anchor=(0.0, 0.5))
            text.setPos(w + right * 0.01, y)
            item.addItem(text)
        left = item.getAxis("left")
        names = [_short(name) for name, _ in rows]
        left.setTicks([list(zip(ys, names, strict=True)), []])
        # The axis does not grow to fit its labels: a label that does not fit is silently left out.
        metrics = QFontMetrics(left.style.get("tickFont") or self.font())
        left.setWidth(max(metrics.horizontalAdvance(n) for n in names) + 14)
        item.getAxis("bottom").setTicks(None)
        item.setYRange(-0.6, n - 0.4, padding=0)
        item.setXRange(0, right * 1.25, padding=0)  # room for the number after the bar

    def _bar_item(self, indexes: list[int], colour: QColor) -> pg.BarGraphItem:
        n = len(self.values)
        return pg.BarGraphItem(x0=0, y=[n - 1 - i for i in indexes], height=0.62,
                               width=[self.values[i][1] for i in indexes], brush=colour, pen=pg.mkPen(colour))

    def bar_centre(self, index: int) -> QPointF:
        return QPointF(self.values[index][1] / 2, len(self.values) - 1 - index)

    def _bar_at(self, point: QPointF) -> int:
        return len(self.values) - 1 - round(point.y())  # anywhere along the bar's row


class ChartCard(QFrame):
    """A chart under its title, in a card like the rest of the screen."""

    def __init__(self, title: str, chart: _Plot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsCard")
        self.chart = chart
        self.title = QLabel(title)
        self.title.setObjectName("statsCardTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(chart, 1)


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


def _short(name: str, limit: int = 12) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


def _month_tick(key: str) -> str:
    """"2026-01" as "26-01"; the year is what changes least, so it is kept short."""
    return key[2:] if len(key) == 7 else key
