"""The demo content agrees with itself: what one page says, another does not contradict."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from association.models import Document, Page
from events.models import Event, MeetingNotice
from governance.models import Mandate
from members.models import LiaisonAward, Mayor, MemberCity
from news.models import Article
from publications.models import IssueEntry


@pytest.mark.django_db
def test_the_demo_content_agrees_with_itself():
    """One load of the demo (it takes seconds), every check."""
    call_command("load_demo_data", stdout=io.StringIO())
    a_leader_named_as_a_citys_mayor_is_that_citys_mayor()
    no_article_counts_more_member_cities_than_there_are()
    city_news_does_not_repeat_its_summary_as_its_first_paragraph()
    the_about_page_counts_the_member_cities_there_are()
    a_meeting_s_title_carries_the_year_it_is_held_in()
    the_news_of_a_meeting_gives_its_dates_and_follows_it()
    a_notice_gives_its_meeting_s_date()
    the_honours_an_article_counts_are_the_honours_recorded()
    an_issue_carries_the_news_of_the_months_before_it()
    a_work_report_is_issued_on_the_day_of_its_congress()


def local_day(moment):
    return timezone.localtime(moment).date()


def dates_in(text, year):
    """The days a Chinese text names: 2027年3月15日, 3月15日, 3月15日至19日 (in `year` where it gives none)."""
    found = []
    for match in re.finditer(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:至(?:(\d{1,2})月)?(\d{1,2})日)?", text):
        given_year, month, day, end_month, end_day = match.groups()
        first = datetime.date(int(given_year or year), int(month), int(day))
        found.append(first)
        if end_day:
            found.append(datetime.date(first.year, int(end_month or month), int(end_day)))
    return found


def the_about_page_counts_the_member_cities_there_are():
    about = Page.objects.get(slug="about")
    count = MemberCity.objects.count()
    assert re.search(r"现有会员城市(\d+)个", about.body).group(1) == str(count)
    assert f"has {count} member cities" in about.body_en
    prefectures = MemberCity.objects.filter(level="prefecture").count()
    assert f"全区{prefectures}个设区市" in about.body


def a_meeting_s_title_carries_the_year_it_is_held_in():
    checked = 0
    for event in Event.objects.all():
        for year in re.findall(r"(\d{4})年", event.title):
            assert int(year) == local_day(event.starts_at).year, event.title
            checked += 1
    assert checked >= 4


def the_news_of_a_meeting_gives_its_dates_and_follows_it():
    reports = Article.objects.filter(related_event__isnull=False).select_related("related_event")
    assert reports.count() >= 3
    for article in reports:
        event = article.related_event
        start, end = local_day(event.starts_at), local_day(event.ends_at)
        allowed = {start + datetime.timedelta(days=n) for n in range(-1, (end - start).days + 1)}  # and the day before
        if event.registration_closes_at:
            allowed.add(local_day(event.registration_closes_at))
        text = f"{article.title}{article.summary}{article.body}"
        named = dates_in(text, start.year)
        assert named, article.title
        assert set(named) <= allowed, (article.title, named, sorted(allowed))
        for year in re.findall(r"(\d{4})年(?!度)", article.title):
            assert int(year) == start.year, article.title
        if "召开" in article.title or "举行" in article.title:
            assert local_day(article.publish_at) >= start, article.title  # a meeting is reported once it is held
        else:
            assert local_day(article.publish_at) < start, article.title  # a notice comes before its meeting


def a_notice_gives_its_meeting_s_date():
    notices = MeetingNotice.objects.select_related("event")
    assert notices.exists()
    for notice in notices:
        assert dates_in(notice.body, 0) == [local_day(notice.event.starts_at)], notice.title
        assert local_day(notice.reply_by) < local_day(notice.event.starts_at)


def the_honours_an_article_counts_are_the_honours_recorded():
    checked = 0
    for article in Article.objects.all():
        for year, count in re.findall(r"表彰了(\d{4})年度优秀联络员(\d+)名", article.body):
            assert LiaisonAward.objects.filter(year=int(year)).count() == int(count), article.title
            checked += 1
    assert checked == 1


def an_issue_carries_the_news_of_the_months_before_it():
    entries = IssueEntry.objects.filter(article__isnull=False).select_related("article", "issue__periodical")
    assert entries.exists()
    for entry in entries:
        published, issued = local_day(entry.article.publish_at), entry.issue.published_on
        months = 3 if entry.issue.periodical.frequency == "quarterly" else 1
        assert issued - datetime.timedelta(days=31 * months + 1) <= published < issued, (entry.title, str(entry.issue))
        for year in re.findall(r"(\d{4})年", entry.title):
            assert int(year) <= issued.year + 1, (entry.title, str(entry.issue))


def a_work_report_is_issued_on_the_day_of_its_congress():
    checked = 0
    for document in Document.objects.filter(kind="report"):
        year = re.search(r"在(\d{4})年会员大会上", document.description).group(1)
        congress = Event.objects.filter(kind="congress", title=f"{year}年会员大会").first()
        if congress:
            assert document.issued_on == local_day(congress.starts_at), document.title
            checked += 1
    assert checked >= 1


def a_leader_named_as_a_citys_mayor_is_that_citys_mayor():
    checked = 0
    for leader in Mandate.objects.exclude(affiliation=""):
        found = re.fullmatch(r"(.+市)人民政府(原)?市长", leader.affiliation)
        if not found:
            continue
        city = MemberCity.objects.get(name=found.group(1))
        mayors = Mayor.objects.filter(city=city, name=leader.name)
        assert mayors.filter(term_end__isnull=found.group(2) is None).exists(), leader.affiliation
        checked += 1
    assert checked >= 4


def no_article_counts_more_member_cities_than_there_are():
    members = MemberCity.objects.count()
    for article in Article.objects.all():
        for number in re.findall(r"(\d+)个(?:会员)?城市", f"{article.subtitle} {article.summary} {article.body}"):
            assert int(number) <= members, (article.title, number)


def city_news_does_not_repeat_its_summary_as_its_first_paragraph():
    for article in Article.objects.filter(category__slug="city-news"):
        first = re.search(r"<p>(.*?)</p>", article.body).group(1)
        assert first != article.summary, article.title
