import datetime

import factory

from api.models import ApiUsage
from insight.models import WorkReport
from tests.factories.news import ArticleFactory
from tests.factories.users import StaffUserFactory


class WorkReportFactory(factory.django.DjangoModelFactory):
    """A drafted report whose outline has no parts (insight.report.report_from reads it back)."""

    class Meta:
        model = WorkReport

    year = 2025
    article = factory.SubFactory(ArticleFactory, status="draft")
    generated_by = factory.SubFactory(StaffUserFactory)
    outline = factory.LazyAttribute(
        lambda report: {"year": report.year, "title": f"{report.year}年度工作报告", "summary": "", "sections": []}
    )


class ApiUsageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApiUsage

    day = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    requests = 500
