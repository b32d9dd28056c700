"""The lists one can export, with what each holds, for the Listen & Export page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from regdesk.services.exports import LISTS

ROOT = QModelIndex()


REPORT = "report"  # the report for the funding body (not a list of people)
CERTIFICATES = "certificates"  # a page per person admitted
OWN_FORMATS = {REPORT: ("pdf", "xlsx"), CERTIFICATES: ("pdf",)}


def formats_of(kind: str) -> tuple[str, ...]:
    return OWN_FORMATS[kind] if kind in OWN_FORMATS else LISTS[kind][2]


class ListsModel(QAbstractListModel):
    KINDS = (*LISTS, REPORT, CERTIFICATES)

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.KINDS)

    def kind(self, row: int) -> str:
        return self.KINDS[row]

    def title(self, kind: str) -> str:
        return {
            "participants": self.tr("Participant list"),
            "signin": self.tr("Sign-in sheets"),
            "rosters": self.tr("Rosters of workshops and excursions"),
            "unplaced": self.tr("People without a place"),
            "catering": self.tr("Catering and accessibility"),
            "published": self.tr("Published participant list"),
            "scans": self.tr("Scan log"),
            "audit": self.tr("Audit log"),
            "consents": self.tr("Consent records"),
            REPORT: self.tr("Attendance report (funding body)"),
            CERTIFICATES: self.tr("Attendance certificates"),
        }[kind]

    def description(self, kind: str) -> str:
        return {
            "participants": self.tr(
                "Everybody with every detail: contact, category, status, days, programme, "
                "wishes, needs, consents, check-in. As XLSX or CSV it can be imported again."
            ),
            "signin": self.tr(
                "Sign-in sheets (Unterschriftenlisten) as proof of attendance: one per day, "
                "or one per programme item; alphabetical, with a box to sign and the "
                "data-protection note at the foot."
            ),
            "rosters": self.tr(
                "For the hosts and guides: who holds a place on each programme item, then the "
                "waiting list in order; named for the item's kind, excursions with phone numbers."
            ),
            "unplaced": self.tr(
                "After an allocation: who holds no place on any programme item, and why "
                "(no wishes, every wished item full), with their first open wish, the waiting "
                "lists they are on, e-mail and phone."
            ),
            "catering": self.tr(
                "Dietary, accessibility and interpreting needs for catering and the venue -- "
                "only from people who consented to their health data being kept."
            ),
            "published": self.tr(
                "The list to hand out or publish: only people who consented to being "
                "listed, with name, organisation and position, no contact details."
            ),
            "scans": self.tr("Every scan at the doors: when, where, whose badge, the result."),
            "audit": self.tr("Every change: when, who, what, before and after."),
            "consents": self.tr(
                "Every consent decision as proof (Art. 7 DSGVO): when each consent was "
                "given, refused or taken back, how it was given and who recorded it."
            ),
            REPORT: self.tr(
                "The figures the funding body asks for (Teilnahmestatistik): per day and "
                "category registered, admitted and no-shows, the same per kind of "
                "organisation, arrivals per 15 minutes as a chart, per programme item "
                "enrolled and present. Counts only -- no names."
            ),
            CERTIFICATES: self.tr(
                "A certificate of attendance (Teilnahmebescheinigung) for everyone admitted, "
                "a page each: the days with the time of arrival, the programme attended at "
                "its door, the hours, and a line for the signature."
            ),
        }[kind]

    def scope(self, kind: str) -> str:
        return {
            "signin": self.tr(
                "Without a day or item: one sheet per day. Choose a programme item for its sheet."
            ),
            "rosters": self.tr("Without an item: every item with people on it."),
            "scans": self.tr("Day and item narrow the scans to that entry or door."),
            "audit": self.tr("A day narrows the log to changes made on that day."),
            "consents": self.tr("Category and status narrow it to those people."),
            REPORT: self.tr(
                "The whole event. Fold small groups so that no one is identifiable in a "
                "published report."
            ),
            CERTIFICATES: self.tr(
                "Everyone admitted at least once. For some people only: choose them in the "
                "participant list and use “Certificates…” there."
            ),
        }.get(kind, self.tr("Attendance lists hold registered participants only."))

    def file_stem(self, kind: str) -> str:
        return {
            "participants": self.tr("participants"),
            "signin": self.tr("sign-in-sheets"),
            "rosters": self.tr("rosters"),
            "unplaced": self.tr("without-a-place"),
            "catering": self.tr("catering"),
            "published": self.tr("participant-directory"),
            "scans": self.tr("scan-log"),
            "audit": self.tr("audit-log"),
            "consents": self.tr("consent-records"),
            REPORT: self.tr("attendance-report"),
            CERTIFICATES: self.tr("certificates"),
        }[kind]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind = self.KINDS[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.title(kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.description(kind)
        return None
