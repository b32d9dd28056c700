"""Schema migrations: first revision to head without drift; upgrade on open with a copy
kept aside; a failed upgrade changes nothing; a newer database is refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import textwrap

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from regdesk import schema
from regdesk.db import build_engine, open_database
from regdesk.errors import DatabaseTooNew, MigrationFailed
from regdesk.models import Base


def test_first_revision_upgrades_to_head_and_matches_the_model(db_url):
    engine = build_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    try:
        with engine.begin() as conn:
            schema.upgrade(conn, schema.first_revision())
            assert schema.current_revision(conn) == schema.first_revision()
        with engine.begin() as conn:
            schema.upgrade(conn, "head")
            assert schema.current_revision(conn) == schema.head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
        assert diff == [], f"model and migrations differ: {diff}"
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(db_url):
    engine = build_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    try:
        with engine.begin() as conn:
            schema.upgrade(conn, "head")
        with engine.begin() as conn:
            schema.downgrade(conn, "base")
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {schema.VERSION_TABLE}
        with engine.begin() as conn:
            schema.upgrade(conn, "head")
        with engine.connect() as conn:
            assert set(Base.metadata.tables) <= set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


NEXT_REVISION = """
revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None

import sqlalchemy as sa
from alembic import op


def upgrade():
    op.create_table("test_marker", sa.Column("id", sa.Integer, primary_key=True))
    {extra}


def downgrade():
    op.drop_table("test_marker")
