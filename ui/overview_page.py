"""Übersicht: the event at a glance — details, registrations per category, programme, scans."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.services.overview_snapshot import DayFigures, OverviewSnapshot, overview_snapshot
from regdesk.text import format_date, format_date_range

from .arrivals_chart import ArrivalsChart
from .checkin_models import CategoryCountsModel as ArrivalsModel
from .checkin_models import RoomsModel, VipArrivalsModel
from .event_models import CategoryCountsModel, ProgrammeOutlineModel
from .formatting import day_label
from .live import kept_position
from .retention_dialog import RetentionDialog
from .workers import Refresher


class StatTile(QFrame):
    """A large number with its caption; the accessible name carries both."""

    def __init__(self, object_name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.caption = caption
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame { background:#F4F6F9; border:1px solid #D5DAE1; border-radius:6px; }"
        )
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size:26pt; font-weight:bold; color:#1B2A41; border:none;")
        label = QLabel(caption)
        label.setStyleSheet("color:#44505F; border:none;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(label)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_value(self, value: int | str, detail: str = "") -> None:
        self.value.setText(str(value))
        self.setAccessibleName(f"{self.caption}: {value}")
        self.setToolTip(detail)
        self.setAccessibleDescription(detail)


class OverviewPage(QWidget):
    retention_requested = Signal()  # "Fristen und Löschen…" on the banner of overdue data

    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.setObjectName("overviewPage")

        self.title = QLabel()
        self.title.setObjectName("overviewTitle")
        self.title.setStyleSheet("font-size:18pt; font-weight:bold;")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("overviewDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stale = QLabel()
        self.stale.setObjectName("overviewStale")
        self.stale.setStyleSheet("color:#9A3412; font-weight:bold;")
        self.stale.setWordWrap(True)
        self.stale.hide()
        # retention over and the data still stored: said until it is deleted
        self.overdue = QFrame()
        self.overdue.setObjectName("overviewOverdue")
        self.overdue.setStyleSheet(
            "#overviewOverdue { background:#FFF4E5; border:1px solid #E0A04A; border-radius:6px; }"
        )
        self.overdue_text = QLabel()
        self.overdue_text.setObjectName("overviewOverdueText")
        self.overdue_text.setWordWrap(True)
        self.overdue_button = QPushButton(self.tr("Retention and deletion…"))
        self.overdue_button.setObjectName("overviewOverdueButton")
        self.overdue_button.clicked.connect(self.retention_requested)
        banner = QHBoxLayout(self.overdue)
        banner.addWidget(self.overdue_text, 1)
        banner.addWidget(self.overdue_button)
        self.overdue.hide()

        self.tiles = {
            "registered": StatTile("tileRegistered", self.tr("Registered")),
            "cancelled": StatTile("tileCancelled", self.tr("Cancelled")),
            "items": StatTile("tileItems", self.tr("Programme items")),
            "scans": StatTile("tileScans", self.tr("Scans at the door")),
        }
        grid = QGridLayout()
        for column, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, 0, column)

        self.counts_model = CategoryCountsModel(parent=self)
        self.counts_view = QTableView()
        self.counts_view.setObjectName("categoryCounts")
        self.counts_view.setAccessibleName(self.tr("Registered participants per category"))
        self.counts_view.setModel(self.counts_model)
        self.counts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.counts_view.verticalHeader().hide()
        self.counts_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts_view.setTabKeyNavigation(False)

        self.outline_model = ProgrammeOutlineModel(parent=self)
        self.outline_view = read_only_table(
            self.outline_model, "programmeOutline", self.tr("Programme by time slot")
        )

        # the door, live across desks: arrivals per category, and who is in which room
        self.arrivals_heading = heading("")
        self.arrivals_model = ArrivalsModel((), self)
        self.arrivals_view = read_only_table(
            self.arrivals_model, "arrivalsPerCategory", self.tr("Arrivals per category")
        )
        self.rooms_model = RoomsModel((), self)
        self.rooms_view = read_only_table(
            self.rooms_model, "roomsNow", self.tr("Who is in which room")
        )
        self.vips_heading = heading(self.tr("VIP arrivals"))
        self.vips_model = VipArrivalsModel((), self)
        self.vips_view = read_only_table(
            self.vips_model, "vipArrivals", self.tr("VIPs admitted today")
        )
        vips_header = self.vips_view.horizontalHeader()
        vips_header.setStretchLastSection(False)
        for column in (0, 1, 3):  # time, name and door always in view; the organisation gives
            vips_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        vips_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        rooms_header = self.rooms_view.horizontalHeader()
        rooms_header.setStretchLastSection(False)
        rooms_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the numbers show
        for column in (1, 2, 3):
            rooms_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        tables = QGridLayout()
        tables.setHorizontalSpacing(16)
        tables.addWidget(heading(self.tr("Registrations per category")), 0, 0)
        tables.addWidget(heading(self.tr("Programme")), 0, 1)
        tables.addWidget(self.counts_view, 1, 0)
        tables.addWidget(self.outline_view, 1, 1)
        tables.addWidget(self.arrivals_heading, 2, 0)
        tables.addWidget(heading(self.tr("Rooms now")), 2, 1)
        tables.addWidget(self.arrivals_view, 3, 0)
        tables.addWidget(self.rooms_view, 3, 1, 2, 1)
        tables.addWidget(self.vips_heading, 4, 0)
        tables.addWidget(self.vips_view, 5, 0)
        self.arrivals_chart = ArrivalsChart(self)
        tables.addWidget(self.arrivals_chart, 5, 1)
        tables.setColumnStretch(0, 2)
        tables.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.stale)
        layout.addWidget(self.overdue)
        layout.addLayout(grid)
        layout.addLayout(tables, 1)
        self.snapshot: OverviewSnapshot | None = None
        self.shown_at: datetime | None = None
        self.refresher = Refresher(self._compute, self.show_snapshot, self._failed, self)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the figures off the GUI thread and paint them when they are back."""
        self.refresher.request()

    def busy(self) -> bool:
        return self.refresher.busy()

    def _compute(self) -> OverviewSnapshot:
        return overview_snapshot(self.db, self.event_id, date.today())

    def _failed(self, _exc: BaseException) -> None:
        """The database did not answer: the figures stay, marked with their time."""
        if self.shown_at is None:
            text = self.tr("The figures cannot be read right now.")
        else:
            text = self.tr("The figures cannot be read right now; shown: as of %1.").replace(
                "%1", self.shown_at.strftime("%H:%M:%S")
            )
        self.stale.setText(text)
        self.stale.show()

    def show_snapshot(self, snapshot: OverviewSnapshot) -> None:
        self.snapshot = snapshot
        self.shown_at = datetime.now()
        self.stale.hide()
        event, counts = snapshot.header, snapshot.counts
        self.title.setText(event.name)
        dates = format_date_range(event.first_day, event.last_day)
        lines = [f"<i>{escape(event.subtitle)}</i>"] if event.subtitle else []
        days = self.tr("%n day(s)", "", event.day_count)
        lines.append(f"{dates} · {days}")
        address = event.venue_address.replace("\n", ", ")
        place = ", ".join(p for p in (event.venue_name, address) if p)
        if place:
            lines.append(escape(place))
        if event.organiser:
            lines.append(self.tr("Organiser: %1").replace("%1", escape(event.organiser)))
        self.details.setText("<br>".join(lines))
        self.tiles["registered"].set_value(
            counts.registered, self.tr("%n walk-in(s)", "", counts.walk_ins)
        )
        self.tiles["cancelled"].set_value(counts.cancelled)
        self.tiles["items"].set_value(
            counts.items,
            self.tr("%1 slots, %2 places")
            .replace("%1", str(counts.slots))
            .replace("%2", str(counts.places)),
        )
        self.tiles["scans"].set_value(counts.scans)
        with kept_position(self.counts_view, self.outline_view, self.rooms_view, self.vips_view):
            self.counts_model.set_rows(counts.by_category)
            self.outline_model.set_rows(snapshot.outline)
            if snapshot.day is not None:
                self._show_day(snapshot.day)
        for view in (self.counts_view, self.outline_view, self.arrivals_view):
            view.resizeColumnsToContents()
        self._show_overdue(snapshot.overdue)

    def _show_overdue(self, lines) -> None:
        if not lines:
            self.overdue.hide()
            return
        parts = [
            self.tr("%1 since %2 (%3)")
            .replace("%1", RetentionDialog.class_name(line.data_class))
            .replace("%2", format_date(line.purge_on))
            .replace("%3", self.held_text(line))
            for line in lines
        ]
        text = self.tr("The retention period is over; still stored: %1.").replace(
            "%1", "; ".join(parts)
        )
        self.overdue_text.setText(text)
        self.overdue.setAccessibleName(text)
        self.overdue.show()

    def held_text(self, line) -> str:
        if line.data_class == "mail":
            return self.tr("%n message(s)", "", line.held)
        return self.tr("%n person(s)", "", line.held)

    def _show_day(self, day: DayFigures) -> None:
        """Today's entry (else the first day's): in / expected / inside per category, and
        the rooms, VIPs and arrivals of that day."""
        arrivals = day.counts
        locale = QLocale()
        self.arrivals_heading.setText(
            self.tr("Entry %1: in %2 of %3 · inside now %4")
            .replace("%1", day_label(day.date))
            .replace("%2", locale.toString(arrivals.admitted))
            .replace("%3", locale.toString(arrivals.expected))
            .replace("%4", locale.toString(arrivals.inside))
        )
        self.arrivals_model.set_rows(arrivals.by_category)
        self.rooms_model.set_rows(day.rooms)
        self.vips_model.set_rows(day.vips)
        self.arrivals_chart.set_bins(day.curve)
        self.vips_heading.setText(self.tr("VIP arrivals (%n)", "", len(day.vips)))


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size:12pt; font-weight:bold;")
    return label


def read_only_table(model, object_name: str, accessible_name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(object_name)
    view.setAccessibleName(accessible_name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view
