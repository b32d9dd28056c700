"""What a badge shows and where: the badge as a list of drawing primitives.

One function lays out a badge of any size (the layouts only differ in size), fitting
every text into its box: it shrinks, then wraps, never overflows and never cuts. The PDF
writer (pdf.py) and the screen preview (ui/badge_preview.py) paint the same list, so the
preview is the badge as it prints.

Coordinates are points with the origin at the badge's lower left corner.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .fonts import BadgeFonts
from .qr import QUIET, qr_matrix

DARK = "#1A1A1A"
LEADING = 1.18  # line height / font size
MIN_SIZE = 4.0  # pt; below it a text would be unreadable -- it still fits, smaller


@dataclass(frozen=True)
class BadgeData:
    first_name: str
    last_name: str
    title: str = ""
    organisation: str = ""
    category: str = ""  # the band's label (Referent/in, Presse ...)
    colour: str = "#1F5FA8"  # the band's colour
    short_code: str = ""
    secret: str = ""  # what the QR code carries
    event_name: str = ""
    event_dates: str = ""
    no_photos: bool = False  # objected to photos: a marker for the photographer
    programme: tuple[str, ...] = ()  # codes of booked items ("W1", "E2")
    group: str = ""  # the group (delegation) the person comes with


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str
    radius: float = 0.0


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    weight: str  # "regular" or "bold"
    size: float
    colour: str
    align: str  # "left", "right" or "centre" (x is the left, right or middle)
    box: tuple[float, float, float, float]  # the area the text was fitted into


@dataclass(frozen=True)
class Code:
    x: float  # lower left corner of the quiet zone
    y: float
    module: float  # side of one module
    matrix: tuple[str, ...]  # rows of "1" (dark) and "0", quiet zone excluded


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    width: float
    colour: str


Primitive = Box | Text | Code | Line | Circle


@dataclass(frozen=True)
class Labels:
    """Words printed on the badge (the event's language)."""

    no_photos: str = "Keine Fotos"


@dataclass
class _Block:
    """A fitted text: lines at one size."""

    weight: str
    size: float
    lines: list[str] = field(default_factory=list)

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LEADING


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


def fit(
    fonts: BadgeFonts,
    text: str,
    weight: str,
    width: float,
    height: float,
    max_size: float,
    max_lines: int = 1,
    prefer_one_line_down_to: float = 0.72,
) -> _Block:
    """The largest size (and its lines) at which ``text`` fits ``width`` x ``height``.

    One line is preferred down to ``prefer_one_line_down_to`` x ``max_size``; then up
    to ``max_lines`` lines, breaking between words. Only when even that fails at
    MIN_SIZE are words broken, and the size goes on shrinking until it fits."""
    text = " ".join(nfc(text).split())
    if not text:
        return _Block(weight, max_size, [])
    words = text.split(" ")
    unit = {w: fonts.width(w, weight, 1.0) for w in set(words)}
    space = fonts.width(" ", weight, 1.0)

    def wrap(size: float, lines_allowed: int, break_words: bool) -> list[str] | None:
        limit = width / size
        lines: list[str] = []
        current, current_w = "", 0.0
        for word in words:
            w = unit[word]
            if w > limit:
                if not break_words:
                    return None
                pieces = _break_word(fonts, word, weight, limit)
            else:
                pieces = [word]
            for piece in pieces:
                pw = unit.get(piece) or fonts.width(piece, weight, 1.0)
                if current and current_w + space + pw <= limit:
                    current, current_w = f"{current} {piece}", current_w + space + pw
                else:
                    if current:
                        lines.append(current)
                    current, current_w = piece, pw
        lines.append(current)
        fits = len(lines) <= lines_allowed and len(lines) * size * LEADING <= height
        return lines if fits else None

    def descend(start: float, stop: float, lines_allowed: int, break_words: bool):
        size = start
        while size >= stop:
            lines = wrap(size, lines_allowed, break_words)
            if lines is not None:
                return _Block(weight, size, lines)
            size *= 0.97
        return None

    one_line = min(
        max_size, width / max(unit[text] if text in unit else fonts.width(text, weight, 1.0), 1e-6)
    )
    if one_line >= max_size * prefer_one_line_down_to and one_line * LEADING <= height:
        return _Block(weight, one_line, [text])
    block = descend(max_size, MIN_SIZE, max_lines, False)
    if block is None:
        block = descend(max(MIN_SIZE, one_line), 0.5, max_lines, True)
    return block or _Block(weight, 0.5, [text])


def _break_word(fonts: BadgeFonts, word: str, weight: str, limit: float) -> list[str]:
    pieces, current = [], ""
    for char in word:
        if current and fonts.width(current + char, weight, 1.0) > limit:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current]


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def text_colour_on(colour: str) -> str:
    """White or near-black, whichever contrasts more with ``colour`` (WCAG)."""
    lum = _luminance(colour)
    return (
        "#FFFFFF" if (1.05 / (lum + 0.05)) >= ((lum + 0.05) / (_luminance(DARK) + 0.05)) else DARK
    )


