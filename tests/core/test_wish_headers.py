"""Wish columns in all the spellings registration forms and spreadsheets use: generated
from their parts (a word for the wish, a rank written as a number, an ordinal or a word,
"Workshop" before it, brackets, case, separators), each must give its rank -- and columns
that are no wishes must give none."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from regdesk.services.preferences import wish_column_rank

WORDS = ["Wunsch", "Wahl", "Präferenz", "Praeferenz", "Priorität", "Prioritaet", "Choice",
         "Wish", "Preference", "Priority"]  # fmt: skip
GERMAN_ORDINALS = {1: "Erst", 2: "Zweit", 3: "Dritt", 4: "Viert", 5: "Fünft"}
ENGLISH_ORDINALS = {1: "First", 2: "Second", 3: "Third", 4: "Fourth", 5: "Fifth"}
SUFFIX = {1: "st", 2: "nd", 3: "rd"}


@st.composite
def header(draw) -> tuple[str, int]:
    rank = draw(st.integers(1, 12))
    word = draw(st.sampled_from(WORDS))
    forms = [
        f"{word} {rank}", f"{word}{rank}", f"{word} Nr. {rank}", f"{rank}. {word}",
        f"{rank}.{word}", f"({rank}. {word})", f"{word} ({rank})",
    ]  # fmt: skip
    if word in ("Choice", "Preference", "Priority", "Wish"):
        forms.append(f"{rank}{SUFFIX.get(rank, 'th')} {word}")
        if rank in ENGLISH_ORDINALS:
            forms.append(f"{ENGLISH_ORDINALS[rank]} {word}")
    if word in ("Wunsch", "Wahl") and rank in GERMAN_ORDINALS:
        ordinal = GERMAN_ORDINALS[rank]
        forms += [f"{ordinal}{word.lower()}", f"{ordinal}e{'r' if word == 'Wunsch' else ''} {word}"]
    text = draw(st.sampled_from(forms))
    if draw(st.booleans()):
        text = draw(st.sampled_from(["Workshop ", "Workshop-", "Workshops ", "Session "])) + text
    text = draw(st.sampled_from([str, str.lower, str.upper]))(text)
    if draw(st.booleans()):
        text = text.replace(" ", draw(st.sampled_from(["_", "-", "  "])))
    return draw(st.sampled_from(["", " ", "\t"])) + text, rank


@given(header())
def test_every_usual_spelling_gives_its_rank(case):
    text, rank = case
    assert wish_column_rank(text) == rank, text


def test_the_spellings_of_the_issue():
    for text, rank in (("Workshop 1. Wahl", 1), ("Workshop 2. Wahl", 2),
                       ("Workshop (1. Wahl)", 1), ("Erstwunsch", 1), ("Priorität 1", 1),
                       ("1st choice", 1), ("Choice 2", 2), ("Zweiter Wunsch", 2)):  # fmt: skip
        assert wish_column_rank(text) == rank, text


@given(st.sampled_from(["Workshop", "Workshops", "Wunsch", "Wunschtermin 1", "Telefon 2",
                        "Adresse Zeile 2", "Workshop 1 Raum", "E-Mail", "Wahlkreis",
                        "Exkursion", "Tag 1", "Zimmer 2", "Wunsch 0", "Wunsch 51",
                        "1. Tag", "Choice", "Preis 2"]))  # fmt: skip
def test_columns_that_are_no_wishes_give_none(text):
    assert wish_column_rank(text) is None
