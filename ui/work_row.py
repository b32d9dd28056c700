"""A progress bar and a cancel button for one background job at a time, hidden while
nothing runs: the job runs on a Worker owned by the row's parent, and its end is handed
to the callbacks on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from .workers import Worker


class WorkRow(QWidget):
    busy_changed = Signal(bool)

    def __init__(self, name: str, accessible: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.owner = parent
        self.worker: Worker | None = None
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{name}Progress")
        self.progress.setAccessibleName(accessible)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName(f"cancel{name[:1].upper()}{name[1:]}Button")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(
        self,
        job: Callable[..., Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        cancelled: Callable[[], None],
        message: str = "",
    ) -> None:
        """Run ``job(progress=..., cancelled=...)``; exactly one callback follows."""
        self.worker = Worker(job, self.owner)
        signals = self.worker.signals
        signals.progress.connect(self._progress)
        signals.finished.connect(lambda result: self._end(done, result))
        signals.failed.connect(lambda exc: self._end(failed, exc))
        signals.cancelled.connect(lambda: self._end(cancelled))
        self.progress.setRange(0, 0)  # busy until the job measures itself
        self.progress.setFormat(f"{message} %p %" if message else "%p %")
        self.cancel_button.setEnabled(True)
        self.show()
        self.cancel_button.setFocus()
        self.busy_changed.emit(True)
        self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(0, total))
        self.progress.setValue(done)

    def _end(self, callback: Callable, *result) -> None:
        self.worker = None
        self.hide()
        self.busy_changed.emit(False)
        callback(*result)
