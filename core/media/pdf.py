"""A small PDF writer for Chinese text: pages of text placed by position, lines, boxes and QR codes.

It uses the standard Adobe-GB1 font STSong-Light, which PDF readers supply themselves (poppler needs its
poppler-data package), so nothing is embedded and the files stay small. `render_pdf` makes a plain document of
paragraphs; `Page` and `document` lay out forms such as notices, receipts and certificates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import qrcode

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 60
FONT_SIZE = 12
LEADING = 20


def text_width(text: str, size: float) -> float:
    """Width in points: CJK characters are a full em, the rest half (the font's /W widths)."""
    return sum(0.5 if ord(char) < 0x2E80 else 1.0 for char in text) * size


def wrap(paragraph: str, width: float, size: float = FONT_SIZE) -> list[str]:
    lines: list[str] = []
    line = ""
    for char in paragraph:
        if text_width(line + char, size) > width and line:
            lines.append(line)
            line = ""
        line += char
    lines.append(line)
    return lines


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


class Page:
    """One page; y is measured from the bottom edge, in points."""

    def __init__(self, width: int = PAGE_WIDTH, height: int = PAGE_HEIGHT) -> None:
        self.width, self.height = width, height
        self.ops: list[str] = []

    def text(self, x: float, y: float, text: str, size: float = FONT_SIZE, align: str = "left") -> None:
        if not text:
            return
        if align == "center":
            x -= text_width(text, size) / 2
        elif align == "right":
            x -= text_width(text, size)
        self.ops.append(f"BT /F1 {size} Tf {x:.1f} {y:.1f} Td <{_hex(text)}> Tj ET")

    def paragraph(self, x: float, y: float, text: str, width: float, size: float = FONT_SIZE) -> float:
        """Wrapped text from (x, y) downwards; returns the y below it."""
        for line in wrap(text, width, size):
            self.text(x, y, line, size)
            y -= size * 1.6
        return y

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.6) -> None:
        self.ops.append(f"{width} w {x1:.1f} {y1:.1f} m {x2:.1f} {y2:.1f} l S")

    def box(self, x: float, y: float, w: float, h: float, width: float = 0.6) -> None:
        self.ops.append(f"{width} w {x:.1f} {y:.1f} {w:.1f} {h:.1f} re S")

    def qr(self, x: float, y: float, side: float, data: str) -> None:
        """A QR code of `data` with its lower left corner at (x, y), drawn as filled squares (runs per row)."""
        code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(data)
        matrix = code.get_matrix()
        module = side / len(matrix)
        rects = []
        for row, cells in enumerate(matrix):
            top = y + side - (row + 1) * module
            start = None
            for column, dark in enumerate([*cells, False]):
                if dark and start is None:
                    start = column
                elif not dark and start is not None:
                    rects.append(f"{x + start * module:.2f} {top:.2f} {(column - start) * module:.2f} {module:.2f} re")
                    start = None
        self.ops.append("0 g " + " ".join(rects) + " f")


def document(pages: Sequence[Page], title: str = "") -> bytes:
    objects: list[bytes | None] = []

    def add(body: bytes | None) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_id = add(None)
    font_descriptor = add(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
    )
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>"
        b" /FontDescriptor %d 0 R /DW 1000 /W [1 95 500] >>" % font_descriptor
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        b" /DescendantFonts [%d 0 R] >>" % cid_font
    )
    page_ids: list[int] = []
    for page in pages:
        stream = "\n".join(page.ops).encode("ascii")
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R >> >>"
                b" /Contents %d 0 R >>" % (pages_id, page.width, page.height, font, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    info = add(b"<< /Title <FEFF%s> /Producer (portal) >>" % _hex(title).encode("ascii")) if title else None

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    output += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(output)


def render_pdf(title: str, paragraphs: Iterable[str]) -> bytes:
    """A4 pages: the title centred in large type, then the paragraphs, each first line indented."""
    width = PAGE_WIDTH - 2 * MARGIN - FONT_SIZE
    lines: list[tuple[str, str]] = [("title", title), ("text", "")]
    for paragraph in paragraphs:
        lines.extend(("text", line) for line in wrap(("　　" if paragraph else "") + paragraph, width))
    per_page = (PAGE_HEIGHT - 2 * MARGIN) // LEADING
    pages = []
    for number, start in enumerate(range(0, len(lines), per_page), start=1):
        page = Page()
        y = PAGE_HEIGHT - MARGIN
        for kind, text in lines[start : start + per_page]:
            if kind == "title":
                page.text(PAGE_WIDTH / 2, y, text, 18, align="center")
            else:
                page.text(MARGIN, y, text)
            y -= LEADING
        page.text(PAGE_WIDTH / 2, 30, f"- {number} -", 9, align="center")
        pages.append(page)
    return document(pages)
