"""German is complete and current; English is the source; the language switch works."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui import i18n, i18n_tools
from ui.main_window import MainWindow

TS = i18n_tools.TARGETS["de"]


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name"), msg.findtext("source")): msg.find("translation")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def test_every_german_translation_is_finished():
    unfinished = [
        key
        for key, tr in messages(TS).items()
        if tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not ("".join(tr.itertext()).strip())
    ]
    assert unfinished == []


def test_translation_file_lists_exactly_the_strings_in_the_code(tmp_path):
    """lupdate over the current sources finds nothing new and nothing vanished."""
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    i18n_tools.lupdate(copy, "de")
    assert set(messages(copy)) == set(messages(TS))
    assert all(tr.get("type") is None for tr in messages(copy).values())


def test_compiled_catalogue_is_current(tmp_path):
    fresh = tmp_path / "fresh.qm"
    i18n_tools.lrelease(TS, fresh)
    assert fresh.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run make translations"


def test_no_tr_call_hides_inside_an_f_string():
    """lupdate cannot see tr() inside f-strings; such text would stay English."""
    pattern = re.compile(r"""f(["']).*\{[^}]*\btr\(""")
    offenders = [
        f"{path.name}:{n}"
        for path in i18n_tools.sources()
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize("language,overview", [("de", "Übersicht"), ("en", "Overview")])
def test_language_switch(qtbot, qapp, demo_db, language, overview):
    db, event_id = demo_db
    i18n.install(qapp, language)
    window = MainWindow(db, event_id, "t")
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == overview


def test_language_is_remembered(qapp):
    i18n.save_language("en")
    assert i18n.saved_language() == "en"
    i18n.save_language("de")
    assert i18n.saved_language() == "de"
