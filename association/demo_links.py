"""Demo news tied to the member cities it names and to the meetings it reports. This sits on top because it
joins three apps; it runs once, after their demo content, and keeps whatever links staff made since."""

from events.models import Event
from members.models import MemberCity
from news.models import Article
from publications.models import IssueEntry

# The demo articles that report a demo meeting: article slug -> (kind, title) of the event.
REPORTS = {
    "liaison-conference-2026": (Event.Kind.LIAISON, "2026年全区市长协会联络工作会议"),
    "congress-2026": (Event.Kind.CONGRESS, "2026年会员大会"),
}


def load(log):
    _link_contents(log)
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