def badge_scene(
    data: BadgeData, width: float, height: float, fonts: BadgeFonts, labels: Labels = Labels()
) -> list[Primitive]:
    w, h = width, height
    m = max(0.045 * h, 7.0)
    band = 0.15 * h
    scene: list[Primitive] = [Box(0, 0, w, h, "#FFFFFF")]

    # the category band, with its label in words (never colour alone)
    colour = data.colour if _valid_colour(data.colour) else "#1F5FA8"
    ink = text_colour_on(colour)
    scene.append(Box(0, 0, w, band, colour))
    marker_w = 0.0
    if data.no_photos:
        marker_w = _no_photo_marker(scene, fonts, labels, w - m, band, m)
    label = fit(fonts, data.category, "bold", w - 2 * m - marker_w, band * 0.8, 0.075 * h)
    if label.lines:
        y = (band - label.size * 0.72) / 2
        box = (m, 0.0, w - 2 * m - marker_w, band)
        scene.append(Text(m, y, label.lines[0], "bold", label.size, ink, "left", box))

    # the header: event name on the left, dates on the right
    header_h = 0.1 * h
    top = h - m
    dates = fit(fonts, data.event_dates, "regular", 0.3 * w, header_h, 0.042 * h)
    dates_w = fonts.width(dates.lines[0], "regular", dates.size) if dates.lines else 0.0
    if dates.lines:
        box = (w - m - 0.3 * w, top - header_h, 0.3 * w, header_h)
        scene.append(
            Text(
                w - m,
                top - dates.size,
                dates.lines[0],
                "regular",
                dates.size,
                "#444444",
                "right",
                box,
            )
        )
    name_w = w - 2 * m - (dates_w + 0.04 * w if dates.lines else 0)
    event = fit(fonts, data.event_name, "regular", name_w, header_h, 0.042 * h, max_lines=2)
    _stack(scene, event, m, top, name_w, header_h, "#444444")
    scene.append(
        Line(m, top - header_h - 0.01 * h, w - m, top - header_h - 0.01 * h, 0.6, "#BBBBBB")
    )

    # the QR code (with its quiet zone) and the short code below it
    code_h = 0.075 * h
    area_top = top - header_h - 0.03 * h
    area_bottom = band + 0.02 * h
    q_total = min(area_top - area_bottom - code_h, 0.36 * w)
    matrix = qr_matrix(data.secret) if data.secret else ()
    module = q_total / ((len(matrix) or 21) + 2 * QUIET)
    q_x = w - m - q_total + QUIET * module * 0.5  # part of the quiet zone may use the margin
    q_y = area_bottom + code_h
    if data.secret:
        scene.append(Code(q_x, q_y, module, matrix))
    if data.short_code:
        spaced = f"{data.short_code[:3]} {data.short_code[3:]}".strip()
        short = fit(fonts, spaced, "bold", q_total, code_h, 0.06 * h)
        centre = q_x + q_total / 2
        box = (q_x, area_bottom, q_total, code_h)
        scene.append(
            Text(
                centre,
                area_bottom + (code_h - short.size * 0.72) / 2,
                short.lines[0],
                "bold",
                short.size,
                DARK,
                "centre",
                box,
            )
        )

    # the person: title, first name large, last name, organisation, booked items
    left = m
    text_w = q_x - left - 0.03 * w
    box_top = area_top
    box_h = area_top - area_bottom
    parts = [
        (data.title, "regular", 0.05 * h, 1, "#333333"),
        (data.first_name, "bold", 0.14 * h, 2, DARK),
        (data.last_name, "bold", 0.09 * h, 2, DARK),
        (data.organisation, "regular", 0.058 * h, 3, "#333333"),
        (_group_line(data), "bold", 0.048 * h, 2, colour if _readable(colour) else DARK),
        (" · ".join(data.programme), "regular", 0.045 * h, 1, "#444444"),
    ]
    gap = 0.025 * h
    scale = 1.0
    for _ in range(40):  # shrink everything together until the stack fits
        blocks = [
            (fit(fonts, text, weight, text_w, box_h, size * scale, lines), colour_)
            for text, weight, size, lines, colour_ in parts
            if nfc(text)
        ]
        total = sum(b.height for b, _ in blocks) + gap * (len(blocks) - 1)
        if total <= box_h:
            break
        scale *= 0.93
    y = box_top - max(0.0, (box_h - total) * 0.35)  # a little above the middle
    for block, colour_ in blocks:
        _stack(scene, block, left, y, text_w, block.height, colour_)
        y -= block.height + gap
    return scene


