"""Date and time fields that take what is typed.

A QDateEdit edits its sections in place: selecting all and typing "05.09.2024" gave
01.09.2024. These are line edits instead: whatever is typed is read whole when the
field is left (DD.MM.YYYY, 5.9.24, 2024-09-05; 9:30, 930, 9 Uhr), a calendar pop-up
(button or Alt+Down) picks a date, and a text that is no date stays as typed and is
marked -- never silently replaced by another value."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from regdesk.text import format_date, parse_date, parse_time

from .field_form import INVALID_STYLE


class _TypedField(QLineEdit):
    """A line edit read whole when left; ``value()`` is None while the text is no value."""

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last: object = None
        self.editingFinished.connect(self._settle)

    def parse(self, text: str):
        raise NotImplementedError

    def show_value(self, value) -> str:
        raise NotImplementedError

    def value(self):
        """What the text says, or None (empty, or not a value)."""
        try:
            return self.parse(self.text()) if self.text().strip() else None
        except ValueError:
            return None

    def is_valid(self) -> bool:
        """Empty or a value: a typed text that is neither is not."""
        return not self.text().strip() or self.value() is not None

    def set_value(self, value) -> None:
        self.setText("" if value is None else self.show_value(value))
        self._settle()

    def _settle(self) -> None:
        """Left (or Return): a readable text is shown in the standard form; the rest
        stays as typed, marked, for the save to name."""
        value = self.value()
        if value is not None:
            shown = self.show_value(value)
            if shown != self.text():
                self.setText(shown)
        self.setStyleSheet("" if self.is_valid() else INVALID_STYLE)
        if value != self._last:
            self._last = value
            self.value_changed.emit()


class DateField(QWidget):
    """A date as typed, with a calendar pop-up; ``date()`` is None while it is no date."""

    dateChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _DateEdit(self)
        self.edit.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.edit.value_changed.connect(self.dateChanged)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setObjectName("calendarButton")
        self.button.setAccessibleName(self.tr("Choose from the calendar"))
        self.button.setToolTip(self.tr("Choose from the calendar (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it from the text
        self.button.clicked.connect(self.show_calendar)
        self.edit.calendar_requested.connect(self.show_calendar)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("calendarPopup")
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.popup = QMenu(self)
        holder = QWidgetAction(self.popup)
        holder.setDefaultWidget(self.calendar)
        self.popup.addAction(holder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    # the field's text is what the form marks and names
    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setStyleSheet(self, sheet: str) -> None:
        self.edit.setStyleSheet(sheet)

    def date(self) -> date | None:
        return self.edit.value()

    def setDate(self, value: date | QDate | None) -> None:
        self.edit.set_value(value.toPython() if isinstance(value, QDate) else value)

    def text(self) -> str:
        return self.edit.text()

    def is_valid(self) -> bool:
        return self.edit.is_valid()

    def show_calendar(self) -> None:
        current = self.date() or date.today()
        self.calendar.setSelectedDate(QDate(current))
        self.popup.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.popup.hide()
        self.setDate(picked.toPython())
        self.edit.setFocus()


class _DateEdit(_TypedField):
    calendar_requested = Signal()

    def parse(self, text: str) -> date:
        value = parse_date(text)
        if not 2000 <= value.year <= 2100:
            raise ValueError(text)
        return value

    def show_value(self, value: date) -> str:
        return format_date(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.calendar_requested.emit()
            return
        super().keyPressEvent(event)


class TimeField(_TypedField):
    """A time of day as typed: 9:30, 09.30, 930, 9 Uhr."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("HH:MM"))
        self.setMaxLength(10)

    def parse(self, text: str) -> time:
        return parse_time(text)

    def show_value(self, value: time) -> str:
        return f"{value:%H:%M}"

    def time(self) -> time | None:
        return self.value()

    def setTime(self, value: time | None) -> None:
        self.set_value(value)
