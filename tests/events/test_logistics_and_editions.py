"""The secretariat's lists (arrivals, departures, rooming, dietary needs, table cards) as XLSX and printouts, of every
active delegation with its state, named after the meeting; and the next edition made from the last."""

import datetime
import io
from urllib.parse import unquote

import openpyxl
import pytest
from django.utils import timezone

from core.models import ExportLog
from events import logistics, services
from events.contributions import EVENT_MANAGERS
from events.editions import event_next_edition
from events.models import AgendaItem, Delegate, Event, EventSeries
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(make_event, make_officer):
    event = make_event(
        title="2027年会员大会",
        capacity=6,
        per_city_limit=3,
        requires_approval=True,
        starts_at=timezone.make_aware(datetime.datetime(2027, 4, 30, 9)),
        ends_at=timezone.make_aware(datetime.datetime(2027, 5, 1, 17)),
    )
    arrival = timezone.make_aware(datetime.datetime(2027, 4, 29, 15, 40))
    people = [
        {
            "name": "李明",
            "gender": "male",
            "position": "市长",
            "rank": 1,
            "is_head": True,
            "accommodation": "single",
            "arrival": arrival,
            "arrival_by": "G1234",
            "dietary_needs": "清真",
        },
        {
            "name": "王强",
            "gender": "male",
            "position": "副秘书长",
            "rank": 2,
            "is_head": False,
            "accommodation": "shared",
            "arrival": arrival - datetime.timedelta(hours=3),
            "arrival_by": "CZ3261",
        },
        {"name": "赵刚", "gender": "male", "position": "处长", "rank": 3, "is_head": False, "accommodation": "shared"},
    ]
    services.delegation_register(event=event, officer=make_officer("nanning"), delegates=people, consent=True)
    services.delegation_register(
        event=event,
        officer=make_officer("liuzhou"),
        consent=True,
        delegates=[
            {
                "name": "陈芳",
                "gender": "female",
                "position": "副市长",
                "rank": 1,
                "is_head": True,
                "accommodation": "shared",
            }
        ],
    )
    return event


def test_arrivals_are_by_day_and_time_with_the_train_or_flight(meeting):
    rows = logistics.arrivals(meeting)
    assert [row[:3] for row in rows[:2]] == [["2027-04-29", "12:40", "CZ3261"], ["2027-04-29", "15:40", "G1234"]]
    assert rows[0][7] == "待审核"  # every active delegation, with its state
    assert len(rows) == 4  # those without an arrival time come last


def test_the_rooming_list_pairs_shared_rooms_within_a_delegation_and_gender(meeting):
    rows = logistics.rooming(meeting)
    single, shared = [row for row in rows if row[2] == "单间"], [row for row in rows if row[2] == "合住"]
    assert [row[4] for row in single] == ["李明"]
    assert sorted((row[4], row[5]) for row in shared) == [("王强", "赵刚（建议）"), ("陈芳", "（待安排同住者）")]


def test_table_cards_put_heads_of_delegation_first_in_protocol_order(meeting):
    names = [row[1] for row in logistics.table_cards(meeting)]
    assert names[:2] == ["李明", "陈芳"] or names[:2] == ["陈芳", "李明"]
    assert names[2:] == ["王强", "赵刚"]


def test_dietary_needs_list_only_those_who_gave_them(meeting):
    assert [row[1] for row in logistics.dietary(meeting)] == ["李明"]


@pytest.mark.parametrize("slug", list(logistics.LISTS))
def test_each_list_is_an_excel_file_named_after_the_meeting_and_a_printout_both_recorded(client, meeting, slug):
    client.force_login(StaffUserFactory(groups=[EVENT_MANAGERS]))
    response = client.get(f"/admin/events/event/{meeting.pk}/lists/{slug}.xlsx")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    name = unquote(response["Content-Disposition"].split("filename*=utf-8''")[1])
    assert name.startswith("2027年会员大会-2027-04-30-") and name.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 1 + len(logistics.LISTS[slug].rows(meeting))
    assert client.get(f"/admin/events/event/{meeting.pk}/lists/{slug}/").status_code == 200
    assert ExportLog.objects.count() == 2


def test_the_lists_are_for_event_managers_only(client, meeting, make_officer):
    client.force_login(StaffUserFactory(username="bianji"))
    assert client.get(f"/admin/events/event/{meeting.pk}/lists/rooming.xlsx").status_code == 403
    assert client.get(f"/admin/events/event/{meeting.pk}/lists/no-such-list.xlsx").status_code in (403, 404)


def test_the_next_edition_copies_settings_and_agenda_moved_by_the_date_difference(client, make_event):
    series = EventSeries.objects.create(name="中国—东盟市长论坛", slug="forum")
    now = timezone.now()
    event = make_event(
        series=series,
        edition=7,
        title="",
        capacity=220,
        per_city_limit=4,
        starts_at=now + datetime.timedelta(days=10),
        ends_at=now + datetime.timedelta(days=11),
    )
    AgendaItem.objects.create(
        event=event, day=timezone.localdate(event.starts_at), starts_at=datetime.time(9), title="开幕式"
    )
    staff = StaffUserFactory(groups=[EVENT_MANAGERS])
    client.force_login(staff)
    start = timezone.localtime(event.starts_at) + datetime.timedelta(days=364)
    response = client.post(f"/admin/events/event/{event.pk}/next-edition/", {"starts_at": f"{start:%Y-%m-%dT%H:%M}"})
    assert response.status_code == 302
    copy = Event.objects.exclude(pk=event.pk).get()
    assert (copy.edition, copy.capacity, copy.per_city_limit, copy.status) == (8, 220, 4, Event.Status.DRAFT)
    assert copy.ends_at - copy.starts_at == event.ends_at - event.starts_at
    assert copy.registration_closes_at - event.registration_closes_at == copy.starts_at - event.starts_at
    assert list(copy.agenda.values_list("title", "day")) == [("开幕式", timezone.localdate(copy.starts_at))]
    assert not copy.delegations.exists() and Delegate.objects.filter(delegation__event=copy).count() == 0


def test_the_next_edition_takes_the_new_year_into_its_title_in_every_language(make_event):
    event = make_event(
        title="2026年联络工作会议",
        title_en="2026 Liaison Work Conference (20260 delegates)",
        starts_at=timezone.make_aware(datetime.datetime(2026, 12, 1, 9)),
        ends_at=timezone.make_aware(datetime.datetime(2026, 12, 2, 17)),
        registration_opens_at=None,
        registration_closes_at=None,
    )
    staff = StaffUserFactory(groups=[EVENT_MANAGERS])

    copy = event_next_edition(event=event, starts_at=timezone.make_aware(datetime.datetime(2027, 11, 30, 9)), by=staff)

    assert (copy.title, copy.title_en) == ("2027年联络工作会议", "2027 Liaison Work Conference (20260 delegates)")
