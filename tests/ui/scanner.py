"""What a USB keyboard-wedge scanner really sends, as Qt receives it on X11: for every
capital Shift press, the letter (with Shift held, its text upper case), the letter's
release, Shift release; for a symbol of a German layout the same with AltGr; digits
alone; all a few milliseconds apart, then Enter, Tab or nothing. Each event is queued,
when it is due, for the widget that has the focus then, and goes through the
application's event filters when the event loop gets to it (as an X event does)."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALTGR = Qt.KeyboardModifier.GroupSwitchModifier
NONE = Qt.KeyboardModifier.NoModifier
ALTGR_SYMBOLS = {"@": Qt.Key.Key_At, "\\": Qt.Key.Key_Backslash, "{": Qt.Key.Key_BraceLeft}
SUFFIXES = {"enter": (Qt.Key.Key_Return, "\r"), "tab": (Qt.Key.Key_Tab, "\t"), "none": None}


def _send(kind, key, modifiers, text, stamp_ms):
    target = QApplication.focusWidget()
    if target is None and kind == QEvent.Type.KeyRelease:
        return  # the press opened a dialog, and it has gone again: nowhere to release
    assert target is not None, "nothing has the focus"
    event = QKeyEvent(kind, key, modifiers, text)
    event.setTimestamp(stamp_ms)  # the X server's time of the key, as the device sent it
    QApplication.sendEvent(target, event)


def now_ms() -> int:
    return int(time.monotonic() * 1000)


def press(key, modifiers=NONE, text="", stamp_ms=None):
    _send(QEvent.Type.KeyPress, key, modifiers, text, stamp_ms or now_ms())


def release(key, modifiers=NONE, text="", stamp_ms=None):
    _send(QEvent.Type.KeyRelease, key, modifiers, text, stamp_ms or now_ms())


def key_of(char: str) -> Qt.Key:
    if char in ALTGR_SYMBOLS:
        return ALTGR_SYMBOLS[char]
    return Qt.Key(ord(char.upper()))


def _scanner_steps(code: str, suffix: str) -> list[tuple[QEvent.Type, Qt.Key, object, str]]:
    press_, release_ = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
    steps = []
    for char in code:
        key = key_of(char)
        if char.isupper():
            steps += [
                (press_, Qt.Key.Key_Shift, SHIFT, ""),
                (press_, key, SHIFT, char),
                (release_, key, SHIFT, char),
                (release_, Qt.Key.Key_Shift, NONE, ""),
            ]
        elif char in ALTGR_SYMBOLS:
            steps += [
                (press_, Qt.Key.Key_AltGr, ALTGR, ""),
                (press_, key, ALTGR, char),
                (release_, key, ALTGR, char),
                (release_, Qt.Key.Key_AltGr, NONE, ""),
            ]
        else:
            steps += [(press_, key, NONE, char), (release_, key, NONE, char)]
    end = SUFFIXES[suffix]
    if end is not None:
        steps += [(press_, end[0], NONE, end[1]), (release_, end[0], NONE, end[1])]
    return steps


def scanner_types(
    qtbot, code: str, suffix: str = "enter", gap_ms: int = 7, stamp_ms: int | None = None
) -> int:
    """The scanner reads ``code``: a key event every ``gap_ms`` by the device's clock,
    whatever the program does meanwhile -- sent from a thread of its own, queued for the
    widget that has the focus, as the window system queues what the device sends. When
    the program is busy (or starved of CPU on a loaded machine), the keys sent meanwhile
    wait in the queue and the program finds them there. ``stamp_ms`` goes on from an
    earlier part of the same burst; returns the next stamp."""
    start = stamp_ms or now_ms()
    steps = _scanner_steps(code, suffix)
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the focus"

    def device() -> None:
        for i, (kind, key, modifiers, text) in enumerate(steps):
            due = start + i * gap_ms
            if due > now_ms():
                time.sleep((due - now_ms()) / 1000)
            event = QKeyEvent(kind, key, modifiers, text)
            event.setTimestamp(due)  # the X server's time of the key, as the device sent it
            QApplication.postEvent(target, event)

    sender = threading.Thread(target=device, name="scanner")
    sender.start()
    while sender.is_alive():
        qtbot.wait(gap_ms)
    sender.join()
    qtbot.wait(gap_ms)
    return start + len(steps) * gap_ms


def person_types(qtbot, text: str, gap_ms: int = 150) -> None:
    """A person at the keyboard: ``gap_ms`` between keys (100-300 ms), Shift for capitals."""
    for char in text:
        if char == "\n":
            press(Qt.Key.Key_Return, NONE, "\r")
            release(Qt.Key.Key_Return, NONE, "\r")
        elif char.isupper():
            press(Qt.Key.Key_Shift, SHIFT)
            qtbot.wait(40)
            press(key_of(char), SHIFT, char)
            qtbot.wait(60)
            release(key_of(char), SHIFT, char)
            release(Qt.Key.Key_Shift)
        else:
            key = key_of(char) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
            if char == " ":
                key = Qt.Key.Key_Space
            press(key, NONE, char)
            qtbot.wait(60)
            release(key, NONE, char)
        qtbot.wait(gap_ms)
