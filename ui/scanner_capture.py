"""Scanner input wherever the focus is on the check-in screen (and in door mode).

A handheld scanner is a keyboard: it types a whole code as a burst of key events a few
milliseconds apart -- for every capital Shift press, the letter, Shift release (AltGr
likewise for a symbol on a German layout) -- ended by Enter, by Tab, or by nothing (then
the pause ends it). A person types 100-300 ms between keys.

While the screen is shown, character keys aimed at any widget of its window other than
the scan field are held back for a moment. If they turn out to be a burst, the code
goes to the scan and nowhere else: it never lands in the search, renames the desk or
moves a combo box. If not -- a person typing -- they are delivered where they were going,
a few tens of milliseconds late. Modifier keys (Shift, AltGr, Ctrl ...) pass through and
neither end nor break a burst. In the scan field itself keys go straight in; a burst
there without Enter is scanned when the pause comes.
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

BURST_GAP = 0.05  # s between two characters of a burst (with Shift between: 15-30 ms)
PAUSE_MS = 80  # a burst without an end key is over after this; typing waits this long
LATE_S = 0.025  # the pause timer this much late: the program was busy, keys may be queued
MAX_WAITS = 6  # a busy program waits for queued keys at most this many pauses more
MIN_LENGTH = 4  # shorter bursts are not codes
ENDS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
MODIFIER_KEYS = frozenset(
    (
        Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R, Qt.Key.Key_Mode_switch, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock,
    )
)  # fmt: skip


def _when(event: QKeyEvent) -> float:
    """When the key was pressed, in seconds: the window system's time stamp (X11 and
    Wayland give the device's time, so a moment the program was busy does not stretch a
    burst), else the time it arrives here."""
    stamp = event.timestamp()
    return stamp / 1000 if stamp else time.monotonic()


class ScannerCapture(QObject):
    scanned = Signal(str)  # a burst caught outside the scan field: its code
    field_burst = Signal()  # a burst typed into the scan field ended by a pause

    def __init__(self, page: QWidget, scan_field: QWidget) -> None:
        super().__init__(page)
        self.page, self.scan_field = page, scan_field
        self.held: list[tuple[QObject, QKeyEvent, float]] = []  # a burst, as far as known
        self.down: set[int] = set()  # held keys not released yet (their release is held too)
        self.swallow: set[int] = set()  # keys of a caught burst whose release is to come
        self.field_times: list[float] = []  # a burst running in the scan field
        self.replaying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.pause)
        self._due = 0.0  # when the pause timer should fire (monotonic seconds)
        self._waits = 0  # pauses waited more for these keys because the timer fired late

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.release()
        self.field_times.clear()
        self.swallow.clear()

    # --- the filter -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(watched, QWidget) or watched is not QApplication.focusWidget():
            return False  # each key passes the filter several times; take it once
        if not self._in_scope(watched):
            return False
        key = event.key()
        if key in MODIFIER_KEYS:
            return False  # Shift, AltGr ...: neither end nor break a burst
        if kind == QEvent.Type.KeyRelease:
            return self._released(key)
        now = _when(event)
        if watched is self.scan_field:
            self._in_field(event, now)
            return False
        if event.isAutoRepeat():  # a key held down: a person
            self.release()
            return False
        if key in ENDS:
            return self._ended(key, now)
        text = event.text()
        if not text or not text.isprintable():  # arrows, Backspace, Ctrl+V ...: a person
            self.release()
            return False
        if self.held and now - self.held[-1][2] > BURST_GAP:
            self.release()  # too slow to belong to one burst with this key
        copy = QKeyEvent(QEvent.Type.KeyPress, key, event.modifiers(), text)
        self.held.append((watched, copy, now))
        self.down.add(key)
        self._wait_for_pause()
        return True

    def _in_scope(self, widget: QWidget) -> bool:
        if not self.page.isVisible() or QApplication.activeModalWidget() is not None:
            return False  # another screen, or a dialog open: its keys are its own
        return widget.window() is self.page.window()

    def _released(self, key: int) -> bool:
        if key in self.swallow:  # a key of a caught burst, or its end key
            self.swallow.discard(key)
            return True
        if key in self.down:  # released together with the held press, when that goes
            self.down.discard(key)
            return True
        return False

    def _ended(self, key: int, now: float) -> bool:
        code = self._burst(now)
        if code is None:
            self.release()
            return False
        self.swallow.add(key)
        self.scanned.emit(code)
        return True

    def _burst(self, now: float | None) -> str | None:
        """The held keys as a code when they are a burst (then they are taken); the keys
        before a gap are not part of it and go where they were going first."""
        if now is not None and self.held and now - self.held[-1][2] > BURST_GAP:
            return None
        if len(self.held) < MIN_LENGTH:
            return None
        held, self.held = self.held, []
        self.timer.stop()
        self.swallow |= self.down
        self.down.clear()
        return "".join(event.text() for _, event, _ in held)

    def _in_field(self, event: QKeyEvent, now: float) -> None:
        if event.key() in ENDS or not event.text() or not event.text().isprintable():
            self.field_times.clear()  # Enter scans by itself; anything else: a person
            return
        if self.field_times and now - self.field_times[-1] > BURST_GAP:
            self.field_times.clear()
        self.field_times.append(now)
        self._wait_for_pause()

    def _wait_for_pause(self) -> None:
        self._due = time.monotonic() + PAUSE_MS / 1000
        self._waits = 0
        self.timer.start()

    def pause(self) -> None:
        """No key for a while: a burst without an end key is scanned; typing delivered.
        A timer that fires late means the program was busy (a query, a repaint, the
        garbage collector): the scanner's next keys may be waiting in the queue behind it,
        so it waits another pause for them instead of cutting the code short -- again
        each time it comes late, up to MAX_WAITS times. A timer on time is a real pause,
        once the keys queued by then have been read."""
        if self._waits < MAX_WAITS and time.monotonic() - self._due > LATE_S:
            self._waits += 1
            self._due = time.monotonic() + PAUSE_MS / 1000
            self.timer.start()
            return
        # The timer may come before keys already queued (the desk was starved of CPU and
        # both were due when it ran again): those keys come first; one of them goes on
        # with the burst (it starts the timer again) or ends it.
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        if self.timer.isActive() or self.replaying:
            return
        if len(self.field_times) >= MIN_LENGTH:
            self.field_times.clear()
            self.field_burst.emit()
            return
        self.field_times.clear()
        code = self._burst(None)
        if code is not None:
            self.scanned.emit(code)
        else:
            self.release()

    def release(self) -> None:
        """Deliver held keys where they were going (a person typed them): each press with
        its release, except a key still held down -- its own release follows."""
        held, self.held = self.held, []
        self.timer.stop()
        still_down, self.down = self.down, set()
        last = {event.key(): i for i, (_, event, _) in enumerate(held)}
        self.replaying = True
        try:
            for i, (target, event, _) in enumerate(held):
                if not shiboken6.isValid(target):
                    continue
                QApplication.sendEvent(target, event)
                if event.key() in still_down and last[event.key()] == i:
                    continue
                QApplication.sendEvent(
                    target,
                    QKeyEvent(QEvent.Type.KeyRelease, event.key(), event.modifiers(), event.text()),
                )
        finally:
            self.replaying = False
