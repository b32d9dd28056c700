"""A page's push button whose keyboard shortcut reacts at once.

A button's own shortcut animates the click first (about 100 ms later), so the shortcut
lives on a QAction of the page (active while the focus is anywhere on it) and the
button shows it in its tooltip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget


def action_button(
    page: QWidget, name: str, text: str, shortcut: str, slot: Callable[[], None]
) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(f"{name}Button")
    plain = text.replace("&", "").rstrip("…").rstrip()
    button.setAccessibleName(plain)
    if shortcut:
        action = QAction(page)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        page.addAction(action)
        button.setToolTip(f"{plain} ({shortcut})")
    button.clicked.connect(slot)
    return button
