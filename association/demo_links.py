"""Demo news tied to the member cities it names and to the meetings it reports. This sits on top because it
joins three apps; it runs once, after their demo content, and keeps whatever links staff made since."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from association.models import Branch, Document
from core.media.pdf import render_pdf
from events.models import Event
from members import demo_calendar
from members.models import MemberCity
from news.models import Article
from publications.models import Issue, IssueEntry

# The demo articles that report a demo meeting: article slug -> (kind, key of the event's title in the calendar).
REPORTS = {
    "liaison-conference": (Event.Kind.LIAISON, "conference"),
    "congress": (Event.Kind.CONGRESS, "congress"),
    "notice-training": (Event.Kind.TRAINING, "training"),
}
# The news each periodical carries from the months it covers: periodical slug -> (section, categories, days covered).
PERIODICAL_NEWS = {
    "huikan": ("特稿", ["association-news", "meetings", "liaison-work"], 92),
    "jianbao": ("工作动态", ["liaison-work", "notices", "city-exchange"], 31),
}


# Each branch's member cities and its own news and meetings: branch slug -> (city slugs, article slugs, event titles).
BRANCH_CONTENT = {
    "women-mayors": (["liuzhou", "wuzhou", "baise"], ["women-mayors-forum"], []),
    "beibu-gulf-cities": (
        ["nanning", "beihai", "qinzhou", "fangchenggang", "yulin", "chongzuo", "dongxing"],
        ["beibu-gulf-port"],
        [],
    ),
    "urban-planning": (["nanning", "liuzhou", "guilin"], ["planning-seminar"], ["城市规划建设研讨会"]),
}


def load(log):
    _link_contents(log)
    _link_branches(log)
    if Article.related_cities.through.objects.exists() or Article.objects.filter(related_event__isnull=False).exists():
        log("news links to cities and meetings: kept")
        return
    cities = {city.name: city for city in MemberCity.objects.all()}
    for article in Article.objects.all():
        for name, city in cities.items():
            if name in article.title or name in article.summary:
                article.related_cities.add(city)
    titles = demo_calendar.titles()
    for slug, (kind, key) in REPORTS.items():
        event = Event.objects.filter(kind=kind, title=titles[key]).first()
        if event:
            Article.objects.filter(slug=slug).update(related_event=event)
    log(f"news linked to cities: {Article.objects.filter(related_cities__isnull=False).distinct().count()}")


def _link_contents(log):
    """Each issue carries the news published since the issue before it, first in its contents and in its PDF."""
    if IssueEntry.objects.filter(article__isnull=False).exists():
        log("periodical contents from the news: kept")
        return
    added = 0
    for slug, (section, categories, days) in PERIODICAL_NEWS.items():
        news = Article.objects.published().filter(category__slug__in=categories).order_by("publish_at")
        for issue in Issue.objects.filter(periodical__slug=slug):
            until = timezone.make_aware(datetime.datetime.combine(issue.published_on, datetime.time(0)))
            carried = list(news.filter(publish_at__gte=until - datetime.timedelta(days=days), publish_at__lt=until)[:6])
            if not carried:
                continue
            IssueEntry.objects.bulk_create(
                IssueEntry(issue=issue, section=section, title=article.title, author="秘书处", article=article)
                for article in carried
            )
            for order, entry in enumerate(issue.entries.order_by("-article_id", "order", "id")):
                entry.order, entry.page = order, 2 + 4 * order
                entry.save(update_fields=["order", "page"])
            lines = [f"{entry.section}：{entry.title}（{entry.author}）" for entry in issue.entries.all()]
            issue.file.save(issue.file.name.rsplit("/", 1)[-1], ContentFile(render_pdf(str(issue), lines)))
            added += len(carried)
    log(f"periodical contents from the news: {added}")


def _link_branches(log):
    """A branch's cities, news, meetings and one document, where staff have not given it any yet."""
    for slug, (cities, articles, events) in BRANCH_CONTENT.items():
        branch = Branch.objects.filter(slug=slug).first()
        if branch is None or branch.member_cities.exists():
            continue
        branch.member_cities.set(MemberCity.objects.filter(slug__in=cities))
        Article.objects.filter(slug__in=articles).update(branch=branch)
        Event.objects.filter(title__in=events).update(branch=branch)
    women = Branch.objects.filter(slug="women-mayors").first()
    if women and not women.documents.exists():
        forum = demo_calendar.day(demo_calendar.WOMEN_FORUM)  # the plan comes before the forum it announces
        issued = min(datetime.date(forum.year, 2, 20), forum - datetime.timedelta(days=30))
        title = f"女市长分会{forum.year}年工作要点"
        paragraphs = [
            f"一、办好{forum.year}年女市长论坛。",
            "二、组织赴东盟国家城市友好交流。",
            "三、编印儿童友好城市案例集。",
        ]
        document = Document(title=title, kind=Document.Kind.OTHER, issued_on=issued, branch=women)
        document.file.save("document.pdf", ContentFile(render_pdf(title, paragraphs)), save=False)
        document.save()
    log(f"branches' news: {Article.objects.filter(branch__isnull=False).count()}")
