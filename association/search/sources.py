"""What each searchable model puts in the index: its title, weighted texts (A title, B summary,
C body) and the facts the search filters on. An item no one may find yields None."""

import html
from dataclasses import dataclass, field
from datetime import datetime, time

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import override

from association.models import Document
from events.models import Event
from members.models import MemberCity
from news.models import Article

SNIPPET_SOURCE_LENGTH = 3000


@dataclass
class Item:
    kind: str
    key: str
    title: str
    title_en: str = ""
    text: str = ""
    text_en: str = ""
    category_id: int | None = None
    date: datetime | None = None
    visible_from: datetime | None = None
    members_only: bool = False
    weighted: list = field(default_factory=list)

    def __post_init__(self):
        self.text = self.text[:SNIPPET_SOURCE_LENGTH]
        self.text_en = self.text_en[:SNIPPET_SOURCE_LENGTH]


def _plain(markup):
    """Rich text as a reader sees it: no tags, entities decoded (&amp; is &)."""
    return html.unescape(strip_tags(markup))


def _join(*parts):
    return "\n".join(part for part in parts if part)


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None


def article(article):
    if article.status != Article.Status.PUBLISHED:
        return None
    body, body_en = _plain(article.body), _plain(article.body_en)
    return Item(
        kind="article", key=str(article.pk), title=article.title, title_en=article.title_en,
        text=_join(article.summary, body), text_en=_join(article.summary_en, body_en), category_id=article.category_id,
        date=article.publish_at, visible_from=article.publish_at,
        weighted=[("A", _join(article.title, article.subtitle, article.title_en)),
                  ("B", _join(article.summary, article.summary_en)), ("C", _join(body, body_en))],
    )


def event(event):
    if event.status == Event.Status.DRAFT:
        return None
    with override("zh-hans"):
        title = event.display_title
    with override("en"):
        title_en = event.display_title if event.title_en or (event.series and event.series.name_en) else ""
    return Item(
        kind="event", key=str(event.pk), title=title, title_en=title_en, text=event.description,
        text_en=event.description_en, date=event.starts_at,
        weighted=[("A", _join(title, title_en)),
                  ("B", _join(event.venue, event.venue_en, *((event.host_city.name, event.host_city.name_en)
                                                             if event.host_city else ()))),
                  ("C", _join(event.description, event.description_en))],
    )


def city(city):
    if city.status == MemberCity.Status.LEFT:
        return None
    return Item(
        kind="city", key=city.slug, title=city.name, title_en=city.name_en, text=city.introduction,
        text_en=city.introduction_en, date=_midnight(city.joined_on),
        weighted=[("A", _join(city.name, city.name_en)), ("B", _join(city.region.name, city.region.name_en)),
                  ("C", _join(city.introduction, city.introduction_en))],
    )


def document(document):
    return Item(
        kind="document", key=str(document.pk), title=document.title, title_en=document.title_en,
        text=document.description, text_en=document.description_en,
        date=_midnight(document.issued_on), members_only=document.visibility == Document.Visibility.MEMBERS,
        weighted=[("A", _join(document.title, document.title_en)), ("B", document.get_kind_display()),
                  ("C", _join(document.description, document.description_en))],
    )


SOURCES = {Article: article, Event: event, MemberCity: city, Document: document}
KINDS = {Article: "article", Event: "event", MemberCity: "city", Document: "document"}
QUERYSETS = {
    Article: lambda: Article.objects.filter(status=Article.Status.PUBLISHED),
    Event: lambda: Event.objects.published().select_related("series", "host_city"),
    MemberCity: lambda: MemberCity.objects.members().select_related("region"),
    Document: lambda: Document.objects.all(),
}
