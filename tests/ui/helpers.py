from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_dialog_opens(qtbot, handle: Callable[[QDialog], None], timeout_ms: int = 5000) -> list:
    """Run ``handle`` on the next modal dialog once it is shown (for code that calls exec())."""
    seen: list = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog not in seen and dialog.isVisible():
            seen.append(dialog)
            try:
                handle(dialog)
            except BaseException as exc:  # report, and close the dialog so exec() returns
                seen.append(exc)
                dialog.reject()
            return
        if timer.remainingTime() >= 0 or not seen:
            QTimer.singleShot(20, poll)

    timer = QTimer()
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
