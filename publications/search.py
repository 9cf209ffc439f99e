"""Periodical issues in the site-wide search: the issue's name, theme and table of contents."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n.translation import content_languages, value_in
from core.search import registry
from core.search.sources import Item, in_every_language, join, midnight
from publications.models import Issue, IssueEntry, Periodical


def _contents(issue, language=None):
    return join(*(value_in(entry, "title", language) for entry in issue.entries.all()))


def issue_item(issue):
    if issue.status != Issue.Status.PUBLISHED:
        return None
    name = f"《{issue.periodical.name}》{issue.year}年第{issue.number}期"
    return Item(
        key=f"{issue.periodical.slug}/{issue.year}/{issue.number}",
        title=join(name, issue.title).replace("\n", " · "),
        text=join(issue.summary, _contents(issue)),
        translations={
            language: (
                f"{value_in(issue.periodical, 'name', language) or issue.periodical.name}, "
                f"No. {issue.number}, {issue.year}",
                join(value_in(issue, "summary", language), _contents(issue, language)),
            )
            for language in content_languages()
        },
        date=midnight(issue.published_on),
        visible_from=midnight(issue.published_on),
        weighted=[
            ("A", join(name, in_every_language(issue, "title"), in_every_language(issue.periodical, "name"))),
            ("B", in_every_language(issue, "summary")),
            ("C", join(*(in_every_language(entry, "title") for entry in issue.entries.all()))),
        ],
    )


def register():
    registry.register(
        registry.SearchKind(
            name="issue",
            label=_("Publications"),
            model=Issue,
            position=35,
            item=issue_item,
            queryset=lambda: (
                Issue.objects.filter(status=Issue.Status.PUBLISHED)
                .select_related("periodical")
                .prefetch_related("entries")
            ),
            url=lambda key: reverse("publications:issue", args=key.split("/")),
            dependents={
                IssueEntry: lambda entry: Issue.objects.filter(pk=entry.issue_id),
                Periodical: lambda periodical: periodical.issues.all(),
            },
        )
    )
