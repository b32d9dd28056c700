"""Listen & Export: every list the back office needs -- participant list, sign-in sheets,
workshop rosters, catering and accessibility, the published list, the scan and audit
logs -- narrowed by category, status, check-in, programme item and day, written as XLSX,
CSV or PDF on a worker thread (progress, cancel); and the import of participants."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.privacy.access import AccessExport, write_access_export
from regdesk.reporting.service import (
    CertificatesResult,
    ReportResult,
    write_certificate_file,
    write_report,
)
from regdesk.services.events import get_event
from regdesk.services.exports import ExportResult, export_list
from regdesk.services.list_common import ListRequest
from regdesk.services.preferences import programme_items
from regdesk.text import format_date

from . import i18n
from .action_button import action_button
from .import_dialog import ImportDialog
from .lists_model import CERTIFICATES, REPORT, ListsModel, formats_of
from .messages import error_text
from .work_row import WorkRow

FORMAT_NAMES = {"xlsx": "Excel (XLSX)", "csv": "CSV", "pdf": "PDF"}


class ListsPage(QWidget):
    changed = Signal()  # participants were imported

    def __init__(
        self, db: Database, event_id: int, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.actor = db, event_id, actor
        self.setObjectName("exportPage")
        self.last_file: Path | None = None

        heading = QLabel(self.tr("Lists & export"))
        heading.setStyleSheet("font-size:16pt; font-weight:bold;")
        self.import_button = action_button(
            self, "import", self.tr("&Import participants…"), "", self.import_participants
        )
        self.import_button.setToolTip(self.tr("Import participants (Ctrl+I, on every page)"))
        import_box = QGroupBox(self.tr("Import"))
        import_text = QLabel(
            self.tr(
                "Take participants over from a CSV file or an Excel workbook -- from a "
                "registration form, a web ticketing export or an earlier list. You see "
                "every row's problems and likely duplicates before anything changes."
            )
        )
        import_text.setWordWrap(True)
        import_layout = QVBoxLayout(import_box)
        import_layout.addWidget(import_text)
        import_layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.lists_model = ListsModel(self)
        self.list_view = QListView()
        self.list_view.setObjectName("listChoice")
        self.list_view.setAccessibleName(self.tr("Lists"))
        self.list_view.setModel(self.lists_model)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setSpacing(2)
        self.list_view.setStyleSheet(
            "QListView { font-size:11pt; } QListView::item { padding:6px; }"
        )
        self.list_view.setMaximumWidth(340)
        self.list_view.setMinimumWidth(300)
        self.list_view.selectionModel().currentChanged.connect(lambda *_: self.list_chosen())

        self.description = QLabel()
        self.description.setObjectName("listDescription")
        self.description.setWordWrap(True)

        self.formats = QButtonGroup(self)
        format_row = QHBoxLayout()
        self.format_buttons: dict[str, QRadioButton] = {}
        for key, text in (("xlsx", self.tr("E&xcel (XLSX)")), ("csv", self.tr("&CSV")),
                          ("pdf", self.tr("P&DF"))):  # fmt: skip
            button = QRadioButton(text)
            button.setObjectName(f"format_{key}")
            self.formats.addButton(button)
            self.format_buttons[key] = button
            format_row.addWidget(button)
        format_row.addStretch()

        self.category = self._combo("listCategory", self.tr("Category"))
        self.status = self._combo("listStatus", self.tr("Status"))
        self.checked_in = self._combo("listCheckedIn", self.tr("Checked in"))
        self.item = self._combo("listItem", self.tr("Programme item"))
        self.day = self._combo("listDay", self.tr("Day"))
        self.blank_rows = QSpinBox()
        self.blank_rows.setObjectName("blankRows")
        self.blank_rows.setAccessibleName(self.tr("Empty rows for people added on the day"))
        self.blank_rows.setRange(0, 200)
        self.phone = QCheckBox(self.tr("on every list (excursions: always)"))
        self.phone.setObjectName("rosterPhone")
        self.phone.setAccessibleName(self.tr("Phone numbers on every roster"))
        self.fold = QSpinBox()
        self.fold.setObjectName("foldBelow")
        self.fold.setAccessibleName(self.tr("Fold groups smaller than this"))
        self.fold.setRange(0, 50)
        self.fold.setValue(5)
        self.fold.setSpecialValueText(self.tr("none folded"))
        self.fold.setSuffix(self.tr(" people"))
        self.signer = QLineEdit()
        self.signer.setObjectName("certificateSigner")
        self.signer.setAccessibleName(self.tr("Under the signature line"))
        self.signer.setPlaceholderText(self.tr("e.g. Dr. Anna Roth, head of unit"))
        self.signer.setMaxLength(120)
        self.only_ids: list[int] | None = None  # certificates for these people only
        self.language = self._combo("listLanguage", self.tr("Language of the list"))
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        filters = QGroupBox(self.tr("Which entries"))
        form = QFormLayout(filters)
        for text, widget in (
            (self.tr("Ca&tegory"), self.category),
            (self.tr("&Status"), self.status),
            (self.tr("Chec&ked in"), self.checked_in),
            (self.tr("&Programme item"), self.item),
            (self.tr("Da&y"), self.day),
            (self.tr("Lan&guage"), self.language),
            (self.tr("E&mpty rows to sign"), self.blank_rows),
            (self.tr("Phone num&bers"), self.phone),
            (self.tr("Fold small groups &under"), self.fold),
            (self.tr("Sig&ned by"), self.signer),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.scope_hint = QLabel()
        self.scope_hint.setObjectName("scopeHint")
        self.scope_hint.setWordWrap(True)
        self.scope_hint.setStyleSheet("color:#4A5361;")
        form.addRow(self.scope_hint)

        self.export_button = action_button(
            self, "export", self.tr("&Export…"), "Ctrl+Shift+E", self.choose_file
        )
        self.open_button = action_button(
            self, "openFile", self.tr("&Open the file"), "", self.open_file
        )
        self.folder_button = action_button(
            self, "openFolder", self.tr("Open the folde&r"), "", self.open_folder
        )
        actions = QHBoxLayout()
        for button in (self.export_button, self.open_button, self.folder_button):
            actions.addWidget(button)
        actions.addStretch()
        self.work = WorkRow("export", self.tr("Progress of the export"), self)
        self.work.busy_changed.connect(self._busy)
        self.progress, self.cancel_button = self.work.progress, self.work.cancel_button
        self.status_label = QLabel()
        self.status_label.setObjectName("exportStatus")
        self.status_label.setAccessibleName(self.tr("Export status"))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QVBoxLayout()
        self.description.setStyleSheet(
            "font-size:11pt; background:#F0F4F9; border:1px solid #C9D3DF;"
            " border-radius:4px; padding:8px;"
        )
        right.addWidget(self.description)
        format_label = QLabel(self.tr("Format:"))
        right.addWidget(format_label)
        right.addLayout(format_row)
        right.addWidget(filters)
        right.addLayout(actions)
        right.addWidget(self.work)
        right.addWidget(self.status_label)
        right.addStretch()
        left = QVBoxLayout()
        lists_label = QLabel(self.tr("&Lists"))
        lists_label.setBuddy(self.list_view)
        lists_label.setStyleSheet("font-weight:bold;")
        left.addWidget(lists_label)
        left.addWidget(self.list_view, 1)
        left.addWidget(import_box)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addSpacing(12)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading)
        layout.addLayout(body, 1)
        self.setFocusProxy(self.list_view)

        self.reload()
        self.list_view.setCurrentIndex(self.lists_model.index(0, 0))
        self._busy(False)

    @property
    def worker(self):
        return self.work.worker

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    # --- choices ----------------------------------------------------------------------------

    def reload(self) -> None:
        """The event's categories, items and days for the filters (after event changes)."""
        with self.db.session(write=False) as session:
            event = get_event(session, self.event_id)
            items = programme_items(session, self.event_id)
        fill = {
            self.category: [(self.tr("All categories"), None)]
            + [(c.name, c.id) for c in event.categories],
            self.status: [(self.tr("Registered"), "registered"),
                          (self.tr("Cancelled"), "cancelled"), (self.tr("All"), None)],
            self.checked_in: [(self.tr("Checked in or not"), None),
                              (self.tr("Checked in"), True), (self.tr("Not checked in"), False)],
            self.item: [(self.tr("All programme items"), None)]
            + [(f"{i.code} – {i.title}" if i.code else i.title, i.id) for i in items],
            self.day: [(self.tr("All days"), None)]
            + [(format_date(d.date) + (f" – {d.label}" if d.label else ""), d.id)
               for d in event.days],
        }  # fmt: skip
        for combo, choices in fill.items():
            current = combo.currentData() if combo.count() else choices[0][1]
            combo.clear()
            for text, value in choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def kind(self) -> str:
        index = self.list_view.currentIndex()
        return self.lists_model.kind(index.row()) if index.isValid() else "participants"

    def list_chosen(self) -> None:
        kind = self.kind()
        self.description.setText(self.lists_model.description(kind))
        offered = formats_of(kind)
        for key, button in self.format_buttons.items():
            button.setEnabled(key in offered)
        self.format_buttons[offered[0]].setChecked(True)
        own = kind in (REPORT, CERTIFICATES)
        self.status.setEnabled(kind in ("participants", "scans"))
        self.checked_in.setEnabled(kind not in ("scans", "audit") and not own)
        for combo in (self.category, self.item, self.day):
            combo.setEnabled(not own)
        self.blank_rows.setEnabled(kind == "signin")
        self.phone.setEnabled(kind == "rosters")
        self.fold.setEnabled(kind == REPORT)
        self.signer.setEnabled(kind == CERTIFICATES)
        if kind != CERTIFICATES:
            self.only_ids = None
        self.scope_hint.setText(self.lists_model.scope(kind))

    def chosen_format(self) -> str:
        return next(k for k, b in self.format_buttons.items() if b.isChecked())

    def request(self) -> ListRequest:
        kind = self.kind()
        category, item, day = (
            self.category.currentData(), self.item.currentData(), self.day.currentData(),
        )  # fmt: skip
        return ListRequest(
            kind,
            category_ids=(category,) if category is not None else (),
            status=self.status.currentData() if self.status.isEnabled() else None,
            checked_in=self.checked_in.currentData() if self.checked_in.isEnabled() else None,
            item_ids=(item,) if item is not None else (),
            day_ids=(day,) if day is not None else (),
            language=self.language.currentData(),
            blank_rows=self.blank_rows.value() if self.blank_rows.isEnabled() else 0,
            phone=self.phone.isEnabled() and self.phone.isChecked(),
        )

    # --- export on a worker -----------------------------------------------------------------

    def choose_file(self) -> None:
        fmt = self.chosen_format()
        name = f"{self.lists_model.file_stem(self.kind())}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the list"),
            str(Path.home() / name),
            f"{FORMAT_NAMES[fmt]} (*.{fmt})",
        )
        if path:
            target = Path(path)
            self.export_to(target if target.suffix.lower() == f".{fmt}" else Path(f"{path}.{fmt}"))

    def export_to(self, path: Path) -> None:
        if self.worker is not None:
            return
        db, event_id, actor = self.db, self.event_id, self.actor
        request, fmt = self.request(), self.chosen_format()
        language, fold = self.language.currentData(), self.fold.value()
        signer, only = self.signer.text().strip(), self.only_ids

        def job(progress, cancelled):
            if request.kind == CERTIFICATES:
                progress(0, 0)
                return write_certificate_file(
                    db, event_id, path, participant_ids=only, language=language,
                    signer=signer, actor=actor,
                )  # fmt: skip
            if request.kind == REPORT:
                progress(0, 0)
                return write_report(
                    db, event_id, path, format=fmt, language=language, threshold=fold,
                    actor=actor,
                )  # fmt: skip
            return export_list(
                db, event_id, request, path, format=fmt, actor=actor,
                progress=progress, cancelled=cancelled,
            )  # fmt: skip

        self.status_label.setText(self.tr("Writing the list…"))
        self.work.start(job, self._exported, self._failed, self._cancelled)

    def cancel(self) -> None:
        self.work.cancel()

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)
        has_file = not busy and self.last_file is not None and self.last_file.exists()
        self.open_button.setEnabled(has_file)
        self.folder_button.setEnabled(has_file)

    def _exported(
        self, result: ExportResult | ReportResult | CertificatesResult | AccessExport
    ) -> None:
        self.last_file = result.path
        self._busy(False)
        locale = QLocale()
        if isinstance(result, AccessExport):
            self.status_label.setText(
                self.tr("The access export (%1 stored entries) was written to %2 and %3.")
                .replace("%1", locale.toString(result.rows))
                .replace("%2", str(result.json_path))
                .replace("%3", result.pdf_path.name)
            )  # fmt: skip
            self.open_button.setFocus()
            return
        if isinstance(result, CertificatesResult):
            self.status_label.setText(
                self.tr("%n certificate(s) written to %1.", "", result.pages).replace(
                    "%1", str(result.path)
                )
            )
            self.open_button.setFocus()
            return
        if isinstance(result, ReportResult):
            self.status_label.setText(
                self.tr("The attendance report (%1 day(s), %2 programme item(s)) was written "
                        "to %3.")
                .replace("%1", locale.toString(len(result.figures.days)))
                .replace("%2", locale.toString(len(result.figures.items)))
                .replace("%3", str(result.path))
            )  # fmt: skip
            self.open_button.setFocus()
            return
        text = (
            self.tr("%1 entries on %2 sheets written to %3.")
            if result.sheets > 1
            else self.tr("%1 entries written to %3.")
        )
        self.status_label.setText(
            text.replace("%1", locale.toString(result.rows))
            .replace("%2", locale.toString(result.sheets))
            .replace("%3", str(result.path))
        )
        self.open_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc)
        self.status_label.setText(self.tr("No file was written: %1").replace("%1", text))

    def _cancelled(self) -> None:
        self.status_label.setText(self.tr("Cancelled. No file was written."))

    def open_file(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file)))

    def open_folder(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file.parent)))

    def certificates_for(self, participant_ids: list[int]) -> None:
        """Certificates for the people chosen in the participant list: this page, its
        file dialog, its progress."""
        self.list_view.setCurrentIndex(
            self.lists_model.index(self.lists_model.KINDS.index(CERTIFICATES), 0)
        )
        self.only_ids = list(participant_ids)
        self.scope_hint.setText(
            self.tr("The %n person(s) chosen in the participant list.", "", len(participant_ids))
        )
        self.choose_file()

    def access_for(self, participant_id: int) -> None:
        """The Art. 15 access export of one person chosen in the participant list: a JSON
        file and a PDF into a folder chosen here, on this page's worker."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the access export (Art. 15 GDPR)"), str(Path.home())
        )
        if folder:
            self.export_access_to(participant_id, Path(folder))

    def export_access_to(self, participant_id: int, folder: Path) -> None:
        if self.worker is not None:
            return
        db, actor, language = self.db, self.actor, self.language.currentData()

        def job(progress, cancelled):
            progress(0, 0)
            return write_access_export(db, participant_id, folder, language=language,
                                       actor=actor)  # fmt: skip

        self.status_label.setText(self.tr("Writing the access export…"))
        self.work.start(job, self._exported, self._failed, self._cancelled)

    # --- import -----------------------------------------------------------------------------

    def import_participants(self) -> ImportDialog | None:
        if self.worker is not None:
            return None
        dialog = ImportDialog(self.db, self.actor, self.event_id, self)
        dialog.imported.connect(lambda _: self.changed.emit())
        dialog.open()
        return dialog
