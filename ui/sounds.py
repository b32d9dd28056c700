"""A sound per verdict class at the door: a rising chime (admitted), two even beeps
(look: re-entry elsewhere, replaced badge, wrong day), a low falling tone (stop).

Played by the system's own player, without waiting: winsound on Windows, afplay on
macOS, pw-play, paplay or aplay on Linux -- so no audio library is needed. Without any,
the desktop bell rings for the classes that need attention. The WAV files are in
resources/sounds (made by a few lines of Python: tones, no recordings)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

SOUNDS = Path(__file__).resolve().parent.parent / "resources" / "sounds"
PLAYERS = ("pw-play", "paplay", "aplay", "afplay")


def _player() -> list[str] | None:
    for name in PLAYERS:
        path = shutil.which(name)
        if path:
            return [path, "-q"] if name == "aplay" else [path]
    return None


class Sounds:
    def __init__(self) -> None:
        self.enabled = True
        self.last_cue: str | None = None  # what was played last (for tests and logs)
        self.player = None if sys.platform == "win32" else _player()

    def cue(self, kind: str) -> None:
        """Play the cue of a verdict class: "ok", "warn" or "stop"."""
        if not self.enabled:
            return
        self.last_cue = kind
        wav = SOUNDS / f"{kind}.wav"
        try:
            if sys.platform == "win32":
                import winsound

                winsound.PlaySound(str(wav), winsound.SND_FILENAME | winsound.SND_ASYNC)
            elif self.player is not None:
                subprocess.Popen(
                    [*self.player, str(wav)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            elif kind != "ok":
                QApplication.beep()
        except OSError:
            if kind != "ok":
                QApplication.beep()
