"""Meetings: series, events with their agenda, speakers and photos, and the delegations cities register.

These factories write rows directly. A delegation made here skips events.services (no capacity check, no
transitions, no notices): tests of registration go through services.delegation_register instead.
"""

import datetime

import factory
from django.utils import timezone

from events.models import (
    AgendaItem,
    Delegate,
    Delegation,
    DelegationTransition,
    Event,
    EventPhoto,
    EventSeries,
    EventVideo,
    GuestInvitation,
    Hotel,
    MeetingNotice,
    NoticeRecipient,
    Speaker,
)
from tests.factories.members import MemberCityFactory, OfficerUserFactory
from tests.factories.users import StaffUserFactory


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries

    name = "中国—东盟市长论坛"
    name_en = "China–ASEAN Mayors' Forum"
    slug = factory.Sequence(lambda n: f"series-{n}")
    description = "每两年举办一届的中外市长对话平台。"


class EventFactory(factory.django.DjangoModelFactory):
    """A published meeting a month from now whose registration is open; `draft=True` for an unpublished one."""

    class Meta:
        model = Event

    title = "联络工作会议"
    kind = Event.Kind.LIAISON
    venue = "北海国际会议展览中心"
    address = "北海市银海区北部湾东路"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(days=2))
    description = "总结交流各会员城市的联络工作。"
    status = Event.Status.PUBLISHED
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    registration_closes_at = factory.LazyAttribute(lambda event: event.starts_at - datetime.timedelta(days=10))

    class Params:
        draft = factory.Trait(status=Event.Status.DRAFT)


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Iterator(["唐文彬", "莫春林", "韦丽华", "黄志强"])
    title = "院长"
    organisation = "广西城乡规划设计院"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    """An item on the first day of its event; `speakers=[speaker, ...]` to name who speaks."""

    class Meta:
        model = AgendaItem
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    day = factory.LazyAttribute(lambda item: timezone.localtime(item.event.starts_at).date())
    starts_at = datetime.time(9, 0)
    ends_at = datetime.time(10, 30)
    title = "联络工作报告"
    kind = AgendaItem.Kind.REPORT
    place = "第一会议室"

    @factory.post_generation
    def speakers(item, create, extracted, **kwargs):
        if create and extracted:
            item.speakers.add(*extracted)


class EventPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventPhoto

    event = factory.SubFactory(EventFactory)
    image = factory.django.ImageField(filename="meeting.jpg", width=800, height=600, color=(40, 90, 160))
    alt_text = "会议现场"
    caption = "与会代表合影"
    order = factory.Sequence(lambda n: n)


class DelegationFactory(factory.django.DjangoModelFactory):
    """A pending delegation of a city; `delegates=3` adds three delegates (the first heads it) and counts them."""

    class Meta:
        model = Delegation
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    city = factory.SubFactory(MemberCityFactory)
    submitted_by = factory.SubFactory(OfficerUserFactory)
    state = Delegation.State.PENDING
    consent_given_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def delegates(delegation, create, extracted, **kwargs):
        if create and extracted:
            for rank in range(1, extracted + 1):
                DelegateFactory(delegation=delegation, rank=rank, is_head=rank == 1, **kwargs)
            delegation.delegate_count = extracted
            delegation.save(update_fields=["delegate_count"])


DELEGATE_NAMES = {
    "李建国": Delegate.Gender.MALE,
    "王秀英": Delegate.Gender.FEMALE,
    "陈志明": Delegate.Gender.MALE,
    "刘海燕": Delegate.Gender.FEMALE,
}


class DelegateFactory(factory.django.DjangoModelFactory):
    # The check-in code is the model's default, a fresh random token: unique without a sequence.
    class Meta:
        model = Delegate

    delegation = factory.SubFactory(DelegationFactory)
    name = factory.Iterator(DELEGATE_NAMES)
    gender = factory.LazyAttribute(lambda delegate: DELEGATE_NAMES.get(delegate.name, Delegate.Gender.MALE))
    position = "副市长"
    rank = 1
    mobile = factory.Sequence(lambda n: f"1397700{n:04d}")
    accommodation = Delegate.Accommodation.SINGLE


class DelegationTransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegationTransition

    delegation = factory.SubFactory(DelegationFactory)
    from_state = Delegation.State.PENDING
    to_state = Delegation.State.CONFIRMED
    by = factory.SubFactory(StaffUserFactory)
    reason = ""


class GuestInvitationFactory(factory.django.DjangoModelFactory):
    """An invitation for a foreign city's delegation, in English, valid a month."""

    class Meta:
        model = GuestInvitation

    event = factory.SubFactory(EventFactory)
    organisation = factory.Sequence(lambda n: f"Guest City {n}")
    country = "Laos"
    contact_name = "Somchai"
    email = factory.Sequence(lambda n: f"guest{n}@example.la")
    language = GuestInvitation.Language.ENGLISH
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    created_by = factory.SubFactory(StaffUserFactory)


class MeetingNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingNotice

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"会议通知{n}")
    body = "各会员城市：\n\n请按时报名。"
    reply_by = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    created_by = factory.SubFactory(StaffUserFactory)


class NoticeRecipientFactory(factory.django.DjangoModelFactory):
    """A city's copy of a notice, sent and not yet read."""

    class Meta:
        model = NoticeRecipient

    notice = factory.SubFactory(MeetingNoticeFactory)
    city = factory.SubFactory(MemberCityFactory)


class EventVideoFactory(factory.django.DjangoModelFactory):
    """A video of a meeting embedded from Bilibili (an uploaded MP4 needs a file: see
    tests/events/test_album_and_video.py)."""

    class Meta:
        model = EventVideo

    event = factory.SubFactory(EventFactory)
    title = "论坛开幕式"
    page_url = "https://www.bilibili.com/video/BV1xx411c7mD"


class HotelFactory(factory.django.DjangoModelFactory):
    """A hotel a meeting lodges its delegates in; rooms are given through events.rooms.rooms_assign."""

    class Meta:
        model = Hotel

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"会议酒店{n}")
    address = "南宁市民族大道38号"
