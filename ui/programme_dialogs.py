"""Dialogs of the Programm screen: a time slot, a programme item, and choosing an item to
move to (choosing whom to enrol: ui.enrol_dialog)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.errors import RegdeskError, ValidationError
from regdesk.models import ItemKind
from regdesk.services import programme as svc
from regdesk.services.events import get_event

from .date_field import TimeField
from .field_form import FieldForm, ReturnMovesOn, banner, save_cancel_buttons
from .fit import fit_title, open_at_least, placeholder
from .formatting import day_label
from .messages import error_text, problems_by_field

CAPACITY_DIGITS = QRegularExpression(r"\s*\d{0,6}\s*")


def kind_names() -> dict[str, str]:
    """The kinds of programme item in the UI language."""
    return {
        ItemKind.WORKSHOP.value: QCoreApplication.translate("ItemKind", "Workshop"),
        ItemKind.FORUM.value: QCoreApplication.translate("ItemKind", "Forum"),
        ItemKind.TALK.value: QCoreApplication.translate("ItemKind", "Talk"),
        ItemKind.PANEL.value: QCoreApplication.translate("ItemKind", "Panel discussion"),
        ItemKind.EXCURSION.value: QCoreApplication.translate("ItemKind", "Excursion"),
        ItemKind.MARKET.value: QCoreApplication.translate("ItemKind", "Exhibition / market"),
        ItemKind.GET_TOGETHER.value: QCoreApplication.translate("ItemKind", "Get-together"),
        ItemKind.DINNER.value: QCoreApplication.translate("ItemKind", "Dinner"),
        ItemKind.OTHER.value: QCoreApplication.translate("ItemKind", "Other"),
    }


class _FormDialog(ReturnMovesOn, QDialog):
    """A form with inline errors; subclasses build fields and implement ``_store``."""

    def __init__(self, db: Database, actor: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.banner = banner()
        # the base class's own strings: self.tr would look them up under the subclass
        self.banner.setAccessibleName(QCoreApplication.translate("FormDialog", "Error"))
        self.form = FieldForm(QFormLayout())
        self.result_value: Any = None

    def _finish_layout(self, save_text: str) -> None:
        buttons, self.save_button = save_cancel_buttons(
            self, save_text, self.save, QCoreApplication.translate("FormDialog", "Cancel")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form.form)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.form.clear()
        self.banner.hide()
        try:
            with self.db.session() as session:
                self.result_value = self._store(session)
        except ValidationError as exc:
            first = self.form.show(problems_by_field(exc))
            unplaced = [p for p in exc.problems if p.field not in self.form.fields]
            if unplaced:
                self.banner.setText(error_text(ValidationError(unplaced)))
                self.banner.show()
            if first is not None:
                first.setFocus()
            return
        except RegdeskError as exc:
            self.banner.setText(error_text(exc))
            self.banner.show()
            return
        self.accept()

    def _store(self, session):
        raise NotImplementedError


class SlotDialog(_FormDialog):
    def __init__(
        self,
        db: Database,
        actor: str,
        event_id: int,
        slot: svc.SlotSummary | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, actor, parent)
        self.event_id, self.slot = event_id, slot
        self.setObjectName("slotDialog")
        open_at_least(self, 420)  # a missing start or end said on one line
        fit_title(self, self.tr("Edit time slot") if slot else self.tr("New time slot"))
        with db.session(write=False) as session:
            days = get_event(session, event_id).days
        day = QComboBox()
        for d in days:
            day.addItem(day_label(d.date), d.id)
        self.fields = {
            "day_id": self.form.add("day_id", self.tr("&Day"), day),
            "starts_at": self.form.add("starts_at", self.tr("S&tart *"), TimeField()),
            "ends_at": self.form.add("ends_at", self.tr("&End *"), TimeField()),
            "label": self.form.add("label", self.tr("&Label"), QLineEdit()),
        }
        if slot is not None:
            day.setCurrentIndex(max(0, day.findData(slot.day_id)))
            self.fields["starts_at"].setTime(slot.starts_at)
            self.fields["ends_at"].setTime(slot.ends_at)
            self.fields["label"].setText(slot.label)
        placeholder(self.fields["label"], self.tr("e.g. Workshops I"))
        self._finish_layout(self.tr("&Save"))
        self.fields["day_id" if slot is None else "starts_at"].setFocus()

    def _store(self, session):
        f = self.fields
        data = svc.SlotInput(
            f["day_id"].currentData(),
            # a text that is no time goes as typed: the service names it under its field
            _time_text(f["starts_at"]),
            _time_text(f["ends_at"]),
            f["label"].text(),
        )
        if self.slot is None:
            return svc.create_slot(session, self.event_id, data, actor=self.actor)
        return svc.update_slot(session, self.slot.id, data, actor=self.actor)


def _time_text(field: TimeField) -> str:
    value = field.time()
    return f"{value:%H:%M}" if value is not None else field.text()


class ItemDialog(_FormDialog):
    """New or edited programme item. ``promotions`` lists who moved up when a raised
    capacity freed places."""

    def __init__(
        self,
        db: Database,
        actor: str,
        event_id: int,
        item: svc.ItemSummary | None,
        slot_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, actor, parent)
        self.item = item
        self.promotions: list[svc.Promotion] = []
        self.setObjectName("itemDialog")
        fit_title(self, self.tr("Edit programme item") if item else self.tr("New programme item"))
        open_at_least(self, 520)
        with db.session(write=False) as session:
            programme = svc.event_programme(session, event_id)
        slot = QComboBox()
        for s, _ in programme:
            text = f"{day_label(s.day)} {s.starts_at:%H:%M}–{s.ends_at:%H:%M} {s.label}"
            slot.addItem(text.rstrip(), s.id)
        kind = QComboBox()
        for value, name in kind_names().items():
            kind.addItem(name, value)
        # a plain number field: empty is unlimited (said in grey inside the field), 0 is
        # refused by the service with a message; a spin box kept 0 when cleared
        capacity = QLineEdit()
        capacity.setValidator(QRegularExpressionValidator(CAPACITY_DIGITS, capacity))
        placeholder(capacity, self.tr("unlimited"))
        description = QPlainTextEdit()
        description.setTabChangesFocus(True)
        description.setFixedHeight(80)
        self.fields = {
            "title": self.form.add("title", self.tr("&Title *"), QLineEdit()),
            "slot_id": self.form.add("slot_id", self.tr("Time sl&ot"), slot),
            "kind": self.form.add("kind", self.tr("&Kind"), kind),
            "code": self.form.add(
                "code",
                self.tr("Short &code"),
                QLineEdit(),
                self.tr("Items with the same code are sessions of one workshop held repeatedly."),
            ),
            "host": self.form.add("host", self.tr("&Host"), QLineEdit()),
            "room": self.form.add("room", self.tr("&Room"), QLineEdit()),
            "capacity": self.form.add(
                "capacity",
                self.tr("&Places"),
                capacity,
                self.tr("Leave empty for unlimited places."),
            ),
            "description": self.form.add("description", self.tr("&Description"), description),
        }
        if item is not None:
            slot.setCurrentIndex(max(0, slot.findData(item.slot_id)))
            kind.setCurrentIndex(max(0, kind.findData(item.kind)))
            for name in ("title", "code", "host", "room"):
                self.fields[name].setText(getattr(item, name))
            capacity.setText("" if item.capacity is None else str(item.capacity))
            description.setPlainText(item.description)
        else:
            if slot_id is not None:
                slot.setCurrentIndex(max(0, slot.findData(slot_id)))
        self._finish_layout(self.tr("&Save"))
        self.fields["title"].setFocus()

    def _store(self, session):
        f = self.fields
        places = f["capacity"].text().strip()
        data = svc.ItemInput(
            slot_id=f["slot_id"].currentData(),
            title=f["title"].text(),
            kind=f["kind"].currentData(),
            code=f["code"].text(),
            host=f["host"].text(),
            room=f["room"].text(),
            capacity=int(places) if places else None,
            description=f["description"].toPlainText(),
        )
        if self.item is None:
            return svc.create_item(session, data, actor=self.actor)
        item, self.promotions = svc.update_item(session, self.item.id, data, actor=self.actor)
        return item


class ChooseItemDialog(QDialog):
    """Where to move a place: the other items, those at the same time first."""

    def __init__(
        self,
        items: list[tuple[str, int]],
        title: str,
        prompt: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chooseItemDialog")
        fit_title(self, title)
        self.chosen: int | None = None
        self.combo = QComboBox()
        self.combo.setObjectName("targetItem")
        self.combo.setAccessibleName(prompt)
        for text, item_id in items:
            self.combo.addItem(text, item_id)
        label = QLabel(prompt)
        label.setBuddy(self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Move"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.chosen = self.combo.currentData()
        self.accept()
