"""Publications: periodicals, their issues and tables of contents."""

import datetime

import factory

from publications.models import Issue, IssueEntry, Periodical
from tests.factories.files import PDF_BYTES


class PeriodicalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Periodical

    name = factory.Sequence(lambda n: f"会刊{n}")
    slug = factory.Sequence(lambda n: f"periodical-{n}")
    frequency = Periodical.Frequency.QUARTERLY


class IssueFactory(factory.django.DjangoModelFactory):
    """A published issue with a public PDF; `draft=True` for one not yet out, `members_only=True` for a PDF only
    liaison officers and staff may download."""

    class Meta:
        model = Issue

    periodical = factory.SubFactory(PeriodicalFactory)
    year = 2026
    number = factory.Sequence(lambda n: n + 1)
    title = "城市更新专刊"
    summary = "本期聚焦城市更新。"
    published_on = datetime.date(2026, 3, 15)
    file = factory.django.FileField(filename="issue.pdf", data=PDF_BYTES)
    status = Issue.Status.PUBLISHED

    class Params:
        draft = factory.Trait(status=Issue.Status.DRAFT)
        members_only = factory.Trait(visibility=Issue.Visibility.MEMBERS)


class IssueEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssueEntry

    issue = factory.SubFactory(IssueFactory)
    section = "特稿"
    title = factory.Sequence(lambda n: f"城市更新的经验（{n}）")
    author = "秘书处"
    page = factory.Sequence(lambda n: n + 2)
    order = factory.Sequence(lambda n: n)
