"""The words of the report, in German and English (the report is a document for the
funding body, written by the core; the GUI's translations do not reach it)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Teilnahmestatistik", "Attendance report"),
    "made": ("Erstellt am {when}", "Made on {when}"),
    "organiser": ("Veranstalter: {name}", "Organiser: {name}"),
    "venue": ("Ort: {name}", "Venue: {name}"),
    "summary": ("Übersicht", "Summary"),
    "figure": ("Kennzahl", "Figure"),
    "registered": ("Angemeldet", "Registered"),
    "cancelled": ("Storniert", "Cancelled"),
    "came_once": ("Mindestens einmal eingelassen", "Admitted at least once"),
    "admitted": ("Eingelassen", "Admitted"),
    "no_show": ("Nicht erschienen", "No-show"),
    "rate": ("Quote", "Rate"),
    "category": ("Kategorie", "Category"),
    "organisation_kind": ("Art der Organisation", "Kind of organisation"),
    "total": ("Gesamt", "Total"),
    "others": ("Weitere (zusammengefasst)", "Others (folded)"),
    "day": ("Tag", "Day"),
    "arrivals": ("Ankünfte je 15 Minuten", "Arrivals per 15 minutes"),
    "arrivals_none": ("Keine Ankünfte erfasst.", "No arrivals recorded."),
    "time": ("Uhrzeit", "Time"),
    "when": ("Wann", "When"),
    "count": ("Anzahl", "Count"),
    "unregistered": (
        "Außerdem eingelassen, obwohl für andere Tage angemeldet: {n}",
        "Also admitted although registered for other days: {n}",
    ),
    "programme": ("Programm", "Programme"),
    "item": ("Programmpunkt", "Programme item"),
    "places": ("Plätze", "Places"),
    "open": ("offen", "open"),
    "enrolled": ("Angemeldet", "Enrolled"),
    "waitlisted": ("Warteliste", "Waiting list"),
    "present": ("Anwesend (Einlass)", "Present (door)"),
    "present_enrolled": ("davon angemeldet", "of them enrolled"),
    "no_programme": ("Kein Programm erfasst.", "No programme recorded."),
    "folded": (
        "Gruppen mit weniger als {n} Personen sind unter „Weitere“ zusammengefasst, damit "
        "niemand erkennbar ist.",
        "Groups of fewer than {n} people are folded into “Others”, so that no one is identifiable.",
    ),
    "method": (
        "Gezählt aus Anmeldungen und Einlass-Scans: eingelassen ist, wer am Tageseinlass "
        "mindestens einmal eingelassen wurde (Wiedereinlass zählt nicht doppelt, "
        "zurückgenommene Einlässe zählen nicht). Anwesend bei einem Programmpunkt: am "
        "Saaleinlass eingelassen.",
        "Counted from registrations and entry scans: admitted is who was let in at a "
        "day's entry at least once (re-entries do not count twice, undone admissions not "
        "at all). Present at a programme item: let in at its door.",
    ),
    "kind.municipality": ("Kommune", "Municipality"),
    "kind.state": ("Bund / Land", "Federal / state"),
    "kind.science": ("Wissenschaft", "Science"),
    "kind.civil_society": ("Zivilgesellschaft", "Civil society"),
    "kind.business": ("Wirtschaft", "Business"),
    "kind.other": ("Sonstige", "Other"),
    "kind.unknown": ("ohne Angabe", "not stated"),
    "kind_note": (
        "Die Art der Organisation ist aus ihrem Namen erkannt (Stadt, Gemeinde, Landkreis … "
        "= Kommune).",
        "The kind of organisation is told by its name (Stadt, Gemeinde, Landkreis … = "
        "municipality).",
    ),
    "page": ("Seite {n}", "Page {n}"),
}


def t(key: str, language: str = "de", **values) -> str:
    german, english = TEXTS[key]
    chosen = english if language == "en" else german
    return chosen.format(**values) if values else chosen
