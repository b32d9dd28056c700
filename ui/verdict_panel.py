"""The verdict at the door, readable from two metres: colour *and* a symbol *and* words,
the name, organisation and category, and what needs attention. It clears itself after
a few seconds and never blocks: the next scan simply replaces it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from regdesk.services.checkin import ScanResult

from .action_button import PAGE_ACTION, PageButton
from .formatting import day_label, local_time

CLEAR_AFTER_MS = 6000
STYLES = {
    "ok": ("#1B7F3B", "✔"),
    "warn": ("#9A5B00", "⚠"),
    "stop": ("#B3261E", "✖"),
    "idle": ("#37474F", "▣"),
    "unchecked": ("#B3261E", "?"),
}


class VerdictPanel(QFrame):
    override_requested = Signal()  # "Admit anyway" for the guest shown
    place_requested = Signal()  # "Take the free place" at a session door
    group_requested = Signal()  # "Admit the whole group" from its lead's badge

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setAccessibleName(self.tr("Verdict"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(260)
        self.symbol = QLabel()
        self.symbol.setObjectName("verdictSymbol")
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.symbol.setFixedWidth(170)
        self.words = QLabel()
        self.words.setObjectName("verdictWords")
        self.words.setWordWrap(True)
        self.name = QLabel()
        self.name.setObjectName("verdictName")
        self.name.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("verdictDetails")
        self.details.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("verdictNotes")
        self.notes.setWordWrap(True)
        # each with a page action (F9, F10) the window's "Actions" menu lists while the
        # button is shown; the page that holds the panel adds them (page_actions)
        self.override_button = self._offer(
            "override", self.tr("Admit an&yway… (F9)"), self.tr("Admit anyway…"), "F9",
            self.override_requested,
        )  # fmt: skip
        self.override_button.setAccessibleName(self.tr("Admit anyway"))
        self.place_button = self._offer(
            "place", self.tr("Give the free &place (F10)"), self.tr("Give the free place"),
            "F10", self.place_requested,
        )  # fmt: skip
        self.place_button.setAccessibleName(self.tr("Give the free place"))
        self.group_button = QPushButton()
        self.group_button.setObjectName("groupButton")
        self.group_button.setAccessibleName(self.tr("Admit the whole group"))
        self.group_button.clicked.connect(self.group_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.group_button)
        buttons.addWidget(self.place_button)
        buttons.addWidget(self.override_button)
        buttons.addStretch()
        text = QVBoxLayout()
        text.setSpacing(6)
        for label in (self.words, self.name, self.details, self.notes):
            text.addWidget(label)
        text.addLayout(buttons)
        text.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.symbol)
        layout.addLayout(text, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CLEAR_AFTER_MS)
        self.timer.timeout.connect(self.clear)
        self.result: ScanResult | None = None
        self.results: list[ScanResult] = []  # several guests admitted at once
        self.clear()

    def _offer(
        self, name: str, text: str, menu_text: str, key: str, signal: SignalInstance
    ) -> PageButton:
        action = QAction(menu_text, self)
        action.setObjectName(f"{name}Action")
        action.setProperty(PAGE_ACTION, True)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(signal.emit)
        button = PageButton(text, action)
        button.setObjectName(f"{name}Button")
        button.clicked.connect(signal.emit)
        return button

    def page_actions(self) -> list[QAction]:
        """The verdict's offers as actions for the page's window menu and shortcuts."""
        return [self.override_button.action, self.place_button.action]

    def _style(self, kind: str) -> None:
        colour, symbol = STYLES[kind]
        self.setStyleSheet(
            f"#verdictPanel {{ background:{colour}; border-radius:10px; }}"
            " QLabel { color:white; background:transparent; }"
            " #verdictSymbol { font-size:96pt; font-weight:bold; }"
            " #verdictWords { font-size:34pt; font-weight:bold; }"
            " #verdictName { font-size:26pt; font-weight:bold; }"
            " #verdictDetails { font-size:16pt; }"
            " #verdictNotes { font-size:16pt; font-weight:bold; background:rgba(0,0,0,0.25);"
            " border-radius:6px; padding:4px 8px; }"
            " #overrideButton, #placeButton, #groupButton { font-size:13pt; padding:6px 14px;"
            " color:#1B1B1B; background:white; border-radius:6px; }"
        )
        self.symbol.setText(symbol)
        self.kind = kind

    def words_for(self, verdict: str) -> str:
        return {
            "admitted": self.tr("Welcome – admitted"),
            "re_entry": self.tr("Re-entry – already in today"),
            "already_used": self.tr("Already used"),
            "replaced": self.tr("Replaced badge – do not admit"),
            "cancelled": self.tr("Registration cancelled"),
            "unknown": self.tr("Unknown code"),
            "not_enrolled": self.tr("Not enrolled in this session"),
            "wrong_day": self.tr("Not registered for today"),
            "checked_out": self.tr("Checked out"),
        }.get(verdict, verdict)

    def show_result(self, result: ScanResult) -> None:
        self.result = result
        self._style(result.colour)
        self.words.setText(self.words_for(result.verdict))
        p = result.person
        if p is None:
            self.name.setText(self.tr("No participant has this code."))
            self.details.setText(self.tr("Search by name, or register a walk-in."))
        else:
            self.name.setText(p.name)
            self.details.setText(" · ".join(x for x in (p.organisation, p.category) if x))
        notes = []
        if p is not None and p.is_vip:
            notes.append(self.tr("VIP"))
        if p is not None and p.accessibility:
            notes.append(self.tr("Accessibility: %1").replace("%1", p.accessibility))
        if p is not None and p.reissued and result.verdict != "replaced":
            notes.append(self.tr("Badge reissued"))
        if result.verdict == "replaced":
            notes.append(self.tr("This badge was replaced by a newer one (lost?)."))
        if result.verdict == "not_enrolled" and result.reason == "waitlisted":
            notes.append(self.tr("On the waiting list only"))
        if result.can_take_place:
            notes.append(self.tr("%n place(s) free", "", result.places_free))
        if result.verdict == "wrong_day" and result.booked_days:
            notes.append(
                self.tr("Registered for: %1").replace(
                    "%1", ", ".join(day_label(d) for d in result.booked_days)
                )
            )
        if result.override_reason:
            notes.append(self.tr("Admitted anyway: %1").replace("%1", result.override_reason))
        if result.verdict == "checked_out" and result.reason == "not_inside":
            notes.append(self.tr("Was not checked in"))
        if result.group is not None:
            group = result.group
            text = self.tr("Leads the group %1 (%2)") if group.is_lead else self.tr("Group: %1")
            notes.append(text.replace("%1", group.name).replace("%2", str(group.registered)))
        if result.offline:
            notes.append(self.tr("Decided offline from this desk's copy"))
        if result.previous_at is not None:
            notes.append(
                self.tr("First admitted %1 at %2")
                .replace("%1", local_time(result.previous_at))
                .replace("%2", result.previous_desk)
            )
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.override_button.setVisible(result.overridable)
        self.place_button.setVisible(result.can_take_place)
        leads = self.offers_group(result)
        if leads:
            self.group_button.setText(
                self.tr("Admit the whole group (%1)… (F11)").replace(
                    "%1", str(result.group.registered)
                )
            )
        self.group_button.setVisible(leads)
        self.results = [result]
        self.setAccessibleDescription(f"{self.words.text()}: {self.name.text()}")
        self.timer.start()

    @staticmethod
    def offers_group(result: ScanResult | None) -> bool:
        """A lead let in (or back in) may bring the group in with them."""
        return (
            result is not None
            and result.group is not None
            and result.group.is_lead
            and result.group.registered > 1
            and result.colour == "ok"
        )

    def show_many(self, results: list[ScanResult], title: str) -> None:
        """Several guests decided at once (a group, a selection): how many came in, who,
        and each one who did not, with why."""
        self.result = None
        self.results = list(results)
        admitted = [r for r in results if r.colour == "ok"]
        refused = [r for r in results if r.colour != "ok"]
        self._style("ok" if not refused else "warn" if admitted else "stop")
        self.words.setText(self.tr("%n admitted", "", len(admitted)))
        self.name.setText(title)
        names = [r.person.name for r in admitted if r.person is not None]
        shown = ", ".join(names[:8])
        if len(names) > 8:
            shown += " " + self.tr("and %n more", "", len(names) - 8)
        self.details.setText(shown)
        notes = []
        for r in results:  # who did not simply come in for the first time, and why
            if r.verdict != "admitted":
                who = r.person.name if r.person is not None else "?"
                notes.append(f"{who}: {self.words_for(r.verdict)}")
        for r in results:
            p = r.person
            if p is not None and p.is_vip:
                notes.append(self.tr("VIP: %1").replace("%1", p.name))
            if p is not None and p.accessibility:
                notes.append(
                    self.tr("Accessibility: %1").replace("%1", f"{p.name} – {p.accessibility}")
                )
        if any(r.offline for r in results):
            notes.append(self.tr("Decided offline from this desk's copy"))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        for button in (self.override_button, self.place_button, self.group_button):
            button.hide()
        self.setAccessibleDescription(f"{self.words.text()}: {title}")
        self.timer.start()

    def add_note(self, text: str) -> None:
        """One more line under the verdict (what an action on it answered)."""
        lines = [line for line in (self.notes.text(), text) if line]
        self.notes.setText("\n".join(lines))
        self.notes.show()

    def show_unchecked(self, reason: str) -> None:
        """The scan could not be decided: never leave the previous guest's verdict up."""
        self.result = None
        self._style("unchecked")
        self.words.setText(self.tr("Not checked – please scan again"))
        self.name.setText("")
        self.details.setText(reason)
        self.notes.setText("")
        self.notes.hide()
        self.override_button.hide()
        self.place_button.hide()
        self.group_button.hide()
        self.results = []
        self.setAccessibleDescription(f"{self.words.text()}: {reason}")
        self.timer.start()

    def clear(self) -> None:
        self.result = None
        self._style("idle")
        self.words.setText(self.tr("Ready to scan"))
        self.name.setText("")
        self.details.setText(self.tr("Scan a badge, or type its code and press Enter."))
        self.notes.setText("")
        self.notes.hide()
        self.override_button.hide()
        self.place_button.hide()
        self.group_button.hide()
        self.results = []
        self.setAccessibleDescription(self.words.text())
