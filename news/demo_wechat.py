"""The demo's article imported from the association's 公众号 (news/fixtures/wechat-article.html), with its three
photos, published: what an editor's import looks like to readers. The photos are drawn here, not downloaded."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from core.media import demo_images
from news.contributions import NEWS_EDITORS
from news.models import Article, Category
from news.wechat_import import wechat_import

PAGE = Path(__file__).parent / "fixtures" / "wechat-article.html"


def _drawn_photo(url, number):
    return ContentFile(demo_images.meeting_hall(400 + number), name=f"wechat-{number}.jpg")


def load(log):
    if Article.objects.exclude(wechat_key="").exists():
        log("WeChat import: kept")
        return
    # The secretariat's information office, who looks after the 公众号 (no password: not one of the demo logins).
    editor, created = get_user_model().objects.get_or_create(
        username="xinxibu", defaults={"is_staff": True, "first_name": "秘书处信息部"}
    )
    if created:
        editor.set_unusable_password()
        editor.save()
    editor.groups.add(Group.objects.get(name=NEWS_EDITORS))
    category = Category.objects.filter(parent__isnull=False).order_by("order", "pk").first()
    imported = wechat_import(
        category=category,
        by=get_user_model().objects.get(pk=editor.pk),
        html=PAGE.read_text(),
        fetch_photo=_drawn_photo,
    )
    Article.objects.filter(pk=imported.article.pk).update(status=Article.Status.PUBLISHED)
    log(f"WeChat import: {imported.article} with {imported.article.images.count()} photos")