"""


@pytest.fixture
def newer_migrations(tmp_path, monkeypatch):
    """Install a copy of the migrations with one more revision (optionally failing)."""

    def install(*, fail: bool = False, body: str = ""):
        target = tmp_path / "migrations"
        shutil.copytree(schema.MIGRATIONS, target, ignore=shutil.ignore_patterns("__pycache__"))
        extra = 'raise RuntimeError("simulated crash during upgrade")' if fail else "pass"
        extra = body or extra
        (target / "versions" / "9001_test_marker.py").write_text(
            textwrap.dedent(NEXT_REVISION.format(head=schema.head_revision(), extra=extra))
        )
        monkeypatch.setattr(schema, "MIGRATIONS", target)

    return install


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_opening_an_older_database_copies_it_aside_then_upgrades(tmp_path, newer_migrations):
    path = tmp_path / "regdesk.sqlite3"
    old = open_database(str(path))
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO event (name, subtitle, venue_name, venue_address, "
                "first_day, last_day, timezone, organiser, contact, privacy_note, "
                "created_at, updated_at) VALUES ('Alt', '', '', '', '2025-01-01', "
                "'2025-01-01', 'Europe/Berlin', '', '', '', '2025-01-01', "
                "'2025-01-01')"
            )
        )
    old.close()
    old_revision = schema.head_revision()

    newer_migrations()
    upgraded = open_database(str(path))
    try:
        info = upgraded.info
        assert info.revision == "9001"
        assert info.upgraded_from == old_revision
        assert info.backup is not None and info.backup.exists()
        assert info.backup.parent == tmp_path
        with upgraded.engine.connect() as conn:
            assert "test_marker" in inspect(conn).get_table_names()
            assert conn.execute(text("SELECT name FROM event")).scalar() == "Alt"
    finally:
        upgraded.close()
    copy = sqlite3.connect(info.backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (old_revision,)
    assert copy.execute("SELECT name FROM event").fetchone() == ("Alt",)
    copy.close()


def test_failed_upgrade_leaves_the_database_as_it_was(tmp_path, newer_migrations):
    path = tmp_path / "regdesk.sqlite3"
    open_database(str(path)).close()
    old_revision = schema.head_revision()
    newer_migrations(fail=True)
    with pytest.raises((MigrationFailed, RuntimeError)):
        open_database(str(path))
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (old_revision,)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "test_marker" not in tables
    finally:
        con.close()


def test_database_of_a_newer_regdesk_is_refused_untouched(tmp_path, newer_migrations, monkeypatch):
    path = tmp_path / "regdesk.sqlite3"
    known = schema.MIGRATIONS
    newer_migrations()
    open_database(str(path)).close()  # written by the "newer" app: schema 9001
    monkeypatch.setattr(schema, "MIGRATIONS", known)
    before = sha(path)
    with pytest.raises(DatabaseTooNew) as info:
        open_database(str(path))
    assert "9001" in info.value.message()
    assert "newer version of regdesk" in info.value.message()
    assert sha(path) == before


@pytest.mark.postgres
def test_postgresql_database_of_a_newer_regdesk_is_refused(pg_url):
    database = open_database(pg_url)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    database.close()
    with pytest.raises(DatabaseTooNew):
        open_database(pg_url)
    engine = build_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "ffff"
    engine.dispose()


def test_upgrade_from_0001_fills_search_and_duplicate_keys(db_url):
    """Participants stored before revision 0002 become searchable and duplicate-checked."""
    from regdesk.services.search import participant_ids

    engine = build_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    with engine.begin() as conn:
        schema.upgrade(conn, "0001")
        conn.execute(
            text(
                "INSERT INTO event (id, name, subtitle, venue_name, venue_address, first_day,"
                " last_day, timezone, organiser, contact, privacy_note, created_at, updated_at)"
                " VALUES (1, 'Alt', '', '', '', '2025-01-01', '2025-01-01', 'Europe/Berlin', '',"
                " '', '', '2025-01-01', '2025-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO category (id, event_id, name, badge_label, colour, sort_order,"
                " is_default) VALUES (1, 1, 'Teilnehmer/in', 'Teilnehmer/in', '#1F5FA8', 0, true)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO participant (event_id, salutation, title, first_name, last_name,"
                " organisation, position, email, phone, category_id, status, cancel_reason,"
                " source, badge_secret, short_code, badge_print_count, needs_dietary,"
                " needs_accessibility, needs_interpreter, is_vip, notes, created_at, updated_at)"
                " VALUES (1, 'none', '', 'Ayşe', 'Çelik', 'Stadt Ulm', '', 'Ayse@Ulm.example', '',"
                " 1, 'registered', '', 'manual', 'ABCDEFGHJKMNPQRSTUVW', 'KQ7MB2', 0, '', '', '',"
                " false, '', '2025-01-01', '2025-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO consent (participant_id, kind, granted, given_at,"
                " given_via) VALUES (1, 'photo', false, '2025-01-01', 'Formular')"
            )
        )
    engine.dispose()
    database = open_database(db_url)
    try:
        with database.session(write=False) as session:
            assert len(participant_ids(session, 1, "celik")) == 1
            assert len(participant_ids(session, 1, "kq7m")) == 1
            row = session.execute(text("SELECT email_key, dup_key, name_key FROM participant"))
            assert row.one() == ("ayse@ulm.example", "ayse|celik|stadt ulm", "celik ayse")
            kept = session.execute(text("SELECT kind, granted FROM consent")).all()
            assert [(k, bool(g)) for k, g in kept] == [("photo", False)]
    finally:
        database.close()


def test_table_rebuild_in_a_migration_keeps_the_rows_that_refer_to_it(tmp_path, newer_migrations):
    """SQLite batch mode copies and drops a table; with foreign keys on, the drop would
    cascade into consents. Upgrades run with foreign keys off, checked before commit."""
    from regdesk.services import participants as svc
    from regdesk.services.events import EventInput, create_event

    path = tmp_path / "regdesk.sqlite3"
    database = open_database(str(path))
    with database.session() as session:
        event = create_event(session, EventInput("E", "01.01.2025", "01.01.2025"), actor="t")
        svc.register(
            session,
            event.id,
            svc.ParticipantInput("Anna", "Müller", consents={"photo": True}),
            actor="t",
        )
    database.close()
    newer_migrations(
        body='with op.batch_alter_table("participant", recreate="always") as b:\n'
        '        b.alter_column("notes", server_default="-")'
    )
    upgraded = open_database(str(path))
    try:
        with upgraded.session(write=False) as session:
            assert session.execute(text("SELECT count(*) FROM consent")).scalar() == 1
            assert session.execute(text("SELECT count(*) FROM search_token")).scalar() >= 2
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        upgraded.close()
