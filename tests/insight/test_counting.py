"""What the figures count from: API requests counted in the cache and recorded by a job (a request is answered
with the cache gone), reads added up per month by the views' flush, numbers written for Chinese readers, and the
figures generation, which only changes that touch what figures count start."""

import datetime
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone, translation

from api import usage
from api.models import ApiUsage
from core.backoffice import figures
from core.templatetags.portal import figure_number
from news import services as news_services
from news.models import ReadsByMonth
from tests.factories import ArticleFactory, ArticleViewFactory, OutgoingEmailFactory

pytestmark = pytest.mark.django_db


def test_api_requests_are_counted_and_recorded_once(client):
    for _ in range(3):
        client.get("/api/v1/news/")
    client.get("/news/")  # not the API
    assert usage.record() == 3
    assert ApiUsage.objects.get(day=timezone.localdate()).requests == 3
    assert usage.record() == 0  # moved, not copied
    client.get("/api/v1/events/")
    usage.record()
    assert ApiUsage.objects.get(day=timezone.localdate()).requests == 4


def test_an_api_request_is_answered_with_the_cache_gone(client, monkeypatch):
    class Gone:
        def add(self, *args, **kwargs):
            raise ConnectionError("Redis is down")

        incr = add

    monkeypatch.setattr(usage, "_cache", Gone)
    assert client.get("/api/v1/news/").status_code == 200


def test_the_views_flush_adds_up_the_months_reads(category):
    article = ArticleFactory(category=category, status="published")
    ArticleViewFactory.create_batch(4, article=article)
    assert news_services.view_counts_flush() == 4
    ArticleViewFactory.create_batch(2, article=article)
    news_services.view_counts_flush()
    month = timezone.localdate().replace(day=1)
    assert ReadsByMonth.objects.get(month=month).views == 6
    article.refresh_from_db()
    assert article.view_count == 6


@pytest.mark.parametrize(
    "value, chinese, english",
    [
        (0, "0", "0"),
        (9999, "9999", "9,999"),
        (10000, "1万", "10,000"),
        (123456, "12.35万", "123,456"),
        (100000000, "1亿", "100,000,000"),
        (Decimal("250000000.00"), "2.5亿", "250,000,000"),
        (Decimal("1234.56"), "1234.56", "1,234.56"),
        (Decimal("-25000.00"), "-2.5万", "-25,000"),
    ],
)
def test_numbers_are_written_in_wan_and_yi_for_chinese_readers(value, chinese, english):
    with translation.override("zh-hans"):
        assert figure_number(value) == chinese
    with translation.override("en"):
        assert figure_number(value) == english


def test_only_changes_to_what_figures_count_start_a_new_generation(django_capture_on_commit_callbacks):
    current = figures.generation()
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory()
    changed = figures.generation()
    assert changed != current  # the article
    with django_capture_on_commit_callbacks(execute=True):
        ArticleViewFactory(article=article)
        OutgoingEmailFactory()
    assert figures.generation() == changed  # a read and an e-mail count in no figure


def test_a_period_is_read_from_the_query_or_given_by_default():
    default = figures.Period.last_years(3, today=datetime.date(2026, 5, 1))
    assert default == figures.Period(2024, 2026) and str(default) == "2024–2026"
    assert figures.Period.parse("2020", "", default) == figures.Period(2020, 2026)
    assert figures.Period.parse(None, None, default).months[:2] == ["2024-01", "2024-02"]
    with override_settings(LANGUAGE_CODE="zh-hans"), pytest.raises(figures.PeriodError):
        figures.Period.parse("2026", "2020", default)
