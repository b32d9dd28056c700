"""Writing the report for the funding body: PDF or XLSX, all or nothing, audited."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..db import Database
from ..errors import FormatNotOffered
from ..exporting.atomic import write_atomically
from ..services.audit import record
from .certificates import certificates, write_certificates
from .figures import ReportFigures, report_figures
from .report_pdf import write_report_pdf
from .report_xlsx import write_report_xlsx

FORMATS = {"pdf": write_report_pdf, "xlsx": write_report_xlsx}


@dataclass(frozen=True)
class ReportResult:
    path: Path
    format: str
    figures: ReportFigures
    size: int
    seconds: float


def write_report(
    db: Database,
    event_id: int,
    path: str | Path,
    *,
    format: str | None = None,
    language: str = "de",
    threshold: int = 0,
    actor: str,
) -> ReportResult:
    """The report as ``format`` (default: from the file's suffix, else PDF) into ``path``.
    ``threshold``: categories and kinds of organisation with fewer people are folded."""
    started = time.perf_counter()
    target = Path(path)
    chosen = format or (target.suffix.lower().lstrip(".") if target.suffix else "pdf")
    if chosen not in FORMATS:
        raise FormatNotOffered(kind="report", format=chosen, choices=", ".join(FORMATS))
    with db.session(write=False) as session:
        figures = report_figures(session, event_id, threshold=threshold)
    write_atomically(target, lambda out: FORMATS[chosen](figures, out, language=language))
    with db.session() as session:
        record(
            session,
            actor=actor,
            action="export.report",
            entity="event",
            entity_id=event_id,
            event_id=event_id,
            after={"file": target.name, "format": chosen, "threshold": threshold,
                   "language": language},
        )  # fmt: skip
    return ReportResult(target, chosen, figures, target.stat().st_size,
                        time.perf_counter() - started)  # fmt: skip


@dataclass(frozen=True)
class CertificatesResult:
    path: Path
    pages: int
    participant_ids: tuple[int, ...]


def write_certificate_file(
    db: Database,
    event_id: int,
    path: str | Path,
    *,
    participant_ids: list[int] | None = None,
    language: str = "de",
    signer: str = "",
    signature_image: Path | None = None,
    actor: str,
) -> CertificatesResult:
    """Attendance certificates of ``participant_ids`` (None: everyone admitted) into one
    PDF, a page each; raises NotAdmitted for one asked for who never came."""
    target = Path(path)
    with db.session(write=False) as session:
        chosen = certificates(session, event_id, participant_ids)
    pages: list[int] = []

    def write(out) -> None:
        pages.append(
            write_certificates(chosen, out, language=language, signer=signer,
                               signature_image=signature_image)
        )  # fmt: skip

    write_atomically(target, write)
    ids = tuple(c.participant_id for c in chosen)
    with db.session() as session:
        record(
            session,
            actor=actor,
            action="export.certificates",
            entity="event",
            entity_id=event_id,
            event_id=event_id,
            after={"file": target.name, "pages": pages[0], "participants": list(ids),
                   "language": language},
        )  # fmt: skip
    return CertificatesResult(target, pages[0], ids)
