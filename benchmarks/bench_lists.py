"""Import and export at 10,000 participants.

import: a 10,000-row CSV as German Excel writes it (cp1252, semicolons, some rows with
wishes and programme places, a few duplicates and broken rows) into an event that holds
2,000 people already -- read, every row validated, duplicates checked within the file
and against the event, then applied in one transaction (rows with problems skipped).
Beside it: a bare csv.reader and one executemany INSERT of the same rows into the
participant table (no checks, no search index, no audit), on a copy of the same file.

export: the participant list of 10,000 people as XLSX and as PDF, each in a fresh
process for its peak memory. Beside each: the floor of the same library writing the
same rows with nothing else (openpyxl write-only cells; one drawString per row), and for
memory, a process that only reads the list into memory.
"""

from __future__ import annotations

import csv
import io
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .harness import Figure, benchmark, run_process

ROWS, QUICK_ROWS = 10_000, 2_000
EXISTING = 2_000
HEADER = ["Anrede", "Titel", "Vorname", "Nachname", "Organisation", "Funktion", "E-Mail",
          "Telefon", "Kategorie", "Workshop", "Wunsch 1", "Wunsch 2", "Ernährung",
          "Einwilligung Gesundheitsdaten", "Einwilligung Fotos"]  # fmt: skip


def write_csv(path: Path, count: int, seed: int = 7) -> None:
    """Rows as a registration form would give them; 1 % duplicates, 0.5 % broken."""
    from regdesk.demo import names

    rng = random.Random(seed)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    rows = []
    for n in range(count):
        first, last = rng.choice(names.GERMAN_FIRST), rng.choice(names.GERMAN_LAST)
        organisation = rng.choice(names.OTHER_ORGANISATIONS)
        email = f"p{n}.{seed}@import.example" if n % 200 else "kein-at-zeichen"
        diet = rng.choice(names.DIETARY) if rng.random() < 0.08 else ""
        rows.append([
            rng.choice(["Frau", "Herr", ""]), rng.choice(["", "", "Dr."]), first, last,
            organisation, rng.choice(names.POSITIONS), email,
            f"+49 30 {rng.randint(100000, 9999999)}", rng.choice(["", "Presse", "Referent/in"]),
            "", rng.choice(["W1", "W2", "W3", ""]), rng.choice(["W4", ""]), diet,
            "ja" if diet else "", rng.choice(["ja", "nein", ""]),
        ])  # fmt: skip
    for n in range(0, count, 100):  # the same person twice
        rows[n + 1] = [*rows[n][:6], rows[n][6], *rows[n][7:]]
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("cp1252", errors="replace"))


@benchmark("import")
def import_bench(quick: bool) -> list[Figure]:
    count = QUICK_ROWS if quick else ROWS
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.sqlite3"
        run_process(["-m", "regdesk", "demo", "-d", str(base), "--scenario", "moenchengladbach",
                     "--participants", str(EXISTING), "--seed", "4"])  # fmt: skip
        source = Path(tmp) / "anmeldungen.csv"
        write_csv(source, count)
        for name in ("ours", "bare"):
            shutil.copy(base, Path(tmp) / f"{name}.sqlite3")
        ours = json.loads(
            run_process(["-m", "benchmarks.bench_lists", "import", tmp, str(source)]).stdout
        )
        bare = json.loads(
            run_process(["-m", "benchmarks.bench_lists", "bare", tmp, str(source)]).stdout
        )
    return [
        Figure(
            "import",
            f"{count:,}-row CSV: read, validate, duplicates, apply",
            ours["seconds"],
            "s",
            "csv.reader + executemany INSERT",
            bare["seconds"],
            "<= 3 s",
            ours["seconds"] <= 3.0 * count / ROWS,
            {k: ours[k] for k in ("read", "plan_and_apply", "imported", "invalid", "duplicates")},
        )
    ]


def run_import(folder: str, source: str) -> dict:
    from regdesk.db import open_database
    from regdesk.importing.fields import is_known_header
    from regdesk.importing.mapping import ColumnMapping
    from regdesk.importing.reader import read_table
    from regdesk.services.imports import apply_import

    db = open_database(str(Path(folder) / "ours.sqlite3"))
    started = time.perf_counter()
    table = read_table(source, is_header=is_known_header)
    read = time.perf_counter() - started
    mapping = ColumnMapping.suggested(table.headers)
    result = apply_import(db, 1, table, mapping, actor="bench", skip_invalid=True)
    seconds = time.perf_counter() - started
    db.close()
    return {
        "seconds": seconds,
        "read": round(read, 3),
        "plan_and_apply": round(seconds - read, 3),
        "imported": result.imported,
        "invalid": result.skipped_invalid,
        "duplicates": result.skipped_duplicates,
    }


