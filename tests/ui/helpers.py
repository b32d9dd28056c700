from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog


def when_dialog_opens(
    qtbot, *handlers: Callable[[QDialog], None], timeout_ms: int = 5000, kind: type = QDialog
) -> list:
    """Answer the next modal dialogs (of ``kind``), one handler each, in order (for code
    that calls exec()). Returns the dialogs seen (and any exception a handler raised).
    Pollers for different kinds can run at once: one answers a dialog that another's
    handler opened."""
    seen: list = []
    pending = list(handlers)
    waiting: dict[int, float] = {}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog not in seen and dialog.isVisible():
            # handed over once active, as a desktop makes a new modal dialog (offscreen,
            # other windows' events can delay that a moment): at most a second's wait. Not
            # file dialogs: offscreen they may never be active, and meanwhile their folder
            # loads and takes the place of the one a handler sets
            waited = waiting.setdefault(id(dialog), time.monotonic())
            patient = not isinstance(dialog, QFileDialog)
            if patient and not dialog.isActiveWindow() and time.monotonic() - waited < 1:
                dialog.activateWindow()
                QTimer.singleShot(20, poll)
                return
            seen.append(dialog)
            handle = pending.pop(0)
            try:
                handle(dialog)
            except BaseException as exc:  # report, and close the dialog so exec() returns
                seen.append(exc)
                dialog.reject()
        if pending and timer.remainingTime() > 0:
            QTimer.singleShot(20, poll)
        else:
            timer.stop()
            timer.deleteLater()

    # Owned by the application: the closure holds the timer and the timer the closure, and
    # a garbage collection on a worker thread would otherwise delete a running timer there
    # ("Timers cannot be stopped from another thread"), which then fires into freed memory.
    timer = QTimer(QApplication.instance())
    timer.setSingleShot(True)
    timer.start(timeout_ms)
    QTimer.singleShot(20, poll)
    return seen


def show_active(qtbot, widget):
    """Show ``widget`` as the active window, so that shortcuts and mnemonics reach it."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, including letters beyond ASCII (ü, Ł, ş),
    for which QTest.keyClicks has no key code: those go as key events carrying the text."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
