"""Badge secrets and short codes.

The QR code carries an unguessable secret. Handheld scanners often type with a US layout
on a German keyboard (Y and Z swap, symbols garble), so the alphabet holds only upper-case
letters and digits, without Y, Z and the look-alikes 0/O and 1/I/L. Upper case and digits
also let the QR code use its compact alphanumeric mode.
"""

from __future__ import annotations

import math
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWX23456789"
SECRET_LENGTH = 20  # 29**20 ~ 2**97.2: at least 96 bits of randomness
SHORT_CODE_LENGTH = 6  # printed on the badge for manual entry
SECRET_BITS = SECRET_LENGTH * math.log2(len(ALPHABET))

assert SECRET_BITS >= 96
assert not set("YZ01OIL") & set(ALPHABET)


def _random_code(length: int) -> str:
    number = secrets.randbelow(len(ALPHABET) ** length)  # uniform over all codes
    chars = []
    for _ in range(length):
        number, digit = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[digit])
    return "".join(chars)


def new_secret() -> str:
    return _random_code(SECRET_LENGTH)


def new_short_code() -> str:
    return _random_code(SHORT_CODE_LENGTH)


def unique_short_codes(count: int, taken: set[str]) -> list[str]:
    """``count`` fresh short codes, none in ``taken`` and none twice (``taken`` grows)."""
    codes: list[str] = []
    while len(codes) < count:
        code = new_short_code()
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes
