"""Maintaining the translations: ``python -m ui.i18n_tools update`` (``make translations``).

Runs pyside6-lupdate over the GUI and the core's marked message templates into
resources/translations/regdesk_de.ts (keeping existing translations; edit new ones with
pyside6-linguist), then pyside6-lrelease into regdesk_de.qm, which the app loads.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TARGETS = {"de": TRANSLATIONS / "regdesk_de.ts"}


def sources() -> list[Path]:
    """Every Python file that holds tr() calls or QT_TRANSLATE_NOOP markers."""
    found = sorted((ROOT / "ui").glob("*.py"))
    found += sorted(
        p
        for p in (ROOT / "regdesk").rglob("*.py")
        if "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8") and p.name != "i18n.py"
    )
    return found


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def lupdate(ts: Path, language: str) -> str:
    result = subprocess.run(
        [
            tool("pyside6-lupdate"),
            *map(str, sources()),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return result.stdout + result.stderr


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def update() -> None:
    for language, ts in TARGETS.items():
        print(lupdate(ts, language).strip())
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"wrote {ts.with_suffix('.qm').relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["update"]:
        sys.exit("usage: python -m ui.i18n_tools update")
    update()
