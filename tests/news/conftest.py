import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from PIL import Image

from news.models import Article, Category


def png_file(width=1200, height=800, name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (180, 40, 40)).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


@pytest.fixture
def category(db):
    parent = Category.objects.create(name="城市交流", slug="city-exchange", order=1, show_on_home=True)
    return Category.objects.create(name="联络工作", slug="liaison-work", parent=parent, order=2)


@pytest.fixture
def make_article(category):
    def make(**fields):
        fields.setdefault("title", "联络员工作会议在北海召开")
        fields.setdefault("category", category)
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("body", "<p>正文</p>")
        return Article.objects.create(**fields)

    return make


def _staff(username, *groups):
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(db):
    return _staff("editor", "news editors")


@pytest.fixture
def reviewer(db):
    return _staff("reviewer", "news reviewers")
