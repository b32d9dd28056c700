"""Check-in: the door at a peak. One big scan field (and scanner bursts caught wherever
the focus is), a huge verdict that clears itself, search by name with an admit button,
the context (a day's entry or a session door), counters, the last scans with undo,
walk-in and reprint. No modal dialog ever stands between two scans."""

from __future__ import annotations

import socket
import time
from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import DBAPIError

from regdesk.db import Database
from regdesk.desks.changes import touches
from regdesk.desks.door import DoorDesk
from regdesk.errors import RegdeskError
from regdesk.models import Direction, ParticipantStatus, utcnow
from regdesk.services import checkin as svc
from regdesk.services import door as door_service
from regdesk.services.door_places import take_free_place
from regdesk.services.events import get_event
from regdesk.services.programme import event_programme
from regdesk.services.search import ParticipantFilter, search

from . import desk_settings
from .action_button import action_button
from .checkin_models import CategoryCountsModel, FoundModel, RecentScansModel
from .conflicts_dialog import ConflictsDialog
from .formatting import day_label, local_time
from .group_admit_dialog import GroupAdmitDialog
from .list_table import chosen_rows, list_table
from .live import Follower, LiveData
from .messages import error_text
from .override_dialog import OverrideDialog
from .scanner_capture import ScannerCapture
from .sounds import Sounds
from .verdict_panel import VerdictPanel
from .walk_in_dialog import Admission
from .workers import Worker, door_pool

# A count whose answer has not come back after this long is given up and counted anew
# (once, under Xvfb, a count's queued answer never arrived and the counters froze).
STALE_S = 5.0
# What the door's counters, lists and context picker show.
LIVE_TABLES = (
    "scan", "participant", "participant_day", "category", "event", "event_day",
    "programme_slot", "programme_item", "enrolment", "replaced_badge", "participant_group",
    "group_member",
)  # fmt: skip


def context_key(kind: str, key: int) -> str:
    """The context picker's data: "day:3" (a day's entry) or "item:12" (a session door)."""
    return f"{kind}:{key}"


def _place(context: svc.ScanContext) -> tuple[int | None, int | None]:
    """Where a context counts: the day's entry or the item's door (not the direction)."""
    return context.day_id, context.item_id


