"""Marking of translatable text in the core, which never imports Qt.

Qt's lupdate recognises calls named ``QT_TRANSLATE_NOOP(context, text)`` in any
Python file, so core modules mark their message templates with this no-op and
the GUI translates them with ``QCoreApplication.translate(context, text)``.
The CLI prints the English source text.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]


# The name is fixed by lupdate.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


def untranslated(context: str, text: str) -> str:
    return text
