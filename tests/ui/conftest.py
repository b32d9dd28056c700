"""GUI test fixtures: German by default, a demo database on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from regdesk.db import Database, open_database
from regdesk.demo import seed_demo
from ui import i18n
from ui.app import shutdown_qt


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory) -> None:
    """Each test starts with settings of its own (QSettings keeps the path it found first,
    so the data-folder fixture alone does not separate them)."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("settings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def german(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "de")
    yield
    i18n.install(qapp, "de")


def destroy_windows() -> None:
    """Delete every window now, while the database it shows is still open (pytest-qt
    would otherwise do it later, after the database fixtures are gone)."""
    shutdown_qt()


@pytest.fixture
def demo_db(tmp_path) -> Iterator[tuple[Database, int]]:
    db = open_database(str(tmp_path / "demo.sqlite3"))
    result = seed_demo(db, "bad-belzig", participants=120, seed=5)
    try:
        yield db, result.event_id
    finally:
        destroy_windows()
        db.close()


@pytest.fixture
def empty_db(tmp_path) -> Iterator[Database]:
    db = open_database(str(tmp_path / "empty.sqlite3"))
    try:
        yield db
    finally:
        destroy_windows()
        db.close()
