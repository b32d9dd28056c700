"""Register or edit a participant: personal data, category, consents and needs, with
field-by-field messages and the likely-duplicate warning."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.errors import PossibleDuplicate, RegdeskError, ValidationError
from regdesk.models import ConsentKind, RegistrationSource, Salutation
from regdesk.services import participants as svc
from regdesk.services.events import get_event
from regdesk.services.groups import list_groups

from .days_picker import DaysPicker
from .duplicates import DuplicatePanel
from .field_form import FieldForm, ReturnMovesOn, banner, save_cancel_buttons
from .fit import fit_title, open_at_least, placeholder
from .group_picker import GroupPicker
from .messages import error_text, problems_by_field

TEXT = ("title", "first_name", "last_name", "organisation", "position", "email", "phone")
NEEDS = ("needs_dietary", "needs_accessibility", "needs_interpreter")


class ParticipantDialog(ReturnMovesOn, QDialog):
    """Ends accepted with ``saved`` set, or with ``open_id`` when the user chose to open a
    likely duplicate instead."""

    def __init__(
        self,
        db: Database,
        actor: str,
        event_id: int,
        participant_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.event_id = db, actor, event_id
        self.participant_id = participant_id
        self.saved: svc.ParticipantSummary | None = None
        self.open_id: int | None = None
        self.setObjectName("participantDialog")
        fit_title(
            self, self.tr("Edit participant") if participant_id else self.tr("New participant")
        )
        open_at_least(self, 860)
        with db.session(write=False) as session:
            event = get_event(session, event_id)
            self.categories = event.categories
            self.original = svc.get_participant(session, participant_id) if participant_id else None
            groups = list_groups(session, event_id)

        self.banner = banner()
        self.banner.setAccessibleName(self.tr("Error"))
        self.duplicates = DuplicatePanel(self)
        self.duplicates.open_requested.connect(self._open_existing)
        self.duplicates.save_anyway.connect(lambda: self.save(allow_duplicate=True))

        person = QGroupBox(self.tr("Person"))
        person_form = QFormLayout(person)
        self.form = FieldForm(person_form)
        self.salutation = QComboBox()
        for value, text in (
            (Salutation.NONE, self.tr("not stated")),
            (Salutation.FRAU, self.tr("Ms (Frau)")),
            (Salutation.HERR, self.tr("Mr (Herr)")),
        ):
            self.salutation.addItem(text, value.value)
        self.form.add("salutation", self.tr("Sal&utation"), self.salutation)
        labels = {
            "title": self.tr("&Title"),
            "first_name": self.tr("&First name *"),
            "last_name": self.tr("&Last name *"),
            "organisation": self.tr("&Organisation"),
            "position": self.tr("&Position"),
            "email": self.tr("&E-mail"),
            "phone": self.tr("P&hone"),
        }
        for name in TEXT:
            edit = QLineEdit()
            edit.setClearButtonEnabled(True)
            self.form.add(name, labels[name], edit)
        self.fields = self.form.fields
        self.fields["title"].setPlaceholderText(self.tr("e.g. Dr."))
        self.category = QComboBox()
        for category in self.categories:
            self.category.addItem(f"{category.name}", category.id)
        self.form.add("category_id", self.tr("&Category"), self.category)
        self.days = DaysPicker(event.days)
        if self.days.several:  # an event of one day does not ask
            self.form.add("day_ids", self.tr("Comes on"), self.days)
        self.group = GroupPicker(groups, participant_id)
        self.form.add(
            "group", self.tr("Co&mes with group / delegation"), self.group, buddy=self.group.combo
        )
        self.group.combo.setObjectName("field_group")  # the form names the picker itself
        self.group.setObjectName("groupPicker")
        self.group.combo.setAccessibleName(self.group.accessibleName())
        self.form.fields["group_lead"] = self.group.lead
        self.form.errors["group_lead"] = self.form.errors["group"]
        self.vip = QCheckBox(self.tr("V&IP (attention at the door)"))
        self.vip.setObjectName("field_is_vip")
        person_form.addRow("", self.vip)

        consents = QGroupBox(self.tr("Consents"))
        consent_form = QFormLayout(consents)
        self.consent_form = FieldForm(consent_form)
        self.consents: dict[str, QComboBox] = {}
        for kind, text in (
            (ConsentKind.PHOTO, self.tr("Photo and vi&deo")),
            (ConsentKind.LISTING, self.tr("Listed in the pu&blished list")),
            (ConsentKind.BADGE_ORGANISATION, self.tr("Organisation on the bad&ge")),
            (ConsentKind.HEALTH_DATA, self.tr("Store &needs (health data, Art. 9 GDPR)")),
        ):
            combo = self._consent_combo()
            self.consent_form.add(f"consent_{kind.value}", text, combo)
            self.consents[kind.value] = combo
        self.consents[ConsentKind.HEALTH_DATA.value].currentIndexChanged.connect(
            self._health_consent_changed
        )
        self.consent_via = QLineEdit()
        placeholder(self.consent_via, self.tr("e.g. registration form, on site"))
        self.consent_form.add("consent_via", self.tr("Given &via"), self.consent_via)

        needs = QGroupBox(self.tr("Needs (only with consent)"))
        needs_form = QFormLayout(needs)
        self.needs_form = FieldForm(needs_form)
        for name, text in (
            ("needs_dietary", self.tr("Dietar&y")),
            ("needs_accessibility", self.tr("&Accessibility")),
            ("needs_interpreter", self.tr("Interpreter")),
        ):
            self.needs_form.add(name, text, QLineEdit())
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.needs_form.add("notes", self.tr("Notes"), self.notes)

        right = QVBoxLayout()
        right.addWidget(consents)
        right.addWidget(needs)
        right.addStretch()
        columns = QHBoxLayout()
        columns.addWidget(person, 1)
        columns.addLayout(right, 1)

        buttons, self.save_button = save_cancel_buttons(
            self,
            self.tr("&Save") if participant_id else self.tr("&Register"),
            self.save,
            self.tr("Cancel"),
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.duplicates)
        layout.addLayout(columns)
        if self.original is not None:
            layout.addWidget(
                QLabel(self.tr("Badge code: %1").replace("%1", self.original.short_code))
            )
        layout.addWidget(buttons)
        self._load()
        self._initial = self.participant_input()
        self.fields["first_name"].setFocus()

    def _consent_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("not asked"), None)
        combo.addItem(self.tr("yes"), True)
        combo.addItem(self.tr("no"), False)
        return combo

    # --- data in and out --------------------------------------------------------------------

    def _load(self) -> None:
        p = self.original
        default = next((c.id for c in self.categories if c.is_default), self.categories[0].id)
        self.category.setCurrentIndex(self.category.findData(p.category_id if p else default))
        if p is None:
            self._health_consent_changed()
            return
        self.salutation.setCurrentIndex(self.salutation.findData(p.salutation))
        for name in TEXT:
            self.fields[name].setText(getattr(p, name))
        self.vip.setChecked(p.is_vip)
        self.days.set_day_ids(p.day_ids)
        self.group.set_group(p.group_name, p.group_lead)
        for consent in p.consents:
            combo = self.consents[consent.kind]
            combo.setCurrentIndex(combo.findData(consent.granted))
        for name in NEEDS:
            self.needs_form.fields[name].setText(getattr(p, name))
        self.notes.setPlainText(p.notes)
        self._health_consent_changed()

    def participant_input(self) -> svc.ParticipantInput:
        consents = {
            kind: combo.currentData()
            for kind, combo in self.consents.items()
            if combo.currentData() is not None
        }
        return svc.ParticipantInput(
            **{name: self.fields[name].text() for name in TEXT},
            salutation=self.salutation.currentData(),
            category_id=self.category.currentData(),
            is_vip=self.vip.isChecked(),
            notes=self.notes.toPlainText(),
            **{name: self.needs_form.fields[name].text() for name in NEEDS},
            consents=consents,
            consent_via=self.consent_via.text(),
            day_ids=self.days.day_ids() if self.days.several else None,
            group=self.group.group(),
            group_lead=self.group.is_lead(),
        )

    def _health_consent_changed(self) -> None:
        allowed = self.consents[ConsentKind.HEALTH_DATA.value].currentData() is True
        for name in NEEDS:
            self.needs_form.fields[name].setEnabled(allowed)

    # --- saving and leaving -----------------------------------------------------------------

    def _clear(self) -> None:
        self.banner.hide()
        for form in (self.form, self.consent_form, self.needs_form):
            form.clear()

    def save(self, allow_duplicate: bool = False) -> None:
        self._clear()
        data = self.participant_input()
        try:
            with self.db.session() as session:
                if self.participant_id is None:
                    self.saved = svc.register(
                        session,
                        self.event_id,
                        data,
                        actor=self.actor,
                        source=RegistrationSource.MANUAL,
                        allow_duplicate=allow_duplicate,
                    )
                else:
                    self.saved = svc.update_participant(
                        session,
                        self.participant_id,
                        data,
                        actor=self.actor,
                        allow_duplicate=allow_duplicate,
                    )
        except PossibleDuplicate as exc:
            self.duplicates.show_candidates(exc.candidates)
            return
        except ValidationError as exc:
            by_field = problems_by_field(exc)
            first = None
            for form in (self.form, self.needs_form, self.consent_form):
                first = form.show(by_field) or first
            self.banner.setText(self.tr("Please correct the marked fields."))
            self.banner.show()
            if first is not None:
                first.setFocus()
            return
        except RegdeskError as exc:
            self.banner.setText(error_text(exc))
            self.banner.show()
            return
        self.accept()

    def _open_existing(self, participant_id: int) -> None:
        self.open_id = participant_id
        self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        if self.participant_input() != self._initial:
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("Close without saving the participant?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
