"""Media and documents in S3-compatible storage (django-storages against moto's server): photos and their
renditions land in the public bucket and readers fetch them from its public address; members-only documents land in
the private bucket, which nobody reads without credentials, and the portal streams them to those allowed."""

import io
import urllib.error
import urllib.request

import pytest
from django.conf import settings as django_settings
from PIL import Image

from config.settings.base import s3_storage
from tests.factories import ArticleImageFactory, DocumentFactory
from tests.stack.processes import S3Server


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    if not S3Server.binary().exists():
        pytest.skip("needs moto's server (requirements-dev.txt)")
    server = S3Server(tmp_path_factory.mktemp("s3")).start()
    yield server
    server.stop()


@pytest.fixture
def s3(settings, s3_server, monkeypatch):
    for name, value in s3_server.env().items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {
        **django_settings.STORAGES,
        "default": s3_storage(
            s3_server.MEDIA_BUCKET,
            endpoint_url=s3_server.url,
            querystring_auth=False,
            custom_domain=f"127.0.0.1:{s3_server.port}/{s3_server.MEDIA_BUCKET}",
            url_protocol="http:",
        ),
        "documents": s3_storage(
            s3_server.DOCUMENTS_BUCKET, endpoint_url=s3_server.url, querystring_auth=True, default_acl="private"
        ),
    }
    return s3_server


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


@pytest.mark.django_db
def test_a_photo_and_its_renditions_are_stored_in_the_bucket_and_read_from_its_public_address(s3):
    photo = ArticleImageFactory()
    keys = s3.keys(s3.MEDIA_BUCKET)
    assert photo.image.name in keys
    assert all(size["jpeg"] in keys and size["webp"] in keys for size in photo.renditions["sizes"])

    src = photo.picture["src"]
    assert src.startswith(f"{s3.url}/{s3.MEDIA_BUCKET}/") and "Signature" not in src
    with Image.open(io.BytesIO(fetch(src))) as image:  # anyone may read it, without credentials
        assert image.format == "JPEG" and image.width == 800


@pytest.mark.django_db
def test_a_members_only_document_is_private_in_its_bucket_and_streamed_to_officers(s3, client, liaison_officer):
    document = DocumentFactory(members_only=True)
    assert document.file.name in s3.keys(s3.DOCUMENTS_BUCKET)
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(f"{s3.url}/{s3.DOCUMENTS_BUCKET}/{document.file.name}")
    assert refused.value.code == 403

    assert client.get(f"/documents/{document.pk}/download/").status_code == 302  # to the sign-in page
    client.force_login(liaison_officer)
    response = client.get(f"/documents/{document.pk}/download/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
