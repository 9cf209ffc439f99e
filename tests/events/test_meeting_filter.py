"""The back office's filter by meeting lists the last year's meetings and those to come, never all of them."""

import datetime

import pytest
from django.utils import timezone

from events.admin.filters import MOST_SHOWN
from tests.factories import DelegationFactory, EventFactory

pytestmark = pytest.mark.django_db

URL = "/admin/events/delegation/"


def sidebar(response):
    page = response.content.decode()
    start = page.index('id="changelist-filter"')
    return page[start : page.index("</nav>", start)]


def filter_links(response):
    return sidebar(response).count("event__id__exact=")


def test_old_meetings_are_not_listed_but_can_still_be_chosen(admin_client):
    now = timezone.now()
    old = EventFactory(title="十年前的会议", starts_at=now - datetime.timedelta(days=3650))
    recent = EventFactory(title="上个月的会议", starts_at=now - datetime.timedelta(days=30))
    DelegationFactory(event=old)
    DelegationFactory(event=recent)

    filters = sidebar(admin_client.get(URL))
    assert "上个月的会议" in filters and "十年前的会议" not in filters

    chosen = admin_client.get(URL, {"event__id__exact": old.pk})
    rows = chosen.context["cl"].result_list
    assert [delegation.event_id for delegation in rows] == [old.pk]
    assert "十年前的会议" in sidebar(chosen)  # the chosen one is shown as chosen


def test_at_most_so_many_meetings_are_listed(admin_client):
    EventFactory.create_batch(MOST_SHOWN + 5)
    DelegationFactory()
    assert filter_links(admin_client.get(URL)) == MOST_SHOWN


def test_a_meeting_that_is_not_a_number_is_refused_without_an_error(admin_client):
    response = admin_client.get(URL, {"event__id__exact": "abc"})
    assert response.status_code in (200, 302)
    assert response.status_code != 500
