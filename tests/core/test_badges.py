"""Badges: every layout renders, reads back (its text) and scans (zxing-cpp at 150 dpi);
no text overflows its box; fonts cover European names; batches stream, cancel cleanly and
track printing; a reissued badge replaces the old code."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from regdesk.badges import pdf as badge_pdf
from regdesk.badges.fonts import badge_fonts
from regdesk.badges.layouts import LAYOUTS, MM, get_layout
from regdesk.badges.qr import QUIET, qr_matrix
from regdesk.badges.scene import BadgeData, Box, Code, Text, badge_scene
from regdesk.errors import Cancelled, NothingToPrint, ParticipantNotRegistered, UnknownLayout
from regdesk.models import Participant, ReplacedBadge
from regdesk.services import badges
from regdesk.services import participants as people
from regdesk.services.events import get_event
from regdesk.services.search import ParticipantFilter, search

from .badge_helpers import decoded_codes, page_count, page_texts

# the names of shared/design/practice.md, and the hard cases of the badge issue
HARD = [
    ("Łukasz", "Żółć", "Dr.", "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen"),
    ("Ayşe", "Çelik", "", "Stadt Ulm"),
    ("Nguyễn Thị", "Minh", "", "Hanoi University of Civil Engineering"),
    ("Σωκράτης", "Παπαδόπουλος", "", "Δήμος Αθηναίων"),
    ("Дмитрий", "Иванов", "", "Администрация города"),
    (
        "Anna-Katharina Maria-Theresia",
        "von Hardenberg-Schönfeld-Wittgenstein",
        "Prof. Dr.-Ing.",
        "",
    ),
]


@pytest.fixture
def hard_people(db, event_id):
    with db.session() as session:
        press = next(c for c in get_event(session, event_id).categories if c.name == "Presse")
        ids = []
        for i, (first, last, title, org) in enumerate(HARD):
            consents = {"photo": False} if i == 0 else {}
            ids.append(
                people.register(
                    session,
                    event_id,
                    people.ParticipantInput(
                        first,
                        last,
                        title=title,
                        organisation=org,
                        category_id=press.id if i == 1 else None,
                        consents=consents,
                    ),
                    actor="t",
                ).id
            )
    return ids


def sample(**changes) -> BadgeData:
    first, last, title, org = HARD[0]
    values = dict(
        first_name=first,
        last_name=last,
        title=title,
        organisation=org,
        category="Referent/in",
        colour="#B3261E",
        short_code="KQ7MB2",
        secret="KG2BKJ8UF9A3RS24XWAR",
        event_name="Bundeskongress Nationale Stadtentwicklungspolitik 2019",
        event_dates="17.–19.09.2019",
        no_photos=True,
        programme=("W1", "F4", "E2"),
    )
    values.update(changes)
    return BadgeData(**values)


def test_the_font_covers_every_name():
    fonts = badge_fonts()
    names = " ".join(" ".join(row) for row in HARD)
    assert fonts.missing(names) == set()
    assert fonts.missing("Σωκράτης Παπαδόπουλος, Дмитрий Иванов, Nguyễn Thị Minh") == set()
    assert fonts.paths["regular"].name == "DejaVuSans.ttf"


@pytest.mark.parametrize("key", sorted(LAYOUTS))
@pytest.mark.parametrize("row", range(len(HARD)))
def test_no_text_overflows_its_box(key, row):
    layout = LAYOUTS[key]
    w, h = layout.badge[0] * MM, layout.badge[1] * MM
    first, last, title, org = HARD[row]
    long_org = org or "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen"
    fonts = badge_fonts()
    for data in (
        sample(first_name=first, last_name=last, title=title, organisation=long_org),
        sample(first_name=first, last_name=last, organisation=org,
               group="Delegation der Landeshauptstadt Stuttgart, Referat Soziales"),
        sample(first_name="A" * 40, last_name="Ä" * 40, organisation="X" * 300, category="Y" * 80,
               group="G" * 200),
    ):  # fmt: skip
        scene = badge_scene(data, w, h, fonts)
        texts = [p for p in scene if isinstance(p, Text)]
        assert texts
        for t in texts:
            bx, by, bw, bh = t.box
            width = fonts.width(t.text, t.weight, t.size)
            left = {"left": t.x, "right": t.x - width, "centre": t.x - width / 2}[t.align]
            assert bx - 0.01 <= left and left + width <= bx + bw + 0.01, (t.text, t.size)
            assert by - 0.01 <= t.y - 0.22 * t.size, (t.text, "below its box")
            assert t.y + 0.76 * t.size <= by + bh + 0.01, (t.text, "above its box")
            assert left >= 0 and left + width <= w and t.y >= 0 and t.y + t.size <= h
        # nothing is cut: every word of the name and organisation is on the badge
        shown = " ".join(t.text for t in texts)
        for word in f"{data.first_name} {data.last_name}".split():
            assert word in shown or word in shown.replace(" ", "")
        # the QR code and its quiet zone stay free of anything else
        code = next(p for p in scene if isinstance(p, Code))
        side = (len(code.matrix) + 2 * QUIET) * code.module
        for t in texts:
            bx, by, bw, bh = t.box
            overlap = (
                bx < code.x + side and code.x < bx + bw and by < code.y + side and code.y < by + bh
            )
            assert not overlap or t.text == "", t.text


@pytest.mark.parametrize("key", ["a6", "a6-4up", "a7-8up"])
def test_qr_is_at_least_18_mm_with_alphanumeric_version_1(key):
    layout = LAYOUTS[key]
    scene = badge_scene(sample(), layout.badge[0] * MM, layout.badge[1] * MM, badge_fonts())
    code = next(p for p in scene if isinstance(p, Code))
    assert len(code.matrix) * code.module >= 18 * MM
    assert code.module >= 0.4 * MM
    # 20 characters fit version 1 (21 x 21) at level M only in alphanumeric mode
    assert len(qr_matrix("KG2BKJ8UF9A3RS24XWAR")) == 21


def test_band_shows_its_label_in_words_with_contrast():
    scene = badge_scene(sample(colour="#FFD54F", category="Presse"), 400, 280, badge_fonts())
    band = next(p for p in scene if isinstance(p, Box) and p.fill == "#FFD54F")
    label = next(p for p in scene if isinstance(p, Text) and p.text == "Presse")
    assert label.colour == "#1A1A1A" and band.y == 0  # dark text on yellow
    scene = badge_scene(sample(colour="#1F5FA8", category="Referent/in"), 400, 280, badge_fonts())
    assert (
        next(p for p in scene if isinstance(p, Text) and p.text == "Referent/in").colour
        == "#FFFFFF"
    )


@pytest.mark.parametrize("key", sorted(LAYOUTS))
def test_every_layout_reads_back_and_scans(sqlite_db, tmp_path, key):
    db = sqlite_db
    with db.session() as session:
        event_id = get_event_id(session)
    ids = register_hard(db, event_id)
    pdf = tmp_path / f"{key}.pdf"
    result = badges.generate(
        db,
        event_id,
        pdf,
        layout=key,
        selection=badges.BadgeSelection(ids=tuple(ids)),
        options=badge_pdf.PrintOptions(cut_marks=True),
        actor="t",
    )
    layout = get_layout(key)
    assert result.badges == len(HARD)
    assert page_count(pdf) == result.pages == -(-len(HARD) // layout.per_page)
    with db.session(write=False) as session:
        rows = {
            p.id: p for p in session.scalars(select(Participant).where(Participant.id.in_(ids)))
        }
    texts = " ".join(page_texts(pdf))
    for first, last, _, _ in HARD:
        for word in f"{first} {last}".split():
            assert unicodedata.normalize("NFC", word) in texts, word
    scanned = [code for page in decoded_codes(pdf, tmp_path) for code in page]
    assert sorted(scanned) == sorted(rows[i].badge_secret for i in ids)


def get_event_id(session):
    from regdesk.services.events import EventInput, create_event

    return create_event(
        session,
        EventInput(name="Fachtag Baukultur", first_day="02.03.2026", last_day="03.03.2026"),
        actor="t",
    ).id


def register_hard(db, event_id) -> list[int]:
    with db.session() as session:
        return [
            people.register(
                session,
                event_id,
                people.ParticipantInput(first, last, title=title, organisation=org),
                actor="t",
            ).id
            for first, last, title, org in HARD
        ]


def test_offset_and_cut_marks(tmp_path):
    layout = get_layout("durable-90x54")
    plain = list(layout.slots())
    moved = list(layout.slots((2.0, 3.0)))
    assert moved[0][0] - plain[0][0] == pytest.approx(2 * MM)
    assert moved[0][1] - plain[0][1] == pytest.approx(-3 * MM)  # down on paper
    assert layout.origin() == pytest.approx((15.0, 13.5))
    with_marks = badge_pdf.render_pdf([sample()], layout, badge_pdf.PrintOptions(cut_marks=True))
    without = badge_pdf.render_pdf([sample()], layout)
    # a cut mark sits in the left margin at the height of the first badge's top edge
    from regdesk import pdfread

    y = round(13.5 * MM)
    marks = next(pdfread.page_images(with_marks, 72)).convert("L")
    plain = next(pdfread.page_images(without, 72)).convert("L")
    assert min(marks.getpixel((x, y)) for x in range(20, 35)) < 128
    assert min(plain.getpixel((x, y)) for x in range(20, 35)) > 200


def test_unknown_layout_is_refused():
    with pytest.raises(UnknownLayout) as info:
        get_layout("a5")
    assert "durable-90x54" in info.value.message()


def test_batch_streams_in_chunks_tracks_printing_and_sorts(
    db, event_id, hard_people, tmp_path, monkeypatch
):
    monkeypatch.setattr(badges, "CHUNK", 2)  # six badges in three chunks
    seen = []
    pdf = tmp_path / "all.pdf"
    result = badges.generate(
        db,
        event_id,
        pdf,
        selection=badges.BadgeSelection(sort="category"),
        actor="desk",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(0, 6), (2, 6), (4, 6), (6, 6)]
    assert page_count(pdf) == 6 == result.pages
    texts = page_texts(pdf)
    assert "Çelik" in texts[-1]  # Presse sorts after Teilnehmer/in (category order)
    assert "Keine Fotos" in next(t for t in texts if "Żółć" in t)
    with db.session(write=False) as session:
        rows = session.scalars(select(Participant).where(Participant.id.in_(hard_people))).all()
        assert {p.badge_print_count for p in rows} == {1}
        assert all(p.badge_printed_at is not None for p in rows)
        not_printed = badges.selected_ids(
            session, event_id, badges.BadgeSelection(filters=ParticipantFilter(badge_printed=False))
        )
    assert not_printed == []
    with pytest.raises(NothingToPrint):
        badges.generate(
            db,
            event_id,
            tmp_path / "none.pdf",
            selection=badges.BadgeSelection(filters=ParticipantFilter(badge_printed=False)),
            actor="desk",
        )
    assert not (tmp_path / "none.pdf").exists()


def test_cancel_halfway_leaves_no_file_and_changes_nothing(
    db, event_id, hard_people, tmp_path, monkeypatch
):
    monkeypatch.setattr(badges, "CHUNK", 2)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "badges.pdf"
    target.write_bytes(b"the previous print run")
    calls = []

    def cancel_after_first_chunk():
        calls.append(True)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        badges.generate(db, event_id, target, actor="desk", cancelled=cancel_after_first_chunk)
    assert target.read_bytes() == b"the previous print run"
    assert sorted(p.name for p in out.iterdir()) == ["badges.pdf"]  # no .part left
    with db.session(write=False) as session:
        assert {p.badge_print_count for p in session.scalars(select(Participant))} == {0}


def test_reissue_replaces_secret_and_short_code(db, event_id, hard_people, tmp_path):
    pid = hard_people[1]
    with db.session(write=False) as session:
        before = session.get(Participant, pid)
        old_secret, old_code = before.badge_secret, before.short_code
    with db.session() as session:
        result = badges.reissue(session, pid, "verloren", actor="desk")
    assert result.old_short_code == old_code != result.short_code
    with db.session(write=False) as session:
        after = session.get(Participant, pid)
        assert after.badge_secret != old_secret and after.short_code == result.short_code
        replaced = session.scalars(
            select(ReplacedBadge).where(ReplacedBadge.participant_id == pid)
        ).one()
        assert (replaced.secret, replaced.short_code, replaced.reason) == (
            old_secret,
            old_code,
            "verloren",
        )
        assert [r.id for r in search(session, event_id, result.short_code)] == [pid]
        assert search(session, event_id, old_code) == []
        single = badges.badge_pdf(session, [pid])
    (tmp_path / "one.pdf").write_bytes(single)
    assert decoded_codes(tmp_path / "one.pdf", tmp_path) == [[after.badge_secret]]
    with db.session() as session:
        people.cancel(session, pid, "krank", actor="desk")
    with pytest.raises(ParticipantNotRegistered), db.session() as session:
        badges.reissue(session, pid, "verloren", actor="desk")


def test_refused_consents_show_on_the_badge(db, event_id, tmp_path):
    with db.session() as session:
        pid = people.register(
            session,
            event_id,
            people.ParticipantInput(
                "Mia",
                "Wolf",
                organisation="Geheimdienst",
                consents={"photo": False, "badge_organisation": False},
            ),
            actor="t",
        ).id
        (data,) = badges.badge_data(session, [pid])
    assert data.no_photos and data.organisation == ""


def test_the_group_is_on_the_badge_and_hidden_with_the_organisation(db, event_id, tmp_path):
    with db.session() as session:
        ids = [
            people.register(
                session, event_id,
                people.ParticipantInput(first, "Hahn", organisation="Stadt Esslingen",
                                        group="Delegation Esslingen", consents=consents),
                actor="t",
            ).id
            for first, consents in (("Petra", {}), ("Mia", {"badge_organisation": False}))
        ]  # fmt: skip
        petra, mia = badges.badge_data(session, ids)
        pdf = tmp_path / "gruppe.pdf"
        pdf.write_bytes(badges.badge_pdf(session, ids[:1]))
    assert petra.group == "Delegation Esslingen"
    assert mia.group == "" and mia.organisation == ""
    (text,) = page_texts(pdf)
    assert "Stadt Esslingen" in text and "Delegation Esslingen" in text


def test_a_replaced_short_code_is_never_given_again(db, event_id, hard_people, monkeypatch):
    from regdesk.services import participants as participant_service

    with db.session() as session:
        old = badges.reissue(session, hard_people[0], "verloren", actor="t").old_short_code
        taken = session.get(Participant, hard_people[1]).short_code
    # the generator offers the replaced code first, then a live one, then a fresh one
    offers = iter([old, taken, "QQQ222"])
    monkeypatch.setattr(participant_service, "new_short_code", lambda: next(offers))
    with db.session() as session:
        assert participant_service.unused_short_code(session, event_id) == "QQQ222"
