"""Admit anyway: one deliberate step for a guest the rules turned away (wrong day, not
enrolled, waiting list, already used). A reason is required -- it is stored with the
scan, audited and listed in the scan log; in door mode the organiser's PIN as well."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from regdesk.errors import RegdeskError
from regdesk.services.checkin import MAX_OVERRIDE_REASON, ScanResult

from .fit import fit_title
from .messages import error_text


class OverrideDialog(QDialog):
    def __init__(
        self,
        result: ScanResult,
        verdict_words: str,
        check_pin: Callable[[str], bool] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        fit_title(self, self.tr("Admit anyway"))
        self.check_pin = check_pin
        who = result.person.name if result.person else ""
        summary = QLabel(
            self.tr("<b>%1</b> – %2.<br>Admit anyway? The reason is kept with the scan.")
            .replace("%1", who)
            .replace("%2", verdict_words)
        )
        summary.setObjectName("overrideSummary")
        summary.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("overrideReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(
            [
                "",
                self.tr("The organiser agreed"),
                self.tr("Day ticket swapped"),
                self.tr("The session's host agreed"),
                self.tr("A place is free"),
                self.tr("Came back in (coat, car)"),
            ]
        )
        self.reason.setCurrentIndex(0)
        self.reason.lineEdit().setMaxLength(MAX_OVERRIDE_REASON)
        self.reason.lineEdit().setPlaceholderText(self.tr("Why this guest comes in"))
        self.pin = QLineEdit()
        self.pin.setObjectName("overridePin")
        self.pin.setAccessibleName(self.tr("Organiser PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("overrideProblem")
        self.problem.setStyleSheet("color:#B3261E; font-weight:bold;")
        self.problem.hide()
        form = QFormLayout()
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        if check_pin is not None:
            pin_label = QLabel(self.tr("Organiser &PIN:"))
            pin_label.setBuddy(self.pin)
            form.addRow(pin_label, self.pin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Admit anyway"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def accept(self) -> None:
        if not self.reason_text():
            self._say(self.tr("Please give a reason."), self.reason)
            return
        if self.check_pin is not None:
            try:
                right = self.check_pin(self.pin.text())
            except RegdeskError as exc:  # too many wrong tries, or the database went away
                self.pin.clear()
                self._say(error_text(exc), self.pin)
                return
            if not right:
                self.pin.clear()
                self._say(self.tr("Wrong PIN."), self.pin)
                return
        super().accept()

    def _say(self, text: str, focus: QWidget) -> None:
        self.problem.setText(text)
        self.problem.show()
        focus.setFocus()
