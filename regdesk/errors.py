"""Typed errors raised by the core. They carry data; prose is rendered on demand.

Every error has a message template (English source text, translated by the
GUI through Qt Linguist, printed as-is by the CLI) filled from its data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .i18n import QT_TRANSLATE_NOOP, Translate, untranslated

CONTEXT = "errors"


class RegdeskError(Exception):
    """Base of every error the core raises on purpose."""

    template: ClassVar[str] = QT_TRANSLATE_NOOP("errors", "An unexpected error occurred.")

    def __init__(self, **data: Any) -> None:
        self.data = data
        super().__init__(self.message())

    def message(self, translate: Translate = untranslated) -> str:
        return translate(CONTEXT, self.template).format(**self.data)


class Cancelled(RegdeskError):
    """The caller's cancel flag was set; whatever the job wrote was rolled back."""

    template = QT_TRANSLATE_NOOP("errors", "Cancelled. Nothing was changed.")


# --- database -----------------------------------------------------------------------------


class DatabaseError(RegdeskError):
    """Opening or upgrading the database failed; nothing was changed."""


class DatabaseUnavailable(DatabaseError):
    template = QT_TRANSLATE_NOOP("errors", "The database {url} cannot be reached: {reason}")


class DatabaseLocationUnwritable(DatabaseError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The database file {path} cannot be written here: {reason}"
    )


class DatabaseCorrupt(DatabaseError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The file {path} is not a usable regdesk database ({reason}). It was left untouched.",
    )


class DatabaseBusy(DatabaseError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {path} is busy: another program holds it locked ({reason}). "
        "Try again in a moment; the file is not damaged and was left untouched.",
    )


class SchemaVersionMissing(DatabaseError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {url} holds regdesk's tables, but not the record of their schema "
        "version (the table alembic_version is empty). It was left untouched: restore a "
        "copy, or ask for help before changing it.",
    )


class NotARegdeskDatabase(DatabaseError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {url} already holds tables of another application. It was left untouched.",
    )


class DatabaseTooNew(DatabaseError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database {url} was written by a newer version of regdesk (schema {revision}). "
        "This version knows schemas up to {head}. Please update regdesk; "
        "the database was left untouched.",
    )


class MigrationFailed(DatabaseError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Upgrading the database {url} failed: {reason}. The copy made before the upgrade "
        "is {backup}.",
    )


# --- lookups and rules ---------------------------------------------------------------------


class NotFound(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "{entity} {key} does not exist.")


class NoEvent(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The database holds no event yet. Create one first (regdesk init or regdesk demo).",
    )


class CategoryInUse(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        'The category "{name}" is used by {count} participant(s). '
        "Assign them to another category first.",
    )


class LastCategory(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "An event needs at least one category.")


class DayInUse(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The day {day} cannot be removed: {count} programme slot(s) or scan(s) refer to it.",
    )


# --- validation ----------------------------------------------------------------------------

