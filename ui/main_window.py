"""The main window: navigation between the areas, the event in the header, the database in
the status bar."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from regdesk import __version__
from regdesk.db import Database
from regdesk.desks.door import DoorDesk
from regdesk.desks.shares import network_share
from regdesk.errors import RegdeskError
from regdesk.services import door
from regdesk.services.checkin import desks_seen
from regdesk.services.events import get_event
from regdesk.services.events import open_event as make_current
from regdesk.text import format_date_range

from . import i18n
from .action_button import PAGE_ACTION
from .audit_dialog import AuditDialog
from .badges_page import BadgesPage
from .checkin_page import CheckinPage
from .database_menu import DatabaseActions
from .door_mode import DoorModeWindow
from .event_dialog import EventDialog
from .formatting import local_time, server_name
from .lists_page import ListsPage
from .live import Follower, LiveData
from .mail_dialog import MailDialog
from .messages import error_text
from .open_event_dialog import OpenEventDialog
from .overview_page import OverviewPage
from .participants_page import ParticipantsPage
from .programme_page import ProgrammePage
from .retention_dialog import RetentionDialog

DESKS_SEEN = timedelta(minutes=10)


class MainWindow(QMainWindow):
    event_changed = Signal()
    database_requested = Signal(str, bool)  # URL, hosted on this computer
    event_requested = Signal(int)  # another event of the same database (ui.app.Desk)
    rebuild_requested = Signal()  # the language changed: the window built anew in it

    def __init__(
        self, db: Database, event_id: int, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.actor = actor
        self.setObjectName("mainWindow")
        self.resize(1280, 800)

        self.header = QLabel()
        self.header.setObjectName("eventHeader")
        self.header.setStyleSheet(
            "background:#1B2A41; color:white; padding:10px 16px; font-size:13pt;"
        )
        self.header.setAccessibleName(self.tr("Current event"))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Areas"))
        self.nav.setFixedWidth(210)
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setStyleSheet(
            "QListWidget { background:#F0F2F5; border:none; font-size:11pt; }"
            "QListWidget::item { padding:10px 14px; }"
            "QListWidget::item:selected { background:#1F5FA8; color:white; }"
            "QListWidget:focus { outline: 2px solid #C05A00; }"
        )
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        # one change signal for every screen; the door's desk, online or offline
        self.live = LiveData(db, self)
        self.door_desk = DoorDesk(db, event_id, socket.gethostname()[:40])

        self.overview = OverviewPage(db, event_id)
        self.overview.retention_requested.connect(self.show_retention)
        self._add_page(self.tr("Overview"), self.overview)
        self.participants = ParticipantsPage(db, event_id, actor)
        self.participants.badge_requested.connect(self.hand_over_to_badges)
        self._add_page(self.tr("Participants"), self.participants)
        self.programme = ProgrammePage(db, event_id, actor)
        self._add_page(self.tr("Programme"), self.programme)
        self.badges = BadgesPage(db, event_id, actor)
        self.participants.reprint_requested.connect(self.badges.print_participant)
        self.participants.certificates_requested.connect(self._certificates)
        self.participants.access_requested.connect(self._access_export)
        self.participants.reissue_requested.connect(self.reissue_badge)
        self._add_page(self.tr("Badges"), self.badges)
        self.checkin = CheckinPage(db, event_id, actor, desk=self.door_desk, live=self.live)
        self.checkin.walk_in_requested.connect(
            lambda: self.participants.walk_in(self.checkin.walk_in_admission())
        )
        self.checkin.reprint_requested.connect(self.badges.print_participant)
        self.checkin.door_mode_requested.connect(self.enter_door_mode)
        self.door_window: DoorModeWindow | None = None
        self._door_left: DoorModeWindow | None = None  # kept until Qt deletes it
        self._add_page(self.tr("Check-in"), self.checkin)
        self.lists = ListsPage(db, event_id, actor)
        self._add_page(self.tr("Lists & export"), self.lists)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel()
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setAccessibleName(self.tr("Database"))
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_menus()
        self._show_database()
        self.refresh_event()
        self._follow_changes()
        self.live.start()
        self.door_desk.start()

    def _follow_changes(self) -> None:
        """Every screen shows the current data: changed here, by another process on the
        same file, or at another desk on the server."""
        people = ("participant", "participant_day", "consent", "category", "replaced_badge",
                  "enrolment", "preference", "scan", "participant_group",
                  "group_member")  # fmt: skip
        programme = ("programme_slot", "programme_item", "enrolment", "preference",
                     "allocation_run", "event_day", "participant")  # fmt: skip
        setup = ("event", "event_day", "category", "programme_slot", "programme_item")
        self.followers = [
            Follower(self.overview, self.live, lambda _t: self.overview.refresh()),
            Follower(self.participants, self.live, self.participants.live_refresh, people),
            Follower(self.programme, self.live, self.programme.live_refresh, programme),
            Follower(self.badges, self.live, lambda _t: self.badges.reload(), people),
            Follower(self.lists, self.live, lambda _t: self.lists.reload(), setup),
            Follower(self.header, self.live, lambda _t: self._show_header(), ("event",)),
            Follower(self.database_label, self.live, lambda _t: self._show_desks(), ("scan",)),
        ]
        self.live.server_state.connect(lambda *_: self._show_database())
        # this window's own changes reach the other screens at once (not only at the
        # watcher's next poll), through the same guarded followers
        for page in (self.participants, self.programme, self.checkin, self.lists):
            page.changed.connect(lambda: self.live.touch())

    def closeEvent(self, event) -> None:
        self.live.stop()
        self.door_desk.close()
        super().closeEvent(event)

    def _add_page(self, title: str, page: QWidget) -> None:
        number = self.pages.count() + 1
        item = QListWidgetItem(f"{title}")
        item.setToolTip(f"{title} (Ctrl+{number})")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        self.nav.addItem(item)
        self.pages.addWidget(page)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        open_event = QAction(self.tr("&Open event…"), self)
        open_event.setObjectName("actionOpenEvent")
        open_event.setShortcut(QKeySequence.StandardKey.Open)
        open_event.triggered.connect(self.open_event)
        file_menu.addAction(open_event)
        edit_event = QAction(self.tr("&Event settings…"), self)
        edit_event.setObjectName("actionEventSettings")
        edit_event.setShortcut(QKeySequence("Ctrl+E"))
        edit_event.triggered.connect(self.edit_event)
        file_menu.addAction(edit_event)
        import_action = QAction(self.tr("&Import participants…"), self)
        import_action.setObjectName("actionImport")
        import_action.setShortcut(QKeySequence("Ctrl+I"))  # on every page
        import_action.triggered.connect(self.import_participants)
        file_menu.addAction(import_action)
        mail = QAction(self.tr("E-&mail to participants…"), self)
        mail.setObjectName("actionMail")
        mail.setShortcut(QKeySequence("Ctrl+Shift+M"))
        mail.triggered.connect(self.mail_participants)
        file_menu.addAction(mail)
        file_menu.addSeparator()
        self.database_actions = DatabaseActions(self, file_menu)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu = view_menu
        # the page in front: each of its buttons, with its shortcut
        # no Alt+letter of its own: every letter is taken by some page's buttons, which
        # share the window's mnemonics; reached with F10 / Alt and the arrow keys
        self.actions_menu = self.menuBar().addMenu(self.tr("Actions"))
        self.actions_menu.setObjectName("actionsMenu")
        self.nav.currentRowChanged.connect(lambda _row: self._fill_actions_menu())
        self._fill_actions_menu()

        for row in range(self.nav.count()):
            # "Listen & Export": the & is the title's, not a mnemonic
            action = QAction(self.nav.item(row).text().replace("&", "&&"), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.show_area(r))
            view_menu.addAction(action)
            self.addAction(action)
        view_menu.addSeparator()
        audit = QAction(self.tr("&Audit log…"), self)
        audit.setObjectName("actionAuditLog")
        audit.setShortcut(QKeySequence("Ctrl+Shift+L"))
        audit.triggered.connect(self.show_audit_log)
        view_menu.addAction(audit)
        self.addAction(audit)
        retention = QAction(self.tr("&Retention periods…"), self)
        retention.setObjectName("actionRetention")
        retention.triggered.connect(self.show_retention)
        view_menu.addAction(retention)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = i18n.saved_language()
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{code}")
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About regdesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _fill_actions_menu(self) -> None:
        self.actions_menu.clear()
        page = self.pages.currentWidget()
        for action in page.actions() if page is not None else ():
            if action.property(PAGE_ACTION):
                self.actions_menu.addAction(action)

    def show_audit_log(self) -> AuditDialog:
        """Every change of the event, narrowed by who, what, whom and when; exportable."""
        dialog = AuditDialog(self.db, self.event_id, self.actor, self.live, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # beside the window: the office keeps working while it is open
        return dialog

    def show_retention(self) -> RetentionDialog:
        """How long each kind of personal data is kept, and when it is deleted."""
        dialog = RetentionDialog(self.db, self.event_id, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def mail_participants(self) -> None:
        """To the people chosen on the participant list, or to a list of people."""
        chosen = (
            self.participants.current_id()
            if self.pages.currentWidget() is self.participants
            else None
        )
        dialog = MailDialog(self.db, self.event_id, self.actor, (chosen,) if chosen else (), self)
        dialog.exec()
        dialog.deleteLater()

    def import_participants(self) -> None:
        self.show_area(self.pages.indexOf(self.lists))
        self.lists.import_participants()

    def _certificates(self, participant_ids: list[int]) -> None:
        """Certificates for people chosen in the participant list: made where the lists
        are made (its file dialog, its progress and cancel)."""
        self.show_area(self.pages.indexOf(self.lists))
        self.lists.certificates_for(participant_ids)

    def _access_export(self, participant_id: int) -> None:
        """A person's Art. 15 access export: written by the Lists & export page."""
        self.show_area(self.pages.indexOf(self.lists))
        self.lists.access_for(participant_id)

    def show_area(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        self.pages.currentWidget().setFocus()

    def _show_database(self) -> None:
        """Local file / connected to server X / offline since 10:42, and the other desks."""
        info = self.db.info
        if info.backend != "postgresql":
            text = self.tr("Local file: %1").replace("%1", info.location)
        elif self.live.server_up:
            text = self.tr("Connected to server %1").replace("%1", server_name(info.url))
        else:
            since = local_time(self.live.down_since) if self.live.down_since else ""
            text = self.tr("Offline since %1 – server %2 does not answer").replace(
                "%1", since).replace("%2", server_name(info.url))  # fmt: skip
        self._database_text = text
        self.database_label.setText(text)
        self.database_label.setToolTip(self.tr("Schema %1").replace("%1", info.revision))
        share = network_share(info.path) if info.path is not None else None
        if share:
            QMessageBox.warning(
                self,
                self.tr("Database on a network share"),
                self.tr(
                    "The database file lies on a network share (%1). SQLite cannot keep it "
                    "safe there when several desks use it: use a shared server instead "
                    "(File ▸ This computer as server for other desks)."
                ).replace("%1", share),
            )
        if info.backup is not None:
            self.statusBar().showMessage(
                self.tr("The database was upgraded; the previous version was kept as %1").replace(
                    "%1", str(info.backup)
                )
            )

    def _show_desks(self) -> None:
        """The other desks seen in the last minutes, beside the database."""
        since = datetime.now(UTC) - DESKS_SEEN
        with self.db.session(write=False) as session:
            seen = desks_seen(session, self.event_id, since)
        others = [desk for desk, _at in seen if desk != self.checkin.desk_name()]
        text = self._database_text
        if others:
            text += " · " + self.tr("Other desks: %1").replace("%1", ", ".join(others[:6]))
        self.database_label.setText(text)

    def _show_header(self) -> None:
        with self.db.session(write=False) as session:
            event = get_event(session, self.event_id)
        dates = format_date_range(event.first_day, event.last_day)
        self.header.setText(
            f"<b>{escape(event.name)}</b> &nbsp;·&nbsp; {dates}"
            + (f" &nbsp;·&nbsp; {escape(event.venue_name)}" if event.venue_name else "")
        )
        self.setWindowTitle(f"{event.name} – regdesk")

    def refresh_event(self) -> None:
        self._show_header()
        self.overview.refresh()
        if hasattr(self, "programme"):
            self.programme.reload()
            self.checkin.reload_contexts()
            self.lists.reload()

    def hand_over_to_badges(self, person) -> None:
        """A walk-in was registered: print the badge on the spot."""
        self.statusBar().showMessage(
            self.tr("%1 registered (badge code %2).")
            .replace("%1", person.display_name)
            .replace("%2", person.short_code),
            10000,
        )
        self.badges.print_participant(person.id)

    def enter_door_mode(self) -> None:
        """The check-in screen alone, full screen, until the organiser PIN is given."""
        if not self._ensure_door_pin():
            return
        self.door_window = DoorModeWindow(
            self.db, self.event_id, self.actor, self.checkin, live=self.live
        )
        self.door_window.left.connect(self._door_mode_left)
        self.hide()
        self.door_window.showFullScreen()
        self.door_window.page.scan_field.setFocus()

    def _door_mode_left(self) -> None:
        # deleted by Qt once its close has run (not by Python now, inside its closeEvent)
        window, self.door_window = self.door_window, None
        self._door_left = window
        window.deleteLater()
        self.show()
        self.checkin.refresh()
        self.overview.refresh()

    def _ensure_door_pin(self) -> bool:
        with self.db.session(write=False) as session:
            if door.has_pin(session, self.event_id):
                return True
        pin, ok = QInputDialog.getText(
            self,
            self.tr("Door mode PIN"),
            self.tr("Choose the organiser PIN (6 to 12 digits) that unlocks door mode:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        again, ok = QInputDialog.getText(
            self,
            self.tr("Door mode PIN"),
            self.tr("The same PIN again:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        if pin != again:
            QMessageBox.warning(self, self.tr("Door mode PIN"), self.tr("The two PINs differ."))
            return False
        try:
            with self.db.session() as session:
                door.set_pin(session, self.event_id, pin, actor=self.actor)
        except RegdeskError as exc:
            QMessageBox.warning(self, self.tr("Door mode PIN"), error_text(exc))
            return False
        return True

    def reissue_badge(self, participant_id: int) -> None:
        """A lost badge: new code, then print the new badge."""
        if self.badges.reissue(participant_id):
            self.participants.refresh_current()
            self.badges.print_participant(participant_id)

    def edit_event(self) -> None:
        dialog = EventDialog(self.db, self.actor, self.event_id, self)
        if dialog.exec():
            self.participants.reload_categories()
            self.participants.model.refresh_rows()
            self.refresh_event()
            self.statusBar().showMessage(self.tr("Event settings saved."), 5000)
            self.event_changed.emit()

    def open_event(self) -> None:
        """Another event of this database; it becomes the default of the desks and the CLI."""
        dialog = OpenEventDialog(self.db, self.event_id, self)
        chosen = dialog.chosen if dialog.exec() else None
        dialog.deleteLater()
        if chosen is None:
            return
        try:
            with self.db.session() as session:
                make_current(session, chosen)
        except RegdeskError as exc:
            QMessageBox.warning(self, self.tr("Open event"), error_text(exc))
            return
        if chosen != self.event_id:
            self.event_requested.emit(chosen)

    def current_area(self) -> int:
        return self.nav.currentRow()

    def choose_language(self, code: str) -> None:
        """At once: the translations are installed and the window is built anew in the
        language (on the same event and area)."""
        if code == i18n.current_language() and code == i18n.saved_language():
            return
        i18n.save_language(code)
        i18n.install(QApplication.instance(), code)
        self.rebuild_requested.emit()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About regdesk"),
            self.tr(
                "regdesk %1\nRegistration desk and door check-in for conferences.\n\nDatabase: %2"
            )
            .replace("%1", __version__)
            .replace("%2", self.db.info.url),
        )
