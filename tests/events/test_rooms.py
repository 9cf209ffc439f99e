"""Rooms: the secretariat gives hotels, room numbers and roommates (across delegations too) on one page; the
rooming list and its export carry them; a change the rules refuse changes nothing."""

import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import logistics, rooms, services
from events.contributions import EVENT_MANAGERS
from events.models import Delegate, Hotel
from tests.events.conftest import delegates
from tests.events.test_logistics_and_editions import meeting  # noqa: F401  (the fixture)
from tests.events.test_pages import form_data
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client):
    user = StaffUserFactory(groups=[EVENT_MANAGERS])
    client.force_login(user)
    return user


@pytest.fixture
def hotels(meeting):  # noqa: F811
    return (
        Hotel.objects.create(event=meeting, name="南宁饭店", address="民族大道38号"),
        Hotel.objects.create(event=meeting, name="邕州饭店"),
    )


def person(name):
    return Delegate.objects.get(name=name)


def page_data(meeting, **rows):  # noqa: F811
    """The rooms form as the page sends it: every row, unchanged unless given as name=(hotel, room, roommate)."""
    data = {}
    for delegate in rooms.roomed_delegates(meeting):
        hotel, room, mate = rows.get(delegate.name, (delegate.hotel, delegate.room_number, delegate.roommate))
        data[f"hotel_{delegate.pk}"] = hotel.pk if hotel else ""
        data[f"room_{delegate.pk}"] = room
        if delegate.accommodation == "shared":
            data[f"roommate_{delegate.pk}"] = mate.pk if mate else ""
    return data


def nanning_as_registered():
    """The Nanning delegation's delegates as its form sends them back unchanged."""
    return [
        {"name": d.name, "gender": d.gender, "position": d.position, "rank": d.rank, "is_head": d.is_head}
        for d in Delegate.objects.filter(delegation__city__slug="nanning").order_by("rank")
    ]


def post(client, meeting, **rows):  # noqa: F811
    return client.post(f"/admin/events/event/{meeting.pk}/rooms/", page_data(meeting, **rows))


def placements():
    return sorted(
        (d.name, d.hotel.name if d.hotel else "", d.room_number, d.roommate.name if d.roommate else "")
        for d in Delegate.objects.select_related("hotel", "roommate")
    )


def test_staff_give_rooms_and_pair_roommates_across_delegations(client, manager, meeting, hotels):  # noqa: F811
    nanning, yongzhou = hotels
    zhao = person("赵刚")
    Delegate.objects.filter(pk=zhao.pk).update(gender="female")  # 赵刚 … now pairs with 陈芳 from another city
    page = client.get(f"/admin/events/event/{meeting.pk}/rooms/")
    assert page.status_code == 200 and "陈芳" in page.content.decode()
    response = post(
        client,
        meeting,
        李明=(nanning, "1201", None),
        王强=(yongzhou, "305", None),
        赵刚=(nanning, "802", person("陈芳")),  # choosing 陈芳 for 赵刚 chooses 赵刚 for 陈芳, in the same room
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert placements() == [
        ("李明", "南宁饭店", "1201", ""),
        ("王强", "邕州饭店", "305", ""),
        ("赵刚", "南宁饭店", "802", "陈芳"),
        ("陈芳", "南宁饭店", "802", "赵刚"),
    ]
    rows = logistics.rooming(meeting)
    assert [row[:6] for row in rows] == [
        ["南宁饭店", "802", "合住", "nanning市", "赵刚", "陈芳 · liuzhou市"],
        ["南宁饭店", "1201", "单间", "nanning市", "李明", ""],
        ["邕州饭店", "305", "合住", "nanning市", "王强", "（待安排同住者）"],
    ]
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/admin/events/event/{meeting.pk}/lists/rooming.xlsx").content)
    ).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][:6] == ["酒店", "房间号", "房型", "代表团", "入住人", "同住者"]
    assert values[1][:6] == rows[0][:6]


def test_unpaired_shared_rooms_are_proposed_not_given(meeting):  # noqa: F811
    rows = logistics.rooming(meeting)
    assert [(row[4], row[5]) for row in rows if row[2] == "合住"] == [
        ("王强", "赵刚（建议）"),
        ("陈芳", "（待安排同住者）"),
    ]
    assert all(row[0] == row[1] == "" for row in rows)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda h: {"李明": (h[0], "1201", None), "王强": (h[0], "1201", None)}, "房间 1201 已分给"),
        (lambda h: {"王强": (None, "305", None)}, "请选择房间 305 所在的酒店"),
        (lambda h: {"陈芳": (None, "", person("王强"))}, "不在可用的选项中"),
        (
            lambda h: {"王强": (h[0], "305", person("赵刚")), "赵刚": (h[1], "306", person("王强"))},
            "需要同一酒店和房间号",
        ),
    ],
)
def test_rooms_the_rules_refuse_change_nothing(client, manager, meeting, hotels, change, message):  # noqa: F811
    before = placements()
    response = post(client, meeting, **change(hotels))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert placements() == before


