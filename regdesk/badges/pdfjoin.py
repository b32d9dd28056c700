"""Join PDFs written by reportlab into one file, as they come, with flat memory.

reportlab builds a whole document in memory before writing it. For thousands of badges
the batch is rendered in chunks of a few hundred pages instead; each chunk's objects are
copied into the output file with new numbers as soon as the chunk is done, and only the
page references and object offsets are kept until the end, where one page tree, the
catalogue and the cross-reference table close the file.

Only reportlab's own output is read (classic cross-reference table, one object after the
other): that is all this needs to understand.
"""

from __future__ import annotations

import hashlib
import re
from typing import BinaryIO

_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_REF = re.compile(rb"(\d+) 0 R\b")
_STREAM = re.compile(rb"\bstream\r?\n")
_HEADER = re.compile(rb"^(\d+) 0 obj")


class JoinError(Exception):
    pass


class PdfJoiner:
    """``add(pdf_bytes)`` for each chunk, then ``close()``. Objects 1-3 are reserved for
    the catalogue, the page tree and the document information."""

    CATALOG, PAGES, INFO = 1, 2, 3

    def __init__(self, out: BinaryIO, title: str = "", creator: str = "regdesk") -> None:
        self.out = out
        self.title, self.creator = title, creator
        self.offsets: dict[int, int] = {}
        self.kids: list[int] = []
        self.next_number = 4
        self.digest = hashlib.md5(usedforsecurity=False)
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.digest.update(data)

    def add(self, pdf: bytes) -> int:
        """Copy one chunk's pages; returns how many it had."""
        offsets = _xref(pdf)
        spans = _spans(pdf, offsets)
        trailer = pdf[pdf.rindex(b"trailer") :]
        root = int(re.search(rb"/Root (\d+) 0 R", trailer).group(1))
        info = re.search(rb"/Info (\d+) 0 R", trailer)
        catalog = _body(pdf, spans, root)
        pages = int(re.search(rb"/Pages (\d+) 0 R", catalog).group(1))
        outlines = re.search(rb"/Outlines (\d+) 0 R", catalog)
        kids = [
            int(k)
            for k in _REF.findall(
                re.search(rb"/Kids \[([^\]]*)\]", _body(pdf, spans, pages)).group(1)
            )
        ]
        skip = {root, pages} | ({int(info.group(1))} if info else set())
        if outlines:
            skip.add(int(outlines.group(1)))
        numbers = {pages: self.PAGES}
        for number in sorted(offsets):
            if number not in skip:
                numbers[number] = self.next_number
                self.next_number += 1
        for number in sorted(offsets):
            if number in skip:
                continue
            body = _body(pdf, spans, number)
            stream = _STREAM.search(body)
            head, tail = (body[: stream.start()], body[stream.start() :]) if stream else (body, b"")
            try:
                head = _REF.sub(lambda m: b"%d 0 R" % numbers[int(m.group(1))], head)
            except KeyError as exc:
                raise JoinError(f"object {number} refers to a dropped object {exc}") from None
            new = numbers[number]
            self.offsets[new] = self.out.tell()
            self._write(b"%d 0 obj\n" % new + head + tail)
        self.kids += [numbers[k] for k in kids]
        return len(kids)

    def close(self) -> int:
        """Write page tree, catalogue, information and cross references; returns pages."""
        kids = b" ".join(b"%d 0 R" % k for k in self.kids)
        title = _pdf_string(self.title)
        creator = _pdf_string(self.creator)
        for number, body in (
            (self.PAGES, b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(self.kids), kids)),
            (self.CATALOG, b"<< /Type /Catalog /Pages %d 0 R >>" % self.PAGES),
            (self.INFO, b"<< /Title %s /Creator %s /Producer (regdesk) >>" % (title, creator)),
        ):
            self.offsets[number] = self.out.tell()
            self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        size = self.next_number
        xref_at = self.out.tell()
        lines = [b"xref\n0 %d\n" % size, b"0000000000 65535 f \n"]
        lines += [b"%010d 00000 n \n" % self.offsets[n] for n in range(1, size)]
        ident = self.digest.hexdigest().encode()
        lines.append(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n"
            % (size, self.CATALOG, self.INFO, ident, ident)
        )
        lines.append(b"startxref\n%d\n%%%%EOF\n" % xref_at)
        self.out.write(b"".join(lines))
        return len(self.kids)


def _xref(pdf: bytes) -> dict[int, int]:
    start = int(pdf[pdf.rindex(b"startxref") + 9 :].split()[0])
    section = pdf[start:]
    if not section.startswith(b"xref"):
        raise JoinError("not a classic cross-reference table")
    header = section.split(b"\n", 2)
    first, count = (int(x) for x in header[1].split())
    offsets = {}
    for i, match in enumerate(_XREF_ENTRY.finditer(section, 0)):
        if i >= count:
            break
        if match.group(3) == b"n":
            offsets[first + i] = int(match.group(1))
    return offsets


def _spans(pdf: bytes, offsets: dict[int, int]) -> dict[int, tuple[int, int]]:
    """Where each object starts and where the next one (or the xref table) begins."""
    ordered = sorted(offsets.items(), key=lambda item: item[1])
    ends = [start for _, start in ordered[1:]] + [pdf.rindex(b"xref")]
    return {number: (start, end) for (number, start), end in zip(ordered, ends, strict=True)}


def _body(pdf: bytes, spans: dict[int, tuple[int, int]], number: int) -> bytes:
    """The object's text after its "n 0 obj" line, up to and including "endobj"."""
    start, end = spans[number]
    chunk = pdf[start:end]
    header = _HEADER.match(chunk)
    if header is None or int(header.group(1)) != number:
        raise JoinError(f"object {number} is not where the cross reference says")
    body = chunk[header.end() :].lstrip(b"\r\n")
    return body[: body.rindex(b"endobj") + 6] + b"\n"


def _pdf_string(text: str) -> bytes:
    data = text.encode("utf-16-be")
    return b"<FEFF" + data.hex().upper().encode() + b">"
