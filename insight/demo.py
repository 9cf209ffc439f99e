"""Demo history for the figures: the meetings of the past years with the cities that came, their notices and
replies, and the reads of the news (subscribers and API use are in those apps' demo), so that every chart, the
engagement list and the annual work report show something. The last cities of the register stay away, so "no
meeting in 2 years" lists them."""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from events.models import Delegate, Delegation, Event, MeetingNotice, NoticeRecipient
from members.models import MemberCity
from news.models import ReadsByMonth

PAST_MEETINGS = [
    # (years ago, month, kind, title, host city slug)
    (4, 4, Event.Kind.CONGRESS, "{year}年会员大会", "guilin"),
    (4, 10, Event.Kind.TRAINING, "{year}年城市管理专题培训班", "nanning"),
    (3, 5, Event.Kind.CONGRESS, "{year}年会员大会", "wuzhou"),
    (3, 9, Event.Kind.LIAISON, "{year}年联络工作会议", "yulin"),
    (2, 4, Event.Kind.CONGRESS, "{year}年会员大会", "baise"),
    (2, 11, Event.Kind.TRAINING, "{year}年城市更新专题培训班", "liuzhou"),
    (1, 3, Event.Kind.SEMINAR, "{year}年县域经济发展研讨会", "guigang"),
    (1, 10, Event.Kind.LIAISON, "{year}年联络工作会议", "qinzhou"),
]
STAY_AWAY = 4  # the last cities of the register attend nothing and answer no notice


def load(log):
    if NoticeRecipient.objects.filter(sent_at__lt=timezone.now() - datetime.timedelta(days=300)).exists():
        log("figures history: kept")
        return
    rng = random.Random(2026)
    staff = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.first()
    cities = list(MemberCity.objects.filter(status=MemberCity.Status.ACTIVE).order_by("joined_on", "id"))
    by_slug = {city.slug: city for city in cities}
    engaged = cities[:-STAY_AWAY] if len(cities) > STAY_AWAY + 2 else cities
    now = timezone.localtime()
    meetings = []
    for years_ago, month, kind, title, host in PAST_MEETINGS:
        year = now.year - years_ago
        starts = timezone.make_aware(datetime.datetime(year, month, 16, 9))
        meetings.append(
            Event.objects.create(
                kind=kind,
                title=title.format(year=year),
                host_city=by_slug.get(host),
                venue="市会议中心",
                starts_at=starts,
                ends_at=starts + datetime.timedelta(days=1, hours=8),
                status=Event.Status.PUBLISHED,
                capacity=200,
                per_city_limit=4,
                description="会议总结交流各会员城市的工作，部署下一阶段任务。",
            )
        )
    past = Event.objects.filter(status=Event.Status.PUBLISHED, starts_at__lt=now, delegations__isnull=True)
    delegations = delegates = notices = 0
    for event in past.order_by("starts_at"):
        day = timezone.localtime(event.starts_at).date()
        notice = MeetingNotice.objects.create(
            event=event,
            title=f"关于召开{event}的通知",
            body=f"各会员城市：\n\n经研究，定于{day.year}年{day.month}月{day.day}日召开{event}。"
            "请于回复截止日期前回复是否参会，并报名代表团。\n\n秘书处",
            reply_by=event.starts_at - datetime.timedelta(days=14),
            created_by=staff,
        )
        sent_at = event.starts_at - datetime.timedelta(days=40)
        MeetingNotice.objects.filter(pk=notice.pk).update(sent_at=sent_at)
        notices += 1
        for city in cities:
            comes = city in engaged and rng.random() < 0.7
            answers = city in engaged and (comes or rng.random() < 0.5)
            NoticeRecipient.objects.create(
                notice=notice,
                city=city,
                sent_at=sent_at,
                read_at=sent_at + datetime.timedelta(days=1) if answers else None,
                reply=("attend" if comes else "decline") if answers else "",
                replied_at=sent_at + datetime.timedelta(days=3) if answers else None,
            )
            if not comes:
                continue
            count = rng.randint(1, 4)
            delegation = Delegation.objects.create(
                event=event,
                city=city,
                state=Delegation.State.CONFIRMED,
                consent_given_at=sent_at + datetime.timedelta(days=3),
                delegate_count=count,
            )
            Delegate.objects.bulk_create(
                Delegate(
                    delegation=delegation,
                    name=f"{'黄韦覃蒙陆莫农梁'[(city.pk + n) % 8]}{'志明丽娟建华海燕'[(n % 4) * 2 : (n % 4) * 2 + 2]}",
                    gender="male",
                    position="市人民政府副秘书长",
                    rank=n + 1,
                    is_head=n == 0,
                )
                for n in range(count)
            )
            delegations += 1
            delegates += count
    month = now.date().replace(day=1)
    for back in range(24):
        ReadsByMonth.objects.get_or_create(month=month, defaults={"views": 1800 + rng.randint(0, 2400) + 40 * back})
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    counts = f"{notices} notices, {delegations} delegations, {delegates} delegates"
    log(f"figures history: {len(meetings)} past meetings, {counts}")
