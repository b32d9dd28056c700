"""Application start: arguments, language, database, first-start dialog, main window."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from regdesk.db import ENV_VAR, Database, open_database
from regdesk.desks import hosting
from regdesk.desks.pgserver import LocalServer
from regdesk.errors import NoEvent, RegdeskError
from regdesk.services.audit import actor_name
from regdesk.services.events import current_event_id

from . import connection, i18n
from .main_window import MainWindow
from .messages import error_text
from .welcome_dialog import WelcomeDialog
from .workers import own_pools


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
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen in a temporary folder (demo event, badge, "
        "lists, a scan, every screen) and exit: 0 when all is well",
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
    for pool in (QThreadPool.globalInstance(), *own_pools()):
        pool.waitForDone(30_000)
    for widget in QApplication.topLevelWidgets():
        widget.close()
    # closing may start work (a field's editingFinished refreshes a page, perhaps on a
    # pool made only now): done first
    for pool in (QThreadPool.globalInstance(), *own_pools()):
        pool.waitForDone(30_000)
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()


class Desk(QObject):
    """The window and the database it works on; moves both to another database (a shared
    server joined or hosted, or back to the local file) when the window asks."""

    def __init__(self, db: Database, who: str, hosted: bool) -> None:
        super().__init__()
        self.db, self.who, self.hosted = db, who, hosted
        self.window: MainWindow | None = None

    def open_window(self) -> bool:
        window = start_window(self.db, self.who)
        if window is None:
            return False
        self._show(window)
        return True

    def _show(self, window: MainWindow) -> None:
        self.window = window
        window.database_requested.connect(self.switch)
        window.event_requested.connect(self.open_event)
        window.rebuild_requested.connect(lambda: self.open_event(window.event_id))
        window.show()

    def open_event(self, event_id: int) -> None:
        """The window anew on ``event_id`` of the same database (another event, or the
        same one in a newly chosen language), on the area it showed."""
        old = self.window
        window = MainWindow(self.db, event_id, self.who)
        if old is not None:
            window.show_area(old.current_area())
            window.setGeometry(old.geometry())
        self._show(window)
        if old is not None:
            old.close()
            old.deleteLater()

    def switch(self, url: str, hosted: bool) -> None:
        new = open_or_explain(url)
        if new is None:
            return
        window = start_window(new, self.who)
        if window is None:
            new.close()
            return
        old_window, old_db = self.window, self.db
        self.db, self.hosted = new, hosted
        self._show(window)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        old_db.close()

    def close(self) -> None:
        self.db.close()
        if self.hosted and not connection.keep_server_running():
            with contextlib.suppress(Exception):
                LocalServer(hosting.server_folder()).stop()


def choose_database(explicit: str | None) -> tuple[str | None, bool]:
    """--database, else $REGDESK_DATABASE_URL, else the server remembered on this computer
    (a hosted one started again first), else the local file."""
    if explicit or os.environ.get(ENV_VAR):
        return explicit, False
    remembered = connection.remembered()
    if remembered is None:
        return None, False
    url, hosted = remembered
    if hosted:
        try:
            hosting.restart()
        except Exception as exc:  # the folder is gone, or the binaries: say so, go local
            QMessageBox.warning(
                None,
                QCoreApplication.translate("app", "Server not started"),
                QCoreApplication.translate(
                    "app", "The server of this computer could not be started (%1). regdesk "
                    "opens the local file."
                ).replace("%1", str(exc).splitlines()[0] if str(exc) else type(exc).__name__),
            )  # fmt: skip
            return None, False
    return url, hosted


def run(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from .self_test import run_self_test

        return run_self_test()
    app = application(qt_args)
    i18n.install(app, args.lang or i18n.saved_language())
    url, hosted = choose_database(args.database)
    db = open_or_explain(url)
    if db is None and url is not None and args.database is None:
        db, hosted = open_or_explain(None), False  # the remembered server: the file instead
    if db is None:
        return 1
    desk = Desk(db, actor_name("gui"), hosted)
    try:
        if not desk.open_window():
            return 0
        return app.exec()
    finally:
        shutdown_qt()
        desk.close()