PROBLEM_TEMPLATES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("errors", "This field is required."),
    "no_day": QT_TRANSLATE_NOOP("errors", "Choose at least one day."),
    "lead_without_group": QT_TRANSLATE_NOOP(
        "errors", "Only a member of a group can lead it: name the group."
    ),
    "group_has_lead": QT_TRANSLATE_NOOP(
        "errors", "“{group}” already has a lead: {lead}. A group has one lead."
    ),
    "group_name_without_letters": QT_TRANSLATE_NOOP(
        "errors", "“{value}” is no group name: it needs letters or digits."
    ),
    "unknown_placeholder": QT_TRANSLATE_NOOP(
        "errors", "There is no placeholder {{{value}}}; the placeholders are: {choices}."
    ),
    "too_long": QT_TRANSLATE_NOOP("errors", "At most {max} characters are allowed."),
    "control_characters": QT_TRANSLATE_NOOP(
        "errors",
        "The text holds control characters ({chars}) that would change how it is shown "
        "(on the door's screen, in a terminal): remove them.",
    ),
    "name_without_letters": QT_TRANSLATE_NOOP(
        "errors", "A name needs letters; this one holds only invisible characters or symbols."
    ),
    "invalid_date": QT_TRANSLATE_NOOP(
        "errors", "Not a valid date: {value!r}. Use DD.MM.YYYY or YYYY-MM-DD."
    ),
    "day_order": QT_TRANSLATE_NOOP("errors", "The last day must not be before the first day."),
    "too_many_days": QT_TRANSLATE_NOOP("errors", "An event can last at most {max} days."),
    "invalid_timezone": QT_TRANSLATE_NOOP("errors", "Unknown time zone: {value!r}."),
    "invalid_colour": QT_TRANSLATE_NOOP("errors", "Not a colour: {value!r}. Use the form #RRGGBB."),
    "duplicate": QT_TRANSLATE_NOOP("errors", '"{value}" is used twice.'),
    "not_a_number": QT_TRANSLATE_NOOP("errors", "Not a whole number: {value!r}."),
    "out_of_range": QT_TRANSLATE_NOOP("errors", "Must be between {min} and {max}."),
    "no_places": QT_TRANSLATE_NOOP(
        "errors", "0 places is not possible: give at least 1, or leave it empty for unlimited."
    ),
    "capacity_range": QT_TRANSLATE_NOOP(
        "errors", "Give a number of places from 1 to {max}, or leave it empty for unlimited."
    ),
    "invalid_email": QT_TRANSLATE_NOOP(
        "errors", "Not an e-mail address: {value!r}. Expected the form name@example.org."
    ),
    "invalid_phone": QT_TRANSLATE_NOOP(
        "errors", "Not a phone number: {value!r}. Use digits, spaces and + - / ( )."
    ),
    "needs_consent": QT_TRANSLATE_NOOP(
        "errors",
        "Needs (dietary, accessibility, interpreter) are health data: record the "
        "participant's consent to store them first.",
    ),
    "unknown_category": QT_TRANSLATE_NOOP("errors", "This category does not exist in the event."),
    "invalid_time": QT_TRANSLATE_NOOP("errors", "Not a time: {value!r}. Use HH:MM."),
    "time_order": QT_TRANSLATE_NOOP("errors", "The end must be after the start."),
    "unknown_day": QT_TRANSLATE_NOOP("errors", "This day does not belong to the event."),
    "unknown_slot": QT_TRANSLATE_NOOP("errors", "This time slot does not exist."),
    "unknown_choice": QT_TRANSLATE_NOOP(
        "errors", "Unknown value {value!r}; choose one of: {choices}."
    ),
    "unknown_item": QT_TRANSLATE_NOOP(
        "errors", "No programme item of this event has the code or title {value!r}."
    ),
    "wished_twice": QT_TRANSLATE_NOOP("errors", '"{value}" is wished for more than once.'),
    "invalid_pin": QT_TRANSLATE_NOOP("errors", "A PIN is 6 to 12 digits."),
    "wrong_pin": QT_TRANSLATE_NOOP("errors", "The PIN is not correct."),
    "rank_twice": QT_TRANSLATE_NOOP(
        "errors",
        'Choice {rank} is given twice for the same time: "{value}" and "{other}".',
    ),
    # import
    "too_many_fields": QT_TRANSLATE_NOOP(
        "errors",
        "The row has {count} more value(s) than the header has columns: "
        "is there a separator inside a value without quotation marks?",
    ),
    "values_without_header": QT_TRANSLATE_NOOP(
        "errors", "The row has {count} value(s) in columns without a header."
    ),
    "unclosed_quote": QT_TRANSLATE_NOOP(
        "errors",
        "A quotation mark is not closed: the lines after it were read as one value.",
    ),
    "not_yes_no": QT_TRANSLATE_NOOP("errors", "Not yes or no: {value!r}."),
    "form_date_ahead": QT_TRANSLATE_NOOP(
        "errors", "The form's date lies in the future: give the day the form was in use."
    ),
    "invalid_timestamp": QT_TRANSLATE_NOOP(
        "errors",
        "Not a time of registration: {value!r}. Use DD.MM.YYYY HH:MM (as a form exports it) "
        "or YYYY-MM-DD HH:MM.",
    ),
    "unknown_category_name": QT_TRANSLATE_NOOP(
        "errors", "No category is called {value!r}; the event has: {choices}."
    ),
    "unknown_day_value": QT_TRANSLATE_NOOP(
        "errors", "No day of the event is {value!r}; the event has: {choices}."
    ),
    "unsplittable_name": QT_TRANSLATE_NOOP(
        "errors", "Cannot tell first and last name apart in {value!r}."
    ),
    "same_time": QT_TRANSLATE_NOOP(
        "errors", '"{value}" and "{other}" take place at the same time.'
    ),
    "goes_on_waitlist": QT_TRANSLATE_NOOP(
        "errors", '"{value}" is full: the person goes on its waiting list.'
    ),
    "has_room": QT_TRANSLATE_NOOP(
        "errors", '"{value}" has room: the person gets a place instead of waiting.'
    ),
    "cancelled_gets_no_place": QT_TRANSLATE_NOOP(
        "errors", 'The registration is cancelled: no place on "{value}".'
    ),
    "bad_value_assignment": QT_TRANSLATE_NOOP(
        "errors", 'A value assignment needs "value:becomes" ({value!r}).'
    ),
    "update_ambiguous": QT_TRANSLATE_NOOP(
        "errors",
        "The participant id and the badge code of this row name different people; it is left out.",
    ),
    "update_twice": QT_TRANSLATE_NOOP(
        "errors", "An earlier row of the file already updates this person; this one is left out."
    ),
    "lost_letters": QT_TRANSLATE_NOOP(
        "errors",
        "Letters seem lost ({value!r}): the program that wrote the file replaced letters it "
        'could not store with "?". Export again as "CSV UTF-8" (or as Excel workbook) '
        "and import that file.",
    ),
    "garbled_text": QT_TRANSLATE_NOOP(
        "errors",
        "The text looks garbled ({value!r}): was the file converted to UTF-8 twice?",
    ),
    "mapped_twice": QT_TRANSLATE_NOOP(
        "errors", 'The columns {columns} are all assigned to "{value}"; choose one.'
    ),
    "no_name_column": QT_TRANSLATE_NOOP(
        "errors",
        "No column is assigned to the names: assign first and last name, or a column "
        "with the full name.",
    ),
    "unknown_field": QT_TRANSLATE_NOOP(
        "errors", "Unknown field {value!r}; choose one of: {choices}."
    ),
    "unknown_column": QT_TRANSLATE_NOOP(
        "errors", "The file has no column {value!r}; it has: {choices}."
    ),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of the input."""

    field: str
    code: str
    params: tuple[tuple[str, Any], ...] = ()

    def message(self, translate: Translate = untranslated) -> str:
        template = PROBLEM_TEMPLATES[self.code]
        return translate(CONTEXT, template).format(**dict(self.params))


class ValidationError(RegdeskError):
    """Input was rejected; ``problems`` says which field and why. Nothing was changed."""

    template = QT_TRANSLATE_NOOP("errors", "The input is not valid: {details}")

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__(problems=self.problems)

    def message(self, translate: Translate = untranslated) -> str:
        details = "; ".join(f"{p.field}: {p.message(translate)}" for p in self.problems)
        return translate(CONTEXT, self.template).format(details=details)

    def for_field(self, field: str) -> list[Problem]:
        return [p for p in self.problems if p.field == field]


# --- participants ---------------------------------------------------------------------------


class PossibleDuplicate(RegdeskError):
    """Registering or saving would create a likely duplicate; ``candidates`` lists them.
    Nothing was saved; the caller may retry with allow_duplicate=True."""

    template = QT_TRANSLATE_NOOP(
        "errors", "A participant who looks like the same person is already registered: {names}"
    )

    def __init__(self, candidates) -> None:
        self.candidates = tuple(candidates)
        names = "; ".join(
            f"{c.first_name} {c.last_name} ({c.organisation or c.email or c.id})"
            for c in self.candidates
        )
        super().__init__(names=names)


class AlreadyCancelled(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "The registration of {name} is already cancelled.")


class NotCancelled(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The registration of {name} is not cancelled; there is nothing to restore."
    )


class PinLocked(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Too many wrong PINs: the next try is possible in {seconds} s.",
    )


class UnknownCode(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "No participant has the code {code}.")


# --- programme ------------------------------------------------------------------------------


class ItemFull(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", '"{title}" is full ({capacity} places) and has no room on the waiting list.'
    )


class NoFreePlace(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", '"{title}" has no free place any more (all {capacity} are taken).'
    )


class TimeClash(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", '{name} already has "{other}" at the same time ({time}).'
    )


class AlreadyEnrolled(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", '{name} is already on "{title}" ({status}).')


class NotEnrolled(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", '{name} is not on "{title}".')


class ParticipantNotRegistered(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The registration of {name} is cancelled; restore it first."
    )


class CapacityBelowEnrolled(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        '"{title}" has {enrolled} enrolled participants; the capacity cannot go below that '
        "({capacity} asked).",
    )


class ItemInUse(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        '"{title}" has {count} enrolment(s) or preference(s). Remove them first; it is not '
        "deleted silently.",
    )


class SlotInUse(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The time slot {time} still holds {count} programme item(s)."
    )


# --- allocation -----------------------------------------------------------------------------


class NothingToAllocate(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "There is nothing to allocate: no open wish can get a place."
    )


class AllocationOutdated(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The programme has changed since the preview: {count} of its places no longer fit. "
        "Nothing was changed; please run the allocation again.",
    )


class NoAllocationToUndo(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "There is no applied allocation to undo.")


# --- badges ---------------------------------------------------------------------------------


class NotAdmitted(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{name} was never admitted at the entry: there is no attendance to certify.",
    )


class NobodyAdmitted(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Nobody has been admitted yet: there is no attendance to certify."
    )


class BadgeFontMissing(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The badge font {file} was not found or lacks characters; looked in: {places}.",
    )


class UnknownLayout(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "Unknown badge layout {value!r}; choose one of: {choices}."
    )


class NothingToPrint(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "No participant matches; there is no badge to print.")


# --- import and export ----------------------------------------------------------------------


class FileEmpty(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "The file {name} is empty. Nothing was imported.")


class _WithReason(RegdeskError):
    """``reason`` is one of REASONS (translated with the message), put into the template
    as {reason}; ``detail`` what the system said, if anything, shown after it."""

    REASONS: ClassVar[dict[str, str]] = {}
    DETAIL: ClassVar[str] = "{reason}: {detail}"

    def message(self, translate: Translate = untranslated) -> str:
        reason = translate(CONTEXT, self.REASONS[self.data["reason"]])
        if self.data["detail"]:
            reason = self.DETAIL.format(reason=reason, detail=self.data["detail"])
        return translate(CONTEXT, self.template).format(**{**self.data, "reason": reason})


class NotATable(_WithReason):
    """A file that is no table; ``detail``: what the reader said."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "The file {name} is not a CSV or Excel table ({reason}). Nothing was imported.",
    )
    REASONS: ClassVar[dict[str, str]] = {
        "pdf": QT_TRANSLATE_NOOP("errors", "a PDF document"),
        "image": QT_TRANSLATE_NOOP("errors", "a picture"),
        "binary": QT_TRANSLATE_NOOP("errors", "binary data, not text"),
        "encoding": QT_TRANSLATE_NOOP("errors", "not text in the chosen encoding"),
        "bom": QT_TRANSLATE_NOOP("errors", "marked as UTF-8, but not UTF-8 text"),
        "zip": QT_TRANSLATE_NOOP("errors", "a ZIP archive, but no Excel workbook"),
        "workbook": QT_TRANSLATE_NOOP("errors", "a damaged Excel workbook"),
        "csv": QT_TRANSLATE_NOOP("errors", "CSV that cannot be read"),
    }

    def __init__(self, *, name: str, reason: str, detail: str = "") -> None:
        super().__init__(name=name, reason=reason, detail=detail)


