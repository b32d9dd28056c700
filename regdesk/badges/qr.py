"""The QR code of a badge: the secret in alphanumeric mode, as a matrix of modules.

The secret's alphabet (badge_codes) is upper-case letters and digits, so the symbol uses
QR's compact alphanumeric mode: 20 characters fit version 1 (21 x 21 modules) at error
correction level M (15 % of the symbol may be damaged). The mask is fixed instead of
chosen by trying all eight: every decoder reads every mask, and it makes the matrix
eight times faster to compute -- tests decode every layout with zxing-cpp.
"""

from __future__ import annotations

import functools
import re

import qrcode
from qrcode.util import MODE_ALPHA_NUM, QRData

QUIET = 4  # modules of white around the symbol
MASK = 2  # vertical stripes of width one: no runs that imitate finder patterns


@functools.lru_cache(maxsize=256)  # the preview redraws the same badge
def qr_matrix(secret: str) -> tuple[str, ...]:
    """Rows of "1" (dark) and "0", without the quiet zone."""
    short = len(secret) <= 20  # fits version 1; no need to search for the version
    code = qrcode.QRCode(
        version=1 if short else None,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=0,
        mask_pattern=MASK,
    )
    code.add_data(QRData(secret.upper(), mode=MODE_ALPHA_NUM))
    code.make(fit=not short)
    return tuple("".join("1" if cell else "0" for cell in row) for row in code.modules)


_RUN = re.compile("1+")


def dark_runs(matrix: tuple[str, ...]):
    """(row, first column, length) of each horizontal run of dark modules."""
    for r, row in enumerate(matrix):
        for run in _RUN.finditer(row):
            yield r, run.start(), run.end() - run.start()
