"""The domain model (SQLAlchemy 2 typed declarative)."""

from .activity import AuditEntry, Direction, Scan, Verdict
from .base import Base, UTCDateTime, utcnow
from .event import Category, Event, EventDay
from .mail import MailAttachment, MailMessage, MailSettings, MailState, MailTemplate, Security
from .participant import (
    Consent,
    ConsentKind,
    GroupMember,
    Participant,
    ParticipantDay,
    ParticipantGroup,
    ParticipantStatus,
    RegistrationSource,
    ReplacedBadge,
    Salutation,
    SearchToken,
)
from .privacy import DataClass, RetentionRule
from .programme import (
    AllocationRun,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    ItemKind,
    Preference,
    ProgrammeItem,
    ProgrammeSlot,
)

__all__ = [
    "AllocationRun",
    "AuditEntry",
    "Base",
    "Category",
    "Consent",
    "ConsentKind",
    "DataClass",
    "Direction",
    "Enrolment",
    "EnrolmentSource",
    "EnrolmentStatus",
    "Event",
    "EventDay",
    "GroupMember",
    "ItemKind",
    "MailAttachment",
    "MailMessage",
    "MailSettings",
    "MailState",
    "MailTemplate",
    "Participant",
    "ParticipantDay",
    "ParticipantGroup",
    "ParticipantStatus",
    "Preference",
    "ProgrammeItem",
    "ProgrammeSlot",
    "RegistrationSource",
    "ReplacedBadge",
    "RetentionRule",
    "Salutation",
    "Scan",
    "SearchToken",
    "Security",
    "UTCDateTime",
    "Verdict",
    "utcnow",
]
