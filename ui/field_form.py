"""Form rows with inline, field-specific error messages, shared by the dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color:#B3261E; font-weight:bold;"
INVALID_STYLE = "border: 2px solid #B3261E;"
BANNER_STYLE = (
    "background:#FDE2E1; color:#7A1712; border:1px solid #B3261E;"
    "border-radius:4px; padding:8px; font-weight:bold;"
)


class FieldForm:
    """A QFormLayout whose rows each have a hidden error label below the field."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.required: list[str] = []  # in form order: the labels marked " *"

    def add(
        self,
        name: str,
        label_text: str,
        widget: QWidget,
        tooltip: str = "",
        buddy: QWidget | None = None,
    ) -> QWidget:
        """``buddy``: what the label's Alt+letter focuses, when not ``widget`` itself (a
        compound widget takes no focus of its own)."""
        plain = label_text.replace("&", "").rstrip(" *")
        widget.setObjectName(f"field_{name}")
        widget.setAccessibleName(plain)
        if tooltip:
            widget.setToolTip(tooltip)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setAccessibleName(
            QCoreApplication.translate("FieldForm", "Problem with %1").replace("%1", plain)
        )
        error.hide()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        label = QLabel(label_text)
        label.setBuddy(buddy or widget)
        self.form.addRow(label, box)
        self.fields[name] = widget
        self.errors[name] = error
        if label_text.endswith("*"):
            self.required.append(name)
        return widget

    def missing(self) -> list[str]:
        """The required fields still empty, in form order."""
        return [name for name in self.required if not _filled(self.fields[name])]

    def say_missing(self) -> QWidget | None:
        """Mark the empty required fields ("This field is required."); returns the first."""
        message = QCoreApplication.translate("errors", "This field is required.")
        return self.show({name: [message] for name in self.missing()})

    def clear(self) -> None:
        for name, label in self.errors.items():
            label.hide()
            self.fields[name].setStyleSheet("")

    def show(self, by_field: dict[str, list[str]]) -> QWidget | None:
        """Show the messages under their fields; returns the first field with a problem."""
        first = None
        for name, messages in by_field.items():
            if name not in self.errors:
                continue
            self.errors[name].setText(" ".join(messages))
            self.errors[name].show()
            self.fields[name].setStyleSheet(INVALID_STYLE)
            first = first or self.fields[name]
        return first


def _filled(widget: QWidget) -> bool:
    if isinstance(widget, QPlainTextEdit):
        return bool(widget.toPlainText().strip())
    if isinstance(widget, QComboBox):
        return bool(widget.currentText().strip())
    text = getattr(widget, "text", None)
    return bool(text().strip()) if callable(text) else True


class ReturnMovesOn:
    """For a dialog with a FieldForm (``self.form``): Return in a field saves only when every
    required field is filled -- else the missing ones are named and the first gets the
    focus; the save then checks the rest. On a button Return does what the button does."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            focus = self.focusWidget()
            if not isinstance(focus, QAbstractButton):
                first = self.form.say_missing()
                if first is not None:
                    reveal = getattr(self, "reveal_field", None)
                    if reveal is not None:
                        reveal(first)  # on another tab: that tab first
                    first.setFocus()
                    event.accept()
                    return
        super().keyPressEvent(event)


def banner() -> QLabel:
    label = QLabel()
    label.setObjectName("errorBanner")
    label.setWordWrap(True)
    label.setStyleSheet(BANNER_STYLE)
    label.hide()
    return label


def save_cancel_buttons(
    dialog: QDialog, save_text: str, save, cancel_text: str
) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's Save/Cancel row: Save runs ``save`` (which accepts when it worked)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.setObjectName("dialogButtons")
    save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
    save_button.setText(save_text)
    save_button.setObjectName("saveButton")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons, save_button
