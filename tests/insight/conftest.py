"""A few years of the association's life, made row by row, and the counts a person would make of them by hand:
the figures of the dashboard, the city profile, the public page and the work report are compared with these."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from events.models import Delegate, Delegation, Event, NoticeRecipient
from tests.factories import (
    DelegationFactory,
    EventFactory,
    GuestInvitationFactory,
    MeetingNoticeFactory,
    MemberCityFactory,
    NoticeRecipientFactory,
    RegionFactory,
)


def moment(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 9))


@dataclass
class History:
    year: int
    cities: list = field(default_factory=list)
    stay_away: list = field(default_factory=list)
    meetings: list = field(default_factory=list)


def build_history(cities=4):
    """Member cities in two regions; three meetings held (two years ago, last year, earlier this year), one to
    come, one cancelled and one draft; confirmed, pending and withdrawn delegations, a guest's; notices answered
    by some. The last two cities come to nothing and answer nothing."""
    now = timezone.localtime()
    year = now.year
    north, south = RegionFactory(name="桂北", order=1), RegionFactory(name="桂南", order=2)
    history = History(year=year)
    for n in range(cities):
        history.cities.append(MemberCityFactory(name=f"活跃城市{n:02d}", region=north if n % 2 else south))
    history.stay_away = [MemberCityFactory(name=f"缺席城市{n}", region=south) for n in range(2)]
    MemberCityFactory(name="退出城市", status="left", region=north)
    this_year_meeting = min(now - datetime.timedelta(hours=3), moment(year, 1, 1) + datetime.timedelta(hours=2))
    held = [
        EventFactory(title="两年前的大会", kind=Event.Kind.CONGRESS, starts_at=moment(year - 2, 3, 10)),
        EventFactory(title="去年的联络会", starts_at=moment(year - 1, 6, 10), host_city=history.cities[0]),
        EventFactory(title="今年的培训班", kind=Event.Kind.TRAINING, starts_at=this_year_meeting),
    ]
    future = EventFactory(title="明年的论坛", kind=Event.Kind.FORUM, starts_at=now + datetime.timedelta(days=40))
    EventFactory(title="取消的会议", starts_at=moment(year - 1, 9, 1), status=Event.Status.CANCELLED)
    draft = EventFactory(title="草稿会议", starts_at=moment(year - 1, 10, 1), draft=True)
    history.meetings = held
    for n, city in enumerate(history.cities):
        DelegationFactory(event=held[1], city=city, state="confirmed", delegates=1 + n % 3)
        if n % 2 == 0:
            DelegationFactory(event=held[0], city=city, state="confirmed", delegates=2)
        if n == 1:
            DelegationFactory(event=held[2], city=city, state="confirmed", delegates=3)
        DelegationFactory(event=future, city=city, state="confirmed", delegates=2)  # not held yet
        DelegationFactory(event=draft, city=city, state="confirmed", delegates=1)  # never held
    DelegationFactory(event=held[2], city=history.cities[-1], state="pending", delegates=2)
    DelegationFactory(event=held[1], city=history.stay_away[0], state="withdrawn", delegates=2)
    DelegationFactory(
        event=held[1], city=None, guest=GuestInvitationFactory(event=held[1]), state="confirmed", delegates=4
    )
    for event in held:
        notice = MeetingNoticeFactory(event=event)
        for n, city in enumerate(history.cities + history.stay_away):
            replied = city in history.cities and n % 3 != 2
            NoticeRecipientFactory(
                notice=notice,
                city=city,
                sent_at=event.starts_at - datetime.timedelta(days=30),
                reply="attend" if replied else "",
                replied_at=event.starts_at - datetime.timedelta(days=25) if replied else None,
            )
    return history


@pytest.fixture
def history(db):
    return build_history()


def meetings_counted_by_hand(year):
    """Meetings published and begun in the year; member cities (once each) and delegates (rows) of their
    confirmed delegations."""
    now = timezone.now()
    held = [
        event
        for event in Event.objects.all()
        if event.status == "published" and event.starts_at < now and timezone.localtime(event.starts_at).year == year
    ]
    confirmed = [d for d in Delegation.objects.all() if d.event_id in {e.pk for e in held} and d.state == "confirmed"]
    return {
        "meetings": len(held),
        "cities": len({d.city_id for d in confirmed if d.city_id}),
        "delegates": sum(Delegate.objects.filter(delegation=d).count() for d in confirmed),
    }


def replies_counted_by_hand(year):
    sent = [r for r in NoticeRecipient.objects.all() if timezone.localtime(r.sent_at).year == year]
    return {"sent": len(sent), "replied": sum(1 for r in sent if r.reply)}