def _group_line(data: BadgeData) -> str:
    """The group, unless it only repeats the organisation."""
    group = nfc(data.group).strip()
    return "" if group.casefold() == nfc(data.organisation).strip().casefold() else group


def _readable(colour: str) -> bool:
    """Whether text in ``colour`` reads on white (contrast 4.5:1 or more)."""
    return 1.05 / (_luminance(colour) + 0.05) >= 4.5


def _stack(scene, block: _Block, x: float, top: float, width: float, height: float, colour: str):
    for i, line in enumerate(block.lines):
        baseline = top - block.size * (0.8 + i * LEADING)
        box = (x, top - height, width, height)
        scene.append(Text(x, baseline, line, block.weight, block.size, colour, "left", box))


def _no_photo_marker(scene, fonts, labels: Labels, right: float, band: float, m: float) -> float:
    """A white pill at the band's right end: a crossed circle and "Keine Fotos"."""
    size = band * 0.38
    text_w = fonts.width(labels.no_photos, "bold", size)
    r = band * 0.28
    pill_w = text_w + 2 * r + band * 0.45
    x = right - pill_w
    scene.append(Box(x, band * 0.12, pill_w, band * 0.76, "#FFFFFF", radius=band * 0.2))
    cx, cy = x + band * 0.15 + r, band / 2
    scene.append(Circle(cx, cy, r, band * 0.07, "#B3261E"))
    d = r * 0.707
    scene.append(Line(cx - d, cy + d, cx + d, cy - d, band * 0.07, "#B3261E"))
    tx = cx + r + band * 0.12
    box = (tx, band * 0.12, text_w + 1, band * 0.76)
    scene.append(Text(tx, cy - size * 0.36, labels.no_photos, "bold", size, "#B3261E", "left", box))
    return pill_w + m * 0.5


def _valid_colour(colour: str) -> bool:
    return (
        isinstance(colour, str)
        and len(colour) == 7
        and colour[0] == "#"
        and all(c in "0123456789abcdefABCDEF" for c in colour[1:])
    )
