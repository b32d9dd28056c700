"""The group (delegation) a person comes with: type a new name or pick one the event has
(completed as typed, any case), and whether the person leads it -- with a word on who
leads it now, since a new lead takes over."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QLabel, QVBoxLayout, QWidget

from regdesk.services.groups import GroupSummary, group_key

from .fit import placeholder


class GroupPicker(QWidget):
    changed = Signal()

    def __init__(
        self, groups: list[GroupSummary], own_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("groupPicker")
        self.own_id = own_id  # the person edited (their own lead is no one else's)
        self.groups = {group_key(g.name): g for g in groups}
        self.combo = QComboBox()
        self.combo.setObjectName("field_group")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("")
        for g in groups:
            self.combo.addItem(g.name)
        placeholder(self.combo.lineEdit(), self.tr("none – or type a new group"), self.combo)
        self.combo.lineEdit().setClearButtonEnabled(True)
        self.combo.lineEdit().setMaxLength(200)
        completer = QCompleter([g.name for g in groups], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setCompleter(completer)
        self.lead = QCheckBox(self.tr("Leads the group"))
        self.lead.setObjectName("field_group_lead")
        self.lead.setAccessibleName(self.tr("Leads the group"))
        self.hint = QLabel()
        self.hint.setObjectName("groupHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#555555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.lead)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.combo)
        self.combo.currentTextChanged.connect(self._update)
        self.lead.toggled.connect(self._update)
        self._update()

    def group(self) -> str:
        return self.combo.currentText().strip()

    def is_lead(self) -> bool:
        return self.lead.isChecked() and bool(self.group())

    def set_group(self, name: str, lead: bool) -> None:
        self.combo.setCurrentText(name)
        self.lead.setChecked(lead)
        self._update()

    def _update(self) -> None:
        text = self.group()
        self.lead.setEnabled(bool(text))
        known = self.groups.get(group_key(text)) if text else None
        if not text:
            hint = ""
        elif known is None:
            hint = self.tr("A new group: it is made when you save.")
        else:
            members = self.tr("%n member(s)", "", known.registered)
            other_lead = known.lead_id is not None and known.lead_id != self.own_id
            if known.lead_id is not None and known.lead_id == self.own_id:
                hint = self.tr("%1; led by this person.")
            elif other_lead and self.lead.isChecked():
                hint = self.tr("%1; %2 leads it now and hands the lead over.")
            elif other_lead:
                hint = self.tr("%1; led by %2.")
            else:
                hint = self.tr("%1; no lead yet.")
            hint = hint.replace("%1", members).replace("%2", known.lead_name)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.changed.emit()
