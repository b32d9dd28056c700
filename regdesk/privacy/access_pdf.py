"""The Art. 15 access export as a readable PDF: who is responsible and why the data is
kept, then everything stored about the person, table by table, with days, programme
items and groups by name."""

from __future__ import annotations

import json
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as _escape  # &, <, > for reportlab's paragraph markup

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..badges.fonts import badge_fonts
from ..exporting.labels import TEXTS, text
from .access import AccessData

# (German, English)
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Auskunft nach Art. 15 DSGVO", "Access to personal data (Art. 15 GDPR)"),
    "intro": (
        "Diese Auskunft enthält alle Daten, die zu Ihrer Anmeldung gespeichert sind.",
        "This export holds all data stored about your registration.",
    ),
    "controller": ("Verantwortlich", "Controller"),
    "event": ("Veranstaltung", "Event"),
    "organiser": ("Veranstalter", "Organiser"),
    "contact": ("Kontakt", "Contact"),
    "dates": ("Termin", "Dates"),
    "statement": (
        "Zwecke, Empfänger und Speicherdauer",
        "Purposes, recipients and retention",
    ),
    "no_statement": (
        "Der Veranstalter hat keinen Datenschutzhinweis hinterlegt.",
        "The organiser has not stored a data-protection statement.",
    ),
    "made": ("Erstellt am {when} mit {by}", "Made on {when} with {by}"),
    "person": ("Gespeicherte Angaben", "Stored details"),
    "field": ("Angabe", "Detail"),
    "value": ("Wert", "Value"),
    "none": ("keine", "none"),
    "consent": ("Einwilligungen", "Consents"),
    "participant_day": ("Angemeldete Tage", "Days registered for"),
    "group_member": ("Gruppe", "Group"),
    "preference": ("Programmwünsche", "Programme wishes"),
    "enrolment": ("Plätze im Programm", "Places in the programme"),
    "scan": ("Einlass-Scans", "Scans at the doors"),
    "mail_message": ("Versandte E-Mails", "Mails sent"),
    "mail_attachment": ("Anhänge der E-Mails", "Attachments of the mails"),
    "replaced_badge": ("Ersetzte Namensschilder", "Replaced badges"),
    "search_token": ("Suchwörter (aus dem Namen abgeleitet)", "Search words (from the name)"),
    "audit_entry": ("Änderungsprotokoll zu Ihrer Person", "Audit entries about you"),
}
# column names in words, where the lists' words (exporting.labels) have none
KEYS: dict[str, tuple[str, str]] = {
    "id": ("Nummer", "Number"), "event_id": ("Veranstaltung", "Event"),
    "category_id": ("Kategorie (Nr.)", "Category (no.)"), "source": ("Quelle", "Source"),
    "badge_secret": ("Code im QR-Code", "Code in the QR code"),
    "badge_printed_at": ("Namensschild gedruckt", "Badge printed"),
    "badge_print_count": ("Drucke", "Prints"), "notes": ("Notizen", "Notes"),
    "cancelled_at": ("Abgesagt am", "Cancelled on"),
    "email_key": ("Suchschlüssel E-Mail", "Search key e-mail"),
    "mail_id": ("E-Mail (Nr.)", "Mail (no.)"), "filename": ("Datei", "File"),
    "message_id": ("Kennung der Nachricht", "Message ID"),
    "content": ("Inhalt", "Content"),
    "dup_key": ("Schlüssel Dublettenprüfung", "Duplicate-check key"),
    "name_key": ("Sortierschlüssel", "Sort key"), "created_at": ("Angelegt", "Created"),
    "updated_at": ("Geändert", "Changed"), "kind": ("Art", "Kind"),
    "granted": ("Erteilt", "Given"), "given_at": ("Am", "On"),
    "given_via": ("Über", "Via"), "group_id": ("Gruppe", "Group"),
    "is_lead": ("Leitung", "Lead"), "day_id": ("Tag", "Day"),
    "item_id": ("Programmpunkt", "Programme item"), "rank": ("Rang", "Rank"),
    "secret": ("Alter Code", "Old code"), "replaced_at": ("Ersetzt am", "Replaced on"),
    "reason": ("Grund", "Reason"), "token": ("Wort", "Word"), "field": ("Feld", "Field"),
    "at": ("Zeit", "Time"), "desk": ("Platz", "Desk"), "raw": ("Gelesen", "Read"),
    "verdict": ("Ergebnis", "Result"), "direction": ("Richtung", "Direction"),
    "to_address": ("An", "To"), "to_name": ("Name", "Name"),
    "subject": ("Betreff", "Subject"), "body": ("Text", "Text"),
    "state": ("Zustand", "State"), "sent_at": ("Gesendet", "Sent"),
    "actor": ("Wer", "Who"), "action": ("Was", "What"), "before": ("Vorher", "Before"),
    "after": ("Nachher", "After"), "entity": ("Bereich", "Area"),
    "entity_id": ("Nummer im Bereich", "Number in area"),
}  # fmt: skip
SKIPPED = {"id", "participant_id", "event_id"}  # the same for every row of a section
GRID_COLUMNS = 5  # more columns than this: each row as a list of its details


