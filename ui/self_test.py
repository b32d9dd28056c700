"""``regdesk-gui --self-test`` (the bundle: ``regdesk --self-test``): the core checks of
regdesk.selftest, then the GUI offscreen -- Qt's platform plugin, regdesk's and Qt's
German translations, the main window on the demo event with every screen drawn, and the
door's sounds. Exits 0 when everything held, 1 with the failed check otherwise.

All of it happens in a temporary folder: on Linux the settings and data folders point
there too, so the user's database and settings are not touched."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def run_self_test() -> int:
    started = time.perf_counter()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="regdesk-self-test-") as tmp:
        folder = Path(tmp)
        if sys.platform.startswith("linux"):
            os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
            os.environ["XDG_DATA_HOME"] = str(folder / "data")
        step = ["start"]

        def say(text: str) -> None:
            step[0] = text
            print(f"  ok  {text}", flush=True)

        print(f"regdesk self-test ({'bundle' if getattr(sys, 'frozen', False) else 'source'}"
              f", Python {sys.version.split()[0]}) in {folder}", flush=True)  # fmt: skip
        try:
            checks = _checks(folder, say)
        except Exception as exc:
            traceback.print_exc()
            print(f"regdesk self-test FAILED after '{step[0]}': {exc}", flush=True)
            return 1
        print(f"regdesk self-test passed: {checks} checks in "
              f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
        return 0


def _checks(folder: Path, say) -> int:
    from regdesk.selftest import run_core

    core = run_core(folder, say)
    checks = core.checks
    try:
        checks += _gui(core, folder, say)
    finally:
        core.db.close()
    return checks


def _gui(core, folder: Path, say) -> int:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    from regdesk.selftest import check
    from regdesk.services.events import get_event

    from . import i18n, sounds
    from .app import application, shutdown_qt
    from .main_window import MainWindow

    app = application([])
    check(app.platformName() == "offscreen", f"the offscreen platform, not {app.platformName()}")
    say(f"Qt {QLibraryInfo.version().toString()} on the '{app.platformName()}' platform")
    i18n.install(app, "de")
    ours = QCoreApplication.translate("MainWindow", "Participants")
    context, source = "QPlatformTheme", "Cancel"  # Qt's own (not in our .ts: no literal here)
    qts = QCoreApplication.translate(context, source)
    check(ours == "Teilnehmende", f"regdesk's German translation, got {ours!r}")
    check(qts == "Abbrechen", f"Qt's own German translation, got {qts!r}")
    say("German translations: regdesk's and Qt's own")

    window = MainWindow(core.db, core.event_id, "self-test")
    try:
        window.show()
        app.processEvents()
        with core.db.session(write=False) as session:
            name = get_event(session, core.event_id).name
        title = window.windowTitle()
        check(title.startswith(name), f"the window of {name!r}, not {title!r}")
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            app.processEvents()
            page = window.pages.currentWidget()
            image = window.grab().toImage()
            check(not image.isNull() and image.width() > 600, f"screen {row + 1} drawn")
            if row == 0:
                image.save(str(folder / "window.png"))
            check(page.isVisible(), f"screen {row + 1} shown")
        names = [window.nav.item(r).text() for r in range(window.nav.count())]
        say(f"main window with {len(names)} screens: {', '.join(names)}")
    finally:
        window.close()
        shutdown_qt()

    missing = [k for k in ("ok", "warn", "stop") if not (sounds.SOUNDS / f"{k}.wav").is_file()]
    check(not missing, f"the door's sounds in {sounds.SOUNDS}, missing {missing}")
    say("door sounds present")
    return 3
