"""Rendering the core's typed errors in the user's language."""

from __future__ import annotations

from regdesk.errors import RegdeskError, ValidationError

from .i18n import translate


def error_text(exc: RegdeskError) -> str:
    """The message in the UI language. A validation error shown outside a form (where no
    field could be marked) lists its problems without the internal field names."""
    if isinstance(exc, ValidationError):
        return " ".join(p.message(translate) for p in exc.problems)
    return exc.message(translate)


def problems_by_field(exc: ValidationError) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for problem in exc.problems:
        result.setdefault(problem.field, []).append(problem.message(translate))
    return result
