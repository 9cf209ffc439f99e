"""Importing a WeChat official-account article as a draft: from its address (fetched here, within WeChat's article
host only) or from its saved page. Its photos are downloaded from WeChat's image hosts, validated like every upload,
kept as the article's own photos (with renditions and captions) where they stood in the text; the body passes the
same sanitiser and spam rules as every article's. The same article imported again names the existing draft."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from core.media.uploads import validate_image
from core.web import outbound
from news import wechat
from news.models import Article, ArticleImage
from news.services import body_images_place

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from news.models import Category

MARKER = re.compile(r'<img data-wechat="(\d+)">')
ALONE = re.compile(r'^<img data-wechat="(\d+)">$', re.MULTILINE)
IMAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}


@dataclass(frozen=True)
class Imported:
    article: Article
    created: bool  # False: the article had been imported before, and this is that draft


def fetch_page(url: str) -> str:
    """The article's page from WeChat's article host (https only); ValidationError says why not."""
    try:
        fetched = outbound.fetch(
            url,
            hosts=settings.WECHAT_ARTICLE_HOSTS,
            schemes=settings.WECHAT_SCHEMES,
            max_bytes=settings.WECHAT_MAX_PAGE_BYTES,
            timeout=settings.WECHAT_TIMEOUT_SECONDS,
            accept=("text/html",),
        )
    except outbound.Refused as refused:
        raise ValidationError({"url": str(refused)}) from None
    return fetched.body.decode("utf-8", errors="replace")


def _photo_file(url: str, number: int) -> ContentFile[bytes]:
    if url.startswith("http://") and "http" not in settings.WECHAT_SCHEMES:
        url = "https://" + url[len("http://") :]  # WeChat serves its photos on https too
    try:
        fetched = outbound.fetch(
            url,
            hosts=settings.WECHAT_IMAGE_HOSTS,
            schemes=settings.WECHAT_SCHEMES,
            max_bytes=settings.WECHAT_MAX_IMAGE_BYTES,
            timeout=settings.WECHAT_TIMEOUT_SECONDS,
            accept=("image/",),
        )
    except outbound.Refused as refused:
        raise ValidationError(_("Photo %(number)s: %(reason)s") % {"number": number, "reason": refused}) from None
    extension = IMAGE_TYPES.get(fetched.content_type, "jpg")
    photo = ContentFile(fetched.body, name=f"wechat-{number}.{extension}")
    try:
        validate_image(photo)
    except ValidationError as error:
        raise ValidationError(
            _("Photo %(number)s: %(reason)s") % {"number": number, "reason": " ".join(error.messages)}
        ) from None
    return photo


def _key(parsed: wechat.WechatArticle) -> str:
    """WeChat's id of the article, or a fingerprint of its account and title for a saved page that lost it."""
    if parsed.key:
        return parsed.key
    return "sha256:" + hashlib.sha256(f"{parsed.account}\n{parsed.title}".encode()).hexdigest()[:40]


def wechat_import(
    *,
    category: Category,
    by: User,
    html: str = "",
    url: str = "",
    fetch_photo: Callable[[str, int], ContentFile[bytes]] = _photo_file,
) -> Imported:
    """A draft article from a WeChat article: fetched from `url`, or read from its saved page `html`. Each photo is
    downloaded by `fetch_photo(address, number)` (the demo draws its own)."""
    if not by.has_perm("news.add_article"):
        raise PermissionDenied(_("You may not write articles."))
    if not html:
        html = fetch_page(url)
    try:
        parsed = wechat.parse(html, url)
    except ValueError:
        raise ValidationError(_("This is not a WeChat article page: it has no article title and text.")) from None
    key = _key(parsed)
    existing = Article.objects.filter(wechat_key=key).first()
    if existing is not None:
        return Imported(existing, created=False)
    if len(parsed.photos) > settings.WECHAT_MAX_IMAGES:
        raise ValidationError(
            _("The article has %(count)s photos; at most %(most)s are imported.")
            % {"count": len(parsed.photos), "most": settings.WECHAT_MAX_IMAGES}
        )
    files = [fetch_photo(photo.url, number) for number, photo in enumerate(parsed.photos, start=1)]
    with transaction.atomic():
        photos = [
            ArticleImage.objects.create(
                image=file,
                alt_text=(photo.caption or parsed.title)[:200],
                caption=photo.caption[:300],
                uploaded_by=by,
                order=number,
            )
            for number, (file, photo) in enumerate(zip(files, parsed.photos, strict=True))
        ]

        def placed(match: re.Match[str]) -> str:
            photo = photos[int(match.group(1))]
            return f'<img src="{photo.image.url}" data-file="{photo.pk}" alt="{escape(photo.alt_text)}">'

        body = ALONE.sub(lambda match: f"<p>{placed(match)}</p>", parsed.body)  # a photo between paragraphs

        article = Article(
            title=parsed.title[:200],
            summary=parsed.summary,
            body=MARKER.sub(placed, body),
            category=category,
            source=parsed.account[:100],
            author=parsed.author[:100],
            status=Article.Status.DRAFT,
            created_by=by,
            wechat_key=key,
        )
        if parsed.published_at is not None:
            article.publish_at = parsed.published_at
        article.full_clean(exclude=["slug"])  # the spam rules, as for every article
        article._change_reason = _("imported from WeChat")  # type: ignore[attr-defined]
        article.save()
        body_images_place(article=article)
    return Imported(article, created=True)


def wechat_import_published(*, category: Category, by: User, article_id: str, index: int) -> Imported:
    """A draft from an article the association's own account published, read through WeChat's API."""
    from core import site
    from news import wechat_api

    if not by.has_perm("news.add_article"):
        raise PermissionDenied(_("You may not write articles."))
    try:
        item = wechat_api.published_article(article_id, index)
    except wechat_api.WechatApiError as error:
        raise ValidationError(str(error)) from None
    existing = Article.objects.filter(wechat_key=item.key).first()
    if existing is not None:
        return Imported(existing, created=False)
    association = site.profile()
    account = settings.WECHAT_ACCOUNT_NAME or getattr(association, "name", "")
    return wechat_import(category=category, by=by, html=wechat_api.as_page(item, account), url=item.url)