class FileUnreadable(_WithReason):
    template = QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read: {reason}.")
    REASONS: ClassVar[dict[str, str]] = {
        "missing": QT_TRANSLATE_NOOP("errors", "it does not exist"),
        "folder": QT_TRANSLATE_NOOP("errors", "it is a folder, not a file"),
        "denied": QT_TRANSLATE_NOOP("errors", "this user may not read it"),
        "other": QT_TRANSLATE_NOOP("errors", "the system refused"),
    }

    DETAIL = "{reason} ({detail})"

    def __init__(self, *, path: str, reason: str, detail: str = "") -> None:
        super().__init__(path=path, reason=reason, detail=detail)


class NulInFile(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The file {name} holds a zero byte (NUL) in line {line}: that is binary data, not "
        "text. Nothing was imported.",
    )


class ImportTooLarge(RegdeskError):
    """A file beyond one of the import's limits (``importing.reader.ImportLimits``)."""

    template = QT_TRANSLATE_NOOP("errors", "The file {name} is too large to import: {what}.")
    WHAT: ClassVar[dict[str, str]] = {
        "size": QT_TRANSLATE_NOOP(
            "errors", "it has {found} MB, at most {limit} MB can be imported at once"
        ),
        "unpacked": QT_TRANSLATE_NOOP(
            "errors",
            "unpacked, the workbook would take {found} MB, at most {limit} MB are allowed",
        ),
        "rows": QT_TRANSLATE_NOOP(
            "errors", "it has more than {limit} rows; split it into several files"
        ),
        "cells": QT_TRANSLATE_NOOP(
            "errors", "row {line} has {found} cells, at most {limit} are allowed"
        ),
    }

    def __init__(self, *, name: str, what: str, limit: int, found: int = 0, line: int = 0):
        super().__init__(name=name, what=what, limit=limit, found=found, line=line)

    def message(self, translate: Translate = untranslated) -> str:
        what = translate(CONTEXT, self.WHAT[self.data["what"]]).format(**self.data)
        return translate(CONTEXT, self.template).format(name=self.data["name"], what=what)


