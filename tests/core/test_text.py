from datetime import date

import pytest

from regdesk.text import clean, clean_multiline, format_date, parse_date, transliterate


def test_clean_trims_folds_and_normalises():
    assert clean("  Ayşe \t Çelik ") == "Ayşe Çelik"
    assert clean("Z\u030cak") == "Žak"
    assert clean(None) == ""
    assert clean_multiline(" a  b \n  c ") == "a b\nc"


@pytest.mark.parametrize("text", ["16.06.2025", "2025-06-16", "16.06.25", " 16.06.2025 "])
def test_parse_date_accepts_german_and_iso(text):
    assert parse_date(text) == date(2025, 6, 16)


@pytest.mark.parametrize("text", ["31.02.2025", "2025/06/16", "morgen", ""])
def test_parse_date_refuses_the_rest(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_format_date_is_german_with_four_digit_year():
    assert format_date(date(2025, 6, 6)) == "06.06.2025"


@pytest.mark.parametrize(
    "name,ascii_",
    [
        ("Łukasz Żółć", "Lukasz Zolc"),
        ("Ayşe Çelik", "Ayse Celik"),
        ("Nguyễn Thị Minh", "Nguyen Thi Minh"),
        ("Müller Weiß", "Mueller Weiss"),
        ("Σωκράτης", "sokratis"),
        ("Дмитрий Иванов", "dmitriy ivanov"),
        ("Đorđević", "Dordevic"),
    ],
)
def test_transliterate(name, ascii_):
    assert transliterate(name) == ascii_
