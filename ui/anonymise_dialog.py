"""Deleting personal data in two steps (pretix's shredder does it so): choose the kinds of
data, save the preview -- a file of everything that goes, with a confirmation code --
then type that code to delete exactly that. The counts, categories, days, places and
check-in times stay, so the report comes out the same. Both steps run off the GUI
thread with a progress bar; the deletion can be cancelled until it is committed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.models import DataClass
from regdesk.privacy.anonymise import (
    Preview,
    PurgeResult,
    anonymise,
    normalise_code,
    write_preview,
)

from .fit import fit_title, open_at_least
from .messages import error_text
from .retention_dialog import RetentionDialog
from .work_row import WorkRow


class AnonymiseDialog(QDialog):
    def __init__(self, db: Database, event_id: int, actor: str, chosen=(), parent=None) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.actor = db, event_id, actor
        self.preview: Preview | None = None
        self.result: PurgeResult | None = None
        fit_title(self, self.tr("Delete personal data"))
        intro = QLabel(
            self.tr(
                "Deleting happens in two steps. First save the preview: a file of everything "
                "that will be deleted, with a confirmation code. Then type that code to "
                "delete exactly that. Counts, categories, days, places and check-in times "
                "stay, so the report for the funding body comes out the same. This cannot "
                "be undone."
            )
        )
        intro.setWordWrap(True)
        box = QGroupBox(self.tr("Data to delete"))
        box_layout = QVBoxLayout(box)
        self.boxes: dict[str, QCheckBox] = {}
        for data_class in DataClass:
            check = QCheckBox(RetentionDialog.class_name(data_class.value))
            check.setObjectName(f"delete_{data_class.value}")
            check.setChecked(data_class.value in chosen)
            check.toggled.connect(self._chosen_changed)
            box_layout.addWidget(check)
            self.boxes[data_class.value] = check
        self.identity_note = QLabel(
            self.tr("Names and badge codes go with everything else: an anonymous person keeps "
                    "no contact data, needs or mails.")
        )  # fmt: skip
        self.identity_note.setWordWrap(True)
        box_layout.addWidget(self.identity_note)

        self.preview_button = QPushButton(self.tr("&Save preview…"))
        self.preview_button.setObjectName("savePreviewButton")
        self.preview_button.setAccessibleName(self.tr("Save the preview of what is deleted"))
        self.preview_button.setAutoDefault(False)
        self.preview_button.clicked.connect(self.choose_preview_file)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("previewLabel")
        self.preview_label.setWordWrap(True)
        self.code_shown = QLabel()  # the code to type, large, on a line of its own
        self.code_shown.setObjectName("confirmationCodeShown")
        self.code_shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.code_shown.setFont(font)
        self.code_shown.hide()
        self.code = QLineEdit()
        self.code.setObjectName("confirmationCode")
        self.code.setAccessibleName(self.tr("Confirmation code"))
        self.code.setPlaceholderText("XXXX-XXXX")
        self.code.setMaxLength(12)
        self.code.textChanged.connect(self._update_buttons)
        self.code.returnPressed.connect(self.delete)
        form = QFormLayout()
        code_label = QLabel(self.tr("Confirmation &code:"))
        code_label.setBuddy(self.code)
        form.addRow(code_label, self.code)

        self.work = WorkRow("anonymise", self.tr("Deleting"), self)
        self.message = QLabel()
        self.message.setObjectName("anonymiseMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.delete_button = self.buttons.addButton(
            self.tr("&Delete for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("deleteForGoodButton")
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        self.work.busy_changed.connect(self._busy)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.code_shown)
        layout.addLayout(form)
        layout.addWidget(self.work)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        open_at_least(self, 560)
        self._chosen_changed()
        first = next((b for b in self.boxes.values() if b.isEnabled()), None)
        (first or self.preview_button).setFocus()

    # --- choosing -----------------------------------------------------------------------

    def classes(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def _chosen_changed(self, *_args) -> None:
        identity = self.boxes[DataClass.IDENTITY.value].isChecked()
        for name, box in self.boxes.items():
            if name != DataClass.IDENTITY.value:
                box.setEnabled(not identity)
                if identity:
                    box.blockSignals(True)
                    box.setChecked(True)
                    box.blockSignals(False)
        self.identity_note.setVisible(identity)
        if self.preview is not None:  # a preview is for what was chosen then
            self.preview = None
            self.code_shown.hide()
            self.preview_label.setText(self.tr("The choice changed: save a new preview."))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        busy = self.work.worker is not None
        self.preview_button.setEnabled(bool(self.classes()) and not busy)
        typed = normalise_code(self.code.text())
        self.delete_button.setEnabled(self.preview is not None and len(typed) == 9 and not busy)

    def _busy(self, busy: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not busy and (
                box is self.boxes[DataClass.IDENTITY.value]
                or not self.boxes[DataClass.IDENTITY.value].isChecked()))  # fmt: skip
        self.code.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)
        self._update_buttons()

    # --- step 1: the preview ---------------------------------------------------------------

    def choose_preview_file(self) -> None:
        stem = self.tr("deletion-preview")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the preview of what is deleted"),
            str(Path.home() / (stem + ".json")), self.tr("JSON (*.json)"),
        )  # fmt: skip
        if path:
            self.save_preview(Path(path))

    def save_preview(self, path: Path) -> None:
        if self.work.worker is not None:
            return
        db, event_id, classes, actor = self.db, self.event_id, self.classes(), self.actor
        self.message.clear()

        def job(progress, cancelled):
            return write_preview(db, event_id, classes, path, actor=actor)

        def done(preview: Preview) -> None:
            self.preview = preview
            people = QLocale().toString(preview.people)
            mails = QLocale().toString(preview.mails)
            self.preview_label.setText(
                self.tr("Saved %1: %2 person(s), %3 mail(s). To delete exactly that, type "
                        "this confirmation code:")
                .replace("%1", path.name).replace("%2", people).replace("%3", mails)
            )  # fmt: skip
            self.code_shown.setText(preview.code)
            self.code_shown.setAccessibleName(
                self.tr("Confirmation code of the preview: %1").replace("%1", preview.code)
            )
            self.code_shown.show()
            self.adjustSize()  # room for the code: nothing squeezed
            self.code.clear()
            self.code.setFocus()
            self._update_buttons()

        self.work.start(job, done, self._failed, self._cancelled, self.tr("Preview"))

    # --- step 2: the deletion ----------------------------------------------------------------

    def delete(self) -> None:
        if self.work.worker is not None or not self.delete_button.isEnabled():
            if self.preview is None:
                self.message.setText(self.tr("Save the preview first: its code confirms it."))
            return
        db, event_id, actor = self.db, self.event_id, self.actor
        classes, code = list(self.preview.classes), self.code.text()
        self.message.clear()

        def job(progress, cancelled):
            return anonymise(
                db, event_id, classes, code, actor=actor, progress=progress, cancelled=cancelled
            )

        def done(result: PurgeResult) -> None:
            self.result, self.preview = result, None
            lines = [
                self.tr("Deleted: %1 person(s), %2 mail(s); %3 audit entries overwritten.")
                .replace("%1", QLocale().toString(result.people))
                .replace("%2", QLocale().toString(result.mails))
                .replace("%3", QLocale().toString(result.audit_entries))
            ]  # fmt: skip
            if result.backups_removed:
                lines.append(
                    self.tr("%1 copies made before database upgrades were deleted too.")
                    .replace("%1", QLocale().toString(len(result.backups_removed)))
                )  # fmt: skip
            if result.compacted and self.db.info.backend == "sqlite" and not result.wal_truncated:
                lines.append(
                    self.tr("Another program still reads the database: the last traces go "
                            "when it closes the file.")
                )  # fmt: skip
            self.message.setText(" ".join(lines))
            self.preview_label.clear()
            self.code_shown.hide()
            self.code.clear()
            self._update_buttons()

        self.work.start(job, done, self._failed, self._cancelled, self.tr("Deleting"))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, RegdeskError):
            self.message.setText(error_text(exc))
        else:  # the database went away: the one transaction did not commit
            self.message.setText(
                self.tr("The database did not answer (%1). Nothing was deleted.").replace(
                    "%1",
                    str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__,
                )
            )
        self._update_buttons()

    def _cancelled(self) -> None:
        self.message.setText(self.tr("Cancelled. Nothing was deleted."))
        self._update_buttons()
