"""Demo news tied to the member cities it names and to the meetings it reports. This sits on top because it
joins three apps; it runs once, after their demo content, and keeps whatever links staff made since."""

import datetime

from django.core.files.base import ContentFile

from association.models import Branch, Document
from core.media.pdf import render_pdf
from events.models import Event
from members.models import MemberCity
from news.models import Article
from publications.models import IssueEntry

# The demo articles that report a demo meeting: article slug -> (kind, title) of the event.
REPORTS = {
    "liaison-conference-2026": (Event.Kind.LIAISON, "2026年全区市长协会联络工作会议"),
    "congress-2026": (Event.Kind.CONGRESS, "2026年会员大会"),
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
    for slug, (kind, title) in REPORTS.items():
        event = Event.objects.filter(kind=kind, title=title).first()
        if event:
            Article.objects.filter(slug=slug).update(related_event=event)
    log(f"news linked to cities: {Article.objects.filter(related_cities__isnull=False).distinct().count()}")


def _link_contents(log):
    """An issue's contents link to the article of the same title, where the site has one."""
    articles = dict(Article.objects.published().values_list("title", "pk"))
    entries = [entry for entry in IssueEntry.objects.filter(article__isnull=True) if entry.title in articles]
    for entry in entries:
        entry.article_id = articles[entry.title]
    IssueEntry.objects.bulk_update(entries, ["article"])
    log(f"periodical contents linked to articles: {len(entries)}")


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
        title = "女市长分会2026年工作要点"
        paragraphs = ["一、办好2026年女市长论坛。", "二、组织赴东盟国家城市友好交流。", "三、编印儿童友好城市案例集。"]
        document = Document(title=title, kind=Document.Kind.OTHER, issued_on=datetime.date(2026, 2, 20), branch=women)
        document.file.save("document.pdf", ContentFile(render_pdf(title, paragraphs)), save=False)
        document.save()
    log(f"branches' news: {Article.objects.filter(branch__isnull=False).count()}")
