"""The Art. 15 access export: for a person with data in every table that refers to
participants, the JSON holds every row of every one of them and every audit entry about
the person, checked against the database; the PDF reads back with it; the command line
writes both; an unknown person is refused with a message and nothing is written."""

from __future__ import annotations

import base64
import json

from sqlalchemy import func, select, text

from regdesk.mail import queue as mq
from regdesk.models import AuditEntry, Base, ConsentKind, MailAttachment, Participant
from regdesk.pdfread import page_texts
from regdesk.privacy.access import person_tables, write_access_export
from regdesk.services import badges, checkin, preferences, programme
from regdesk.services import participants as people
from regdesk.services.events import get_event

from .test_cli import regdesk


def someone_in_every_table(db, event_id) -> int:
    with db.session() as session:
        days = [d.id for d in get_event(session, event_id).days]
        slot = programme.create_slot(
            session, event_id, programme.SlotInput(days[0], "10:00", "11:30"), actor="t"
        )
        w1 = programme.create_item(
            session, programme.ItemInput(slot.id, "Bodenpolitik", code="W1", capacity=20),
            actor="t",
        ).id  # fmt: skip
        anna = people.register(
            session, event_id,
            people.ParticipantInput(
                "Anna", "Łukasiewicz-Müller", email="anna@stadt-ulm.example",
                organisation="Stadt Ulm", needs_dietary="vegetarisch",
                consents={ConsentKind.HEALTH_DATA.value: True, ConsentKind.PHOTO.value: False},
                consent_via="Anmeldeformular", day_ids=(days[0],),
                group="Delegation Ulm", group_lead=True,
            ),
            actor="office:anna",
        )  # fmt: skip
        preferences.set_preferences(session, anna.id, [(w1, 1)], actor="t")
        programme.enrol(session, w1, anna.id, actor="t")
        badges.reissue(session, anna.id, "verloren", actor="t")
        secret = session.get(Participant, anna.id).badge_secret
        checkin.scan(session, event_id, secret, desk="Nord",
                     context=checkin.ScanContext(day_id=days[0]))  # fmt: skip
        mq.enqueue(session, event_id, "confirmation", [anna.id], actor="office")
        mq.enqueue(session, event_id, "certificate", [anna.id], actor="office")  # an attachment
    return anna.id


def test_the_export_holds_every_row_about_the_person(db, event_id, tmp_path):
    pid = someone_in_every_table(db, event_id)
    result = write_access_export(db, pid, tmp_path, actor="office:anna")
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    tables = Base.metadata.tables
    with db.session(write=False) as session:
        for name, column in person_tables():
            count = session.scalar(
                select(func.count()).select_from(tables[name]).where(tables[name].c[column] == pid)
            )
            assert count > 0, f"the seeded person has no row in {name}"
            assert len(data["tables"][name]) == count, name
            ids = set(
                session.scalars(select(tables[name].c.id).where(tables[name].c[column] == pid))
            )
            assert {row["id"] for row in data["tables"][name]} == ids, name
        # what belongs to those rows as well: the certificate mailed, the file itself
        (attachment,) = data["tables"]["mail_attachment"]
        kept = session.scalars(select(MailAttachment)).one()
        assert attachment["mail_id"] in {m["id"] for m in data["tables"]["mail_message"]}
        assert base64.b64decode(attachment["content"]["base64"]) == kept.content
        audit = session.scalars(select(AuditEntry.id).where(
            AuditEntry.entity == "participant", AuditEntry.entity_id == pid)).all()  # fmt: skip
        row = session.execute(text("SELECT * FROM participant WHERE id = :i"), {"i": pid})
        stored = dict(row.mappings().one())
    # every audit entry about the person up to the export (which is audited after it)
    assert [e["id"] for e in data["tables"]["audit_entry"]] == audit[:-1]
    assert audit and len(audit) - 1 == len(data["tables"]["audit_entry"])
    assert set(data["person"]) == set(stored)
    for key, value in stored.items():
        if key.endswith("_at") and value is not None:  # the same moment, as ISO text
            assert data["person"][key][:19] == str(value)[:19].replace(" ", "T"), key
        else:
            assert data["person"][key] == value, key
    assert data["person"]["needs_dietary"] == "vegetarisch"
    assert data["controller"]["event"] == "Testkonferenz"
    assert result.rows == sum(len(r) for r in data["tables"].values())

    pages = "\n".join(page_texts(result.pdf_path))
    flat = " ".join(pages.split())
    for expected in ("Auskunft nach Art. 15 DSGVO", "Łukasiewicz-Müller", "anna@stadt-ulm.example",
                     "Delegation Ulm", "W1 Bodenpolitik", "Einlass-Scans", "Versandte E-Mails",
                     "Ersetzte Namensschilder", "Anmeldeformular", "vegetarisch",
                     "Testkonferenz", "Anhänge der E-Mails", "Teilnahmebescheinigung.pdf",
                     "(vollständig in der JSON-Datei)"):  # fmt: skip
        assert expected in flat, expected


def test_the_command_line_writes_both_and_refuses_an_unknown_person(db, db_url, event_id,
                                                                    tmp_path):  # fmt: skip
    pid = someone_in_every_table(db, event_id)
    done = regdesk("access", str(pid), "-d", db_url, "-o", str(tmp_path), "--lang", "en")
    assert done.returncode == 0, done.stderr
    made = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("access-"))
    assert len(made) == 2 and made[0].endswith(".json") and made[1].endswith(".pdf")
    assert "Access to personal data (Art. 15 GDPR)" in " ".join(
        page_texts(tmp_path / made[1])[0].split()
    )
    before = sorted(tmp_path.iterdir())
    missing = regdesk("access", "9999", "-d", db_url, "-o", str(tmp_path))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert missing.stderr.startswith("regdesk: ") and sorted(tmp_path.iterdir()) == before
    nowhere = regdesk("access", str(pid), "-d", db_url, "-o", str(tmp_path / "no" / "such"))
    assert nowhere.returncode == 1 and "Traceback" not in nowhere.stderr, nowhere.stderr
