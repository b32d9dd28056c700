"""Badges: 2,000 A6 badges into one PDF, and 20,000 for memory.

ours: regdesk.services.badges.generate -- participants read from the database, the
badge scene, the QR code as vector rectangles, reportlab in chunks joined into one file.
naive: the way most tools do it -- qrcode makes a PIL image per badge, saved as PNG and
placed with drawImage, one reportlab document for the whole batch; the same text.
Each runs in a fresh process, so its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import time
from pathlib import Path

from .harness import Figure, benchmark, run_process

SMALL, LARGE = 2_000, 20_000


@benchmark("badges")
def badges(quick: bool) -> list[Figure]:
    small, large = (500, 5_000) if quick else (SMALL, LARGE)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "b.sqlite3"
        run_process(
            ["-m", "regdesk", "demo", "-d", str(db), "--scenario", "stuttgart",
             "--participants", str(int(large * 1.05)), "--seed", "3"]
        )  # fmt: skip
        runs = {}
        for name, count in (("ours", small), ("naive", small), ("ours", large)):
            run = run_process(["-m", "benchmarks.bench_badges", name, str(db), str(count), tmp])
            runs[(name, count)] = json.loads(run.stdout)
    ours, naive, big = runs[("ours", small)], runs[("naive", small)], runs[("ours", large)]
    rate, naive_rate = ours["badges"] / ours["seconds"], naive["badges"] / naive["seconds"]
    return [
        Figure(
            "badges",
            f"{small:,} A6 badges into one PDF: badges per second",
            rate,
            "badges/s",
            "qrcode → PNG → drawImage",
            naive_rate,
            ">= 1000/s and >= 3× naive",
            rate >= 1000 and rate >= 3 * naive_rate,
        ),
        Figure(
            "badges",
            f"{small:,} A6 badges: PDF bytes per badge",
            ours["bytes"] / ours["badges"],
            "B",
            "qrcode → PNG → drawImage",
            naive["bytes"] / naive["badges"],
        ),
        Figure(
            "badges",
            f"{small:,} A6 badges: peak memory",
            ours["peak_mb"],
            "MB",
            "qrcode → PNG → drawImage",
            naive["peak_mb"],
        ),
        Figure(
            "badges",
            f"{large:,} badges: peak memory",
            big["peak_mb"],
            "MB",
            f"{small:,} badges",
            ours["peak_mb"],
            "<= 1.5×",
            big["peak_mb"] <= 1.5 * ours["peak_mb"],
            {
                "seconds": round(big["seconds"], 2),
                "badges_per_s": round(big["badges"] / big["seconds"]),
            },
        ),
    ]


def ours(db_path: str, count: int, folder: str) -> dict:
    from regdesk.db import open_database
    from regdesk.services import badges
    from regdesk.services.search import ParticipantFilter, participant_ids

    db = open_database(db_path)
    with db.session(write=False) as session:
        event_id = session.execute(
            __import__("sqlalchemy").text("SELECT max(id) FROM event")
        ).scalar()
        ids = participant_ids(
            session, event_id, "", ParticipantFilter(status="registered"), sort="name"
        )[:count]
    started = time.perf_counter()
    result = badges.generate(
        db, event_id, Path(folder) / f"ours-{count}.pdf",
        selection=badges.BadgeSelection(ids=tuple(ids)), actor="bench", mark_printed=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    db.close()
    return {"badges": result.badges, "seconds": seconds, "bytes": result.bytes, "peak_mb": _peak()}


def naive(db_path: str, count: int, folder: str) -> dict:
    import qrcode
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas
    from sqlalchemy import text

    from regdesk.badges.fonts import badge_fonts
    from regdesk.badges.layouts import MM, get_layout
    from regdesk.badges.pdf import paint
    from regdesk.badges.qr import QUIET
    from regdesk.badges.scene import Code, badge_scene
    from regdesk.db import open_database
    from regdesk.services import badges
    from regdesk.services.search import ParticipantFilter, participant_ids

    db = open_database(db_path)
    started = time.perf_counter()
    with db.session(write=False) as session:
        event_id = session.execute(text("SELECT max(id) FROM event")).scalar()
        ids = participant_ids(
            session, event_id, "", ParticipantFilter(status="registered"), sort="name"
        )[:count]
        data = badges.badge_data(session, ids)
    layout = get_layout("a6")
    fonts = badge_fonts()
    path = Path(folder) / f"naive-{count}.pdf"
    canvas = Canvas(str(path), pagesize=(layout.page[0] * MM, layout.page[1] * MM))
    w, h = layout.badge[0] * MM, layout.badge[1] * MM
    for badge in data:
        scene = badge_scene(badge, w, h, fonts)
        paint(canvas, [p for p in scene if not isinstance(p, Code)], 0, 0, fonts)
        code = next(p for p in scene if isinstance(p, Code))
        image = qrcode.make(badge.secret, border=QUIET)
        png = io.BytesIO()
        image.save(png, "PNG")
        png.seek(0)
        side = (len(code.matrix) + 2 * QUIET) * code.module
        canvas.drawImage(ImageReader(png), code.x, code.y, side, side)
        canvas.showPage()
    canvas.save()
    seconds = time.perf_counter() - started
    db.close()
    return {
        "badges": len(data),
        "seconds": seconds,
        "bytes": path.stat().st_size,
        "peak_mb": _peak(),
    }


def _peak() -> float:
    """This process's peak resident memory in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    kind, db_path, count, folder = sys.argv[1:]
    print(json.dumps({"ours": ours, "naive": naive}[kind](db_path, int(count), folder)))
