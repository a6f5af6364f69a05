"""The one helper for long work off the GUI thread: with a progress dialog (demo data, export, PDF) or
quietly, where the window already says what it is waiting for (opening the store at start-up)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from .naming import named

Progress = Callable[[int, int], None]


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn, self.signals = fn, signals

    def run(self) -> None:
        try:
            result = self.fn(lambda done, total: self._emit(self.signals.progress, done, total))
        except BaseException as error:  # noqa: BLE001 - handed back to the GUI thread, which decides
            self._emit(self.signals.failed, error)
            return
        self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        """Emit, unless the page that asked has gone meanwhile (window closed while a cohort summary was
        computed): then there is no one to tell, and no traceback from the worker thread."""
        try:
            signal.emit(*args)
        except RuntimeError:  # "Signal source has been deleted"
            pass


def run_in_background(
    parent: QWidget,
    label: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> _Signals:
    """Run fn(progress) on the thread pool; a modal progress dialog shows how far it is."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    named(dialog, "progress", label)  # it has no title: spoken by what it does
    dialog.show()

    def on_finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def on_failed(error: BaseException) -> None:
        dialog.close()
        on_error(error)

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    return run_off_thread(parent, fn, on_finished, on_failed, on_progress)


def run_off_thread(
    parent: QObject,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Progress | None = None,
) -> _Signals:
    """Run fn(progress) on the thread pool without a dialog; on_done(result) or on_error(error), and
    on_progress(done, total), are called on the GUI thread (queued signals: nothing polls). Everything
    is connected before the job starts, so no signal is missed. `QThreadPool.globalInstance().waitForDone()`
    waits for it."""
    signals = _Signals(parent)
    signals.done.connect(on_done)
    signals.failed.connect(on_error)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Job(fn, signals))
    return signals
