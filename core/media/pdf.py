"""A minimal PDF writer for Chinese text, used to make demo documents without extra dependencies.

It uses the standard Adobe-GB1 font STSong-Light, which PDF readers supply themselves,
so nothing is embedded and the files stay small.
"""

from collections.abc import Iterable

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 60
FONT_SIZE = 12
LEADING = 20


def _width(char: str) -> float:
    return 0.5 if ord(char) < 0x2E80 else 1.0


def _wrap(paragraph: str, limit: float) -> list[str]:
    lines: list[str] = []
    line, used = "", 0.0
    for char in paragraph:
        if used + _width(char) > limit:
            lines.append(line)
            line, used = "", 0.0
        line += char
        used += _width(char)
    lines.append(line)
    return lines


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def render_pdf(title: str, paragraphs: Iterable[str]) -> bytes:
    """A4 pages: the title centred in large type, then the paragraphs, each first line indented."""
    chars_per_line = (PAGE_WIDTH - 2 * MARGIN) / FONT_SIZE - 1
    lines = [("title", title), ("text", "")]
    for paragraph in paragraphs:
        for _index, line in enumerate(_wrap(("　　" if paragraph else "") + paragraph, chars_per_line)):
            lines.append(("text", line))
    per_page = (PAGE_HEIGHT - 2 * MARGIN) // LEADING
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]

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
    for number, page_lines in enumerate(pages, start=1):
        y = PAGE_HEIGHT - MARGIN
        ops: list[str] = []
        for kind, text in page_lines:
            if kind == "title":
                size = 18
                x = (PAGE_WIDTH - sum(_width(c) for c in text) * size) / 2
                ops.append(f"BT /F1 {size} Tf {x:.1f} {y} Td <{_hex(text)}> Tj ET")
            elif text:
                ops.append(f"BT /F1 {FONT_SIZE} Tf {MARGIN} {y} Td <{_hex(text)}> Tj ET")
            y -= LEADING
        footer = f"- {number} -"
        ops.append(f"BT /F1 9 Tf {PAGE_WIDTH / 2 - 12} 30 Td <{_hex(footer)}> Tj ET")
        stream = "\n".join(ops).encode("ascii")
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R >> >>"
                b" /Contents %d 0 R >>" % (pages_id, PAGE_WIDTH, PAGE_HEIGHT, font, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(output)
