"""Files beyond what one import may hold (issue 18, item 9): a zip bomb of a workbook, a
50 MB CSV, a row of 100,000 cells, too many rows. Each is refused within seconds with a
message that names the limit, before the database is touched; the limits can be raised."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from regdesk.errors import ImportTooLarge
from regdesk.importing.reader import ImportLimits, read_table

from ..core.import_files import HEADER, excel_csv, openpyxl_xlsx

ROOT = Path(__file__).resolve().parents[2]


def zip_bomb(path: Path, unpacked_mb: int) -> Path:
    """A real workbook whose sheet XML is padded with ``unpacked_mb`` MB of blanks
    (deflate shrinks them ~1000 times), as the 5.4 MB bomb of the issue was made."""
    source = openpyxl_xlsx(path.with_suffix(".src.xlsx"), [["Frau", "", "Anna", "B", "", "", ""]])
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (unpacked_mb << 20))
            zout.writestr(item, data)
    return path


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_at_once(tmp_path):
    bomb = zip_bomb(tmp_path / "anmeldungen.xlsx", 1200)
    assert bomb.stat().st_size < 3_000_000
    started = time.monotonic()
    with pytest.raises(ImportTooLarge) as info:
        read_table(bomb)
    assert time.monotonic() - started < 5
    assert info.value.data["what"] == "unpacked"
    assert "at most 300 MB" in info.value.message()


def test_a_csv_beyond_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "gross.csv"
    row = ";".join(["Frau", "", "Anna", "Schmidt", "Stadt Ulm " * 20, "a@ulm.example", ""])
    big.write_text(";".join(HEADER) + "\n" + (row + "\n") * 230_000, encoding="utf-8")
    assert big.stat().st_size > 50_000_000
    db = str(tmp_path / "r.sqlite3")
    made = subprocess.run(
        [sys.executable, "-m", "regdesk", "-d", db, "init", "--name", "Fest", "--first-day",
         "16.06.2025"], cwd=ROOT, capture_output=True, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "regdesk", "-d", db, "import", str(big)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "too large to import: it has 5" in done.stderr and "at most 30 MB" in done.stderr
    assert time.monotonic() - started < 15  # a process start and a stat, no reading
    raised = subprocess.run(
        [sys.executable, "-m", "regdesk", "-d", db, "import", str(big),
         "--max-mb", "100", "--max-rows", "1000"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert "more than 1000 rows" in raised.stderr  # the size limit raised, the rows' one met


def test_rows_and_cells_have_limits_too(tmp_path, monkeypatch):
    rows = [["Frau", "", f"Anna{n}", "Schmidt", "", "", ""] for n in range(120)]
    path = excel_csv(tmp_path / "a.csv", rows)
    with pytest.raises(ImportTooLarge) as info:
        read_table(path, limits=ImportLimits(rows=100))
    assert "more than 100 rows" in info.value.message()
    assert len(read_table(path, limits=ImportLimits(rows=120)).rows) == 120
    monkeypatch.setenv("REGDESK_IMPORT_MAX_ROWS", "50")
    with pytest.raises(ImportTooLarge):
        read_table(path)

    wide = tmp_path / "breit.csv"
    wide.write_text(";".join(HEADER) + "\n" + ";".join(["x"] * 100_000) + "\n", encoding="utf-8")
    with pytest.raises(ImportTooLarge) as info:
        read_table(wide)
    assert "row 2 has 100000 cells, at most 500" in info.value.message()

    book = openpyxl_xlsx(tmp_path / "breit.xlsx", [["Frau", "", "Anna", "B", *["x"] * 600]])
    with pytest.raises(ImportTooLarge) as info:
        read_table(book)
    assert info.value.data["what"] == "cells" and info.value.data["line"] == 2
