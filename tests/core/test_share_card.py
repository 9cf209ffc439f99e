"""Every kind of public content makes a share card: its title, a description and a 300×300 image, in the Open
Graph tags and as the body's first (hidden) image, where WeChat's in-app browser looks for it. Content with a photo
shares its own photo cropped square, made with its renditions; the rest share the association's emblem."""

import io
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from core import registry
from tests.factories import (
    ArticleFactory,
    DocumentFactory,
    EventFactory,
    IssueFactory,
    MemberCityFactory,
    NominationCallFactory,
    PageFactory,
    ResolutionFactory,
)
from tests.factories.files import png_file
from tests.html import parse

pytestmark = pytest.mark.django_db

# Each content type: its object (made with a photo where it can have one), the page that shows it, the card's title.
CONTENT = {
    "news.Article": lambda: _own(ArticleFactory(title="北海市举办城市更新论坛", cover=png_file(1200, 800)), "title"),
    "events.Event": lambda: _own(EventFactory(title="2027年会员大会", cover=png_file(1600, 900)), "display_title"),
    "publications.Issue": lambda: _own(IssueFactory(cover=png_file(600, 850)), "full_name"),
    "members.MemberCity": lambda: _own(MemberCityFactory(name="北海市"), "name"),
    "association.Page": lambda: _own(PageFactory(title="协会章程"), "title"),
    "association.Document": lambda: (DocumentFactory(), reverse("association:document_list"), None),
    "governance.Resolution": lambda: _own(ResolutionFactory(), None),
    "surveys.NominationCall": lambda: (NominationCallFactory(), reverse("awards:list"), None),
}


def _own(obj, title_attribute):
    return obj, obj.get_absolute_url().split("#")[0], str(getattr(obj, title_attribute)) if title_attribute else None


def image_bytes(url):
    path = urlsplit(url).path
    if path.startswith(settings.MEDIA_URL):
        with default_storage.open(path[len(settings.MEDIA_URL) :]) as file:
            return file.read()
    found = finders.find(path[len(settings.STATIC_URL) :])
    assert found, f"{url} is neither media nor a static file"
    with open(found, "rb") as file:
        return file.read()


def card(page):
    meta = {tag.get("property"): tag.get("content") for tag in page.find_all("meta") if tag.get("property")}
    body = page.find("body")
    first = next(element for element in body.iter() if element is not body)
    return meta, first


def test_every_content_type_is_checked_here():
    declared = {content_type.model for content_type in registry.content_types()} - {"toy.Policy"}
    assert declared == set(CONTENT)


@pytest.mark.parametrize("label", sorted(CONTENT))
def test_the_page_of_each_content_type_has_a_300_square_share_card(client, label):
    obj, url, title = CONTENT[label]()

    response = client.get(url)

    assert response.status_code == 200, url
    meta, first = card(parse(response.content))
    if title:
        assert meta["og:title"] == title
    assert (meta["og:image:width"], meta["og:image:height"]) == ("300", "300")
    assert meta["og:image"].startswith("http://testserver/")
    with Image.open(io.BytesIO(image_bytes(meta["og:image"]))) as image:
        assert image.size == (300, 300)
    assert first.tag == "img" and first.get("hidden") is not None
    assert urlsplit(meta["og:image"]).path == first["src"]
    picture = getattr(obj, "picture", None)
    if picture:  # its own photo, from our own renditions
        assert first["src"] == picture["share"] and first["src"].endswith("-share.jpeg")
    else:
        assert first["src"].endswith("img/share-card.png")


def test_a_photo_in_portrait_is_cropped_to_its_middle_square(client):
    article = ArticleFactory(cover=png_file(600, 1200))
    with default_storage.open(article.renditions["share"]) as file, Image.open(file) as image:
        assert image.size == (300, 300)


def test_the_home_page_shares_the_association(client, demo_data):
    meta, first = card(parse(client.get("/").content))
    assert meta["og:image"].endswith("img/share-card.png") and first["src"].endswith("img/share-card.png")
    assert meta["og:site_name"] and meta["og:title"] == meta["og:site_name"]
