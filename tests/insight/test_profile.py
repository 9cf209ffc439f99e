"""Staff see each city's engagement: a list sorted and filtered by it ("no meeting in 2 years", "no reply to the
last 3 notices", each checked against a count made here), and the city's profile, in a fixed number of queries."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Delegation, NoticeRecipient
from members.models import MemberCity
from tests.factories import (
    ArticleFactory,
    DuesNoticeFactory,
    LiaisonAwardFactory,
    LiaisonOfficerFactory,
    StaffUserFactory,
)
from tests.insight.conftest import build_history

pytestmark = pytest.mark.django_db


def listed(page):
    return re.findall(r'class="field-city_name">(?:<a [^>]*>)?([^<]+)<', page)


def no_meeting_in_two_years_by_hand():
    since = timezone.now() - datetime.timedelta(days=365 * 2)
    came = {
        d.city_id
        for d in Delegation.objects.all()
        if d.state == "confirmed" and d.event.status == "published" and since <= d.event.starts_at < timezone.now()
    }
    return {c.name for c in MemberCity.objects.all() if c.status == "active" and c.pk not in came}


def silent_by_hand(last=3):
    found = set()
    for city in MemberCity.objects.filter(status="active"):
        latest = sorted(NoticeRecipient.objects.filter(city=city), key=lambda r: (r.sent_at, r.pk), reverse=True)[:last]
        if latest and not any(r.reply for r in latest):
            found.add(city.name)
    return found


def test_the_list_filters_cities_without_a_meeting_or_a_reply(admin_client, history):
    url = reverse("admin:insight_cityengagement_changelist")
    everyone = listed(admin_client.get(url).content.decode())
    assert set(everyone) == {c.name for c in MemberCity.objects.filter(status="active")}
    away = set(listed(admin_client.get(url + "?engagement=no-meeting-2y").content.decode()))
    assert away == no_meeting_in_two_years_by_hand() == {c.name for c in history.stay_away}
    silent = set(listed(admin_client.get(url + "?engagement=silent-3").content.decode()))
    assert silent == silent_by_hand() and silent >= {c.name for c in history.stay_away}
    both = set(listed(admin_client.get(url + "?engagement=both").content.decode()))
    assert both == away & silent


def test_the_list_sorts_by_last_meeting_and_shows_replies(admin_client, history):
    url = reverse("admin:insight_cityengagement_changelist")
    page = admin_client.get(url + "?o=-4").content.decode()  # newest last meeting first
    assert listed(page)[0] == history.cities[1].name  # the only city at this year's training course
    assert "从未参会" in page
    row = re.search(rf"{history.cities[0].name}.*?</tr>", page, re.S).group(0)
    sent = NoticeRecipient.objects.filter(city=history.cities[0]).count()
    replied = NoticeRecipient.objects.filter(city=history.cities[0]).exclude(reply="").count()
    assert f"{replied} / {sent}" in row


def test_the_profile_shows_meetings_notices_officers_news_honours_and_dues(admin_client, history, category):
    city = history.cities[0]
    officer = LiaisonOfficerFactory(city=city, name="韦丽娟")
    LiaisonAwardFactory(officer=officer, year=history.year - 1, title="优秀联络员")
    article = ArticleFactory(category=category, status="published", title="该市承办联络会")
    article.related_cities.add(city)
    DuesNoticeFactory(city=city, year=history.year)
    page = admin_client.get(reverse("admin:insight_cityengagement_profile", args=[city.pk])).content.decode()
    assert "去年的联络会" in page and "两年前的大会" in page and "承办" in page
    assert "韦丽娟" in page and "优秀联络员" in page and "该市承办联络会" in page
    assert f"<td>{history.year}</td>" in page
    sent = NoticeRecipient.objects.filter(city=city).count()
    replied = NoticeRecipient.objects.filter(city=city).exclude(reply="").count()
    assert f"{sent}份通知中已回复{replied}份" in page
    away = history.stay_away[0]
    page = admin_client.get(reverse("admin:insight_cityengagement_profile", args=[away.pk])).content.decode()
    assert "未参加过会议" in page and "去年的联络会" in page  # missed: it was sent the notice


def test_the_profile_and_list_are_for_the_secretariat(client, history, liaison_officer):
    city = history.cities[0]
    urls = [
        reverse("admin:insight_cityengagement_changelist"),
        reverse("admin:insight_cityengagement_profile", args=[city.pk]),
    ]
    client.force_login(StaffUserFactory())
    assert [client.get(url).status_code for url in urls] == [403, 403]
    client.force_login(StaffUserFactory(groups=["secretariat"]))
    assert [client.get(url).status_code for url in urls] == [200, 200]
    assert client.get(reverse("admin:insight_cityengagement_profile", args=[999999])).status_code == 404
    client.force_login(liaison_officer)
    assert client.get(urls[1]).status_code == 302


@pytest.mark.parametrize("cities", [3, 30])
def test_the_profile_and_list_run_a_fixed_number_of_queries(admin_client, db, django_assert_num_queries, cities):
    history = build_history(cities=cities)
    city = history.cities[0]
    # the session, user and device; the city; its mayors, officers, honours and membership decisions; meetings
    # attended and hosted, missed, and notices (two); questionnaires and their states; news and its count; dues;
    # the admin's app list
    with django_assert_num_queries(19):
        admin_client.get(reverse("admin:insight_cityengagement_profile", args=[city.pk]))
    # the session, user and device; the filter's two reads (notices ranked per city), the count, the page of
    # cities with their engagement, the regions and levels of the filters, the admin's app list
    with django_assert_num_queries(9):
        admin_client.get(reverse("admin:insight_cityengagement_changelist") + "?engagement=both")
