"""The detail pane of the participant list: contact, category, consents, needs, programme
items, scans and the change history of one person."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from regdesk.models import ConsentKind
from regdesk.services.participants import ParticipantDetail

from .formatting import day_label, local_time, weekday
from .history_text import HistoryText


class ParticipantDetailPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participantDetail")
        self.setAccessibleName(self.tr("Participant details"))
        self.setOpenLinks(False)
        self.setMinimumWidth(340)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml(note(self.tr("Select a participant.")))

    def show_detail(self, detail: ParticipantDetail) -> None:
        p = detail.participant
        salutation = {"frau": self.tr("Ms (Frau)"), "herr": self.tr("Mr (Herr)")}.get(
            p.salutation, ""
        )
        parts = [f"<h2 style='margin-bottom:2px'>{escape(p.display_name)}</h2>"]
        if salutation:
            parts.append(f"<div style='color:#555'>{escape(salutation)}</div>")
        parts.append(
            f"<p><span style='background:{p.category_colour}; color:white; padding:2px 6px;'>"
            f"&nbsp;{escape(p.category_name)}&nbsp;</span>"
            + (" &nbsp;<b>VIP</b>" if p.is_vip else "")
            + (
                " &nbsp;<b style='color:#B3261E'>" + escape(self.tr("CANCELLED")) + "</b>"
                f" ({escape(p.cancel_reason)})"
                if p.status == "cancelled"
                else ""
            )
            + "</p>"
        )
        rows = [
            (self.tr("Organisation"), p.organisation),
            (self.tr("Position"), p.position),
            (self.tr("E-mail"), p.email),
            (self.tr("Phone"), p.phone),
            (self.tr("Badge code"), p.short_code),
            (self.tr("Registered"), f"{local_time(p.created_at)} ({self._source(p.source)})"),
        ]
        if detail.event_days > 1:
            days = ", ".join(day_label(d) for d in detail.days) or self.tr("every day")
            rows.append((self.tr("Comes on"), days))
        if detail.group is not None:
            others = [m for m in detail.group_members if m.participant_id != p.id]
            text = self.tr("%1 (leads it)") if p.group_lead else "%1"
            text = text.replace("%1", detail.group.name)
            if others:
                names = ", ".join(
                    m.name
                    + (" " + self.tr("(lead)") if m.is_lead else "")
                    + ("" if m.status == "registered" else " " + self.tr("(cancelled)"))
                    for m in others
                )
                text += " – " + self.tr("with %1").replace("%1", names)
            rows.append((self.tr("Group"), text))
        if p.badge_print_count:
            rows.append(
                (
                    self.tr("Badge printed"),
                    f"{p.badge_print_count}× · {local_time(p.badge_printed_at)}",
                )
            )
        parts.append(self._table(rows))

        consent_names = {
            ConsentKind.PHOTO.value: self.tr("Photo and video"),
            ConsentKind.LISTING.value: self.tr("Published list"),
            ConsentKind.BADGE_ORGANISATION.value: self.tr("Organisation on badge"),
            ConsentKind.HEALTH_DATA.value: self.tr("Health data (needs)"),
        }
        consent_rows = []
        for kind, name in consent_names.items():
            given = next((c for c in p.consents if c.kind == kind), None)
            if given is None:
                consent_rows.append((name, self.tr("not asked")))
            else:
                answer = self.tr("yes") if given.granted else self.tr("no")
                consent_rows.append(
                    (
                        name,
                        f"{answer} · {local_time(given.given_at)}"
                        f"{' · ' + given.given_via if given.given_via else ''}",
                    )
                )
        parts.append(heading(self.tr("Consents")) + self._table(consent_rows))

        needs = [
            (self.tr("Dietary"), p.needs_dietary),
            (self.tr("Accessibility"), p.needs_accessibility),
            (self.tr("Interpreter"), p.needs_interpreter),
        ]
        if any(value for _, value in needs):
            parts.append(heading(self.tr("Needs")) + self._table(needs))
        if p.notes:
            parts.append(
                heading(self.tr("Notes")) + "<p>" + escape(p.notes).replace("\n", "<br>") + "</p>"
            )

        parts.append(heading(self.tr("Programme")))
        if detail.enrolments:
            parts.append(
                self._table(
                    [
                        (
                            f"{weekday(e.day, short=True)} {e.starts_at:%H:%M}",
                            f"{e.code} {e.title}"
                            + (
                                ""
                                if e.status == "enrolled"
                                else " (" + self.tr("waiting list") + f" {e.waitlist_position})"
                            ),
                        )
                        for e in detail.enrolments
                    ]
                )
            )
        else:
            parts.append(note(self.tr("No programme items.")))
        if detail.wishes:
            parts.append(heading(self.tr("Wishes for the allocation")))
            parts.append(
                self._table(
                    [
                        (
                            self.tr("Choice %1").replace("%1", str(w.rank)),
                            f"{w.code} {w.title} ({weekday(w.day, short=True)} "
                            f"{w.starts_at:%H:%M})",
                        )
                        for w in detail.wishes
                    ]
                )
            )

        words = HistoryText(detail)
        parts.append(heading(self.tr("Scans")))
        if detail.scans:
            parts.append(
                self._table(
                    [
                        (
                            local_time(s.at),
                            f"{words.verdict(s.verdict)} · {s.desk}"
                            + (f" · {s.item_title}" if s.item_title else ""),
                        )
                        for s in detail.scans[:20]
                    ]
                )
            )
        else:
            parts.append(note(self.tr("Not scanned yet.")))

        parts.append(heading(self.tr("Change history")))
        history = words
        if not detail.history:
            parts.append(note(self.tr("No changes recorded.")))
        parts.append(
            self._table(
                [
                    (
                        local_time(h.at),
                        escape(f"{self.action_text(h.action)} · {history.actor(h.actor)}")
                        + history.changes(h.action, h.before, h.after),
                    )
                    for h in detail.history[:30]
                ],
                html=True,
            )
        )
        self.setHtml("".join(parts))

    def _source(self, source: str) -> str:
        return {
            "manual": self.tr("by hand"),
            "walk_in": self.tr("walk-in"),
            "import": self.tr("import"),
            "demo": self.tr("demo data"),
        }.get(source, source)

    def action_text(self, action: str) -> str:
        """What happened, in words (never the internal name)."""
        return {
            "participant.manual": self.tr("Registered by hand"),
            "participant.walk_in": self.tr("Registered as walk-in"),
            "participant.import": self.tr("Imported"),
            "participant.demo": self.tr("Created with the demo data"),
            "participant.update": self.tr("Details changed"),
            "participant.cancel": self.tr("Registration cancelled"),
            "participant.restore": self.tr("Registration restored"),
            "participant.days": self.tr("Days changed"),
            "participant.category": self.tr("Category changed"),
            "participant.group": self.tr("Group changed"),
            "consent.set": self.tr("Consent changed"),
            "enrolment.enrolled": self.tr("Enrolled"),
            "enrolment.waitlisted": self.tr("Put on the waiting list"),
            "enrolment.remove": self.tr("Removed from a programme item"),
            "enrolment.promoted": self.tr("Moved up from the waiting list"),
            "enrolment.move": self.tr("Moved to another programme item"),
            "enrolment.waitlist_reordered": self.tr("Waiting list reordered"),
            "preferences.set": self.tr("Wishes changed"),
            "checkin.undo": self.tr("Admission undone"),
            "checkin.override": self.tr("Admitted anyway"),
            "badge.reissue": self.tr("Badge reissued"),
            "mail.sent": self.tr("E-mail sent"),
            "mail.failed": self.tr("E-mail failed"),
            "mail.resend": self.tr("E-mail queued again"),
            "export.access": self.tr("Access export made (Art. 15 GDPR)"),
        }.get(action, action)

    @staticmethod
    def _table(rows, html: bool = False) -> str:
        """Label/value rows; values are escaped unless ``html`` says they are markup."""
        cells = "".join(
            f"<tr><td style='color:#555; padding-right:10px; vertical-align:top'>"
            f"{escape(label)}</td><td>{value if html else escape(str(value))}</td></tr>"
            for label, value in rows
            if value not in ("", None)
        )
        return f"<table cellspacing='2'>{cells}</table>"


def heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def note(text: str) -> str:
    return f"<p style='color:#555'>{escape(text)}</p>"
