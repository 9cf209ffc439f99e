"""The demo content agrees with itself: what one page says, another does not contradict."""

import io
import re

import pytest
from django.core.management import call_command

from governance.models import Mandate
from members.models import Mayor, MemberCity
from news.models import Article


@pytest.mark.django_db
def test_the_demo_content_agrees_with_itself():
    """One load of the demo (it takes seconds), three checks."""
    call_command("load_demo_data", stdout=io.StringIO())
    a_leader_named_as_a_citys_mayor_is_that_citys_mayor()
    no_article_counts_more_member_cities_than_there_are()
    city_news_does_not_repeat_its_summary_as_its_first_paragraph()


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
