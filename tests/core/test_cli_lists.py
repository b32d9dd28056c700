"""regdesk import and regdesk export, run as real processes."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from .import_files import PEOPLE, excel_csv
from .test_cli import regdesk


def test_import_is_a_dry_run_until_applied(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    assert (
        regdesk("-d", db, "demo", "--scenario", "bad-belzig", "--participants", "5").returncode == 0
    )
    rows = [*PEOPLE[:2], ["Frau", "", "Ute", "", "Stadt Ulm", "ute(at)ulm", ""]]
    path = excel_csv(tmp_path / "anmeldungen.csv", rows)
    dry = regdesk("-d", db, "import", str(path))
    assert dry.returncode == 1, dry.stderr  # a row has problems
    out = dry.stdout
    assert "CSV, Windows-1252, separator ';'" in out
    assert "  Vorname       -> first_name" in out
    assert "row 4, Nachname: This field is required." in out
    assert "row 4, E-Mail: Not an e-mail address: 'ute(at)ulm'" in out
    assert "Summary: 3 row(s): 2 to import, 1 with problems" in out
    assert "Dry run: nothing was changed" in out
    refused = regdesk("-d", db, "import", str(path), "--apply")
    assert refused.returncode == 1
    assert "1 row(s) have problems, so nothing was imported" in refused.stderr
    done = regdesk("-d", db, "import", str(path), "--apply", "--skip-invalid",
                   "--save-mapping", str(tmp_path / "m.json"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Imported 2 participant(s)" in done.stdout
    assert "Left out: 1 with problems, 0 duplicate(s)" in done.stdout
    assert json.loads((tmp_path / "m.json").read_text())["columns"]["Vorname"] == "first_name"
    again = regdesk("-d", db, "import", str(path), "--mapping", str(tmp_path / "m.json"),
                    "--map", "Telefon=", "--skip-invalid", "--apply")  # fmt: skip
    assert "  Telefon       -> (left out)" in again.stdout
    assert "Likely duplicates (2, left out)" in again.stdout
    assert "Imported 0 participant(s)" in again.stdout


def test_import_of_something_that_is_no_table(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    regdesk("-d", db, "demo", "--participants", "1")
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300))
    result = regdesk("-d", db, "import", str(path), "--apply")
    assert result.returncode == 1
    message = "foto.csv is not a CSV or Excel table (a picture). Nothing was imported."
    assert message in result.stderr


def test_export_lists(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    regdesk("-d", db, "demo", "--scenario", "tag-der-regionen", "--participants", "60",
            "--seed", "1")  # fmt: skip
    made = regdesk("-d", db, "export", "participants", "-o", str(tmp_path / "a.xlsx"),
                   "--category", "Presse", "--status", "registered")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "row(s) to" in made.stdout and "(XLSX," in made.stdout
    ws = load_workbook(tmp_path / "a.xlsx").active
    assert {row[8].value for row in ws.iter_rows(2)} <= {"Presse"}
    sheets = regdesk("-d", db, "export", "signin", "-o", str(tmp_path / "s.pdf"))
    assert sheets.returncode == 0 and "on 2 sheet(s)" in sheets.stdout  # two days
    one = regdesk(
        "-d", db, "export", "signin", "--day", "17.06.2025", "-o", str(tmp_path / "d.pdf")
    )
    assert one.returncode == 0 and "sheet(s)" not in one.stdout
    english = regdesk(
        "-d", db, "export", "published", "-o", str(tmp_path / "p.csv"), "--lang", "en"
    )
    assert english.returncode == 0
    assert (tmp_path / "p.csv").read_text(encoding="utf-8-sig").startswith("No.;Title;First name")
    wrong = regdesk("-d", db, "export", "signin", "-o", str(tmp_path / "s.xlsx"))
    assert wrong.returncode == 1
    assert "The list signin is not made as xlsx; it is offered as: pdf." in wrong.stderr
    unknown = regdesk("-d", db, "export", "rosters", "--item", "W99", "-o", str(tmp_path / "r.pdf"))
    assert unknown.returncode == 1 and "'W99'" in unknown.stderr
