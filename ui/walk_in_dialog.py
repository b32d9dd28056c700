"""Vor-Ort-Anmeldung: the fast walk-in form at the door, keyboard only.

Type first name, Tab, last name, Tab, organisation, Tab, category (type its first
letters), Enter: registered. The form clears for the next guest and hands the new
participant over for badge printing (``registered`` signal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import DBAPIError

from regdesk.db import Database
from regdesk.errors import PossibleDuplicate, RegdeskError, ValidationError
from regdesk.models import RegistrationSource
from regdesk.services import participants as svc
from regdesk.services.checkin import ScanContext, ScanResult
from regdesk.services.events import get_event
from regdesk.services.walk_in import register_and_admit

from .days_picker import DaysPicker
from .duplicates import DuplicatePanel
from .field_form import FieldForm, ReturnMovesOn, banner
from .fit import fit_title, open_at_least
from .i18n import settings
from .messages import error_text, problems_by_field


@dataclass(frozen=True)
class Admission:
    """Where a walk-in registered at the door is admitted at once (the check-in page's
    context), and who shows the verdict."""

    where: str  # "Einlass Do. 05.09.2024", as the desk's picker says
    context: Callable[[], ScanContext]
    desk: Callable[[], str]
    admitted: Callable[[ScanResult], None]


ADMIT_SETTING = "walk_in/admit_at_entry"


class WalkInDialog(ReturnMovesOn, QDialog):
    registered = Signal(object)  # ParticipantSummary: hand-over to badge printing
    open_requested = Signal(int)  # the user chose an existing participant instead

    def __init__(
        self,
        db: Database,
        actor: str,
        event_id: int,
        parent: QWidget | None = None,
        *,
        admission: Admission | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.event_id = db, actor, event_id
        self.admission = admission
        self.setObjectName("walkInDialog")
        fit_title(self, self.tr("Walk-in registration"))
        open_at_least(self, 560)
        with db.session(write=False) as session:
            event = get_event(session, event_id)
            categories = event.categories

        heading = QLabel(self.tr("Walk-in registration"))
        heading.setStyleSheet("font-size:16pt; font-weight:bold;")
        hint = QLabel(self.tr("Tab moves on, Enter registers, Esc closes."))
        hint.setStyleSheet("color:#555;")
        self.banner = banner()
        self.banner.setAccessibleName(self.tr("Error"))
        self.duplicates = DuplicatePanel(self)
        self.duplicates.open_requested.connect(self._open_existing)
        self.duplicates.save_anyway.connect(lambda: self.register(allow_duplicate=True))
        self.confirmation = QLabel()
        self.confirmation.setObjectName("walkInConfirmation")
        self.confirmation.setAccessibleName(self.tr("Last registration"))
        self.confirmation.setStyleSheet(
            "background:#E3F4E8; color:#0F5323; border:1px solid"
            " #1B7F3B; border-radius:4px; padding:8px;"
            " font-weight:bold; font-size:12pt;"
        )
        self.confirmation.setWordWrap(True)
        self.confirmation.hide()

        form_layout = QFormLayout()
        self.form = FieldForm(form_layout)
        for name, text in (
            ("first_name", self.tr("&First name *")),
            ("last_name", self.tr("&Last name *")),
            ("organisation", self.tr("&Organisation")),
        ):
            edit = QLineEdit()
            edit.setClearButtonEnabled(True)
            self.form.add(name, text, edit)
        self.category = QComboBox()
        for category in categories:
            self.category.addItem(category.name, category.id)
        self.default_category = next((i for i, c in enumerate(categories) if c.is_default), 0)
        self.category.setCurrentIndex(self.default_category)
        self.form.add("category_id", self.tr("&Category"), self.category)
        self.days = DaysPicker(event.days)
        if self.days.several:
            self.form.add("day_ids", self.tr("Comes on"), self.days)
        self.fields = self.form.fields
        # at the door: admitted at once (a desk that only registers turns it off)
        self.admit_now = QCheckBox()
        self.admit_now.setObjectName("admitNow")
        if admission is not None:
            self.admit_now.setText(self.tr("&Admit at once: %1").replace("%1", admission.where))
            self.admit_now.setChecked(settings().value(ADMIT_SETTING, True, type=bool))
            self.admit_now.toggled.connect(lambda on: settings().setValue(ADMIT_SETTING, on))
            form_layout.addRow("", self.admit_now)

        buttons = QDialogButtonBox()
        self.register_button = buttons.addButton(
            self.tr("&Register"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.register_button.setObjectName("registerButton")
        self.register_button.setDefault(True)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("closeButton")
        buttons.accepted.connect(self.register)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.banner)
        layout.addWidget(self.duplicates)
        layout.addLayout(form_layout)
        layout.addWidget(buttons)
        self.fields["first_name"].setFocus()

    def participant_input(self) -> svc.ParticipantInput:
        return svc.ParticipantInput(
            first_name=self.fields["first_name"].text(),
            last_name=self.fields["last_name"].text(),
            organisation=self.fields["organisation"].text(),
            category_id=self.category.currentData(),
            day_ids=self.days.day_ids() if self.days.several else None,
        )

    def register(self, allow_duplicate: bool = False) -> None:
        self.banner.hide()
        self.form.clear()
        admit = self.admission if self.admission and self.admit_now.isChecked() else None
        result = None
        try:
            with self.db.session() as session:
                if admit is not None:
                    person, result = register_and_admit(
                        session,
                        self.event_id,
                        self.participant_input(),
                        actor=self.actor,
                        desk=admit.desk(),
                        context=admit.context(),
                        allow_duplicate=allow_duplicate,
                    )
                else:
                    person = svc.register(
                        session,
                        self.event_id,
                        self.participant_input(),
                        actor=self.actor,
                        source=RegistrationSource.WALK_IN,
                        allow_duplicate=allow_duplicate,
                    )
        except DBAPIError:
            self.banner.setText(
                self.tr("The database does not answer; nobody was registered. Try again.")
            )
            self.banner.show()
            return
        except PossibleDuplicate as exc:
            self.duplicates.show_candidates(exc.candidates)
            return
        except ValidationError as exc:
            first = self.form.show(problems_by_field(exc))
            if first is not None:
                first.setFocus()
            return
        except RegdeskError as exc:
            self.banner.setText(error_text(exc))
            self.banner.show()
            return
        self.duplicates.hide()
        self.confirmation.setText(
            self.tr("Registered: %1 (%2), badge code %3")
            .replace("%1", person.display_name)
            .replace("%2", person.category_name)
            .replace("%3", person.short_code)
        )
        self.confirmation.show()
        if result is not None:
            admit.admitted(result)  # the door shows the verdict (and counts)
        for name in ("first_name", "last_name", "organisation"):
            self.fields[name].clear()
        self.category.setCurrentIndex(self.default_category)
        self.days.set_day_ids(None)
        self.fields["first_name"].setFocus()
        self.registered.emit(person)  # may print the badge (a print dialog comes and goes)
        self.activateWindow()  # ready for the next guest
        self.fields["first_name"].setFocus()

    def _open_existing(self, participant_id: int) -> None:
        self.open_requested.emit(participant_id)
        self.accept()
