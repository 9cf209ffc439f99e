"""File contents the factories and tests upload: a real PDF and real images (core.media.uploads checks the content)."""

import io

from django.core.files.base import ContentFile
from PIL import Image

# A small but well-formed one-page PDF.
PDF_BYTES = (
    b"%PDF-1.4\n"
    b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
    b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n"
)


def pdf_file(name="document.pdf", content=PDF_BYTES):
    return ContentFile(content, name=name)


def png_file(width=1200, height=800, name="photo.png"):
    """A real PNG of the given size (validate_image opens it with Pillow)."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (180, 40, 40)).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)
