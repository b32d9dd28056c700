"""Reading tables as real tools write them, and refusing what is no table."""

from __future__ import annotations

import codecs
import zipfile
from datetime import date, datetime

import pytest

from regdesk.errors import FileEmpty, NoDataRows, NotATable, OldSpreadsheetFormat, UnknownSheet
from regdesk.importing.fields import is_known_header
from regdesk.importing.reader import detect_delimiter, read_table

from .import_files import HEADER, PEOPLE, excel_csv, openpyxl_xlsx


def names(table) -> list[str]:
    return [row.cells[3] for row in table.rows]


def read(path, **kwargs):
    return read_table(path, is_header=is_known_header, **kwargs)


def test_german_excel_csv_in_windows_1252_with_semicolons(tmp_path):
    rows = [
        *PEOPLE[:2],
        ["Frau", "", "Grete", "Groß", "Amt für Straßen; Verkehr", "", ""],
        ["Herr", "", "Jan", "de Vries", 'Verein "Stadtgrün"', "", ""],
    ]
    table = read(excel_csv(tmp_path / "anmeldungen.csv", rows))
    assert (table.kind, table.encoding, table.delimiter) == ("csv", "cp1252", ";")
    assert table.headers == tuple(HEADER)
    assert names(table) == ["Müller", "Weiß", "Groß", "de Vries"]
    assert table.rows[2].cells[4] == "Amt für Straßen; Verkehr"
    assert table.rows[3].cells[4] == 'Verein "Stadtgrün"'
    assert [r.line for r in table.rows] == [2, 3, 4, 5]


def test_utf8_with_bom_as_excel_saves_csv_utf8(tmp_path):
    path = excel_csv(tmp_path / "utf8.csv", PEOPLE, encoding="utf-8-sig")
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    table = read(path)
    assert table.encoding == "utf-8-sig"
    assert table.headers[0] == "Anrede"  # no BOM glued to the first header
    assert names(table) == ["Müller", "Weiß", "Çelik", "Żółć"]
    assert table.rows[3].cells[2] == "Łukasz"


@pytest.mark.parametrize(
    "encoding,delimiter", [("cp1252", ";"), ("utf-8", ","), ("utf-8-sig", ";"), ("utf-8", "\t")]
)
def test_a_wrong_guess_never_turns_mueller_into_mojibake(tmp_path, encoding, delimiter):
    rows = [r for r in PEOPLE if all(c.encode(encoding, "ignore").decode(encoding) == c for c in r)]
    table = read(excel_csv(tmp_path / "x.csv", rows, encoding=encoding, delimiter=delimiter))
    assert "Müller" in names(table)
    assert not any("Ã" in cell for row in table.rows for cell in row.cells)
    assert table.garbled == 0
    assert table.delimiter == delimiter


def test_text_converted_to_utf8_twice_is_reported_as_garbled(tmp_path):
    twice = "Müller".encode().decode("cp1252")  # "MÃ¼ller"
    rows = [["Frau", "", "Anna", twice, "", "", ""]]
    table = read(excel_csv(tmp_path / "x.csv", rows, encoding="utf-8-sig"))
    assert table.rows[0].cells[3] == "MÃ¼ller" and table.garbled == 1


def test_quoted_values_with_line_breaks_stay_one_row(tmp_path):
    rows = [
        ["Frau", "", "Anna", "Müller", "Stadt Viersen\nFachbereich Digitales", "", ""],
        PEOPLE[1],
    ]
    table = read(excel_csv(tmp_path / "x.csv", rows))
    assert len(table.rows) == 2
    assert table.rows[0].cells[4] == "Stadt Viersen\nFachbereich Digitales"
    assert [r.line for r in table.rows] == [2, 3]  # rows as Excel numbers them
    assert not table.rows[0].swallowed


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    path = excel_csv(tmp_path / "unicode.txt", PEOPLE, encoding="utf-16", delimiter="\t")
    table = read(path)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert names(table)[3] == "Żółć"