class OldSpreadsheetFormat(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The file {name} is in the old Excel format (.xls) or OpenDocument. Save it as "
        "Excel workbook (.xlsx) or CSV and import that.",
    )


class UnknownSheet(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The workbook {name} has no sheet {sheet!r}; it has: {sheets}."
    )


class NoDataRows(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The file {name} has a header but no rows of data. Nothing was imported."
    )


class MappingFileInvalid(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "The column assignment {name} cannot be used: {reason}")


class ImportHasErrors(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{count} row(s) have problems, so nothing was imported. Correct them in the file, "
        "or choose to skip the rows with problems.",
    )


class UnknownList(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "There is no list {value!r}; choose one of: {choices}.")


class FormatNotOffered(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The list {kind} is not made as {format}; it is offered as: {choices}."
    )


class ExportFailed(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The file {path} could not be written: {reason}. Nothing was changed."
    )


# --- check-in -------------------------------------------------------------------------------


class NothingToUndo(RegdeskError):
    template = QT_TRANSLATE_NOOP("errors", "The desk {desk} has no admission to undo.")


class ScanNotChecked(RegdeskError):
    """The scan could not be decided: nothing was admitted, the guest must scan again."""

    template = QT_TRANSLATE_NOOP(
        "errors", "Not checked – please scan again. The database did not answer ({reason})."
    )


class DeskNotReady(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Not checked – the server does not answer and this desk has no copy of the guest "
        "list yet ({reason}). Check the network, or admit by the printed list.",
    )


class UndoNeedsServer(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "An admission can be undone only while the server answers; this desk is offline.",
    )


class LostLettersNotAccepted(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        'In {count} row(s) letters seem lost ("?" in names). Nothing was imported. Export '
        'the file again as "CSV UTF-8", or choose to import these names as they are.',
    )


# --- data protection -------------------------------------------------------------------------


class NothingToAnonymise(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "None of the chosen data is stored any more: there is nothing to delete."
    )


class ConfirmationCodeMismatch(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The confirmation code {code} does not match what is stored now: either it was "
        "mistyped, or data changed since the preview. Nothing was deleted; make a new "
        "preview and use its code.",
    )
