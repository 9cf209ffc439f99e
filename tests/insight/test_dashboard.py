"""The staff dashboard: each chart's numbers equal a count made here, only staff read the JSON, a bad period is a
clear 400, the numbers are cached per figures generation and never stale after a change, and each endpoint runs
a fixed number of queries however much data there is."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from api.models import ApiUsage
from core.backoffice import figures
from events import services as event_services
from events.models import Delegation
from members.models import MemberCity
from news.models import Article, ReadsByMonth
from subscriptions.models import Subscriber
from tests.factories import (
    ArticleFactory,
    DuesNoticeFactory,
    PaymentFactory,
    QuestionnaireFactory,
    ResponseFactory,
    StaffUserFactory,
    SubscriberFactory,
)
from tests.insight.conftest import build_history, meetings_counted_by_hand, replies_counted_by_hand

pytestmark = pytest.mark.django_db


def chart_json(client, key, **period):
    query = "&".join(f"{name}={value}" for name, value in period.items())
    return client.get(f"{reverse('admin:figures_chart', args=[key])}?{query}")


def series(data, index):
    return dict(zip(data["categories"], data["series"][index]["values"], strict=True))


def test_meetings_per_year_equal_a_count_by_hand(admin_client, history):
    data = chart_json(admin_client, "meetings", **{"from": history.year - 3, "to": history.year}).json()
    assert data["categories"] == [str(year) for year in range(history.year - 3, history.year + 1)]
    for year in range(history.year - 3, history.year + 1):
        by_hand = meetings_counted_by_hand(year)
        assert series(data, 0)[str(year)] == by_hand["meetings"]
        assert series(data, 1)[str(year)] == by_hand["cities"]
        assert series(data, 2)[str(year)] == by_hand["delegates"]
    assert meetings_counted_by_hand(history.year - 1) == {"meetings": 1, "cities": 4, "delegates": 1 + 2 + 3 + 1 + 4}


def test_each_meeting_has_its_cities_and_delegates(admin_client, history):
    data = chart_json(admin_client, "meeting-attendance", **{"from": history.year - 1, "to": history.year - 1}).json()
    assert len(data["categories"]) == 1 and "去年的联络会" in data["categories"][0]
    assert data["series"][0]["values"] == [4]  # the guest is not a member city
    assert data["series"][1]["values"] == [11]


def test_notice_reply_rates_equal_a_count_by_hand(admin_client, history):
    data = chart_json(admin_client, "notice-replies", **{"from": history.year - 3, "to": history.year}).json()
    for year in range(history.year - 3, history.year + 1):
        by_hand = replies_counted_by_hand(year)
        assert series(data, 0)[str(year)] == by_hand["sent"]
        assert series(data, 1)[str(year)] == by_hand["replied"]
        expected = (
            None
            if not by_hand["sent"]
            else str((Decimal(by_hand["replied"] * 100) / by_hand["sent"]).quantize(Decimal("0.1")))
        )
        assert series(data, 2)[str(year)] == expected


def test_members_by_region_and_level_equal_a_count_by_hand(admin_client, history):
    data = chart_json(admin_client, "members").json()
    levels = {entry["name"]: dict(zip(data["categories"], entry["values"], strict=True)) for entry in data["series"]}
    for region in {city.region for city in MemberCity.objects.all()}:
        for level, label in MemberCity._meta.get_field("membership_level").choices:
            by_hand = sum(
                1
                for city in MemberCity.objects.all()
                if city.region_id == region.pk and city.membership_level == level and city.status != "left"
            )
            assert levels[str(label)][str(region)] == by_hand
    assert sum(sum(values.values()) for values in levels.values()) == 6  # the city that left is not counted


def test_dues_collected_against_expected_equal_the_ledger(admin_client, db):
    year = timezone.localdate().year
    first = DuesNoticeFactory(year=year, amount=Decimal("8000.00"))
    second = DuesNoticeFactory(year=year, amount=Decimal("5000.00"))
    PaymentFactory(notice=first, amount=Decimal("8000.00"))
    PaymentFactory(notice=second, amount=Decimal("1234.56"))
    PaymentFactory(notice=second, amount=Decimal("999.00"), voided_at=timezone.now())
    data = chart_json(admin_client, "dues", **{"from": year, "to": year}).json()
    assert [Decimal(entry["values"][0]) for entry in data["series"]] == [
        Decimal("13000"),
        Decimal("9234.56"),
        Decimal("0"),
        Decimal("3765.44"),
        (Decimal("923456") * 100 / Decimal("1300000")).quantize(Decimal("0.1")),
    ]
    assert data["unit"] == "元"


def test_articles_published_and_read_per_month(admin_client, category):
    year = timezone.localdate().year
    ArticleFactory.create_batch(
        3, category=category, status="published", publish_at=timezone.make_aware(datetime.datetime(year - 1, 2, 3))
    )
    ArticleFactory(category=category, status="draft", publish_at=timezone.make_aware(datetime.datetime(year - 1, 2, 4)))
    ArticleFactory(
        category=category, status="published", publish_at=timezone.make_aware(datetime.datetime(year - 1, 11, 30, 23))
    )
    ReadsByMonth.objects.create(month=datetime.date(year - 1, 2, 1), views=12345)
    data = chart_json(admin_client, "articles", **{"from": year - 1, "to": year - 1}).json()
    published = {
        f"{year - 1}-{month:02d}": sum(
            1
            for article in Article.objects.all()
            if article.status == "published"
            and timezone.localtime(article.publish_at).year == year - 1
            and timezone.localtime(article.publish_at).month == month
        )
        for month in range(1, 13)
    }
    assert series(data, 0) == published
    assert series(data, 1)[f"{year - 1}-02"] == 12345 and series(data, 1)[f"{year - 1}-03"] == 0


def test_subscribers_receiving_at_each_months_end(admin_client, db):
    year = timezone.localdate().year - 1
    at = lambda month, day=10: timezone.make_aware(datetime.datetime(year, month, day))  # noqa: E731
    SubscriberFactory(state="active", confirmed_at=at(1) - datetime.timedelta(days=400))
    SubscriberFactory(state="active", confirmed_at=at(3))
    SubscriberFactory(state="unsubscribed", confirmed_at=at(3), unsubscribed_at=at(5))
    SubscriberFactory(state="pending", confirmed_at=None)
    data = chart_json(admin_client, "subscribers", **{"from": year, "to": year}).json()
    receiving = series(data, 2)
    for month in range(1, 13):
        end = timezone.make_aware(datetime.datetime(year + month // 12, month % 12 + 1, 1))
        by_hand = sum(
            1
            for s in Subscriber.objects.all()
            if s.confirmed_at and s.confirmed_at < end and not (s.unsubscribed_at and s.unsubscribed_at < end)
        )
        assert receiving[f"{year}-{month:02d}"] == by_hand
    assert series(data, 0)[f"{year}-03"] == 2 and series(data, 1)[f"{year}-05"] == 1


def test_api_requests_per_month(admin_client, db):
    year = timezone.localdate().year - 1
    ApiUsage.objects.create(day=datetime.date(year, 4, 1), requests=700)
    ApiUsage.objects.create(day=datetime.date(year, 4, 30), requests=300)
    ApiUsage.objects.create(day=datetime.date(year, 5, 1), requests=5)
    data = chart_json(admin_client, "api-requests", **{"from": year, "to": year}).json()
    assert series(data, 0)[f"{year}-04"] == 1000 and series(data, 0)[f"{year}-05"] == 5


def test_questionnaire_response_rates_count_the_cities_asked(admin_client, history):
    deadline = timezone.now() - datetime.timedelta(days=2)
    asked = QuestionnaireFactory(
        state="sent", all_cities=True, opens_at=deadline - datetime.timedelta(days=9), deadline=deadline
    )
    to_region = QuestionnaireFactory(
        state="sent", all_cities=False, opens_at=deadline - datetime.timedelta(days=9), deadline=deadline
    )
    to_region.regions.add(history.cities[0].region)
    for city in history.cities[:3]:
        ResponseFactory(questionnaire=asked, city=city, state="submitted")
        ResponseFactory(
            questionnaire=to_region,
            city=city,
            state="submitted" if city.region == history.cities[0].region else "draft",
        )
    year = timezone.localtime(deadline).year
    data = chart_json(admin_client, "responses", **{"from": year, "to": year}).json()
    active = [city for city in MemberCity.objects.all() if city.status == "active"]
    in_region = [city for city in active if city.region_id == history.cities[0].region_id]
    submitted_in_region = sum(1 for city in history.cities[:3] if city.region_id == history.cities[0].region_id)
    assert data["series"][0]["values"] == [len(active), len(in_region)]
    assert data["series"][1]["values"] == [3, submitted_in_region]


def test_only_staff_who_gave_their_second_step_read_the_figures(client, history, liaison_officer):
    url = reverse("admin:figures_chart", args=["meetings"])
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(liaison_officer)
    response = client.get(url)
    assert response.status_code == 302 and "categories" not in response.content.decode()
    assert client.get(reverse("admin:figures")).status_code == 302


def test_a_bad_period_is_a_clear_400_and_an_unknown_chart_a_404(admin_client, history):
    for period, message in (
        ({"from": "abc"}, "数字"),
        ({"from": 2025, "to": 2020}, "不能晚于"),
        ({"from": 1800}, "1990"),
        ({"from": 1990, "to": 2026}, "30"),
    ):
        response = chart_json(admin_client, "meetings", **period)
        assert response.status_code == 400
        assert message in response.json()["detail"], response.json()
    assert chart_json(admin_client, "nothing").status_code == 404
    page = admin_client.get(reverse("admin:figures") + "?meetings-from=2025&meetings-to=2020")
    assert page.status_code == 400 and "不能晚于" in page.content.decode()


def test_the_dashboard_shows_every_chart_with_its_table(admin_client, history):
    page = admin_client.get(reverse("admin:figures")).content.decode()
    for chart in figures.charts():
        assert f'id="chart-{chart.key}"' in page
        assert f'data-chart-url="/admin/dashboard/{chart.key}.json?from=' in page
    table = re.search(r'id="chart-meetings".*?<tbody>(.*?)</tbody>', page, re.S).group(1)
    row = re.search(rf"<th scope=\"row\">{history.year - 1}</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r'data-value="(\d+)"', row) == ["1", "4", "11"]
    assert "/admin/dashboard/" in admin_client.get(reverse("admin:index")).content.decode()


def test_a_figure_is_worked_out_once_per_change_and_never_stale(
    admin_client, db, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # committed, as in a request
        history = build_history()
    period = {"from": history.year, "to": history.year}
    before = chart_json(admin_client, "meetings", **period).json()
    with django_assert_num_queries(3):  # the session, the user and its second-step device: the figure is kept
        assert chart_json(admin_client, "meetings", **period).json() == before
    pending = Delegation.objects.get(event=history.meetings[2], state="pending")
    with django_capture_on_commit_callbacks(execute=True):
        event_services.delegation_confirm(delegation=pending, by=StaffUserFactory(is_superuser=True))
    after = chart_json(admin_client, "meetings", **period).json()
    assert after["series"][1]["values"] == [before["series"][1]["values"][0] + 1]
    assert after["series"][1]["values"] == [meetings_counted_by_hand(history.year)["cities"]]


class BrokenCache:
    """The cache as it answers with Redis gone."""

    def get(self, *args, **kwargs):
        raise ConnectionError("Redis is down")

    set = add = incr = decr = get


class NoCache:
    def get(self, *args, **kwargs):
        return None

    def set(self, *args, **kwargs):
        pass


def test_without_the_cache_the_dashboard_still_answers(admin_client, history, monkeypatch):
    monkeypatch.setattr(figures, "_cache", BrokenCache)
    assert admin_client.get(reverse("admin:figures")).status_code == 200
    response = chart_json(admin_client, "meetings")
    assert response.status_code == 200 and response.json()["series"]


@pytest.mark.parametrize("cities", [3, 30])
def test_each_chart_runs_a_fixed_number_of_queries(admin_client, db, cities, monkeypatch):
    history = build_history(cities=cities)
    closed = timezone.now() - datetime.timedelta(days=1)
    for n in range(1 + cities // 3):
        questionnaire = QuestionnaireFactory(
            all_cities=n % 2 == 0, deadline=closed, opens_at=closed - datetime.timedelta(days=9)
        )
        questionnaire.regions.add(history.cities[0].region)
        ResponseFactory(questionnaire=questionnaire, city=history.cities[0], state="submitted")
    monkeypatch.setattr(figures, "_cache", NoCache)  # every figure worked out
    # the session, the user and its second-step device, then the chart's own queries, the same at 3 and 30 cities
    expected = {
        "meetings": 3 + 2,
        "meeting-attendance": 3 + 1,
        "notice-replies": 3 + 1,
        "responses": 3 + 6,
        "members": 3 + 2,
        "joined-left": 3 + 2,
        "dues": 3 + 3,
        "articles": 3 + 2,
        "subscribers": 3 + 3,
        "api-requests": 3 + 1,
    }
    counted = {}
    for key in expected:
        with CaptureQueriesContext(connection) as queries:
            assert chart_json(admin_client, key).status_code == 200
        counted[key] = len(queries)
    assert counted == expected


def test_each_staff_member_sees_the_charts_of_their_work(client, history, news_editor):
    client.force_login(news_editor)
    page = client.get(reverse("admin:figures")).content.decode()
    shown = set(re.findall(r'<section class="figure" id="chart-([\w-]+)"', page))
    assert "articles" in shown and "dues" not in shown and "notice-replies" not in shown
    assert chart_json(client, "dues").status_code == 403
    assert chart_json(client, "articles").status_code == 200
    finance = StaffUserFactory(groups=["finance"])
    client.force_login(finance)
    assert chart_json(client, "dues").status_code == 200
