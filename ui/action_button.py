"""A page's push button whose keyboard shortcut reacts at once, and which the main
window's "Actions" menu lists for the page in front.

A button's own shortcut animates the click first (about 100 ms later), so the shortcut
lives on a QAction of the page (active while the focus is anywhere on it) and the
button shows it in its tooltip. The action follows the button: disabled or hidden with
it, so the menu offers what the page offers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

PAGE_ACTION = "pageAction"  # the property that marks a page's actions for the menu


class PageButton(QPushButton):
    def __init__(self, text: str, action: QAction) -> None:
        super().__init__(text)
        self.action = action

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange:
            self.action.setEnabled(self.isEnabled())
        super().changeEvent(event)

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        self.action.setVisible(visible)


def action_button(
    page: QWidget, name: str, text: str, shortcut: str, slot: Callable[[], None]
) -> QPushButton:
    plain = text.replace("&", "").rstrip()
    action = QAction(plain, page)
    action.setObjectName(f"{name}Action")
    action.setProperty(PAGE_ACTION, True)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    button = PageButton(text, action)
    button.setObjectName(f"{name}Button")
    button.setAccessibleName(plain.rstrip("…").rstrip())
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        button.setToolTip(f"{plain.rstrip('…').rstrip()} ({shortcut})")
    action.triggered.connect(slot)  # disabled with the button (PageButton)
    page.addAction(action)
    button.clicked.connect(slot)
    return button