class CheckinPage(QWidget):
    walk_in_requested = Signal()
    door_mode_requested = Signal()
    reprint_requested = Signal(int)
    changed = Signal()

    def __init__(
        self,
        db: Database,
        event_id: int,
        actor: str,
        parent: QWidget | None = None,
        *,
        door: bool = False,
        desk: DoorDesk | None = None,
        live: LiveData | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.actor = db, event_id, actor
        # scans go through the desk: on a server it decides offline when the server is gone
        self.door_desk = desk or DoorDesk(db, event_id, socket.gethostname()[:40])
        if desk is None:  # the page's own: it goes with the page
            own = self.door_desk
            self.destroyed.connect(lambda *_: own.close())
        self.live = live
        self.door = door  # door mode: locked settings, only the data the door needs
        self.setObjectName("doorCheckinPage" if door else "checkinPage")
        self.last_person_id: int | None = None
        self.undo_target: svc.Undoable | None = None
        self._counting: Worker | None = None  # the counters, counted on a worker thread
        self._counting_since = 0.0
        self._count_again = False
        self._expected: dict[int, tuple] = {}  # day id -> expected per category (kept)
        self._shown_counts: svc.DayCounts | svc.RoomCounts | None = None
        self._counted_context: svc.ScanContext | None = None

        self.context = QComboBox()
        self.context.setObjectName("checkinContext")
        self.context.setAccessibleName(self.tr("Where this desk checks in"))
        self.context.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.context.setMinimumContentsLength(22)
        self.exit_mode = QCheckBox(self.tr("E&xit (check out)"))
        self.exit_mode.setObjectName("exitMode")
        self.reentry = QCheckBox(self.tr("Re-entry &allowed"))
        self.reentry.setObjectName("reentryAllowed")
        self.reentry.setChecked(True)
        self.sound = QCheckBox(self.tr("&Sound"))
        self.sound.setObjectName("soundOn")
        self.sound.setChecked(True)
        self.sounds = Sounds()
        self.sound.toggled.connect(lambda on: setattr(self.sounds, "enabled", on))
        self.desk = QLineEdit(desk_settings.saved_name() or socket.gethostname()[:40])
        self.desk.setMaxLength(40)
        self.desk.setObjectName("deskName")
        self.desk.setAccessibleName(self.tr("Desk name"))
        self.desk.setMinimumWidth(120)
        self.desk.setMaximumWidth(180)
        desk_label = QLabel(self.tr("&Desk"))
        desk_label.setBuddy(self.desk)
        context_label = QLabel(self.tr("Chec&k-in at"))
        context_label.setBuddy(self.context)
        top = QHBoxLayout()
        top.addWidget(context_label)
        top.addWidget(self.context, 2)
        top.addWidget(self.exit_mode)
        top.addWidget(self.reentry)
        top.addWidget(self.sound)
        top.addStretch()
        top.addWidget(desk_label)
        top.addWidget(self.desk)

        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setAccessibleName(self.tr("Scan field"))
        self.scan_field.setPlaceholderText(self.tr("Scan a badge – or type its code, then Enter"))
        font = QFont()
        font.setPointSize(22)
        self.scan_field.setFont(font)
        self.scan_field.setMinimumHeight(56)
        self.scan_field.returnPressed.connect(self._scan_field_entered)
        self.verdict = VerdictPanel()
        self.verdict.override_requested.connect(self.admit_anyway)
        self.verdict.place_requested.connect(self.give_free_place)
        self.verdict.group_requested.connect(lambda: self.admit_group(from_verdict=True))
        self.addActions(self.verdict.page_actions())  # F9, F10 and the Actions menu
        self.verdict.timer.timeout.connect(lambda: self._update_group_button())
        self.last_code = ""  # what was scanned last: "admit anyway" scans it again
        self.offline_banner = QLabel()
        self.offline_banner.setObjectName("offlineBanner")
        self.offline_banner.setAccessibleName(self.tr("Connection to the server"))
        self.offline_banner.setWordWrap(True)
        self.offline_banner.hide()
        self.name_banner = QLabel(
            self.tr(
                "This desk has no name yet: give it one in the field “Desk” above and press "
                "Enter (asked once). The scan log and the other desks call it by this name."
            )
        )
        self.name_banner.setObjectName("nameBanner")
        self.name_banner.setWordWrap(True)
        self.name_banner.setStyleSheet(
            "background:#FFF4CE; color:#4A3B00; border:1px solid #C9A400; border-radius:6px;"
            " padding:6px 10px;"
        )
        self.name_banner.setVisible(not door and not desk_settings.saved_name())
        self.session_started = utcnow()  # "undo" reaches back to this desk's start only
        self.capture = ScannerCapture(self, self.scan_field)
        self.capture.scanned.connect(self.scan)
        self.capture.field_burst.connect(self._scan_field_entered)  # a scanner without suffix

        # search by name, admit
        self.find = QLineEdit()
        self.find.setObjectName("checkinSearch")
        self.find.setAccessibleName(self.tr("Search by name"))
        self.find.setPlaceholderText(self.tr("Name, organisation or code (Ctrl+F)"))
        self.find.setClearButtonEnabled(True)
        self.found = FoundModel((), self)
        self.found_view = list_table("foundTable", self.tr("Participants found"), self.found)
        # several chosen (Shift/Ctrl + arrows or click): admitted together
        self.found_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.found_view.doubleClicked.connect(lambda _: self.admit_found())
        self.found_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_group_button()
        )
        self._searched = ""  # the text the found list is for
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(150)
        self._find_timer.timeout.connect(self._search)
        self.find.textChanged.connect(self._find_timer.start)
        self.find.returnPressed.connect(self.admit_found)
        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Find),
             lambda: (self.find.setFocus(), self.find.selectAll())),
        ):  # fmt: skip
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        self.buttons: dict[str, QPushButton] = {}
        for name, text, shortcut, slot in (
            ("doorMode", self.tr("D&oor mode…"), "", self.door_mode_requested.emit),
            ("admit", self.tr("Ad&mit the chosen"), "", self.admit_found),
            ("group", self.tr("Admit the &group…"), "F11", self.admit_group),
            ("undo", self.tr("&Undo last admission"), "F8", self.undo_last),
            ("walkIn", self.tr("&Walk-in…"), "Ctrl+Shift+N", self.walk_in_requested.emit),
            ("reprint", self.tr("&Reprint badge…"), "", self.reprint_last),
            ("conflicts", self.tr("Confl&icts…"), "", self.show_conflicts),
        ):
            self.buttons[name] = action_button(self, name, text, shortcut, slot)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("checkinCounts")
        self.counts_label.setStyleSheet("font-size:15pt; font-weight:bold;")
        self.counts_label.setWordWrap(True)  # never widens the column past the verdict
        self.counts = CategoryCountsModel((), self)
        self.counts_view = list_table(
            "categoryCounts", self.tr("Checked in per category"), self.counts
        )
        self.recent = RecentScansModel(self.verdict.words_for, self)
        self.recent_view = list_table(
            "recentScans", self.tr("Last scans of this desk"), self.recent
        )
        header = self.recent_view.horizontalHeader()  # the name always in view
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.recent_view.setTextElideMode(Qt.TextElideMode.ElideRight)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.offline_banner)
        left_layout.addWidget(self.name_banner)
        left_layout.addWidget(self.scan_field)
        left_layout.addWidget(self.verdict, 1)
        manual = QGroupBox(self.tr("Guest without badge: search by name"))
        manual_layout = QVBoxLayout(manual)
        manual_layout.addWidget(self.find)
        manual_layout.addWidget(self.found_view)
        row = QHBoxLayout()
        for name in ("admit", "group", "walkIn", "reprint"):
            row.addWidget(self.buttons[name])
        row.addStretch()
        manual_layout.addLayout(row)
        left_layout.addWidget(manual)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.counts_label)
        right_layout.addWidget(self.counts_view, 1)
        self.recent_label = QLabel(self.tr("Last scans of this desk"))
        right_layout.addWidget(self.recent_label)
        right_layout.addWidget(self.recent_view, 2)
        if door:
            right_layout.addStretch()
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.buttons["undo"])
        undo_row.addWidget(self.buttons["conflicts"])
        right_layout.addLayout(undo_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.scan_field)
        top.addWidget(self.buttons["doorMode"])
        if door:  # the settings are locked; other guests' names and the tools stay hidden
            for widget in (
                self.context, self.exit_mode, self.reentry, self.desk,
                self.buttons["doorMode"], self.buttons["walkIn"], self.buttons["reprint"],
                self.buttons["conflicts"],
                self.recent_view, self.counts_view, self.recent_label, desk_label,
                context_label,
            ):  # fmt: skip
                widget.setEnabled(False)
                widget.hide()

        self.reload_contexts()
        if not door:  # what this desk was set to last time
            index = self.context.findData(desk_settings.saved_context(db, event_id))
            if index >= 0:
                self.context.setCurrentIndex(index)
            self.reentry.setChecked(desk_settings.flag(desk_settings.REENTRY, True))
            self.sound.setChecked(desk_settings.flag(desk_settings.SOUND, True))
            self.context.currentIndexChanged.connect(self._remember_context)
            self.reentry.toggled.connect(
                lambda on: desk_settings.save_flag(desk_settings.REENTRY, on)
            )
            self.sound.toggled.connect(lambda on: desk_settings.save_flag(desk_settings.SOUND, on))
            self.desk.editingFinished.connect(self.confirm_name)
        self.context.currentIndexChanged.connect(lambda _: self.refresh())
        self.desk.editingFinished.connect(self.refresh)
        self.follower = Follower(self, live, self.live_refresh, LIVE_TABLES)
        self._desk_timer = QTimer(self)
        self._desk_timer.setInterval(1000)
        self._desk_timer.timeout.connect(self.show_desk_state)
        if self.door_desk.shared:
            self._desk_timer.start()
        self._update_group_button()
        self.refresh()

    # --- the page comes and goes: the scanner capture with it -------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.capture.start()
        self.scan_field.setFocus()
        if self._count_again:
            self._recount()

    def hideEvent(self, event) -> None:
        self.capture.stop()
        super().hideEvent(event)

    # --- context ----------------------------------------------------------------------------

    def reload_contexts(self) -> None:
        with self.db.session(write=False) as session:
            days = get_event(session, self.event_id).days
            programme = event_programme(session, self.event_id)
            today = svc.day_of(session, self.event_id, date.today())
        current = self.context.currentData()
        self.context.blockSignals(True)
        self.context.clear()
        for day in days:
            self.context.addItem(
                self.tr("Entry %1").replace("%1", day_label(day.date)), context_key("day", day.id)
            )
        for slot, items in programme:
            for item in items:
                label = f"{item.code} {item.title}".strip()
                text = (
                    self.tr("Session door: %1 (%2)")
                    .replace("%1", label)
                    .replace("%2", f"{day_label(slot.day)} {slot.starts_at:%H:%M}")
                )
                self.context.addItem(text, context_key("item", item.id))
        index = self.context.findData(current) if current else -1
        if index < 0 and today is not None:
            index = self.context.findData(context_key("day", today))
        self.context.setCurrentIndex(max(0, index))
        self.context.blockSignals(False)

    def scan_context(self) -> svc.ScanContext:
        kind, _, number = self.context.currentData().partition(":")
        key = int(number)
        return svc.ScanContext(
            day_id=key if kind == "day" else None,
            item_id=key if kind == "item" else None,
            direction=Direction.OUT.value if self.exit_mode.isChecked() else Direction.IN.value,
            allow_reentry=self.reentry.isChecked(),
        )

    def copy_settings(self, other: CheckinPage) -> None:
        """Stand where ``other`` stands: context, direction, re-entry rule, desk."""
        self.context.setCurrentIndex(max(0, self.context.findData(other.context.currentData())))
        self.exit_mode.setChecked(other.exit_mode.isChecked())
        self.reentry.setChecked(other.reentry.isChecked())
        self.desk.setText(other.desk_name())
        self.refresh()

    def desk_name(self) -> str:
        return self.desk.text().strip() or socket.gethostname()[:40]

    def _remember_context(self, _index: int) -> None:
        if self.context.currentData():
            desk_settings.save_context(self.db, self.event_id, self.context.currentData())

    def confirm_name(self) -> None:
        """The desk's name, kept for the next start. A name another desk of this event
        already scanned under is taken only when staff say it is this computer."""
        name = self.desk_name()
        saved = desk_settings.saved_name()
        if name == saved:
            self.name_banner.hide()
            return
        try:
            with self.db.session(write=False) as session:
                seen = dict(svc.desks_seen(session, self.event_id, datetime.min.replace(
                    tzinfo=UTC)))  # fmt: skip
        except DBAPIError:
            seen = {}
        if name in seen:
            answer = QMessageBox.question(
                self,
                self.tr("Desk name in use"),
                self.tr(
                    "A desk called “%1” has scanned at this event, last at %2. Is that this "
                    "computer? Two desks under one name cannot be told apart in the scan log."
                )
                .replace("%1", name)
                .replace("%2", local_time(seen[name])),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.desk.setText(saved or socket.gethostname()[:40])
                self.desk.setFocus()
                self.desk.selectAll()
                return
        desk_settings.save_name(name)
        self.name_banner.hide()

    # --- scanning ---------------------------------------------------------------------------

    def _scan_field_entered(self) -> None:
        code = self.scan_field.text()
        self.scan_field.clear()
        if code.strip():
            self.scan(code)

    def scan(self, code: str, override_reason: str = "") -> svc.ScanResult | None:
        """Scan, commit (on the server, or in this desk's outbox), and only then show the
        verdict. A scan that could not be decided shows so, never the previous verdict.
        ``override_reason``: admit anyway (see admit_anyway)."""
        self.door_desk.desk = self.desk_name()
        self.last_code = code
        context = replace(self.scan_context(), override_reason=override_reason)
        try:
            result = self.door_desk.scan(code, context)
        except RegdeskError as exc:
            self.verdict.show_unchecked(error_text(exc))
            self.verdict.repaint()
            self.sounds.cue("stop")
            self.show_desk_state()
            return None
        if result.offline:
            self.show_desk_state()
        self.show_admission(result)
        return result

    def _search(self) -> None:
        text = self.find.text().strip()
        if not text:
            self.found.set_rows([])
            return
        filters = ParticipantFilter(status=ParticipantStatus.REGISTERED.value)
        with self.db.session(write=False) as session:
            rows = search(session, self.event_id, text, limit=12, filters=filters)
        # searched again (a change elsewhere, or the last keys typed caught up while the
        # list is in use): whoever was chosen stays chosen; a new search typed picks its best
        again_ = text == self._searched or not self.find.hasFocus()
        kept = {r.id for r in self._chosen_rows()} if again_ else set()
        self._searched = text
        self.found.set_rows(rows)
        again = [i for i, r in enumerate(rows) if r.id in kept]
        if again:
            selection = QItemSelection()
            for i in again:
                last = self.found.columnCount() - 1
                selection.select(self.found.index(i, 0), self.found.index(i, last))
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.found_view.selectionModel().select(
                selection, flags | QItemSelectionModel.SelectionFlag.Rows
            )
            self.found_view.selectionModel().setCurrentIndex(
                self.found.index(again[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        elif rows:
            self.found_view.selectRow(0)
        self._update_group_button()

    def admit_found(self) -> None:
        """Admit the chosen person (no badge at hand): the same scan, by short code. Several
        chosen: all of them, in one transaction."""
        if self._find_timer.isActive():
            self._find_timer.stop()
            self._search()
        chosen = self._chosen_rows()
        if not chosen:
            return
        if len(chosen) == 1:
            self.scan(chosen[0].short_code)
        else:
            self.admit_people(
                [r.id for r in chosen], self.tr("%n chosen", "", len(chosen)), group_id=None
            )
        self.find.clear()
        self.scan_field.setFocus()

    def _chosen_rows(self):
        rows = chosen_rows(self.found_view)
        return [self.found.rows[r] for r in rows if r < len(self.found.rows)]

    def _group_target(self, from_verdict: bool = False) -> tuple[int, str] | None:
        """The group to admit: the one of the person chosen in the search, else the one
        whose lead was just scanned."""
        if not from_verdict:
            chosen = self._chosen_rows()
            if len(chosen) == 1 and chosen[0].group_id is not None and self.find.text().strip():
                return chosen[0].group_id, chosen[0].group_name
        result = self.verdict.result
        if self.verdict.offers_group(result):
            return result.group.id, result.group.name
        return None

    def _update_group_button(self) -> None:
        self.buttons["group"].setEnabled(self._group_target() is not None)

    def admit_group(self, from_verdict: bool = False) -> None:
        """The whole group in one step: its members listed with who is in already; door
        staff untick who is not here; the rest admitted together."""
        target = self._group_target(from_verdict)
        if target is None:
            return
        group_id, name = target
        source = self.door_desk.reading_db()
        if source is None:
            return
        self.verdict.timer.stop()  # the lead stays on screen while staff tick
        try:
            with source.session(write=False) as session:
                members = svc.group_at_door(session, self.event_id, group_id, self.scan_context())
        except (RegdeskError, DBAPIError):
            self.verdict.show_unchecked(self.tr("The group could not be read; scan again."))
            self.sounds.cue("stop")
            return
        dialog = GroupAdmitDialog(name, members, self)
        try:
            if dialog.exec():
                self.admit_people(dialog.chosen(), name, group_id=group_id)
            else:
                self.verdict.timer.start()
        finally:
            dialog.deleteLater()
            self.find.clear()
            self.scan_field.setFocus()

    def admit_people(self, ids: list[int], title: str, *, group_id: int | None) -> None:
        """Several guests decided in one transaction, through the desk (offline too)."""
        if not ids:
            return
        self.door_desk.desk = self.desk_name()
        try:
            results = self.door_desk.admit_people(ids, self.scan_context(), group_id=group_id)
        except RegdeskError as exc:
            self.verdict.show_unchecked(error_text(exc))
            self.verdict.repaint()
            self.sounds.cue("stop")
            self.show_desk_state()
            return
        if any(r.offline for r in results):
            self.show_desk_state()
        self.verdict.show_many(results, title)
        self.verdict.repaint()
        for result in results:
            self.count_own(result)
        self._update_group_button()
        worst = {r.colour for r in results}
        self.sounds.cue("stop" if worst == {"stop"} else "warn" if worst - {"ok"} else "ok")
        people = [r.person.id for r in results if r.person is not None]
        if people:
            self.last_person_id = people[-1]
        QTimer.singleShot(0, self, self.refresh)
        self.changed.emit()

    def walk_in_admission(self) -> Admission | None:
        """At a day's entry a walk-in registered here is admitted at once (see
        WalkInDialog); at a session door not."""
        if self.scan_context().day_id is None:
            return None
        return Admission(
            self.context.currentText(), self.scan_context, self.desk_name, self.show_admission
        )

    def show_admission(self, result: svc.ScanResult) -> None:
        """A committed verdict of this desk: a scan, or one decided on its behalf (the
        walk-in form, a free place given)."""
        self.verdict.show_result(result)
        self.verdict.repaint()  # painted now; the sound and the lists follow
        self.count_own(result)
        self._update_group_button()
        self.sounds.cue(result.colour)
        if result.person is not None:
            self.last_person_id = result.person.id
        QTimer.singleShot(0, self, self.refresh)  # not after the page is gone
        self.changed.emit()

    def give_free_place(self) -> None:
        """The guest shown (waiting, or not enrolled) takes a free place of this door's
        item: enrolled and admitted in one step, on the server."""
        result = self.verdict.result
        if result is None or not result.can_take_place or result.item_id is None:
            return
        try:
            with self.db.session() as session:
                admitted = take_free_place(
                    session, self.event_id, self.last_code, item_id=result.item_id,
                    desk=self.desk_name(), actor=f"desk:{self.desk_name()}",
                )  # fmt: skip
        except RegdeskError as exc:  # gone meanwhile (another door was quicker)
            self.verdict.show_result(replace(result, places_free=0))
            self.verdict.add_note(error_text(exc))
            self.sounds.cue("stop")
            return
        except DBAPIError:
            self.verdict.show_unchecked(self.tr("The server does not answer; nothing changed."))
            self.sounds.cue("stop")
            return
        self.show_admission(admitted)

    def admit_anyway(self) -> None:
        """The guest just turned away comes in anyway: a reason (and in door mode the
        organiser's PIN), then the same badge scanned again with that reason."""
        result = self.verdict.result
        if result is None or not result.overridable or not self.last_code:
            return
        self.verdict.timer.stop()  # the guest stays on screen while staff decide
        check = None
        if self.door:

            def check(pin: str) -> bool:
                with self.db.session(write=False) as session:
                    return door_service.check_pin(session, self.event_id, pin)

        dialog = OverrideDialog(result, self.verdict.words_for(result.verdict), check, self)
        try:
            if dialog.exec():
                self.scan(self.last_code, override_reason=dialog.reason_text())
            else:
                self.verdict.timer.start()
        finally:
            dialog.deleteLater()
            self.scan_field.setFocus()

    def undo_last(self) -> None:
        """Take back this desk's last admission of its running session -- the one the
        button names, and no other."""
        if self.undo_target is None:
            return
        if self.undo_target.scan_id < 0:  # decided while another program held the file
            self.counts_label.setText(
                self.tr(
                    "This admission waits in the desk's journal until the database is free "
                    "(another program writes to it); undo it in a moment."
                )
            )
            return
        try:  # through the desk: never frozen behind another writer
            with self.door_desk.server.session() as session:
                result = svc.undo_last(
                    session, self.event_id, self.desk_name(), actor=f"desk:{self.desk_name()}",
                    since=self.session_started, scan_id=self.undo_target.scan_id,
                )  # fmt: skip
        except RegdeskError as exc:
            self.counts_label.setText(error_text(exc))
            return
        except DBAPIError:
            self.counts_label.setText(
                self.tr("The database is busy or does not answer; nothing was undone. Try again.")
            )
            return
        name = result.person.name if result.person else "?"
        self.verdict.clear()
        self.verdict.details.setText(self.tr("Admission of %1 undone.").replace("%1", name))
        self.refresh()
        self.changed.emit()

    def show_conflicts(self) -> None:
        dialog = ConflictsDialog(
            self.db, self.event_id, self.door_desk, self.verdict.words_for, self.live, self
        )
        dialog.exec()
        dialog.deleteLater()
        self.scan_field.setFocus()

    def reprint_last(self) -> None:
        if self.last_person_id is not None:
            self.reprint_requested.emit(self.last_person_id)

    # --- live: other screens, other desks, the server -------------------------------------

    def live_refresh(self, topics: frozenset[str]) -> None:
        if touches(topics, "participant", "participant_day", "category", "event_day",
                   "group_member"):  # fmt: skip
            self._expected.clear()  # who is expected may have changed
        if touches(topics, "event", "event_day", "programme_slot", "programme_item"):
            self.reload_contexts()
        self.refresh()
        if self.find.text().strip():
            self._search()

    def show_undo(self, undo: svc.Undoable | None) -> None:
        """The undo button says whose admission it takes back."""
        self.undo_target = undo
        button = self.buttons["undo"]
        button.setEnabled(undo is not None)
        if undo is None:
            button.setText(self.tr("&Undo last admission"))
        else:
            button.setText(
                self.tr("&Undo: %1 (%2)")
                .replace("%1", undo.name)
                .replace("%2", local_time(undo.at)[-5:])
            )
        button.setAccessibleName(button.text().replace("&", ""))

    def show_desk_state(self) -> None:
        """The banner that cannot be missed while the desk decides offline."""
        if not self.door_desk.shared:
            return
        state = self.door_desk.state()
        if not state.online:
            since = local_time(state.offline_since) if state.offline_since else ""
            text = (
                self.tr(
                    "OFFLINE since %1 – the server does not answer. Admitting from this desk's "
                    "copy; %2 scan(s) wait for upload."
                )
                .replace("%1", since)
                .replace("%2", str(state.pending))
            )
            style = "background:#B3261E; color:white;"
        elif state.refused:
            text = self.tr(
                "%1 offline scan(s) were refused by the server – see Conflicts."
            ).replace("%1", str(state.refused))
            style = "background:#9A5B00; color:white;"
        else:
            self.offline_banner.hide()
            return
        self.offline_banner.setStyleSheet(
            style + "font-size:15pt; font-weight:bold; padding:8px 12px; border-radius:6px;"
        )
        self.offline_banner.setText(text)
        self.offline_banner.show()

    # --- counters and lists -----------------------------------------------------------------

    def refresh(self) -> None:
        """The last scans and undo now (quick: one index each); the counters in the
        background -- at 100,000 people and a busy morning they read tens of thousands of
        scans, and the next guest must not wait for that (see _recount)."""
        source = self.door_desk.reading_db()  # offline: this desk's copy
        if source is None:
            return
        try:
            with source.session(write=False) as session:
                recent = svc.recent_scans(session, self.event_id, self.desk_name(), limit=25)
                undo = svc.undoable(session, self.event_id, self.desk_name(), self.session_started)
        except DBAPIError:  # the lists wait; the scans go on (through the desk)
            self.counts_label.setText(self.tr("Counters not available right now"))
            return
        self.recent.set_rows(recent)
        self.show_undo(undo)
        self.buttons["reprint"].setEnabled(self.last_person_id is not None)
        self._recount()

    def _recount(self) -> None:
        """Count the day's entry or the room on a worker thread; one at a time, and once
        more when something happened meanwhile."""
        if self._counting is not None and time.monotonic() - self._counting_since > STALE_S:
            self._counting = None  # its answer never came: count anew rather than never
        if self._counting is not None or not self.isVisible():
            self._count_again = True  # once the running count is back, or when shown
            return
        source = self.door_desk.reading_db()
        if source is None:
            return
        context, event_id = self.scan_context(), self.event_id
        cached = self._expected

        def count(progress=None, cancelled=None):
            with source.session(write=False) as session:
                day_id = context.day_id or svc.day_of(session, event_id, date.today())
                if context.item_id is not None:
                    return context, None, svc.room_counts(session, context.item_id), None
                if day_id is None:
                    return context, None, None, None
                expected = cached.get(day_id)
                if expected is None:
                    expected = svc.expected_by_category(session, event_id, day_id)
                counts = svc.day_counts(session, event_id, day_id, expected)
                return context, counts, None, (day_id, expected)

        self._count_again = False
        # not owned by this page: it may be deleted (door mode left, the window closed)
        # while the pool thread is about to emit (see Worker)
        self._counting = Worker(count, None)
        self._counting_since = time.monotonic()
        self._counting.signals.finished.connect(self._counted)
        self._counting.signals.failed.connect(self._count_failed)
        self._counting.start(door_pool())  # its own thread: never behind other work

    def _counted(self, result) -> None:
        worker, self._counting = self._counting, None
        if result is None and worker is not None:
            result = worker.result  # see Worker._run
        if result is None:  # nothing came through: count again rather than show nothing
            self._count_again = True
            self._count_failed(None)
            return
        context, counts, room, expected = result
        if expected is not None:
            self._expected[expected[0]] = expected[1]
        here = _place(self.scan_context())
        if _place(context) == here:  # the desk still stands there
            self._counted_context = context
            self.show_counts(counts, room)
        if self._count_again or _place(context) != here:
            self._recount()

    def _count_failed(self, _exc) -> None:
        self._counting = None
        self.counts_label.setText(self.tr("Counters not available right now"))
        if self._count_again:
            self._recount()

    def show_counts(self, counts: svc.DayCounts | None, room: svc.RoomCounts | None) -> None:
        self._shown_counts = counts or room
        locale = QLocale()
        if room is not None:  # a session door: the room against its places
            places = (
                locale.toString(room.capacity) if room.capacity is not None else self.tr("open")
            )
            self.counts_label.setText(
                self.tr("In the room: %1 of %2\ncame in: %3 · enrolled: %4")
                .replace("%1", locale.toString(room.inside))
                .replace("%2", places)
                .replace("%3", locale.toString(room.admitted))
                .replace("%4", locale.toString(room.enrolled))
            )
            self.counts.set_rows([])
        elif counts is not None:
            self.counts_label.setText(
                self.tr("In: %1 of %2 · inside now: %3")
                .replace("%1", locale.toString(counts.admitted))
                .replace("%2", locale.toString(counts.expected))
                .replace("%3", locale.toString(counts.inside))
            )
            self.counts.set_rows(counts.by_category)
        else:
            self.counts_label.setText(self.tr("Session door"))
            self.counts.set_rows([])
        if not self.door:  # per category at a day's entry; a session door counts the room
            self.counts_view.setVisible(room is None)

    def count_own(self, result: svc.ScanResult) -> None:
        """This desk's scan counted at once (the exact count follows from _recount): a
        first admission is one more in and inside, a check-out one fewer inside."""
        shown = self._shown_counts
        context = self._counted_context
        if shown is None or context is None or _place(context) != _place(self.scan_context()):
            return
        first = result.verdict == "admitted"
        out = result.verdict == "checked_out" and result.reason == "checked_out"
        if not (first or out):
            return
        change = {"inside": shown.inside + (1 if first else -1)}
        if first:
            change["admitted"] = shown.admitted + 1
        if isinstance(shown, svc.DayCounts):
            self.show_counts(replace(shown, **change), None)
        else:
            self.show_counts(None, replace(shown, **change))
