"""Reading a PDF back -- its pages' text and a render of them -- with pypdfium2 (PDFium as
a pip wheel), so that the tests, the sample pages and the screenshots need no poppler
from the system. Imported only where a PDF is read back (pypdfium2 is in the test extra).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def _document(pdf: Path | bytes):
    import pypdfium2

    return pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))


def page_texts(pdf: Path | bytes) -> list[str]:
    """The text of every page, lines as PDFium reads them (\\n between lines)."""
    document = _document(pdf)
    try:
        texts = []
        for page in document:
            text = page.get_textpage().get_text_range()
            texts.append(text.replace("\r\n", "\n").replace("\r", "\n"))
        return texts
    finally:
        document.close()


def page_count(pdf: Path | bytes) -> int:
    document = _document(pdf)
    try:
        return len(document)
    finally:
        document.close()


def page_images(
    pdf: Path | bytes, dpi: int = 150, first: int = 0, last: int | None = None
) -> Iterator:
    """PIL images of the pages ``first`` .. ``last`` (inclusive; default: all), at ``dpi``."""
    document = _document(pdf)
    try:
        end = len(document) - 1 if last is None else min(last, len(document) - 1)
        for index in range(first, end + 1):
            yield document[index].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def save_first_page(pdf: Path | bytes, png: Path, dpi: int) -> Path:
    image = next(page_images(pdf, dpi, 0, 0))
    image.save(png)
    return png
