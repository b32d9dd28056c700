"""The installation's self-test (``main.py --self-test``; the bundle runs the same in CI):
it passes on a complete installation, and a part missing makes it fail, naming it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=240
    )


def test_the_self_test_passes_and_says_what_it_checked(tmp_path):
    done = subprocess.run(
        [sys.executable, "main.py", "--self-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    for said in (
        "database created, schema",
        "demo event with 40 participants",
        f"badge fonts from {ROOT / 'resources' / 'fonts'}",
        "badge PDF written",
        "participants list as XLSX (40 rows)",
        "signin list as PDF",
        "admitted once, the second scan refused",
        "PostgreSQL server started, schema",
        "'offscreen' platform",
        "German translations: regdesk's and Qt's own",
        "main window with 6 screens: Übersicht, Teilnehmende",
        "door sounds present",
        "regdesk self-test passed: 11 checks",
    ):
        assert said in out, f"{said!r} missing from:\n{out}"


def test_a_missing_translation_fails_the_self_test_and_names_it():
    done = _run(
        "import sys, pathlib, ui.i18n as i\n"
        "i.TRANSLATIONS = pathlib.Path('/nonexistent')\n"
        "from ui.self_test import run_self_test\n"
        "sys.exit(run_self_test())\n"
    )
    assert done.returncode == 1
    assert "regdesk self-test FAILED after 'Qt " in done.stdout
    assert "regdesk_de.qm" in done.stdout + done.stderr


def test_a_system_font_instead_of_the_shipped_one_fails_it():
    done = _run(
        "import sys, pathlib, regdesk.badges.fonts as f\n"
        "f.SHIPPED = pathlib.Path('/nonexistent')\n"
        "from ui.self_test import run_self_test\n"
        "sys.exit(run_self_test())\n"
    )
    assert done.returncode == 1
    assert "FAILED after 'demo event" in done.stdout
    assert "the badge fonts from /nonexistent" in done.stdout
