"""make run / make test check Qt's system libraries before Qt is imported: here all are
found; a missing one is named with the exact command when installing would have to ask."""

from __future__ import annotations

import ctypes.util
import subprocess
import sys
from pathlib import Path

from regdesk import system_libs

ROOT = Path(__file__).resolve().parents[2]


def test_every_library_qt_needs_is_found_here():
    assert system_libs.missing() == []
    done = subprocess.run(
        [sys.executable, "-m", "regdesk.system_libs", "--install"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_a_missing_library_is_named_with_the_command(monkeypatch, capsys):
    real = ctypes.util.find_library
    monkeypatch.setattr(ctypes.util, "find_library", lambda n: None if n == "EGL" else real(n))
    monkeypatch.setattr(system_libs, "_may_install", lambda: None)  # would have to ask
    assert system_libs.main(["--install"]) == 1
    line = capsys.readouterr().err.strip()
    assert line.endswith("apt-get install -y --no-install-recommends libegl1")
    assert line.count("\n") == 0


def test_a_window_needs_the_xcb_libraries_too_where_a_display_is_set(monkeypatch, capsys):
    # every library there but xcb-cursor (whatever this machine has)
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda n: None if n == "xcb-cursor" else f"lib{n}.so"
    )
    monkeypatch.setattr(system_libs, "_may_install", lambda: None)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert system_libs.main(["--install"]) == 0  # offscreen work does not need them
    assert system_libs.main(["--install", "--window"]) == 1  # make run on a desktop does
    assert capsys.readouterr().err.strip().endswith("--no-install-recommends libxcb-cursor0")
    monkeypatch.delenv("DISPLAY")  # no display (a server, CI): nothing to show it on
    assert system_libs.main(["--install", "--window"]) == 0
