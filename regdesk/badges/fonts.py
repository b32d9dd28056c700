"""The badge font: DejaVu Sans (regular and bold), embedded in every PDF.

DejaVu Sans covers Latin with Extended-A/B and Vietnamese, Greek and Cyrillic, so every
name of a European event prints as written. The TTF files ship in resources/fonts with
their licence; where they are missing (a stripped package), the system's DejaVu is used,
after checking that it really covers the test names.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import BadgeFontMissing

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SYSTEM = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
NAMES = {"regular": "RegdeskSans", "bold": "RegdeskSans-Bold"}
# names from all over Europe and beyond (shared/design/practice.md)
TEST_NAMES = "Łukasz Żółć Ayşe Çelik Nguyễn Thị Minh Σωκράτης Παπαδόπουλος Дмитрий Иванов"


@dataclass(frozen=True)
class BadgeFonts:
    regular: str  # reportlab font names
    bold: str
    paths: dict[str, Path]

    def name(self, weight: str) -> str:
        return self.bold if weight == "bold" else self.regular

    def width(self, text: str, weight: str, size: float) -> float:
        """The width of ``text`` in points, as the PDF will set it."""
        return pdfmetrics.stringWidth(text, self.name(weight), size)

    def missing(self, text: str) -> set[str]:
        """Characters of ``text`` (after NFC) that the font has no glyph for."""
        result = set()
        for weight in ("regular", "bold"):
            face = pdfmetrics.getFont(self.name(weight)).face
            result |= {
                c
                for c in unicodedata.normalize("NFC", text)
                if not c.isspace() and ord(c) not in face.charToGlyph
            }
        return result


def _find(filename: str) -> Path | None:
    for folder in (SHIPPED, *SYSTEM):
        if (folder / filename).is_file():
            return folder / filename
    return None


@functools.cache
def badge_fonts() -> BadgeFonts:
    """Register the fonts with reportlab once per process."""
    paths = {}
    for weight, filename in FILES.items():
        path = _find(filename)
        if path is None:
            raise BadgeFontMissing(file=filename, places=", ".join(map(str, (SHIPPED, *SYSTEM))))
        pdfmetrics.registerFont(TTFont(NAMES[weight], str(path)))
        paths[weight] = path
    fonts = BadgeFonts(NAMES["regular"], NAMES["bold"], paths)
    gaps = fonts.missing(TEST_NAMES)
    if gaps:
        raise BadgeFontMissing(file=f"{paths} (no glyph for {''.join(sorted(gaps))})", places="")
    return fonts
