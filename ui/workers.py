"""Background work on QThreadPool: a worker runs a function off the GUI thread and reports
progress, result, error or cancellation by signal. No worker touches a widget."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Worker(QRunnable):
    """Runs ``fn(progress=..., cancelled=...)``; the function opens its own session.

    ``fn`` raises any exception to report failure; if it raises after ``cancel()`` was
    called, the worker reports ``cancelled`` instead.
    """

    def __init__(self, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the owner keeps it until its signals have arrived

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(progress=self.signals.progress.emit, cancelled=self.is_cancelled)
        except BaseException as exc:  # reported to the GUI thread, never swallowed
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
                self.signals.failed.emit(exc)
            return
        if self._cancel.is_set():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)