def _w(key: str, language: str, **values) -> str:
    de, en = WORDS[key]
    return (de if language == "de" else en).format(**values)


def _key(key: str, language: str) -> str:
    if key in KEYS:
        return KEYS[key][language != "de"]
    if key in TEXTS:
        return text(key, language)
    return key.replace("_", " ")


def _shown(key: str, value: Any, names: dict[str, dict[str, str]], language: str) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return ("ja" if value else "nein") if language == "de" else ("yes" if value else "no")
    if isinstance(value, str) and key.endswith("_at") and "T" in value:
        return value[:16].replace("T", " ") + " UTC"
    for ref in ("day", "item", "group"):
        if key == f"{ref}_id":
            return names.get(ref, {}).get(str(value), str(value))
    if isinstance(value, dict) and "base64" in value:  # a file: in the JSON export, in full
        size = f"{value['bytes']:,}".replace(",", "." if language == "de" else ",")
        return (
            f"Datei, {size} Bytes (vollständig in der JSON-Datei)"
            if language == "de"
            else f"file, {size} bytes (in full in the JSON file)"
        )
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def write_access_pdf(access: AccessData, out: BinaryIO, *, language: str = "de") -> int:
    """Writes the PDF; returns the number of rows shown (the person's details aside)."""
    fonts = badge_fonts()
    ink = colors.HexColor("#1B1B1B")
    title = ParagraphStyle("t", fontName=fonts.bold, fontSize=16, leading=20, textColor=ink)
    h2 = ParagraphStyle("h2", fontName=fonts.bold, fontSize=11.5, leading=14,
                        spaceBefore=9, spaceAfter=3, textColor=ink)  # fmt: skip
    body = ParagraphStyle("b", fontName=fonts.regular, fontSize=9, leading=12, textColor=ink)
    cell = ParagraphStyle("c", fontName=fonts.regular, fontSize=7.5, leading=9.5)
    head = ParagraphStyle("h", fontName=fonts.bold, fontSize=7.5, leading=9.5)
    data, names = access.data, access.data["names"]
    who = data["controller"]
    person = data["person"]
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=15 * mm,
        bottomMargin=15 * mm, title=_w("title", language), author=who["organiser"] or "regdesk",
        creator="regdesk", subject=f"{person['first_name']} {person['last_name']}",
    )  # fmt: skip
    width = A4[0] - 32 * mm
    style = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9AA5B1")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE3EA")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])  # fmt: skip

    def table(rows: list[list[str]], widths: list[float]) -> Table:
        styled = [[Paragraph(_escape(c), head) for c in rows[0]]] + [
            [Paragraph(_escape(c), cell) for c in r] for r in rows[1:]
        ]
        made = Table(styled, colWidths=widths, repeatRows=1)
        made.setStyle(style)
        return made

    story = [
        Paragraph(_escape(_w("title", language)), title),
        Paragraph(_escape(f"{person['first_name']} {person['last_name']}"), body),
        Paragraph(_escape(_w("intro", language)), body),
        Paragraph(_escape(_w("controller", language)), h2),
        table(
            [[_w("field", language), _w("value", language)],
             [_w("event", language), who["event"]],
             [_w("dates", language), f"{who['first_day']} – {who['last_day']}"],
             [_w("organiser", language), who["organiser"] or "–"],
             [_w("contact", language), who["contact"] or "–"]],
            [width * 0.3, width * 0.7],
        ),
        Paragraph(_escape(_w("statement", language)), h2),
        Paragraph(_escape(who["statement"] or _w("no_statement", language)), body),
        Paragraph(_escape(_w("person", language)), h2),
        table(
            [[_w("field", language), _w("value", language)]]
            + [[_key(key, language), _shown(key, value, names, language)]
               for key, value in person.items()],
            [width * 0.3, width * 0.7],
        ),
    ]  # fmt: skip
    shown = 0
    for name, rows in data["tables"].items():
        story.append(Paragraph(_escape(WORDS.get(name, (name, name))[language != "de"]), h2))
        if not rows:
            story.append(Paragraph(_escape(_w("none", language)), body))
            continue
        keys = [k for k in rows[0] if k not in SKIPPED]
        if len(keys) <= GRID_COLUMNS:  # a few columns: one table, a row each
            grid = [[_key(k, language) for k in keys]] + [
                [_shown(k, row.get(k), names, language) for k in keys] for row in rows
            ]
            story.append(table(grid, [width / len(keys)] * len(keys)))
        else:  # many (a mail, an audit entry): each row as its own list of details
            for number, row in enumerate(rows, 1):
                story.append(table(
                    [[f"{number}", ""]]
                    + [[_key(k, language), _shown(k, row.get(k), names, language)]
                       for k in keys],
                    [width * 0.3, width * 0.7],
                ))  # fmt: skip
                story.append(Spacer(1, 2 * mm))
        shown += len(rows)
    story += [
        Spacer(1, 6 * mm),
        Paragraph(_escape(_w("made", language, when=data["about"]["made_at"][:16],
                             by=data["about"]["made_by"])), cell),
    ]  # fmt: skip
    doc.build(story)
    return shown
