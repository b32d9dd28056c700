"""Widgets wide enough for their text: a dialog for its window title, a field for its
placeholder. Layouts size widgets for what they hold, not for these two."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

TITLE_ROOM = 140  # the window manager's icon and buttons beside the title
FIELD_ROOM = 16  # a line edit's frame and text margins
ARROW_ROOM = 36  # a combo box's arrow besides


class _OpenSize(QObject):
    """Widens its window on showing to what its title needs and to the size asked for
    (never narrows it). Unlike setMinimumSize this leaves the window's layout in charge
    of the minimum, so a wider text in another language never squeezes the content."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("openSize")
        self.width = self.height = 0
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            width = max(watched.width(), self.width, title_width(watched))
            height = max(watched.height(), self.height)
            if (width, height) != (watched.width(), watched.height()):
                watched.resize(width, height)
        return False


def _open_size(window: QWidget) -> _OpenSize:
    return window.findChild(_OpenSize, "openSize") or _OpenSize(window)


def title_width(window: QWidget) -> int:
    return window.fontMetrics().horizontalAdvance(window.windowTitle()) + TITLE_ROOM


def fit_title(window: QWidget, title: str) -> None:
    """Set the window's title, and open it wide enough to show it whole."""
    window.setWindowTitle(title)
    _open_size(window)


def open_at_least(window: QWidget, width: int, height: int = 0) -> None:
    """Open the window at least this large (more where its content or title needs it)."""
    size = _open_size(window)
    size.width, size.height = width, height


def placeholder(edit: QLineEdit, text: str, holder: QWidget | None = None) -> None:
    """Set the field's placeholder, and keep the field (or the combo box holding it) wide
    enough to show it whole."""
    edit.setPlaceholderText(text)
    widget = holder or edit
    room = FIELD_ROOM + (ARROW_ROOM if isinstance(widget, QComboBox) else 0)
    need = edit.fontMetrics().horizontalAdvance(text) + room
    widget.setMinimumWidth(max(widget.minimumWidth(), need))
