"""Sample pages of every badge layout as PNG, for the docs and for looking at them:
``python -m regdesk.badges.samples docs/badges`` (part of ``make screenshots``; needs
PDFium from the pypdfium2 wheel, regdesk.pdfread)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..badge_codes import new_secret, new_short_code
from ..pdfread import save_first_page
from .layouts import LAYOUTS
from .pdf import PrintOptions, render_pdf
from .scene import BadgeData

EVENT = "Regionalkonferenz Smart Cities 2025"
DATES = "12.03.2025"
PEOPLE = (
    ("Łukasz", "Żółć", "Dr.", "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen",
     "Referent/in", "#B3261E", True, ("W1", "W2")),
    ("Ayşe", "Çelik", "", "Stadt Mönchengladbach", "Presse", "#FFD54F", False, ()),
    ("Nguyễn Thị", "Minh", "", "Technische Universität Dresden", "Teilnehmer/in", "#1F5FA8",
     False, ("W3",)),
    ("Σωκράτης", "Παπαδόπουλος", "", "Δήμος Θεσσαλονίκης", "Aussteller/in", "#00707A", False, ()),
    ("Дмитрий", "Иванов", "", "Landkreis Görlitz", "Teilnehmer/in", "#1F5FA8", False, ("W4",)),
    ("Anna-Katharina Maria-Theresia", "von Hardenberg-Schönfeld", "Prof. Dr.-Ing.",
     "Kommunale Datenzentrale Westfalen-Lippe", "VIP", "#8A6D00", False, ()),
    ("Jonas", "Weber", "", "Stadt Neuss", "Organisation", "#C05A00", False, ()),
    ("Maria", "Schmidt", "Dipl.-Ing.", "Kreis Viersen", "Teilnehmer/in", "#1F5FA8", False, ()),
    ("Emre", "Yılmaz", "", "Stadtwerke Krefeld", "Teilnehmer/in", "#1F5FA8", True, ("W1",)),
    ("Ingrid", "Ångström", "", "Göteborgs Stad", "Referent/in", "#B3261E", False, ()),
)  # fmt: skip


def sample_badges() -> list[BadgeData]:
    return [
        BadgeData(first, last, title, org, category, colour, new_short_code(), new_secret(),
                  EVENT, DATES, no_photos, programme)
        for first, last, title, org, category, colour, no_photos, programme in PEOPLE
    ]  # fmt: skip


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("docs/badges")
    folder.mkdir(parents=True, exist_ok=True)
    badges = sample_badges()
    with tempfile.TemporaryDirectory() as tmp:
        for key, layout in LAYOUTS.items():
            pdf = Path(tmp) / f"{key}.pdf"
            pdf.write_bytes(render_pdf(badges, layout, PrintOptions(cut_marks=layout.is_sheet)))
            print(save_first_page(pdf, folder / f"{key}.png", dpi=110))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
