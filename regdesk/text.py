"""Text and date helpers shared by services, CLI and GUI (no Qt)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time

# Invisible characters that have no place in a name or a list: a byte order mark inside a
# cell, zero-width spaces and soft hyphens pasted from a web form. Stripped on entry.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u180e"), None)
# Characters that change how the text around them is shown: bidi embeddings, overrides
# and isolates (U+202E turns "gnp.exe" around), and the directional marks.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def clean(value: str | None) -> str:
    """Trim, fold inner runs of white space, drop invisible characters, normalise to NFC."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", " ".join(str(value).translate(_INVISIBLE).split()))


def clean_multiline(value: str | None) -> str:
    """Like ``clean`` but keeps line breaks (notes, addresses)."""
    if value is None:
        return ""
    text = str(value).translate(_INVISIBLE).strip()
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return unicodedata.normalize("NFC", "\n".join(lines))


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def unsafe_characters(value: str, *, multiline: bool = False) -> str:
    """The control and bidi characters in ``value`` as "U+001B, U+202E" ("" if none):
    they make a terminal or a screen show something else than the text holds."""
    if _UNSAFE.search(value) is None:
        return ""
    found = []
    for ch in _UNSAFE.findall(value):
        code = f"U+{ord(ch):04X}"
        if not (ch == "\n" and multiline) and code not in found:
            found.append(code)
    return ", ".join(found)


def has_letters(value: str) -> bool:
    """Whether ``value`` holds a letter or digit (not only marks, joiners, symbols)."""
    return any(ch.isalnum() for ch in value)


# what for_terminal escapes: the control characters but line break and tab, and bidi
_SHOWS_ELSE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(value: str) -> str:
    """``value`` safe to print: control characters (but line break and tab) and bidi
    controls shown escaped (\\x1b, \\u202e), so that no text moves the cursor, clears a
    line or turns the line around. One scan of the text (every line a command prints)."""
    return _SHOWS_ELSE.sub(_escaped, value)


DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")


def parse_date(value: str | date) -> date:
    """``TT.MM.JJJJ`` (German) or ISO ``JJJJ-MM-TT``; raises ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_time(value: str | time) -> time:
    """``9:30``, ``09.30``, ``930``, ``0930``, ``9`` or ``9:30 Uhr``; raises ValueError."""
    if isinstance(value, time):
        return value
    text = str(value).strip().removesuffix("Uhr").strip().replace(".", ":")
    if text.isdigit() and len(text) in (3, 4):
        text = f"{text[:-2]}:{text[-2:]}"
    hours, _, minutes = text.partition(":")
    if not hours.isdigit() or not (minutes.isdigit() or minutes == "") or len(minutes) > 2:
        raise ValueError(text)
    return time(int(hours), int(minutes or 0))


def format_date(value: date) -> str:
    """German form with a four-digit year: 16.06.2025."""
    return value.strftime("%d.%m.%Y")


def format_date_range(first: date, last: date, separator: str = " – ") -> str:
    """One date for a one-day event, else first and last: 16.06.2025 – 17.06.2025."""
    if first == last:
        return format_date(first)
    return f"{format_date(first)}{separator}{format_date(last)}"


_TRANSLIT = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Æ": "AE",
        "æ": "ae",
        "Ø": "O",
        "ø": "o",
        "Å": "A",
        "å": "a",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "ı": "i",
        "Œ": "OE",
        "œ": "oe",
        "Þ": "Th",
        "þ": "th",
        # Greek
        "α": "a",
        "β": "v",
        "γ": "g",
        "δ": "d",
        "ε": "e",
        "ζ": "z",
        "η": "i",
        "θ": "th",
        "ι": "i",
        "κ": "k",
        "λ": "l",
        "μ": "m",
        "ν": "n",
        "ξ": "x",
        "ο": "o",
        "π": "p",
        "ρ": "r",
        "σ": "s",
        "ς": "s",
        "τ": "t",
        "υ": "y",
        "φ": "f",
        "χ": "ch",
        "ψ": "ps",
        "ω": "o",
        # Cyrillic (Russian, Ukrainian, Serbian)
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "ґ": "g",
        "д": "d",
        "е": "e",
        "ё": "e",
        "є": "ye",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "і": "i",
        "ї": "yi",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "ђ": "dj",
        "ј": "j",
        "љ": "lj",
        "њ": "nj",
        "ћ": "c",
        "џ": "dz",
    }
)


def transliterate(value: str) -> str:
    """A plain-ASCII rendering (for generated e-mail addresses and file names).

    German umlauts become ae/oe/ue, other accents are dropped, Greek and Cyrillic are
    romanised letter by letter.
    """
    if value.isascii():  # nothing to do, and the common case by far
        return value
    value = unicodedata.normalize("NFC", value).translate(_TRANSLIT)  # ä→ae, ß→ss, ł→l ...
    # Greek and Cyrillic romanise from lower case (the letter maps hold lower case only)
    value = "".join(ch.lower() if ord(ch) > 0x36F else ch for ch in value).translate(_TRANSLIT)
    # accents off (é→e, and Greek ά→α, which the second pass then romanises)
    value = "".join(
        ch for ch in unicodedata.normalize("NFKD", value) if not unicodedata.combining(ch)
    )
    return "".join(ch for ch in value.translate(_TRANSLIT) if ord(ch) < 128)
