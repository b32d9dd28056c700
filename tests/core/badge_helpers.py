"""Reading badge PDFs back as a guest's scanner and a proof-reader would (PDFium, from a
pip wheel: no poppler needed)."""

from __future__ import annotations

from pathlib import Path

import zxingcpp

from regdesk import pdfread


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, whitespace folded."""
    return [" ".join(page.split()) for page in pdfread.page_texts(pdf)]


def decoded_codes(pdf: Path, folder: Path, dpi: int = 150) -> list[list[str]]:
    """The QR codes zxing-cpp reads on each page of a ``dpi`` render, sorted."""
    return [
        sorted(b.text for b in zxingcpp.read_barcodes(image))
        for image in pdfread.page_images(pdf, dpi)
    ]


def page_count(pdf: Path) -> int:
    return pdfread.page_count(pdf)
