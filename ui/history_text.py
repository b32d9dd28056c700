"""A participant's change history in words: which field, from what to what, with names for
ids (categories, programme items, days) and words for values (yes/no, registered,
"Ms") -- never an internal key such as ``first_name`` or ``consent.set photo: None``."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QObject

from regdesk.services.participants import ParticipantDetail

from .formatting import day_label
from .import_models import change_label

CREATED = ("participant.manual", "participant.walk_in", "participant.import", "participant.demo")
HIDDEN = {"scan"}  # an internal id, nothing a person reads
CONSENTS = {"photo", "listing", "badge_organisation", "health_data"}


class HistoryText(QObject):
    """Renders the ``before``/``after`` of audit entries for one participant's detail."""

    def __init__(self, detail: ParticipantDetail | None = None) -> None:
        super().__init__()
        self.names = detail.names if detail is not None else {}

    def verdict(self, verdict: str) -> str:
        return {
            "admitted": self.tr("admitted"),
            "re_entry": self.tr("re-entry"),
            "already_used": self.tr("already used"),
            "replaced": self.tr("replaced badge"),
            "cancelled": self.tr("registration cancelled"),
            "unknown": self.tr("unknown code"),
            "not_enrolled": self.tr("not enrolled"),
            "wrong_day": self.tr("not registered for the day"),
            "checked_out": self.tr("checked out"),
        }.get(verdict, self.tr("other"))

    def label(self, key: str) -> str:
        extra = {
            "category_id": self.tr("Category"),
            "day_ids": self.tr("Days"),
            "item_id": self.tr("Programme item"),
            "item": self.tr("Programme item"),
            "waitlist_position": self.tr("Place on the waiting list"),
            "wishes": self.tr("Wishes"),
            "reason": self.tr("Reason"),
            "verdict": self.tr("Verdict"),
            "desk": self.tr("Desk"),
            "at_the_door": self.tr("At the door"),
            "short_code": self.tr("Badge code"),
            "status": self.tr("Status"),
            "is_vip": self.tr("VIP"),
            "day_id": self.tr("Day"),
            "group": self.tr("Group"),
            "group_lead": self.tr("Leads the group"),
            # other entries of the audit log: the event, its days, categories, programme,
            # exports and imports
            "name": self.tr("Name"),
            "badge_label": self.tr("Badge label"),
            "colour": self.tr("Colour"),
            "date": self.tr("Date"),
            "label": self.tr("Label"),
            "first_day": self.tr("First day"),
            "last_day": self.tr("Last day"),
            "venue_name": self.tr("Venue"),
            "venue_address": self.tr("Address"),
            "subtitle": self.tr("Subtitle"),
            "organiser": self.tr("Organiser"),
            "contact": self.tr("Contact"),
            "timezone": self.tr("Time zone"),
            "privacy_note": self.tr("Data-protection note"),
            "code": self.tr("Code"),
            "room": self.tr("Room"),
            "host": self.tr("Host"),
            "capacity": self.tr("Places"),
            "kind": self.tr("Kind"),
            "starts_at": self.tr("Starts"),
            "ends_at": self.tr("Ends"),
            "sort_order": self.tr("Order"),
            "is_default": self.tr("Default"),
            "scenario": self.tr("Scenario"),
            "participants": self.tr("Participants"),
            "file": self.tr("File"),
            "format": self.tr("Format"),
            "rows": self.tr("Entries"),
            "filters": self.tr("Filters"),
            "language": self.tr("Language"),
            "pages": self.tr("Pages"),
            "threshold": self.tr("Folded below"),
            "admitted": self.tr("Admitted"),
            "via": self.tr("Given via"),
            "consent_via": self.tr("Consents given via"),
        }
        if key in extra:
            return extra[key]
        if key in CONSENTS:
            return change_label(f"consent:{key}")
        text = change_label(key)
        return text if text != key else self.tr("Other detail")

    def value(self, key: str, value: Any) -> str:
        if value is None:
            return self.tr("not asked") if key in CONSENTS else "–"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if key == "category_id":
            return self.names.get("category", {}).get(value, "?")
        if key == "item_id":
            return self.names.get("item", {}).get(value, "?")
        if key == "day_id":
            return self._day(value)
        if key == "day_ids":
            days = [self._day(d) for d in value]
            return ", ".join(days) if days else self.tr("every day")
        if key == "wishes":
            items = self.names.get("item", {})
            wishes = sorted((int(rank), int(item)) for item, rank in (tuple(w) for w in value))
            return "; ".join(f"{rank}. {items.get(item, '?')}" for rank, item in wishes) or "–"
        if key == "status":
            words = {
                "registered": self.tr("registered"),
                "cancelled": self.tr("cancelled"),
                "enrolled": self.tr("enrolled"),
                "waitlisted": self.tr("waiting list"),
            }
            return words.get(value, str(value))
        if key == "salutation":
            return {"frau": self.tr("Ms"), "herr": self.tr("Mr")}.get(value, "–")
        if key == "verdict":
            return self.verdict(value)
        return str(value) if value != "" else "–"

    def actor(self, actor: str) -> str:
        """Who did it: "Platz Nord", "Kommandozeile (anna@pc-3)", "anna@pc-3"."""
        kind, sep, who = actor.partition(":")
        if not sep:
            return actor
        if kind == "desk":
            return self.tr("desk %1").replace("%1", who.split("@")[0] if "@" in who else who)
        if kind == "cli":
            return self.tr("command line (%1)").replace("%1", who)
        return who

    def _day(self, day_id: int) -> str:
        day = self.names.get("day", {}).get(day_id)
        return day_label(day) if day is not None else "?"

    def changes(self, action: str, before: dict | None, after: dict | None) -> str:
        """The line under one entry, as HTML (escaped)."""
        if not after and not before:
            return ""
        if action.startswith("mail."):  # the message, and what the server said
            words = (after or {}).get("subject", "") + (
                f" ({after['reason']})" if (after or {}).get("reason") else ""
            )
            return _small(words)
        if action in CREATED:  # who was registered, not every empty field
            a = after or {}
            name = " ".join(x for x in (a.get("first_name"), a.get("last_name")) if x)
            category = self.value("category_id", a["category_id"]) if a.get("category_id") else ""
            return _small(", ".join(p for p in (name, a.get("organisation") or "", category) if p))
        before, after = before or {}, after or {}
        shown = []
        for key in (k for k in dict.fromkeys([*after, *before]) if k not in HIDDEN):
            old, new = before.get(key), after.get(key)
            if key in before and key in after:
                if old == new:
                    continue  # unchanged (a snapshot holds every field)
                shown.append(f"{self.label(key)}: {self.value(key, old)} → {self.value(key, new)}")
            elif key in after:
                if new is None and key in ("item_id", "day_id", "waitlist_position"):
                    continue  # not at a session door, not on a waiting list
                shown.append(f"{self.label(key)}: {self.value(key, new)}")
            else:
                shown.append(f"{self.label(key)}: {self.value(key, old)}")
        return _small("; ".join(shown[:6]))


def _small(text: str) -> str:
    return "<br><span style='color:#555'>" + escape(text)[:400] + "</span>" if text else ""
