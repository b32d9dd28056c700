"""Guards against defects of the Qt binding that would crash regdesk in long sessions."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    with_object = Signal(object)
    with_ints = Signal(int, int)


def test_emit_does_not_leak_references_to_true(qapp):
    """PySide6 6.12.0 dropped a reference to True on every emit() from Python: after a
    few thousand progress updates the interpreter aborted (bool_dealloc). pyproject.toml
    excludes it; this test fails on any binding with the same defect."""
    emitter = Emitter()
    emitter.with_object.connect(lambda value: None)
    emitter.with_ints.connect(lambda done, total: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for n in range(200):
        emitter.with_object.emit(n)
        emitter.with_ints.emit(n, 200)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5, (before, after)
