"""Scanner input wherever the focus is: a handheld scanner types a whole code in a burst
of keystrokes a few milliseconds apart, ended by Enter or Tab.

While the check-in screen is shown, keystrokes aimed at other widgets are held back for
a moment: if they turn out to be a burst ending in Enter/Tab, the code goes to the scan
(and nowhere else); if not -- a person typing -- they are delivered where they were
going, a few tens of milliseconds late.
"""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

BURST_GAP = 0.04  # s between two keys of a scanner burst (people need more than 50 ms)
HOLD_MS = 60  # how long keys are held back before they count as typing
MIN_LENGTH = 4  # shorter bursts are not codes
ENDS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


class ScannerCapture(QObject):
    scanned = Signal(str)

    def __init__(self, page: QWidget, scan_field: QWidget) -> None:
        super().__init__(page)
        self.page, self.scan_field = page, scan_field
        self.held: list[tuple[QObject, QKeyEvent, float]] = []
        self.replaying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HOLD_MS)
        self.timer.timeout.connect(self.release)

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.release()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or watched is not QApplication.focusWidget():
            return False  # each key passes the filter several times; take it once
        if watched is self.scan_field or not self.page.isVisible():
            return False
        if QApplication.activeModalWidget() is not None:
            return False  # a dialog is open: its keys are its own
        key = event.key()
        now = time.monotonic()
        if key in ENDS:
            if self._is_burst(now):
                code = "".join(e.text() for _, e, _ in self.held)
                self.held.clear()
                self.timer.stop()
                self.scanned.emit(code)
                return True
            self.release()
            return False
        text = event.text()
        if (
            not text
            or not text.isprintable()
            or event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self.release()
            return False
        copy = QKeyEvent(QEvent.Type.KeyPress, key, event.modifiers(), text)
        self.held.append((watched, copy, now))
        self.timer.start()
        return True

    def _is_burst(self, now: float) -> bool:
        if len(self.held) < MIN_LENGTH:
            return False
        times = [t for _, _, t in self.held] + [now]
        return all(b - a <= BURST_GAP for a, b in itertools.pairwise(times))

    def release(self) -> None:
        """Deliver held keys where they were going (a person typed them)."""
        held, self.held = self.held, []
        self.replaying = True
        try:
            for target, event, _ in held:
                QApplication.sendEvent(target, event)
                QApplication.sendEvent(
                    target,
                    QKeyEvent(QEvent.Type.KeyRelease, event.key(), event.modifiers(), event.text()),
                )
        finally:
            self.replaying = False
