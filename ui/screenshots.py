"""Render every screen with demo data into PNGs: ``python -m ui.screenshots DIR``
(``make screenshots``). Runs offscreen on a throwaway database."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from regdesk.db import open_database
from regdesk.demo import seed_demo
from regdesk.errors import RegdeskError
from regdesk.services.participants import get_participant
from regdesk.services.programme import enrol, item_people, unenrol
from regdesk.services.search import search

from . import i18n
from .allocation_dialog import AllocationDialog
from .app import application
from .event_dialog import EventDialog
from .import_dialog import ImportDialog
from .main_window import MainWindow
from .participant_dialog import ParticipantDialog
from .programme_dialogs import ItemDialog, SlotDialog
from .walk_in_dialog import WalkInDialog
from .welcome_dialog import WelcomeDialog

SIZE = (1280, 800)


def settle() -> None:
    """Events done, and every door page's and overview's background count back (they
    are drawn)."""
    import time

    from .checkin_page import CheckinPage
    from .overview_page import OverviewPage

    def busy() -> bool:  # (widgets are children of their windows, not of the application)
        windows = QApplication.topLevelWidgets()
        doors = [p for w in windows for p in w.findChildren(CheckinPage)]
        overviews = [p for w in windows for p in w.findChildren(OverviewPage)]
        return any(p._counting is not None for p in doors) or any(p.busy() for p in overviews)

    for _ in range(3):
        QApplication.processEvents()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and busy():
        QApplication.processEvents()
        time.sleep(0.005)
    QApplication.processEvents()


def save(widget: QWidget, folder: Path, name: str) -> Path:
    widget.show()
    settle()
    path = folder / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def shoot(folder: Path, language: str = "de") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    app = application()
    i18n.install(app, language)
    suffix = "" if language == "de" else f"-{language}"
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = open_database(str(Path(tmp) / "empty.sqlite3"))
        welcome = WelcomeDialog(empty, "screenshots")
        made.append(save(welcome, folder, f"welcome{suffix}"))
        welcome.close()
        empty.close()

        db = open_database(str(Path(tmp) / "demo.sqlite3"))
        result = seed_demo(db, "bad-belzig", participants=300, seed=42, actor="screenshots")
        window = MainWindow(db, result.event_id, "screenshots")
        window.resize(*SIZE)
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            name = window.pages.currentWidget().objectName().removesuffix("Page")
            made.append(save(window, folder, f"main-{row + 1}-{name}{suffix}"))
            if language != "de":
                break  # one English screen is enough to show the switch
        if language == "de":
            made += participant_shots(window, db, result.event_id, folder)
            dialog = EventDialog(db, "screenshots", result.event_id, window)
            dialog.resize(820, 680)
            for tab in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(tab)
                made.append(save(dialog, folder, f"event-dialog-{tab + 1}"))
            dialog.tabs.setCurrentIndex(0)
            dialog.fields["name"].setText("")
            last_day = dialog.fields["last_day"]
            last_day.setDate(dialog.fields["first_day"].date() - timedelta(days=1))
            dialog.findChild(QLineEdit, "field_contact").setText("x" * 320)
            dialog.save()
            made.append(save(dialog, folder, "event-dialog-errors"))
            dialog.done(EventDialog.DialogCode.Rejected)  # discard without asking
            made.append(calendar_shot(db, window, folder))
            made.append(open_event_shot(db, result.event_id, window, folder))
        window.close()
        db.close()
        if language == "de":
            made += programme_shots(Path(tmp), folder)
            made += checkin_shots(Path(tmp), folder)
            made += list_shots(Path(tmp), folder)
            made += desk_shots(Path(tmp), folder)
            made += mail_shots(Path(tmp), folder)
    return made


def calendar_shot(db, window: MainWindow, folder: Path) -> Path:
    """A new event's first day with its calendar open (Alt+Down), drawn into the dialog."""
    dialog = EventDialog(db, "screenshots", None, window)
    dialog.show()
    settle()
    field = dialog.fields["first_day"]
    field.setDate(date(2025, 9, 5))
    field.show_calendar()
    settle()
    picture = dialog.grab()
    popup = field.popup
    corner = dialog.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft()))
    canvas = QPixmap(
        max(picture.width(), corner.x() + popup.width()),
        max(picture.height(), corner.y() + popup.height()),
    )
    canvas.fill(Qt.GlobalColor.white)
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, picture)
    painter.drawPixmap(corner, popup.grab())
    painter.end()
    popup.hide()
    dialog.done(EventDialog.DialogCode.Rejected)
    path = folder / "event-dialog-calendar.png"
    if not canvas.save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def open_event_shot(db, event_id: int, window: MainWindow, folder: Path) -> Path:
    """File ▸ Open event…, with two more events in the same database."""
    from .open_event_dialog import OpenEventDialog

    seed_demo(db, "moenchengladbach", participants=40, seed=7, actor="screenshots")
    seed_demo(db, "hessen", participants=40, seed=7, actor="screenshots")
    dialog = OpenEventDialog(db, event_id, window)
    path = save(dialog, folder, "open-event")
    dialog.done(0)
    return path


