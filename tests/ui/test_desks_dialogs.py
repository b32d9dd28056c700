"""Hosting and joining in the GUI: File ▸ This computer as server… sets up a real server,
copies the event and shows the join code as text and as a QR code (decoded back);
File ▸ Connect to a shared database… takes the code as typed, tries the connection and
moves the window onto the server; the address is remembered, the password in the keyring."""

from __future__ import annotations

import numpy as np
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from regdesk.db import open_database
from regdesk.desks import hosting
from regdesk.desks.pgserver import LocalServer
from regdesk.services.search import count
from ui import connection
from ui.app import Desk
from ui.main_window import MainWindow

from .helpers import show_active, when_dialog_opens


@pytest.fixture
def server_dir(server_folder, monkeypatch):
    """The hosted server's folder for the app (REGDESK_SERVER_DIR); forgotten afterwards."""
    monkeypatch.setenv("REGDESK_SERVER_DIR", str(server_folder))
    yield server_folder
    connection.forget()


def decode(image: QImage) -> str:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    pixels = np.frombuffer(gray.constBits(), np.uint8).reshape(height, stride)[:, :width]
    (found,) = zxingcpp.read_barcodes(np.ascontiguousarray(pixels))
    return found.text


@pytest.mark.postgres
def test_host_from_the_window_then_another_desk_joins_with_the_code(
    qtbot, demo_db, server_dir, tmp_path
):
    db, event_id = demo_db
    window = show_active(qtbot, MainWindow(db, event_id, "test-desk"))
    seen = {}

    def set_up(dialog):
        assert dialog.start_button.hasFocus()
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.hosted is not None, timeout=60000)
        seen["code"] = dialog.code.text()
        seen["qr"] = decode(dialog.qr.pixmap().toImage())
        seen["message"] = dialog.message.text()
        seen["grab"] = dialog.grab()
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, set_up, timeout_ms=90000)
    with qtbot.waitSignal(window.database_requested, timeout=90000) as requested:
        window.findChild(type(window.menuBar().actions()[0]), "actionHost").trigger()
    url, hosted = requested.args
    assert hosted and url.startswith("postgresql+psycopg://regdesk:")
    assert seen["qr"] == seen["code"] and seen["code"].startswith("RDJ-")
    assert "Kopiert: 120 Teilnehmende" in seen["message"]
    seen["grab"].save(str(tmp_path / "host.png"))
    assert connection.remembered() == (url, True)  # the password came from the keyring

    # another desk: File ▸ Connect…, the code typed in, Enter
    other = open_database(str(tmp_path / "other.sqlite3"))
    try:
        from regdesk.services.events import EventInput, create_event

        with other.session() as session:
            create_event(
                session,
                EventInput(name="Leer", first_day="01.01.2026", last_day="01.01.2026"),
                actor="t",
            )
        desk = Desk(other, "desk-b", hosted=False)
        assert desk.open_window()

        def join(dialog):
            dialog.activateWindow()  # offscreen, the other windows' repaints can keep it
            qtbot.waitUntil(dialog.code.hasFocus)  # the code field is where typing goes
            qtbot.keyClicks(dialog.code, seen["code"].lower())
            assert dialog.host.text() == hosting.parse_join_code(seen["code"]).host
            qtbot.keyClick(dialog.code, Qt.Key.Key_Return)

        when_dialog_opens(qtbot, join, timeout_ms=30000)
        desk.window.findChild(type(window.menuBar().actions()[0]), "actionConnect").trigger()
        qtbot.waitUntil(lambda: desk.db.info.backend == "postgresql", timeout=30000)
        joined = desk.window
        assert joined.event_id == event_id  # the server's event, not the file's
        assert joined.database_label.text().startswith("Verbunden mit Server")
        with desk.db.session(write=False) as session:
            assert count(session, event_id) == 120
    finally:
        if desk.window is not None:
            desk.window.close()
        desk.close()


@pytest.mark.postgres
def test_the_hosted_server_stops_with_the_app_unless_kept_running(tmp_path, server_dir):
    from ui import i18n

    source = open_database(str(tmp_path / "regdesk.sqlite3"))
    from regdesk.demo import seed_demo

    seed_demo(source, "bad-belzig", participants=5, seed=1)
    hosted = hosting.host(source, address="127.0.0.1")
    source.close()
    connection.remember(hosted.local_url, hosted=True)
    stored = i18n.settings().value(connection.KEY)
    assert hosting.parse_join_code(hosted.join.code).password not in stored  # keyring only
    server = LocalServer(server_dir)

    connection.set_keep_server_running(True)
    Desk(open_database(hosted.local_url), "t", hosted=True).close()
    assert server.running()
    connection.set_keep_server_running(False)
    Desk(open_database(hosted.local_url), "t", hosted=True).close()
    assert not server.running()
    # the next start brings it up again, from what this computer remembers
    from ui.app import choose_database

    url, is_hosted = choose_database(None)
    assert is_hosted and url == hosted.local_url and server.running()
