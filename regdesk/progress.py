"""A text progress bar for the CLI, fed by the same ``progress(done, total)`` callback
the GUI uses for its progress bar."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class TextProgress:
    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.interactive = self.stream.isatty()
        self._last = 0.0
        self._last_percent = -1

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:  # nothing to measure (yet)
            return
        percent = int(done * 100 / total)
        now = time.monotonic()
        final = done >= total
        if self.interactive:
            if not final and now - self._last < 0.1:
                return
            filled = self.width * percent // 100
            bar = "#" * filled + "-" * (self.width - filled)
            end = "\n" if final else ""
            self.stream.write(f"\r{self.label} [{bar}] {percent:3d} % ({done}/{total}){end}")
        else:  # logs and pipes: a line per 10 %
            if percent // 10 == self._last_percent // 10 and not final:
                return
            if final and self._last_percent == 100:
                return
            self.stream.write(f"{self.label}: {percent} % ({done}/{total})\n")
        self._last = now
        self._last_percent = percent
        self.stream.flush()
