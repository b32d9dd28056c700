"""The words on exported lists, in German (the default) and English.

Lists are documents for the organiser's files, so their language is chosen per export
(``--lang`` on the command line, the interface language in the app), not by Qt. The
column titles are also headers the import recognises, so an exported list reads back in.
"""

from __future__ import annotations

LANGUAGES = ("de", "en")

TEXTS: dict[str, tuple[str, str]] = {
    # columns
    "number": ("Nr.", "No."),
    "salutation": ("Anrede", "Salutation"),
    "title": ("Titel", "Title"),
    "first_name": ("Vorname", "First name"),
    "last_name": ("Nachname", "Last name"),
    "organisation": ("Organisation", "Organisation"),
    "position": ("Funktion", "Position"),
    "email": ("E-Mail", "E-mail"),
    "phone": ("Telefon", "Phone"),
    "category": ("Kategorie", "Category"),
    "status": ("Status", "Status"),
    "cancel_reason": ("Absagegrund", "Cancellation reason"),
    "is_vip": ("VIP", "VIP"),
    "group": ("Gruppe/Delegation", "Group"),
    "group_lead": ("Gruppenleitung", "Group lead"),
    "short_code": ("Code", "Code"),
    "days": ("Tage", "Days"),
    "programme": ("Programm", "Programme"),
    "waitlist": ("Warteliste", "Waiting list"),
    "wish": ("Wunsch {n}", "Wish {n}"),
    "needs_dietary": ("Ernährung", "Dietary"),
    "needs_accessibility": ("Barrierefreiheit", "Accessibility"),
    "needs_interpreter": ("Dolmetschen", "Interpreting"),
    "consent_photo": ("Einwilligung Fotos", "Consent photos"),
    "consent_listing": ("Einwilligung Teilnehmerliste", "Consent participant list"),
    "consent_badge_organisation": ("Organisation auf Namensschild", "Organisation on badge"),
    "consent_health_data": ("Einwilligung Gesundheitsdaten", "Consent health data"),
    "notes": ("Bemerkungen", "Notes"),
    "checked_in": ("Eingecheckt", "Checked in"),
    "badge_printed": ("Namensschild gedruckt", "Badge printed"),
    "registered_at": ("Angemeldet am", "Registered on"),
    "source": ("Quelle", "Source"),
    "signature": ("Unterschrift", "Signature"),
    "place": ("Platz", "Place"),
    "list": ("Liste", "List"),
    "time": ("Zeit", "Time"),
    "desk": ("Schalter", "Desk"),
    "day": ("Tag", "Day"),
    "item": ("Programmpunkt", "Programme item"),
    "direction": ("Richtung", "Direction"),
    "verdict": ("Ergebnis", "Result"),
    "scanned": ("Gescannt", "Scanned"),
    "undone_at": ("Rückgängig am", "Undone on"),
    "undone_by": ("Rückgängig durch", "Undone by"),
    "override_reason": ("Trotzdem eingelassen, weil", "Admitted anyway because"),
    "consent": ("Einwilligung", "Consent"),
    "answer": ("Antwort", "Answer"),
    "given_via": ("Erteilt über", "Given via"),
    "consent_given": ("erteilt", "given"),
    "consent_refused": ("verweigert", "refused"),
    "consent_none": ("zurückgenommen", "taken back"),
    "no_consents": ("Keine Einwilligungen erfasst.", "No consents recorded."),
    "actor": ("Wer", "Who"),
    "action": ("Aktion", "Action"),
    "action_code": ("Aktionscode", "Action code"),
    "entity": ("Objekt", "Object"),
    "entity_id": ("ID", "ID"),
    "person": ("Person", "Person"),
    "before": ("Vorher", "Before"),
    "after": ("Nachher", "After"),
    # values
    "frau": ("Frau", "Ms"),
    "herr": ("Herr", "Mr"),
    "registered": ("angemeldet", "registered"),
    "cancelled": ("abgesagt", "cancelled"),
    "enrolled": ("Platz", "place"),
    "waitlisted": ("Warteliste {n}", "waiting list {n}"),
    "in": ("hinein", "in"),
    "out": ("hinaus", "out"),
    "admitted": ("eingelassen", "admitted"),
    "re_entry": ("Wiedereintritt", "re-entry"),
    "already_used": ("bereits benutzt", "already used"),
    "replaced": ("ersetztes Namensschild", "replaced badge"),
    "unknown": ("unbekannter Code", "unknown code"),
    "not_enrolled": ("nicht angemeldet", "not enrolled"),
    "wrong_day": ("falscher Tag", "wrong day"),
    "checked_out": ("ausgecheckt", "checked out"),
    "verdict_cancelled": ("abgesagt", "cancelled"),
    # lists
    "list.participants": ("Teilnehmerliste", "Participant list"),
    "list.signin": ("Unterschriftenliste", "Sign-in sheet"),
    "list.rosters": ("Listen der Programmpunkte", "Programme rosters"),
    "roster.workshop": ("Workshop-Liste", "Workshop roster"),
    "roster.excursion": ("Exkursionsliste", "Excursion list"),
    "roster.forum": ("Forumsliste", "Forum list"),
    "roster.other": ("Teilnehmerliste", "Participant list"),
    "list.unplaced": ("Personen ohne Platz", "People without a place"),
    "list.catering": ("Verpflegung und Barrierefreiheit", "Catering and accessibility"),
    "list.published": ("Teilnehmendenverzeichnis", "Published participant list"),
    "list.scans": ("Scan-Protokoll", "Scan log"),
    "list.audit": ("Änderungsprotokoll", "Audit log"),
    "list.consents": ("Einwilligungsnachweis", "Consent records"),
    # headings and feet
    "event": ("Veranstaltung", "Event"),
    "date": ("Datum", "Date"),
    "venue": ("Ort", "Place"),
    "organiser": ("Veranstalter", "Organiser"),
    "host": ("Leitung", "Host"),
    "room": ("Raum", "Room"),
    "fill": ("{enrolled} von {capacity} Plätzen belegt", "{enrolled} of {capacity} places taken"),
    "fill_unlimited": ("{enrolled} Teilnehmende", "{enrolled} participants"),
    "waiting": ("{n} auf der Warteliste", "{n} on the waiting list"),
    "page": ("Seite {page} von {pages}", "Page {page} of {pages}"),
    "created": ("Stand: {when}", "As of: {when}"),
    "no_rows": ("Keine Einträge.", "No entries."),
    "o_clock": ("{start}–{end} Uhr", "{start}–{end}"),
    "all_days": ("alle Tage", "all days"),
    "filter": ("Auswahl: {what}", "Selection: {what}"),
    "consented_only": (
        "Nur Personen, die der Veröffentlichung zugestimmt haben.",
        "Only people who consented to being listed.",
    ),
    "health_consented_only": (
        "Nur Angaben von Personen, die der Verarbeitung ihrer Gesundheitsdaten "
        "zugestimmt haben. Vertraulich: nur für Catering und Veranstaltungsort.",
        "Only from people who consented to their health data being processed. "
        "Confidential: for catering and the venue only.",
    ),
    "unplaced_reason": ("Grund", "Reason"),
    "first_wish": ("Erster offener Wunsch", "First open wish"),
    "waiting_for": ("Auf der Warteliste von", "On the waiting list of"),
    "unplaced.no_wishes": ("keine Wünsche angegeben", "gave no wishes"),
    "unplaced.wishes_full": ("alle Wunschangebote voll", "every wished item full"),
    "checked_in_yes": ("eingecheckt", "checked in"),
    "checked_in_no": ("nicht eingecheckt", "not checked in"),
}
# what an audit entry records, in words (the code stays in its own column)
ACTIONS: dict[str, tuple[str, str]] = {
    "participant.manual": ("von Hand angemeldet", "registered by hand"),
    "participant.walk_in": ("vor Ort angemeldet", "registered as walk-in"),
    "participant.import": ("importiert", "imported"),
    "participant.demo": ("Demodaten angelegt", "created with the demo data"),
    "participant.update": ("Angaben geändert", "details changed"),
    "participant.cancel": ("Anmeldung storniert", "registration cancelled"),
    "participant.restore": ("Anmeldung wiederhergestellt", "registration restored"),
    "participant.days": ("Tage geändert", "days changed"),
    "participant.category": ("Kategorie geändert", "category changed"),
    "participant.group": ("Gruppe geändert", "group changed"),
    "consent.set": ("Einwilligung geändert", "consent changed"),
    "enrolment.enrolled": ("für Programmpunkt angemeldet", "enrolled"),
    "enrolment.waitlisted": ("auf die Warteliste gesetzt", "put on the waiting list"),
    "enrolment.remove": ("vom Programmpunkt abgemeldet", "removed from a programme item"),
    "enrolment.promoted": ("von der Warteliste nachgerückt", "moved up from the waiting list"),
    "enrolment.move": ("in anderen Programmpunkt verschoben", "moved to another item"),
    "enrolment.waitlist_reordered": ("Warteliste umsortiert", "waiting list reordered"),
    "preferences.set": ("Wünsche geändert", "wishes changed"),
    "allocation.apply": ("Platzvergabe übernommen", "allocation applied"),
    "allocation.undo": ("Platzvergabe zurückgenommen", "allocation undone"),
    "checkin.undo": ("Einlass zurückgenommen", "admission undone"),
    "checkin.override": ("trotzdem eingelassen", "admitted anyway"),
    "checkin.group": ("Gruppe eingelassen", "group admitted"),
    "checkin.selection": ("Auswahl eingelassen", "selection admitted"),
    "badge.reissue": ("Badge neu ausgestellt", "badge reissued"),
    "door.pin_set": ("Türmodus-PIN gesetzt", "door mode PIN set"),
    "event.create": ("Veranstaltung angelegt", "event created"),
    "event.update": ("Veranstaltung geändert", "event changed"),
    "day.create": ("Tag angelegt", "day added"),
    "day.update": ("Tag geändert", "day changed"),
    "day.delete": ("Tag gelöscht", "day deleted"),
    "category.create": ("Kategorie angelegt", "category created"),
    "category.update": ("Kategorie geändert", "category changed"),
    "category.delete": ("Kategorie gelöscht", "category deleted"),
    "slot.create": ("Zeitfenster angelegt", "time slot created"),
    "slot.update": ("Zeitfenster geändert", "time slot changed"),
    "slot.delete": ("Zeitfenster gelöscht", "time slot deleted"),
    "item.create": ("Programmpunkt angelegt", "programme item created"),
    "item.update": ("Programmpunkt geändert", "programme item changed"),
    "item.delete": ("Programmpunkt gelöscht", "programme item deleted"),
    "import.apply": ("Import übernommen", "import applied"),
    "export.report": ("Teilnahmestatistik exportiert", "attendance report exported"),
    "export.certificates": ("Teilnahmebescheinigungen erstellt", "attendance certificates made"),
    "export.access": ("Auskunft nach Art. 15 DSGVO erstellt", "Art. 15 access export made"),
    "demo.seed": ("Demoveranstaltung angelegt", "demo event created"),
    "mail.queue": ("E-Mail eingereiht", "e-mail queued"),
    "mail.resend": ("E-Mail erneut eingereiht", "e-mail queued again"),
    "mail.sent": ("E-Mail gesendet", "e-mail sent"),
    "mail.failed": ("E-Mail fehlgeschlagen", "e-mail failed"),
}
EXPORT_ACTION = ("Liste exportiert: {kind}", "list exported: {kind}")


def action_text(action: str, language: str = "de") -> str:
    """An audit action in words; one not listed keeps its code."""
    german, english = ACTIONS.get(action, (None, None))
    if action.startswith("export.") and german is None:
        kind = TEXTS.get(f"list.{action.removeprefix('export.')}")
        if kind is not None:
            german, english = (t.format(kind=k) for t, k in zip(EXPORT_ACTION, kind, strict=True))
    if german is None:
        return action
    return english if language == "en" else german


WEEKDAYS = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def text(key: str, language: str = "de", **values) -> str:
    german, english = TEXTS[key]
    chosen = english if language == "en" else german
    return chosen.format(**values) if values else chosen
