"""Terminal output that no stored text can take over.

A name, a note or a file name may hold escape sequences (``ESC [2K`` clears the line),
carriage returns or bidi overrides; printed raw, a cancelled registrant could show as
``ADMITTED · Anna Schmidt``. ``SafeStream`` wraps stdout and stderr of the command line
and prints every such character escaped (``\\x1b``), whatever command prints it.
"""

from __future__ import annotations

from typing import TextIO

from ..text import for_terminal


class SafeStream:
    """A text stream that writes ``for_terminal(text)`` to the stream it wraps. A leading
    carriage return (a progress bar redrawing its line) is kept."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if text.startswith("\r"):
            self._stream.write("\r" + for_terminal(text[1:]))
        else:
            self._stream.write(for_terminal(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def make_safe(stream: TextIO | None) -> TextIO | None:
    if stream is None or isinstance(stream, SafeStream):
        return stream
    return SafeStream(stream)  # type: ignore[return-value]
