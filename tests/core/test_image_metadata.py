"""No served image carries EXIF: a photo uploaded with its camera, time and GPS position is stored (original and
renditions) without them, turned upright as its orientation said; images stored before are cleaned by a command."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from news.models import ArticleImage
from tests.factories import ArticleFactory, MandateFactory, SuperUserFactory

pytestmark = pytest.mark.django_db


def photo_with_gps(name="IMG_0001.jpg", orientation=6):
    exif = Image.Exif()
    exif[271], exif[272], exif[0x0112] = "Canon", "EOS R5", orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (22.0, 49.0, 10.0), "E", (108.0, 20.0, 5.0)
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (200, 30, 30)).save(buffer, format="JPEG", exif=exif)
    return ContentFile(buffer.getvalue(), name=name)


def metadata_of(field_file_or_name, storage=None):
    handle = storage.open(field_file_or_name) if storage else field_file_or_name.open("rb")
    with handle, Image.open(handle) as image:
        return dict(image.getexif()), image.size


def test_a_photo_uploaded_in_the_admin_is_stored_without_camera_or_position(client):
    client.force_login(SuperUserFactory())
    article = ArticleFactory()
    response = client.post(
        f"/admin/news/article/{article.pk}/change/",
        {
            "title": article.title,
            "category": article.category_id,
            "body": "<p>正文</p>",
            "publish_at_0": "2026-11-01",
            "publish_at_1": "09:00:00",
            "tags": "",
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "0",
            "images-0-image": photo_with_gps(),
            "images-0-alt_text": "会场",
            "images-0-order": "0",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    photo = ArticleImage.objects.get()
    exif, size = metadata_of(photo.image)
    assert exif == {} and size == (400, 600)  # upright: the camera was held on its side
    for rendition in photo.renditions["sizes"]:
        assert metadata_of(rendition["jpeg"], photo.image.storage)[0] == {}


def test_every_image_field_is_cleaned_when_saved():
    leader = MandateFactory(photo=photo_with_gps("portrait.jpg", orientation=1))
    assert metadata_of(leader.photo) == ({}, (600, 400))


def test_images_stored_before_are_cleaned_by_a_command():
    leader = MandateFactory()
    stored = default_storage.save("leaders/old.jpg", photo_with_gps())
    type(leader).objects.filter(pk=leader.pk).update(photo=stored)  # as uploads were kept until now
    assert metadata_of(stored, default_storage)[0] != {}
    out = io.StringIO()
    call_command("clean_image_metadata", stdout=out)
    leader.refresh_from_db()
    assert metadata_of(leader.photo)[0] == {} and "1 image" in out.getvalue()
