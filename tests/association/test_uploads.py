"""Upload checks: the content of a file decides, never its name alone."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.media.uploads import validate_document, validate_image
from tests.factories import PDF_BYTES


def image_bytes(image_format, size=(20, 10), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, "red").save(buffer, format=image_format)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def error_code(validator, file):
    with pytest.raises(ValidationError) as error:
        validator(file)
    assert error.value.messages[0]
    return error.value.code


def png_header_only(width, height):
    """A PNG signature and header announcing width x height, with no pixel data behind it."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    "name, image_format", [("photo.png", "PNG"), ("photo.jpg", "JPEG"), ("photo.webp", "WEBP"), ("photo.gif", "GIF")]
)
def test_real_images_are_accepted(name, image_format):
    file = upload(name, image_bytes(image_format))

    validate_image(file)

    assert file.tell() == 0  # left ready to be saved


def test_an_image_is_judged_by_its_content_not_its_name():
    validate_image(upload("photo.png", image_bytes("JPEG")))


def test_a_text_file_named_png_is_rejected():
    assert error_code(validate_image, upload("photo.png", b"just some text, not an image\n")) == "invalid_image"


def test_an_svg_is_rejected():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'

    assert error_code(validate_image, upload("emblem.svg", svg)) == "invalid_image"


def test_a_truncated_image_is_rejected():
    assert error_code(validate_image, upload("photo.png", image_bytes("PNG")[:40])) == "invalid_image"


@pytest.mark.parametrize("image_format", ["BMP", "TIFF"])
def test_readable_images_of_other_formats_are_rejected(image_format):
    assert error_code(validate_image, upload("photo.png", image_bytes(image_format))) == "image_format"


def test_an_image_over_the_pixel_limit_is_rejected(settings):
    settings.IMAGE_MAX_PIXELS = 100

    assert error_code(validate_image, upload("photo.png", image_bytes("PNG", size=(20, 10)))) == "image_pixels"


def test_an_image_at_the_pixel_limit_is_accepted(settings):
    settings.IMAGE_MAX_PIXELS = 200

    validate_image(upload("photo.png", image_bytes("PNG", size=(20, 10))))


def test_a_decompression_bomb_is_rejected_without_being_decoded():
    assert error_code(validate_image, upload("bomb.png", png_header_only(30_000, 30_000))) == "invalid_image"


def test_an_image_over_the_byte_limit_is_rejected(settings):
    settings.IMAGE_MAX_BYTES = 100

    assert error_code(validate_image, upload("photo.png", image_bytes("PNG", size=(200, 200)))) == "image_too_large"


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", PDF_BYTES),
        ("REPORT.PDF", PDF_BYTES),
        ("form.docx", b"PK\x03\x04" + b"\x00" * 100),
        ("old-form.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("notes.txt", "联络工作办法\n第一条".encode()),
    ],
)
def test_documents_whose_content_matches_their_type_are_accepted(name, content):
    file = upload(name, content)

    validate_document(file)

    assert file.tell() == 0


@pytest.mark.parametrize(
    "name", ["setup.exe", "page.html", "emblem.svg", "script.js", "no-extension", "report.pdf.exe"]
)
def test_documents_of_other_types_are_rejected(name):
    assert error_code(validate_document, upload(name, b"MZ\x90\x00")) == "document_type"


def test_a_pdf_whose_content_is_not_pdf_is_rejected():
    assert error_code(validate_document, upload("report.pdf", b"<html>not a pdf</html>")) == "document_content"


def test_an_executable_renamed_docx_is_rejected():
    assert error_code(validate_document, upload("form.docx", b"MZ\x90\x00" + b"\x00" * 60)) == "document_content"


def test_an_empty_document_is_rejected():
    assert error_code(validate_document, upload("report.pdf", b"")) == "document_empty"


def test_a_document_over_the_size_limit_is_rejected(settings):
    settings.DOCUMENT_MAX_BYTES = 100

    assert error_code(validate_document, upload("report.pdf", PDF_BYTES)) == "document_too_large"


def test_a_txt_file_that_is_not_utf8_is_rejected():
    gbk = "联络工作办法：第一条　为加强联系，制定本办法。".encode("gbk")

    assert error_code(validate_document, upload("notes.txt", gbk)) == "document_content"


def test_a_txt_file_ending_in_bytes_that_are_not_utf8_is_rejected():
    # The whole file was read: nothing was cut, so the bad bytes at its end are not half a character.
    assert error_code(validate_document, upload("notes.txt", b"Work report 2025: \xd6\xd0")) == "document_content"


def test_a_long_utf8_txt_file_cut_inside_a_character_by_the_sample_is_accepted():
    content = b"ab" + "联".encode() * 2000
    with pytest.raises(UnicodeDecodeError):
        content[:4096].decode("utf-8")  # the sample the validator reads ends inside a character

    validate_document(upload("notes.txt", content))
