"""Reading badge PDFs back as a guest's scanner and a proof-reader would."""

from __future__ import annotations

import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image


def page_texts(pdf: Path) -> list[str]:
    """pdftotext of every page, whitespace folded."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in out.split("\f")[:-1]]


def decoded_codes(pdf: Path, folder: Path, dpi: int = 150) -> list[list[str]]:
    """The QR codes zxing-cpp reads on each page of a ``dpi`` render, sorted."""
    prefix = folder / "page"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    pages = []
    for png in sorted(folder.glob("page-*.png")):
        with Image.open(png) as image:
            pages.append(sorted(b.text for b in zxingcpp.read_barcodes(image)))
        png.unlink()
    return pages


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])
