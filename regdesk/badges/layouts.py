"""Badge layouts as data: the page, the badge, and how many badges sit on a page.

Every layout is drawn by the same code (scene.py); a layout only says where the badges
go. Sheets are centred on the page unless a margin is given (perforated sheets have
exact margins; the printer offset corrects what the printer adds).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import UnknownLayout

MM = 72 / 25.4  # points per millimetre
A4 = (210.0, 297.0)
A4_LANDSCAPE = (297.0, 210.0)


@dataclass(frozen=True)
class Layout:
    key: str
    name: str  # English; the GUI translates it
    page: tuple[float, float]  # mm, width x height
    badge: tuple[float, float]  # mm
    columns: int = 1
    rows: int = 1
    gap: tuple[float, float] = (0.0, 0.0)  # mm between badges (x, y)
    margin: tuple[float, float] | None = None  # mm left, top; None: centred

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def is_sheet(self) -> bool:
        return self.per_page > 1

    def origin(self) -> tuple[float, float]:
        """Left and top margin in mm."""
        if self.margin is not None:
            return self.margin
        used_w = self.columns * self.badge[0] + (self.columns - 1) * self.gap[0]
        used_h = self.rows * self.badge[1] + (self.rows - 1) * self.gap[1]
        return (self.page[0] - used_w) / 2, (self.page[1] - used_h) / 2

    def slots(self, offset: tuple[float, float] = (0.0, 0.0)) -> Iterator[tuple[float, float]]:
        """Lower-left corner of each badge on a page in points (PDF coordinates, origin at
        the bottom left), row by row from the top; ``offset`` (mm, right and down) is the
        printer correction."""
        left, top = self.origin()
        for row in range(self.rows):
            for column in range(self.columns):
                x = left + column * (self.badge[0] + self.gap[0]) + offset[0]
                y_top = top + row * (self.badge[1] + self.gap[1]) + offset[1]
                yield x * MM, (self.page[1] - y_top - self.badge[1]) * MM


LAYOUTS: dict[str, Layout] = {
    layout.key: layout
    for layout in (
        Layout("a6", "A6 landscape, one per page", (148.0, 105.0), (148.0, 105.0)),
        Layout("a6-4up", "4 × A6 on A4", A4_LANDSCAPE, (148.5, 105.0), 2, 2),
        Layout("a7-8up", "8 × A7 on A4", A4, (105.0, 74.0), 2, 4),
        Layout("durable-90x54", "Durable sheet 90 × 54 mm (10 per A4)", A4, (90.0, 54.0), 2, 5),
        Layout("herma-80x50", "Herma sheet 80 × 50 mm (10 per A4)", A4, (80.0, 50.0), 2, 5),
        Layout("iso-card", "ISO card 86 × 54 mm, one per page", (86.0, 54.0), (86.0, 54.0)),
    )
}
DEFAULT_LAYOUT = "a6"


def get_layout(key: str) -> Layout:
    try:
        return LAYOUTS[key]
    except KeyError:
        raise UnknownLayout(value=key, choices=", ".join(LAYOUTS)) from None
