import math
import re

from regdesk.badge_codes import ALPHABET, new_secret, new_short_code, unique_short_codes


def test_secret_has_at_least_96_bits_and_a_scanner_safe_alphabet():
    assert len(new_secret()) * math.log2(len(ALPHABET)) >= 96
    secrets = {new_secret() for _ in range(5000)}
    assert len(secrets) == 5000
    joined = "".join(secrets)
    assert re.fullmatch(r"[A-Z2-9]+", joined)
    assert not set(joined) & set("YZ01OIL")
    assert set(joined) == set(ALPHABET)  # every symbol is used (uniform over the alphabet)


def test_short_codes_are_unique_against_what_is_taken():
    taken = {new_short_code() for _ in range(100)}
    fresh = unique_short_codes(2000, taken)
    assert len(set(fresh)) == 2000
    assert len(taken) == 2100