def mail_shots(tmp: Path, folder: Path) -> list[Path]:
    """E-mail to participants: the server, the message with its preview, the queue after
    sending to a local SMTP server (one address refused)."""
    from aiosmtpd.controller import Controller

    from regdesk.desks.pgserver import free_port

    from .mail_dialog import MailDialog

    class Refusing:
        async def handle_RCPT(self, server, session, envelope, address, options):
            if address.startswith("lena."):
                return "550 5.1.1 Mailbox unavailable"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    made = []
    db = open_database(str(tmp / "mail.sqlite3"))
    result = seed_demo(db, "bad-belzig", participants=40, seed=3, actor="screenshots")
    controller = Controller(Refusing(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        dialog = MailDialog(db, result.event_id, "screenshots")
        dialog.resize(900, 640)
        dialog.host.setText("smtp.bad-belzig.example")
        dialog.port.setValue(587)
        dialog.user.setText("anmeldung")
        dialog.sender.setText("anmeldung@bad-belzig.example")
        dialog.sender_name.setText("Regionalkonferenz Smart Cities")
        dialog.per_minute.setValue(120)
        made.append(save(dialog, folder, "mail-1-server"))
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(controller.port)
        dialog.security.setCurrentIndex(dialog.security.findData("none"))
        dialog.user.setText("")
        dialog.per_minute.setValue(10_000)
        dialog.save_settings()
        dialog.tabs.setCurrentIndex(1)
        dialog.kind.setCurrentIndex(dialog.kind.findData("confirmation"))
        dialog.show_preview()
        made.append(save(dialog, folder, "mail-2-message"))
        dialog.put_in_queue()
        _until(lambda: dialog.work.worker is None, 60)
        dialog.send()
        _until(lambda: dialog.work.worker is None, 120)
        made.append(save(dialog, folder, "mail-3-queue"))
        dialog.close()
    finally:
        controller.stop()
        db.close()
    return made


def _until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        settle()
        time.sleep(0.02)
    settle()


def desk_shots(tmp: Path, folder: Path) -> list[Path]:
    """Several desks: hosting (join code and QR), joining, the door offline with its
    banner, the room counter at a session door, and the conflicts after an outage -- on a
    real server of this computer, stopped and started again."""
    from datetime import timedelta

    from sqlalchemy import select

    from regdesk.desks.pgserver import LocalServer
    from regdesk.models import EventDay, Participant, ParticipantStatus, utcnow
    from regdesk.services.offline_scans import UploadedScan, record_uploaded
    from regdesk.services.programme import event_programme

    from .checkin_page import context_key
    from .conflicts_dialog import ConflictsDialog
    from .connect_dialog import ConnectDialog
    from .host_dialog import HostDialog

    made = []
    base = Path(tempfile.mkdtemp(prefix="regdesk-shots-"))
    os.chmod(base, 0o711)  # the server's system user (as root: not us) enters it
    os.environ["REGDESK_SERVER_DIR"] = str(base / "server")
    source = open_database(str(tmp / "desks.sqlite3"))
    seed_demo(source, "tag-der-regionen", participants=300, seed=11, actor="screenshots")
    try:
        host = HostDialog(source)
        host.set_up()
        _until(lambda: host.hosted is not None or host.start_button.isEnabled(), 120)
        if host.hosted is None:
            print(f"no server for the desk screenshots: {host.message.text()}")
            return made
        made.append(save(host, folder, "desks-host"))
        hosted = host.hosted
        host.close()
        connect = ConnectDialog()
        connect.code.setText(hosted.join.code)
        made.append(save(connect, folder, "desks-connect"))
        connect.close()

        db = open_database(hosted.local_url)
        with db.session() as session:
            event_id = session.scalar(select(EventDay.event_id))
            days = list(session.scalars(select(EventDay.id).order_by(EventDay.date)))
            people = session.scalars(
                select(Participant)
                .where(Participant.status == ParticipantStatus.REGISTERED.value)
                .order_by(Participant.id)
            ).all()
            codes = [p.badge_secret for p in people[:6]]
            workshop = next(
                i for _, items in event_programme(session, event_id) for i in items if i.capacity
            )
            enrol(session, workshop.id, people[4].id, actor="screenshots")
            t0 = utcnow() - timedelta(minutes=20)
            for nonce, desk, minutes in (("s1", "Eingang Nord", 0), ("s2", "Eingang Süd", 3)):
                record_uploaded(session, event_id, UploadedScan(
                    nonce, t0 + timedelta(minutes=minutes), desk, "X", "admitted", "in",
                    people[5].id, days[0], None))  # fmt: skip
        window = MainWindow(db, event_id, "Eingang Nord")
        window.resize(*SIZE)
        window.nav.setCurrentRow(4)
        page = window.checkin
        page.sounds.enabled = False
        page.desk.setText("Eingang Nord")
        page.context.setCurrentIndex(page.context.findData(context_key("day", days[0])))
        _until(lambda: window.door_desk.replica.ready, 30)
        page.scan(codes[0])
        page.scan(codes[1])
        server = LocalServer(hosted.folder)
        server.halt()
        page.scan(codes[2])
        _until(lambda: "Offline" in window.database_label.text(), 10)
        page.scan(codes[3])
        made.append(save(window, folder, "checkin-offline"))
        server.start()
        _until(lambda: not page.offline_banner.isVisible(), 60)
        page.context.setCurrentIndex(page.context.findData(context_key("item", workshop.id)))
        page.scan(people[4].badge_secret)
        made.append(save(window, folder, "checkin-room"))
        dialog = ConflictsDialog(db, event_id, window.door_desk, page.verdict.words_for)
        dialog.resize(900, 420)
        made.append(save(dialog, folder, "desks-conflicts"))
        dialog.close()
        window.close()
        db.close()
        server.stop()
    finally:
        source.close()
        LocalServer(base / "server").halt()
        LocalServer(base / "server").remove()
        del os.environ["REGDESK_SERVER_DIR"]
    return made


def checkin_shots(tmp: Path, folder: Path) -> list[Path]:
    """Each verdict at the door, as door staff see it (Tag der Regionen, two days)."""
    from sqlalchemy import func, select, update

    from regdesk.models import (
        Enrolment,
        EventDay,
        Participant,
        ParticipantStatus,
        ProgrammeItem,
        ReplacedBadge,
    )
    from regdesk.services import badges as badge_service
    from regdesk.services import checkin
    from regdesk.services.groups import set_group
    from regdesk.services.participants import set_days
    from regdesk.services.programme import enrol, event_programme

    from .checkin_page import context_key
    from .door_mode import DoorModeWindow
    from .group_admit_dialog import GroupAdmitDialog

    made = []
    db = open_database(str(tmp / "door.sqlite3"))
    result = seed_demo(db, "tag-der-regionen", participants=300, seed=7, actor="screenshots")
    with db.session() as session:
        people = session.scalars(
            select(Participant)
            .where(Participant.status == ParticipantStatus.REGISTERED.value)
            .order_by(Participant.id)
        ).all()
        vip = next(p for p in people if p.is_vip)
        vip.needs_accessibility = "Rollstuhl – bitte Aufzug zeigen"
        guest, second, replaced_person, day_one_only = people[0], people[1], people[2], people[3]
        cancelled = session.scalars(
            select(Participant).where(Participant.status == ParticipantStatus.CANCELLED.value)
        ).first()
        badge_service.reissue(session, replaced_person.id, "verloren", actor="screenshots")
        old_secret = session.scalar(select(ReplacedBadge.secret))
        days = list(session.scalars(select(EventDay).order_by(EventDay.date)))
        set_days(session, day_one_only.id, [days[0].id], actor="screenshots")
        workshop = min(
            (i for _, items in event_programme(session, result.event_id) for i in items
             if i.capacity),
            key=lambda i: i.capacity,
        )  # fmt: skip
        enrol(session, workshop.id, second.id, actor="screenshots")
        # the workshop full, Frank on its waiting list, then one more chair brought in
        taken = {
            e
            for (e,) in session.execute(
                select(Enrolment.participant_id).where(Enrolment.item_id == workshop.id)
            )
        }
        others = [p for p in people[5:] if p.id != vip.id and p.id not in taken]  # fmt: skip
        while session.scalar(select(func.count()).where(
                Enrolment.item_id == workshop.id, Enrolment.status == "enrolled")
        ) < workshop.capacity:  # fmt: skip
            enrol(session, workshop.id, others.pop().id, actor="screenshots")
        waiting = people[4]
        enrol(session, workshop.id, waiting.id, actor="screenshots")
        session.execute(
            update(ProgrammeItem).where(ProgrammeItem.id == workshop.id)
            .values(capacity=workshop.capacity + 1)
        )  # fmt: skip
        open_item = next(
            i for _, items in event_programme(session, result.event_id) for i in items
            if i.capacity is None
        )  # fmt: skip
        # a delegation of five: its lead's badge offers the whole group
        delegation = [p for p in people[12:30] if p.id not in taken and not p.is_vip][:5]
        for n, member in enumerate(delegation):
            set_group(session, member, "Delegation Stadt Treuenbrietzen", n == 0,
                      actor="screenshots")  # fmt: skip
        codes = {
            "lead": delegation[0].badge_secret,
            "vip": vip.badge_secret, "guest": guest.badge_secret, "second": second.badge_secret,
            "cancelled": cancelled.badge_secret if cancelled else "", "old": old_secret,
            "day_one_only": day_one_only.badge_secret, "waiting": waiting.badge_secret,
        }  # fmt: skip
    window = MainWindow(db, result.event_id, "Eingang Nord")
    window.resize(*SIZE)
    window.nav.setCurrentRow(4)
    page = window.checkin
    page.sounds.enabled = False
    made.append(save(window, folder, "checkin-unnamed-desk"))
    page.desk.setText("Eingang Nord")
    page.confirm_name()
    page.context.setCurrentIndex(page.context.findData(context_key("day", days[0].id)))

    def shot(name: str, code: str) -> None:
        page.scan(code)
        settle()
        made.append(save(window, folder, f"checkin-{name}"))

    shot("admitted-vip", codes["vip"])
    shot("admitted", codes["guest"])
    page.desk.setText("Eingang Süd")
    shot("re-entry", codes["guest"])
    page.reentry.setChecked(False)
    shot("already-used", codes["guest"])
    page.reentry.setChecked(True)
    shot("replaced", codes["old"])
    if codes["cancelled"]:
        shot("cancelled", codes["cancelled"])
    shot("unknown", "HELLO WORLD")
    shot("group-lead", codes["lead"])
    lead = page.verdict.result
    with db.session(write=False) as session:
        members = checkin.group_at_door(session, page.event_id, lead.group.id, page.scan_context())
    group_dialog = GroupAdmitDialog(lead.group.name, members, window)
    group_dialog.model.toggle(3)  # one of them is not here yet
    made.append(save(group_dialog, folder, "checkin-group-dialog"))
    chosen = group_dialog.chosen()
    group_dialog.done(0)
    page.admit_people(chosen, lead.group.name, group_id=lead.group.id)
    settle()
    made.append(save(window, folder, "checkin-group-admitted"))
    page.context.setCurrentIndex(page.context.findData(context_key("day", days[1].id)))
    shot("wrong-day", codes["day_one_only"])
    page.scan(codes["day_one_only"], override_reason="Tagesticket mit Kollegin getauscht")
    settle()
    made.append(save(window, folder, "checkin-admitted-anyway"))
    page.context.setCurrentIndex(page.context.findData(context_key("item", workshop.id)))
    shot("not-enrolled", codes["guest"])
    shot("free-place", codes["waiting"])
    page.give_free_place()
    settle()
    made.append(save(window, folder, "checkin-room-counter"))
    page.context.setCurrentIndex(page.context.findData(context_key("item", open_item.id)))
    shot("open-item", codes["guest"])
    page.context.setCurrentIndex(page.context.findData(context_key("day", days[0].id)))
    page.exit_mode.setChecked(True)
    shot("checked-out", codes["guest"])
    page.exit_mode.setChecked(False)
    page.verdict.clear()
    made.append(save(window, folder, "checkin-ready"))
    window.nav.setCurrentRow(0)
    made.append(save(window, folder, "overview-vip-arrivals"))
    window.nav.setCurrentRow(4)
    door = DoorModeWindow(db, result.event_id, "screenshots", page)
    door.page.sounds.enabled = False
    door.resize(*SIZE)
    door.page.scan(codes["second"])
    made.append(save(door, folder, "checkin-door-mode"))
    door.unlocked = True
    door.close()
    window.close()
    db.close()
    return made


def wait_for(owner) -> None:
    while owner.worker is not None:
        settle()
        time.sleep(0.01)
    settle()


IMPORT_ROWS = (
    ("Frau", "Dr.", "Ewa", "Kowalska", "Stadt Treuenbrietzen", "e.kowalska@treuenbrietzen.example",
     "Referent/in", "E1", "vegetarisch", "ja"),
    ("Herr", "", "Jürgen", "Weiß", "Amt Niemegk", "j.weiss@niemegk.example", "", "", "", ""),
    ("Frau", "", "Ute", "", "Amt Brück", "ute(at)brueck", "Gast", "", "", ""),
    ("Herr", "", "Jurgen", "Weiss", "Amt Niemegk", "", "", "", "", ""),
    ("Frau", "", "Selin", "Özdemir", "Landkreis Potsdam-Mittelmark", "s.oezdemir@pm.example",
     "Presse", "E1", "", ""),
)  # fmt: skip


def list_shots(tmp: Path, folder: Path) -> list[Path]:
    """Listen & Export after an export, and the import dialog's three steps with a form's
    CSV as German Excel saves it (a row with problems, a likely duplicate)."""
    import csv
    import io

    made = []
    db = open_database(str(tmp / "lists.sqlite3"))
    result = seed_demo(db, "bad-belzig", participants=300, seed=42, actor="screenshots")
    window = MainWindow(db, result.event_id, "screenshots")
    window.resize(*SIZE)
    window.nav.setCurrentRow(5)
    page = window.lists
    page.list_view.setCurrentIndex(page.lists_model.index(1, 0))  # sign-in sheets
    page.export_to(tmp / "unterschriftenlisten.pdf")
    wait_for(page)
    made.append(save(window, folder, "lists-exported"))

    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "Anrede",
            "Titel",
            "Vorname",
            "Name",
            "Dienststelle",
            "E-Mail-Adresse",
            "Teilnahme als",
            "Exkursion",
            "Ernährung",
            "Einwilligung Gesundheitsdaten",
        ]
    )
    writer.writerows(IMPORT_ROWS)
    source = tmp / "anmeldungen-formular.csv"
    source.write_bytes(out.getvalue().encode("cp1252"))
    dialog = ImportDialog(db, "screenshots", result.event_id, window)
    dialog.resize(980, 640)
    dialog.path.setText(str(source))
    dialog.show()
    dialog.read()
    wait_for(dialog)
    made.append(save(dialog, folder, "import-1-file"))
    dialog.next()
    model = dialog.mapping_model
    model.setData(model.index(6, model.FIELD), "category")
    settle()
    made.append(save(dialog, folder, "import-2-columns"))
    dialog.next()
    wait_for(dialog)
    made.append(save(dialog, folder, "import-3-report"))
    dialog.skip_invalid.setChecked(True)
    dialog.apply()
    wait_for(dialog)
    made.append(save(dialog, folder, "import-4-done"))
    dialog.done(0)
    window.close()
    db.close()
    return made


def programme_shots(tmp: Path, folder: Path) -> list[Path]:
    """Mönchengladbach: two rounds of workshops, wishes, the allocation and its result."""
    made = []
    db = open_database(str(tmp / "programme.sqlite3"))
    result = seed_demo(db, "moenchengladbach", participants=300, seed=42, actor="screenshots")
    window = MainWindow(db, result.event_id, "screenshots")
    window.resize(*SIZE)
    window.nav.setCurrentRow(2)
    page = window.programme
    made.append(save(window, folder, "programme-empty"))

    dialog = AllocationDialog(db, "screenshots", result.event_id, window)
    dialog.show()
    while dialog.worker is not None:
        settle()
        time.sleep(0.01)
    made.append(save(dialog, folder, "allocation-preview"))
    dialog.apply()  # the dialog stays, on who is left without a place
    made.append(save(dialog, folder, "allocation-unplaced"))
    dialog.done(0)
    page.reload()

    # a full workshop with a waiting list, and one who moved up
    w4 = next(i for _, items in page.tree_model.slots for i in items if i.code == "W4")
    with db.session() as session:
        waiting = [
            r.id
            for r in search(session, result.event_id, "", limit=300)
            if r.status == "registered"
        ]
        enrolled, _ = item_people(session, w4.id)
        held = {p.participant_id for p in enrolled}
        extra = [pid for pid in waiting if pid not in held][:3]
        for pid in extra:
            try:
                enrol(session, w4.id, pid, actor="screenshots")
            except RegdeskError:
                continue
        unenrol(session, w4.id, enrolled[0].participant_id, actor="screenshots")
    page.reload(item_id=w4.id)
    made.append(save(window, folder, "programme-allocated"))
    page.tabs.setCurrentIndex(1)
    made.append(save(window, folder, "programme-moved-up"))
    page.tabs.setCurrentIndex(0)
    item = ItemDialog(db, "screenshots", result.event_id, page.current_item(), parent=window)
    made.append(save(item, folder, "programme-item-dialog"))
    item.done(0)
    slot = SlotDialog(db, "screenshots", result.event_id, None, window)
    slot.save()  # nothing typed yet: says what is missing
    made.append(save(slot, folder, "programme-slot-dialog"))
    slot.done(0)
    from .enrol_dialog import EnrolDialog

    several = EnrolDialog(db, result.event_id, f"Anmelden: „{w4.title}“", window)
    for text in ("schmi", "weiß", "stadt"):
        several.query.setText(text)
        several.refresh()
        several.add_current()
    several.query.setText("stadt mön")
    several.refresh()
    made.append(save(several, folder, "programme-enrol-several"))
    several.done(0)
    window.close()
    db.close()
    return made


