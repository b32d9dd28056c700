"""A first page of the main lists as PNG, for the docs and for looking at them:
``python -m regdesk.exporting.samples docs/lists`` (part of ``make screenshots``; renders
with PDFium from the pypdfium2 wheel, regdesk.pdfread). Made from the Bad Belzig demo event
with generated people:
the sign-in sheet of the day, the roster of the over-subscribed excursion with its
waiting list, and the participant list."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..db import open_database
from ..demo import seed_demo
from ..errors import RegdeskError
from ..pdfread import save_first_page
from ..services import programme
from ..services.exports import export_list
from ..services.list_common import ListRequest
from ..services.preferences import programme_items
from ..services.search import ParticipantFilter, participant_ids


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("docs/lists")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "samples.sqlite3"))
        event_id = seed_demo(db, "bad-belzig", participants=90, seed=11, actor="samples").event_id
        with db.session() as session:
            excursion = next(i for i in programme_items(session, event_id) if i.code == "E1")
            people = participant_ids(
                session, event_id, "", ParticipantFilter(status="registered"), sort="created"
            )
            for pid in people[:29]:  # 25 places: four wait
                try:
                    programme.enrol(session, excursion.id, pid, actor="samples")
                except RegdeskError:
                    continue
        for name, request in (
            ("signin", ListRequest("signin")),
            ("roster", ListRequest("rosters", item_ids=(excursion.id,))),
            ("participants", ListRequest("participants", status="registered")),
        ):
            pdf = Path(tmp) / f"{name}.pdf"
            export_list(db, event_id, request, pdf, format="pdf", actor="samples")
            print(save_first_page(pdf, folder / f"{name}.png", dpi=90))
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