def test_sep_line_and_title_rows_before_the_header(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(
        "sep=;\r\nAnmeldungen Regionalkonferenz;;\r\nStand 01.03.2025;;\r\n"
        "Vorname;Nachname;E-Mail\r\nAnna;Müller;a@b.example\r\n",
        encoding="cp1252",
    )
    table = read(path)
    assert table.delimiter == ";"
    assert table.headers == ("Vorname", "Nachname", "E-Mail")
    assert table.header_line == 4 and table.rows[0].line == 5


def test_delimiter_detection_prefers_the_consistent_split():
    assert detect_delimiter("Name;Org\nMüller, Anna;Stadt Ulm, Amt 3\n") == ";"
    assert detect_delimiter('Name,Org\n"Müller; Anna",Ulm\n') == ","
    assert detect_delimiter("Name\tOrg\nA\tB\n") == "\t"


def test_a_broken_row_in_the_middle_is_marked_and_the_others_read(tmp_path):
    path = tmp_path / "x.csv"
    lines = ";".join(HEADER) + "\r\n"
    lines += "Frau;;Anna;Müller;Stadt Viersen;a@v.example;\r\n"
    lines += "Herr;;Jan;Schmidt;Amt 3; Bauen;j@s.example;;\r\n"  # unquoted ; in a value
    lines += "Herr;;Jürgen;Weiß;Kreis Kleve;j@k.example;\r\n"
    path.write_bytes(lines.encode("cp1252"))
    table = read(path)
    assert [r.extra for r in table.rows] == [0, 2, 0]
    assert names(table) == ["Müller", "Schmidt", "Weiß"]


def test_an_unclosed_quote_is_marked(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(
        'Vorname;Nachname;Organisation\r\nAnna;Müller;"Stadt Viersen\r\n'
        "Jan;Schmidt;Amt 3\r\nJürgen;Weiß;Kreis Kleve\r\n",
        encoding="cp1252",
    )
    table = read(path)
    assert table.rows[0].swallowed


def test_xlsx_made_with_openpyxl_with_typed_cells(tmp_path):
    path = openpyxl_xlsx(
        tmp_path / "anmeldungen.xlsx",
        [
            ["Frau", "Dr.", "Anna", "Müller", "Stadt Viersen", "a@v.example", 4921621234],
            ["Herr", None, "Jürgen", "Weiß", "Kreis Kleve", None, "+49 2821 594-0"],
        ],
        header=[*HEADER, "Angemeldet am", "Betrag"],
        title_rows=["Anmeldeliste Regionalkonferenz"],
        other_sheets=["Notizen"],
    )
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["Anmeldungen"]["H3"] = date(2025, 3, 1)
    book["Anmeldungen"]["H4"] = datetime(2025, 3, 2, 14, 30)
    book["Anmeldungen"]["I3"] = 2.5
    book.save(path)
    table = read(path)
    assert (table.kind, table.sheet, table.sheets) == (
        "xlsx",
        "Anmeldungen",
        ("Anmeldungen", "Notizen"),
    )
    assert table.header_line == 2
    assert table.headers[:4] == ("Anrede", "Titel", "Vorname", "Nachname")
    first, second = table.rows
    assert (first.line, first.cells[6], first.cells[7], first.cells[8]) == (
        3, "4921621234", "01.03.2025", "2,5",
    )  # fmt: skip
    assert (second.cells[1], second.cells[6], second.cells[7]) == (
        "",
        "+49 2821 594-0",
        "02.03.2025 14:30",
    )
    assert read(path, sheet="anmeldungen").sheet == "Anmeldungen"
    with pytest.raises(UnknownSheet, match="Anmeldungen, Notizen"):
        read(path, sheet="Tabelle1")


def test_an_xlsx_renamed_to_csv_is_read_as_a_workbook(tmp_path):
    path = openpyxl_xlsx(tmp_path / "x.xlsx", PEOPLE)
    renamed = path.rename(tmp_path / "export.csv")
    assert read(renamed).kind == "xlsx"


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n", codecs.BOM_UTF8, b";;;\r\n;;\r\n"])
def test_an_empty_file_is_refused(tmp_path, content):
    path = tmp_path / "leer.csv"
    path.write_bytes(content)
    with pytest.raises(FileEmpty, match=r"leer\.csv is empty"):
        read(path)


def test_a_header_without_rows_is_refused(tmp_path):
    with pytest.raises(NoDataRows, match="header but no rows"):
        read(excel_csv(tmp_path / "x.csv", []))


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ELF = b"\x7fELF\x02\x01\x01" + b"\x01\x02\x03\x04\x05\x06\x07\x08" * 300
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4


@pytest.mark.parametrize(
    "content,error,reason",
    [
        (PNG, NotATable, "a picture"),
        (PDF, NotATable, "a PDF document"),
        (bytes(range(256)) * 16, NotATable, "binary data"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), OldSpreadsheetFormat, ".xls"),
        (ELF, NotATable, "binary data"),
    ],
)
def test_a_binary_file_renamed_to_csv_is_refused_with_what_it_is(tmp_path, content, error, reason):
    path = tmp_path / "teilnehmer.csv"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        read(path)
    assert "teilnehmer.csv" in info.value.message() and reason in info.value.message()


def test_a_zip_that_is_no_workbook_is_refused(tmp_path):
    path = tmp_path / "teilnehmer.csv"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(NotATable, match="no Excel workbook"):
        read(path)


def test_empty_and_repeated_headers_get_names(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Vorname;Nachname;;E-Mail;E-Mail\r\nAnna;Müller;x;a@b.example;c@d.example\r\n")
    assert read(path).headers == ("Vorname", "Nachname", "Spalte 3", "E-Mail", "E-Mail (2)")
