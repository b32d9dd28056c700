"""What a USB keyboard-wedge scanner really sends, as Qt receives it on X11: for every
capital Shift press, the letter (with Shift held, its text upper case), the letter's
release, Shift release; for a symbol of a German layout the same with AltGr; digits
alone; all a few milliseconds apart, then Enter, Tab or nothing. Each event goes to the
widget that has the focus at that moment, through the application's event filters,
with the event loop running in between (as between two X events)."""

from __future__ import annotations

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


def scanner_types(qtbot, code: str, suffix: str = "enter", gap_ms: int = 7) -> None:
    """The scanner reads ``code``: every key event ``gap_ms`` after the one before (by
    the device's clock, which the events carry; the program may be busy in between)."""
    stamp = now_ms()
    for char in code:
        key = key_of(char)
        if char.isupper():
            steps = [
                (press, Qt.Key.Key_Shift, SHIFT, ""),
                (press, key, SHIFT, char),
                (release, key, SHIFT, char),
                (release, Qt.Key.Key_Shift, NONE, ""),
            ]
        elif char in ALTGR_SYMBOLS:
            steps = [
                (press, Qt.Key.Key_AltGr, ALTGR, ""),
                (press, key, ALTGR, char),
                (release, key, ALTGR, char),
                (release, Qt.Key.Key_AltGr, NONE, ""),
            ]
        else:
            steps = [(press, key, NONE, char), (release, key, NONE, char)]
        for send, k, modifiers, text in steps:
            send(k, modifiers, text, stamp)
            stamp += gap_ms
            qtbot.wait(gap_ms)
    end = SUFFIXES[suffix]
    if end is not None:
        press(end[0], NONE, end[1], stamp)
        qtbot.wait(gap_ms)
        release(end[0], NONE, end[1], stamp + gap_ms)


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
