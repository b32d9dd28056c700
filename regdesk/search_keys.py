"""Folded keys for search and duplicate detection.

``fold`` maps the spellings a person's name takes in lists and e-mails onto one key:
Müller = Mueller = Muller, Weiß = Weiss, Çelik = Celik, Żółć = Zolc, Σωκράτης = Sokratis.
It transliterates (German umlauts as ae/oe/ue, other accents dropped, Greek and Cyrillic
romanised), lower-cases, then folds ae/oe/ue to a/o/u and ss to s, so that every spelling
lands on the same key. Both the stored keys and the typed query go through it.
"""

from __future__ import annotations

import functools
import re

from .text import transliterate

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGRAPHS = re.compile(r"ae|oe|ue|ss")
_FOLD = {"ae": "a", "oe": "o", "ue": "u", "ss": "s"}

# field weights for ranking: lower is better
# a badge code is typed whole (exact: first); its mere prefix ranks after every name field
FIELD_LAST, FIELD_FIRST, FIELD_EMAIL, FIELD_ORGANISATION, FIELD_CODE, FIELD_GROUP = 0, 1, 2, 3, 4, 5
MAX_TOKEN = 60


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The folded form of ``text``: lower-case ASCII words separated by single spaces.
    (Cached: names and organisations repeat, an import of 10,000 rows folds each often.)"""
    ascii_ = transliterate(text or "").lower()
    words = _NON_ALNUM.sub(" ", ascii_).split()
    return " ".join(_DIGRAPHS.sub(lambda m: _FOLD[m.group()], w) for w in words)


def words(text: str) -> list[str]:
    return [w[:MAX_TOKEN] for w in fold(text).split()]


def email_key(email: str) -> str:
    return (email or "").strip().casefold()


def duplicate_key(first_name: str, last_name: str, organisation: str) -> str:
    """Same person, same organisation, whatever the spelling."""
    return "|".join((fold(first_name), fold(last_name), fold(organisation)))[:300]


def name_key(first_name: str, last_name: str) -> str:
    """Sorts a list alphabetically by last name, then first name, whatever the accents."""
    return f"{fold(last_name)} {fold(first_name)}"[:210]


def tokens(
    first_name: str,
    last_name: str,
    organisation: str,
    email: str,
    short_code: str,
    group: str = "",
) -> set[tuple[str, int]]:
    """(token, field) pairs to index for one participant (``group``: the name of the
    group they come with)."""
    result: set[tuple[str, int]] = set()
    for text, field in (
        (last_name, FIELD_LAST),
        (first_name, FIELD_FIRST),
        (organisation, FIELD_ORGANISATION),
        (email, FIELD_EMAIL),
        (short_code, FIELD_CODE),
        (group, FIELD_GROUP),
    ):
        for word in words(text):
            result.add((word, field))
    # keep only the best field per token
    best: dict[str, int] = {}
    for word, field in result:
        best[word] = min(field, best.get(word, field))
    return set(best.items())


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string that starts with ``prefix``
    (tokens are lower-case ASCII, so bumping the last character is enough)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