def participant_shots(window: MainWindow, db, event_id: int, folder: Path) -> list[Path]:
    made = []
    page = window.participants
    window.nav.setCurrentRow(1)
    page.search.setText("mül")
    page._apply_search()
    page._select(page.model.participant_id(0))
    made.append(save(window, folder, "participants-search"))
    page.search.setText("")
    page._apply_search()

    dialog = ParticipantDialog(db, "screenshots", event_id, page.current_id(), window)
    made.append(save(dialog, folder, "participant-dialog"))
    dialog.done(0)
    with db.session(write=False) as session:
        person = get_participant(session, page.current_id())
    new = ParticipantDialog(db, "screenshots", event_id, None, window)
    new.fields["first_name"].setText(person.first_name)
    new.fields["last_name"].setText(person.last_name)
    new.fields["organisation"].setText(person.organisation)
    new.fields["email"].setText("kein-at-zeichen")
    new.save()
    made.append(save(new, folder, "participant-dialog-errors"))
    new.fields["email"].setText("")
    new.save()
    made.append(save(new, folder, "participant-dialog-duplicate"))
    new.done(0)
    log = window.show_audit_log()
    made.append(save(log, folder, "audit-log"))
    log.close()
    retention = window.show_retention()
    made.append(save(retention, folder, "retention"))
    import tempfile

    anonymise = retention.open_anonymise()
    anonymise.boxes["contact"].setChecked(True)
    with tempfile.TemporaryDirectory() as scratch:
        anonymise.save_preview(Path(scratch) / "loeschvorschau.json")
        wait_for(anonymise.work)
    made.append(save(anonymise, folder, "anonymise"))
    anonymise.done(0)
    retention.done(0)
    grouped = ParticipantDialog(db, "screenshots", event_id, None, window)
    grouped.fields["first_name"].setText("Petra")
    grouped.fields["last_name"].setText("Hahn")
    grouped.fields["organisation"].setText("Amt Brück")
    grouped.group.set_group("Delegation Amt Brück", True)
    made.append(save(grouped, folder, "participant-dialog-group"))
    grouped.done(0)

    walk_in = WalkInDialog(db, "screenshots", event_id, window)
    for name, value in (
        ("first_name", "Łukasz"),
        ("last_name", "Żółć"),
        ("organisation", "Stadt Treuenbrietzen"),
    ):
        walk_in.fields[name].setText(value)
    walk_in.register()
    walk_in.fields["first_name"].setText("Ayşe")
    made.append(save(walk_in, folder, "walk-in"))
    walk_in.done(0)
    return made


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings

    folder = Path(argv[0]) if argv else Path("docs/screenshots")
    settings = tempfile.mkdtemp(prefix="regdesk-screenshots-")  # not this computer's desk
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, settings)
    shoot(folder, "de")
    shoot(folder, "en")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