def test_the_rules_refuse_singles_sharing_mixed_genders_and_crowded_rooms(meeting, hotels):  # noqa: F811
    li, wang, zhao, chen = (person(n) for n in ("李明", "王强", "赵刚", "陈芳"))
    cases = [
        ({wang.pk: rooms.Placement(None, "", li.pk)}, "李明 申请的是单间"),
        ({wang.pk: rooms.Placement(None, "", chen.pk)}, "同性别"),
        (
            {
                li.pk: rooms.Placement(hotels[0].pk, "9", None),
                wang.pk: rooms.Placement(hotels[0].pk, "9", zhao.pk),
            },
            "最多住两人",
        ),
        (
            {wang.pk: rooms.Placement(None, "", zhao.pk), chen.pk: rooms.Placement(None, "", None)}
            | {zhao.pk: rooms.Placement(None, "", wang.pk)},
            None,
        ),
    ]
    for placements_given, message in cases:
        if message is None:
            rooms.rooms_assign(event=meeting, placements=placements_given)
            continue
        with pytest.raises(Exception) as refused:
            rooms.rooms_assign(event=meeting, placements=placements_given)
        assert message in " ".join(refused.value.messages)
    assert person("王强").roommate == person("赵刚")


def test_another_meeting_s_hotel_is_refused(meeting, hotels, make_event):  # noqa: F811
    elsewhere = Hotel.objects.create(event=make_event(title="另一个会议"), name="别处饭店")
    with pytest.raises(Exception, match="请选择本次会议的酒店"):
        rooms.rooms_assign(event=meeting, placements={person("李明").pk: rooms.Placement(elsewhere.pk, "1", None)})


def test_one_change_on_the_page_parts_a_pair(client, manager, meeting, hotels):  # noqa: F811
    assert post(client, meeting, 王强=(hotels[0], "305", person("赵刚"))).status_code == 302
    assert person("赵刚").room_number == "305"
    assert (
        post(client, meeting, 王强=(hotels[0], "305", None), 赵刚=(hotels[0], "306", person("王强"))).status_code == 302
    )
    assert (person("王强").roommate, person("赵刚").roommate) == (None, None)


def test_a_changed_delegation_keeps_its_rooms_and_check_in_codes(client, meeting, hotels, make_officer):  # noqa: F811
    rooms.rooms_assign(
        event=meeting,
        placements={person("王强").pk: rooms.Placement(hotels[0].pk, "305", person("赵刚").pk)},
    )
    code = person("王强").checkin_token
    client.force_login(meeting.delegations.get(city__slug="nanning").submitted_by)
    people = nanning_as_registered()
    people[1]["position"] = "秘书长"  # 王强 promoted, 赵刚 unchanged
    data = form_data(people, **{"delegates-INITIAL_FORMS": "3"})  # the page's three forms of the registered
    data[f"delegates-{2}-accommodation"] = data["delegates-1-accommodation"] = "shared"
    response = client.post(f"/portal/events/{meeting.pk}/delegation/", data)
    assert response.status_code == 302
    wang = person("王强")
    assert (wang.position, wang.checkin_token, wang.room_number, wang.roommate.name) == ("秘书长", code, "305", "赵刚")


def test_the_rooms_page_is_for_staff_who_may_change_delegates(client, meeting):  # noqa: F811
    client.force_login(StaffUserFactory(username="bianji"))
    assert client.get(f"/admin/events/event/{meeting.pk}/rooms/").status_code == 403


def test_hostile_values_on_the_rooms_page_are_refused_plainly(client, manager, meeting, hotels):  # noqa: F811
    data = page_data(meeting)
    wang = person("王强")
    for field, value in ((f"roommate_{wang.pk}", "abc"), (f"hotel_{wang.pk}", "99999"), (f"room_{wang.pk}", "9" * 50)):
        response = client.post(f"/admin/events/event/{meeting.pk}/rooms/", {**data, field: value})
        assert response.status_code == 200
        assert 'class="errors"' in response.content.decode()
    assert person("王强").room_number == ""


def test_the_rooms_page_costs_the_same_queries_with_more_people(client, manager, meeting, make_officer):  # noqa: F811
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/admin/events/event/{meeting.pk}/rooms/").status_code == 200
        return len(queries)

    small = count()
    services.delegation_register(event=meeting, officer=make_officer("beihai"), delegates=delegates(3), consent=True)
    assert count() == small


def test_a_delegate_who_no_longer_shares_is_parted_from_the_roommate(client, meeting, hotels):  # noqa: F811
    rooms.rooms_assign(
        event=meeting,
        placements={person("王强").pk: rooms.Placement(hotels[0].pk, "305", person("赵刚").pk)},
    )
    client.force_login(meeting.delegations.get(city__slug="nanning").submitted_by)
    people = nanning_as_registered()
    data = form_data(people, **{"delegates-INITIAL_FORMS": "3"})  # everyone in a single room now
    data["delegates-2-accommodation"] = "none"
    assert client.post(f"/portal/events/{meeting.pk}/delegation/", data).status_code == 302
    assert placements()[1:3] == [("王强", "南宁饭店", "305", ""), ("赵刚", "", "", "")]


def test_the_officer_s_summary_shows_the_room_given(client, meeting, hotels):  # noqa: F811
    rooms.rooms_assign(event=meeting, placements={person("李明").pk: rooms.Placement(hotels[0].pk, "1201", None)})
    client.force_login(meeting.delegations.get(city__slug="nanning").submitted_by)
    html = client.get(f"/portal/events/{meeting.pk}/delegation/").content.decode()
    assert "南宁饭店 1201房间" in html
