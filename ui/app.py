"""Application start: arguments, language, database, first-start dialog, main window."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from regdesk.db import Database, open_database
from regdesk.errors import NoEvent, RegdeskError
from regdesk.services.audit import actor_name
from regdesk.services.events import current_event_id

from . import i18n
from .main_window import MainWindow
from .messages import error_text
from .welcome_dialog import WelcomeDialog


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="regdesk-gui", description="regdesk (GUI)")
    parser.add_argument(
        "--database",
        "-d",
        default=None,
        metavar="URL",
        help="SQLAlchemy URL or SQLite file (default: $REGDESK_DATABASE_URL, "
        "else regdesk.sqlite3 in the user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=sorted(i18n.LANGUAGES),
        default=None,
        help="interface language (default: the saved choice, else German)",
    )
    return parser.parse_known_args(argv)  # the rest goes to Qt (-platform, -style ...)


def application(qt_args: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], *(qt_args or [])])
    app.setOrganizationName("regdesk")
    app.setApplicationName("regdesk")
    app.setApplicationDisplayName("regdesk")
    return app


def open_or_explain(url: str | None) -> Database | None:
    """Open the database; on failure show why (and print it) and return None."""
    try:
        return open_database(url)
    except RegdeskError as exc:
        text = error_text(exc)
        print(f"regdesk: {exc.message()}", file=sys.stderr)
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "regdesk cannot open the database"), text
        )
        return None


def start_window(db: Database, who: str) -> MainWindow | None:
    """The main window on the current event; first asks for one if the database has none."""
    try:
        with db.session(write=False) as session:
            event_id = current_event_id(session)
    except NoEvent:
        welcome = WelcomeDialog(db, who)
        if not welcome.exec() or welcome.event_id is None:
            return None
        event_id = welcome.event_id
    return MainWindow(db, event_id, who)


def shutdown_qt() -> None:
    """Take Qt down in order before Python finalises: background jobs finished, every
    window closed and deleted, deferred deletions done. Left to the interpreter's
    finalisation, Qt objects can be torn down after the application they belong to,
    which occasionally crashed at exit."""
    app = QApplication.instance()
    if app is None:
        return
    QThreadPool.globalInstance().waitForDone(30_000)
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()


def run(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    app = application(qt_args)
    i18n.install(app, args.lang or i18n.saved_language())
    db = open_or_explain(args.database)
    if db is None:
        return 1
    try:
        window = start_window(db, actor_name("gui"))
        if window is None:
            return 0
        window.show()
        return app.exec()
    finally:
        shutdown_qt()
        db.close()