def run_bare(folder: str, source: str) -> dict:
    import secrets
    import sqlite3

    connection = sqlite3.connect(str(Path(folder) / "bare.sqlite3"))
    started = time.perf_counter()
    with open(source, encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))[1:]
    values = [
        (1, r[0].lower() or "none" if r[0] in ("Frau", "Herr") else "none", r[1], r[2], r[3],
         r[4], r[5], r[6], r[7], 1, "registered", "import", secrets.token_hex(12),
         f"B{n:06d}", 0, r[12], "", "", "", "", "", 0, "", "2025-01-01", "2025-01-01", "")
        for n, r in enumerate(rows)
    ]  # fmt: skip
    connection.executemany(
        "INSERT INTO participant (event_id, salutation, title, first_name, last_name,"
        " organisation, position, email, phone, category_id, status, source, badge_secret,"
        " short_code, badge_print_count, needs_dietary, needs_accessibility,"
        " needs_interpreter, email_key, dup_key, name_key, is_vip, notes, created_at,"
        " updated_at, cancel_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        values,
    )
    connection.commit()
    seconds = time.perf_counter() - started
    connection.close()
    return {"seconds": seconds, "rows": len(values)}


# --- export ---------------------------------------------------------------------------------


@benchmark("export")
def export_bench(quick: bool) -> list[Figure]:
    count = QUICK_ROWS if quick else ROWS
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "e.sqlite3"
        run_process(["-m", "regdesk", "demo", "-d", str(db), "--scenario", "stuttgart",
                     "--participants", str(count), "--seed", "5"])  # fmt: skip
        runs = {}
        for kind in ("xlsx", "pdf", "xlsx-floor", "pdf-floor", "read"):
            process = run_process(["-m", "benchmarks.bench_lists", "export", kind, str(db), tmp])
            runs[kind] = json.loads(process.stdout)
    figures = []
    for fmt in ("xlsx", "pdf"):
        ours, floor = runs[fmt], runs[f"{fmt}-floor"]
        figures.append(
            Figure(
                "export",
                f"{count:,} participants as {fmt.upper()}: time",
                ours["seconds"],
                "s",
                f"reading the list + {floor['what']}, bare",
                floor["seconds"],
                notes={"bytes": ours["bytes"], "rows": ours["rows"]},
            )
        )
        figures.append(
            Figure(
                "export",
                f"{count:,} participants as {fmt.upper()}: peak memory",
                ours["peak_mb"],
                "MB",
                "reading the list into memory only",
                runs["read"]["peak_mb"],
            )
        )
    return figures


def run_export(kind: str, db_path: str, folder: str) -> dict:
    from regdesk.db import open_database
    from regdesk.services.exports import build_list, export_list
    from regdesk.services.list_common import ListRequest

    db = open_database(db_path)
    request = ListRequest("participants")
    started = time.perf_counter()
    if kind in ("xlsx", "pdf"):
        result = export_list(
            db, 1, request, Path(folder) / f"list.{kind}", format=kind, actor="bench"
        )
        out = {"rows": result.rows, "bytes": result.bytes}
    else:
        with db.session(write=False) as session:
            document = build_list(session, 1, request)
        rows = document.sheets[0].rows
        if kind == "xlsx-floor":
            _xlsx_floor(rows, Path(folder) / "floor.xlsx")
        elif kind == "pdf-floor":
            _pdf_floor(rows, Path(folder) / "floor.pdf")
        out = {
            "rows": len(rows),
            "what": {"xlsx-floor": "openpyxl write-only", "pdf-floor": "drawString per row",
                     "read": "build only"}[kind],
        }  # fmt: skip
    out["seconds"] = time.perf_counter() - started
    db.close()
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _xlsx_floor(rows, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Liste")
    for row in rows:
        sheet.append([v if not isinstance(v, str) or not v.startswith("=") else "" for v in row])
    book.save(path)


def _pdf_floor(rows, path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from regdesk.badges.fonts import badge_fonts

    font = badge_fonts().regular
    canvas = Canvas(str(path), pagesize=landscape(A4))
    y = 560
    for row in rows:
        if y < 40:
            canvas.showPage()
            y = 560
        canvas.setFont(font, 8.5)
        canvas.drawString(30, y, "  ".join(str(v) for v in row[2:9] if v))
        y -= 14
    canvas.save()


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "import":
        print(json.dumps(run_import(*rest)))
    elif command == "bare":
        print(json.dumps(run_bare(*rest)))
    else:
        print(json.dumps(run_export(*rest)))
