"""Demo meetings: the forum series with its editions, congresses, a liaison-work conference with
lectures and a site visit, a training course, upcoming meetings open for registration, and
delegations in every state. Names of people are invented for this portal."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from core.media import demo_images
from events import notice_services, rooms, services
from events.contributions import EVENT_MANAGERS
from events.models import (
    AgendaItem,
    Delegate,
    Delegation,
    Event,
    EventPhoto,
    EventSeries,
    GuestInvitation,
    Hotel,
    MeetingNotice,
    Speaker,
)
from members import demo_calendar as calendar
from members.demo import latin_name
from members.models import LiaisonOfficer, MemberCity

FORUM_THEMES = {
    5: "城市治理现代化",
    6: "互联互通 共同繁荣",
    7: "数字赋能 绿色发展",
    8: "韧性城市与可持续发展",
}


def _at(days, hour=9):
    base = timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)
    return base + datetime.timedelta(days=days)


def _delegates(count, city):
    titles = ["副市长", "市人民政府副秘书长", "市外事办公室主任", "市住房城乡建设局局长", "市发展改革委副主任"]
    surnames, given = "黄韦覃蒙陆莫农梁李陈", ["志明", "丽娟", "建华", "海燕", "国强"]
    seed = city.pk or 0
    people = []
    for n in range(count):
        first_name = given[(seed * 3 + n) % len(given)]
        name = surnames[(seed + n) % len(surnames)] + first_name
        people.append(
            {
                "name": name,
                "name_latin": latin_name(name),
                "gender": "female" if first_name in ("丽娟", "海燕") else "male",
                "position": titles[n % len(titles)],
                "rank": n + 1,
                "is_head": n == 0,
                "accommodation": "single" if n == 0 else "shared",  # heads alone, the others two to a room
            }
        )
    return people


# The liaison conference's album: what the secretariat's photographer typically brings back.
ALBUM = [
    ("hall", "会议现场，主席台和参会代表", "{conference}现场"),
    ("hall", "秘书长作联络工作报告", "协会秘书长作年度联络工作报告"),
    ("hall", "专题讲座现场", "专题讲座：城市更新中的规划统筹"),
    ("hall", "优秀联络员上台领奖", "表彰{year}年度优秀联络员"),
    ("city", "北海老城街景", "代表们考察北海老城历史文化街区"),
    ("city", "铁山港区临港产业园远景", "考察铁山港区临港产业园"),
    ("hall", "分组讨论", "各城市联络员分组交流工作经验"),
    ("city", "北海银滩海岸线", "会议期间的北海银滩"),
]


def load(log):
    if Event.objects.exists():
        log(f"events: {Event.objects.count()} (kept)")
        return
    cities = {city.slug: city for city in MemberCity.objects.all()}
    forum = EventSeries.objects.create(
        name="中国—东盟市长论坛",
        name_en="China–ASEAN Mayors' Forum",
        slug="china-asean-mayors-forum",
        description="论坛每年举办一次，是博览会的重要活动，邀请中国和东盟国家的市长围绕城市发展开展对话。",
    )
    for edition, theme in FORUM_THEMES.items():
        days = -365 * (7 - edition) + calendar.FORUM_7[0] if edition <= 7 else 300
        Event.objects.create(
            kind=Event.Kind.FORUM,
            series=forum,
            edition=edition,
            title=theme,
            host_city=cities.get("nanning"),
            venue="南宁国际会展中心",
            address="南宁市青秀区民族大道 11 号",
            starts_at=_at(days),
            ends_at=_at(days + 1, 17),
            status=Event.Status.PUBLISHED,
            capacity=260,
            per_city_limit=5,
            requires_approval=True,
            description=f"第{edition}届论坛以“{theme}”为主题，来自中国和东盟国家的市长出席。",
            attending_cities=None,
        )
    titles = calendar.titles()
    Event.objects.create(
        kind=Event.Kind.CONGRESS,
        title=titles["congress"],
        host_city=cities.get("liuzhou"),
        venue="柳州市会议中心",
        starts_at=_at(calendar.CONGRESS[0]),
        ends_at=_at(calendar.CONGRESS[1], 17),
        status=Event.Status.PUBLISHED,
        capacity=150,
        per_city_limit=3,
        description=f"审议执行会长所作的工作报告和{calendar.year(calendar.CONGRESS[0])}年工作要点。",
    )
    conference = Event.objects.create(
        kind=Event.Kind.LIAISON,
        title=titles["conference"],
        host_city=cities.get("beihai"),
        venue="北海国际会议中心",
        address="北海市银海区金海岸大道 1 号",
        starts_at=_at(calendar.CONFERENCE[0]),
        ends_at=_at(calendar.CONFERENCE[1], 12),
        status=Event.Status.PUBLISHED,
        capacity=140,
        per_city_limit=2,
        description="总结交流联络工作，表彰优秀联络员，组织现场考察。",
    )
    tang = Speaker.objects.create(name="唐文彬", title="院长", organisation="自治区城乡规划设计院")
    chen = Speaker.objects.create(name="陈立", title="副秘书长", organisation="北海市人民政府")
    mo = Speaker.objects.create(name="莫春林", title="秘书长", organisation="广西市长协会")
    day1, day2 = conference.starts_at.date(), conference.starts_at.date() + datetime.timedelta(days=1)
    for day, start, end, title, kind, place, speakers in [
        (day1, "09:00", "09:30", "开幕式", "opening", "一号会议厅", []),
        (day1, "09:30", "10:30", "联络工作报告", "report", "一号会议厅", [mo]),
        (day1, "10:45", "12:00", "专题讲座：城市更新中的规划统筹", "lecture", "一号会议厅", [tang]),
        (day1, "14:30", "15:30", "北海老城保护与活化的做法", "lecture", "一号会议厅", [chen]),
        (day1, "15:45", "17:00", "表彰年度优秀联络员", "other", "一号会议厅", []),
        (day1, "18:30", None, "欢迎晚宴", "dinner", "酒店宴会厅", []),
        (day2, "08:30", "12:00", "考察北海老城历史文化街区和铁山港区临港产业园", "visit", "北海老城", []),
    ]:
        item = AgendaItem.objects.create(
            event=conference, day=day, starts_at=start, ends_at=end, title=title, kind=kind, place=place
        )
        item.speakers.set(speakers)
    for order, (kind, alt_text, caption) in enumerate(ALBUM):
        caption = caption.format(conference=titles["conference"], year=calendar.year(calendar.CONFERENCE[0]))
        photo = EventPhoto(event=conference, alt_text=alt_text, caption=caption, order=order)
        picture = (
            demo_images.meeting_hall(5 + order, size=(1200, 800))
            if kind == "hall"
            else demo_images.cityscape(order, size=(1200, 800))
        )
        photo.image.save(f"conference-{order}.jpg", ContentFile(picture), save=False)
        photo.save()
    training = Event.objects.create(
        kind=Event.Kind.TRAINING,
        title=titles["training"],
        host_city=cities.get("guilin"),
        venue="桂林市委党校",
        starts_at=_at(calendar.TRAINING[0]),
        ends_at=_at(calendar.TRAINING[1], 12),
        status=Event.Status.PUBLISHED,
        capacity=12,
        per_city_limit=2,
        requires_approval=False,
        waiting_list=True,
        registration_opens_at=_at(calendar.TRAINING_REGISTRATION[0]),
        registration_closes_at=_at(calendar.TRAINING_REGISTRATION[1], 18),
        description="以“县域经济高质量发展与城乡融合”为主题，每个城市限报2人。",
    )
    next_congress = Event.objects.create(
        kind=Event.Kind.CONGRESS,
        title=titles["next_congress"],
        host_city=cities.get("wuzhou"),
        venue="梧州市会展中心",
        starts_at=_at(calendar.NEXT_CONGRESS[0]),
        ends_at=_at(calendar.NEXT_CONGRESS[1], 17),
        status=Event.Status.PUBLISHED,
        capacity=120,
        per_city_limit=3,
        requires_approval=True,
        registration_opens_at=_at(calendar.NEXT_CONGRESS_REGISTRATION[0]),
        registration_closes_at=_at(calendar.NEXT_CONGRESS_REGISTRATION[1], 18),
        description=f"会员大会将审议{calendar.year(calendar.CONGRESS[0])}年工作报告，选举增补理事。",
    )
    Event.objects.create(
        kind=Event.Kind.SEMINAR,
        title="城市规划建设研讨会",
        venue="南宁市",
        starts_at=_at(60),
        ends_at=_at(60, 17),
        status=Event.Status.DRAFT,
        capacity=60,
    )
    staff = _delegations(next_congress, training)
    _notice_and_guest(next_congress, staff)
    log(
        f"events: {Event.objects.count()}, delegations: {Delegation.objects.count()}, "
        f"notices: {MeetingNotice.objects.count()}, guest invitations: {GuestInvitation.objects.count()}"
    )


def _notice_and_guest(congress, staff):
    """The congress's notice, sent to every city, read and answered by some; a guest city invited in English."""
    notice = MeetingNotice.objects.create(
        event=congress,
        title=f"关于召开广西市长协会{congress.title}的通知",
        created_by=staff,
        reply_by=_at(calendar.NEXT_CONGRESS_REPLY_BY, 18),
        body=f"各会员城市：\n\n经研究，定于{calendar.full_date(calendar.NEXT_CONGRESS[0])}在梧州市召开广西市长协会"
        f"{congress.title}。请各会员城市于回复截止日期前在联络员工作台回复是否参会，并报名代表团。\n\n广西市长协会秘书处",
    )
    notice_services.notice_send(notice=notice, by=staff)
    officers = {officer.city_id: officer for officer in LiaisonOfficer.objects.current().filter(is_primary=True)}
    registered = set(Delegation.objects.filter(event=congress).active().values_list("city_id", flat=True))
    for n, recipient in enumerate(notice.recipients.select_related("city")[:6]):
        officer = officers.get(recipient.city_id)
        if officer is None:
            continue
        notice_services.notice_mark_read(recipient=recipient, officer=officer)
        if n % 3 == 0 and recipient.city_id not in registered:  # a registered city does not decline
            notice_services.notice_reply(
                recipient=recipient, officer=officer, reply="decline", reason="同期召开市政府常务会议"
            )
    GuestInvitation.objects.create(
        event=congress,
        organisation="Vientiane Capital",
        country="Laos",
        contact_name="Somchai Phommavong",
        email="somchai@vientiane.example.la",
        language=GuestInvitation.Language.ENGLISH,
        created_by=staff,
        expires_at=congress.registration_closes_at,
    )


def _delegations(congress, training):
    """Delegations in every state, made through the services as officers and staff would."""
    staff, created = get_user_model().objects.get_or_create(
        username="secretariat", defaults={"first_name": "秘书处会议部", "is_staff": True}
    )
    if created:
        staff.set_unusable_password()
        staff.save()
        staff.groups.add(Group.objects.get(name=EVENT_MANAGERS))
    officers = list(
        LiaisonOfficer.objects.current()
        .filter(is_primary=True)
        .select_related("city", "user")
        .order_by("city__joined_on", "id")
    )
    plan = [
        ("pending", 3),
        ("pending", 2),
        ("confirmed", 3),
        ("confirmed", 2),
        ("waitlisted", 2),
        ("rejected", 1),
        ("withdrawn", 2),
    ]
    for officer, (state, count) in zip(officers[2:], plan, strict=False):
        delegation = services.delegation_register(
            event=congress, officer=officer, delegates=_delegates(count, officer.city), consent=True
        )
        if state == "confirmed":
            services.delegation_confirm(delegation=delegation, by=staff)
        elif state == "waitlisted":
            services.delegation_waitlist(delegation=delegation, by=staff, reason="名额暂满，列入候补")
        elif state == "rejected":
            services.delegation_reject(delegation=delegation, by=staff, reason="报名人员不符合参会条件")
        elif state == "withdrawn":
            services.delegation_withdraw(delegation=delegation, by=officer.user, reason="行程冲突")
    for officer in officers[10:15]:
        services.delegation_register(
            event=training, officer=officer, delegates=_delegates(2, officer.city), consent=True
        )
    _rooms(congress)
    return staff


def _rooms(congress):
    """The congress's two hotels, and rooms given to the confirmed delegations' heads (the others still to give)."""
    main = Hotel.objects.create(event=congress, name="南宁饭店", address="南宁市民族大道38号", phone="0771-2103888")
    Hotel.objects.create(event=congress, name="邕州饭店", address="南宁市七星路47号", phone="0771-2828888")
    confirmed = Delegate.objects.filter(delegation__event=congress, delegation__state="confirmed").order_by("id")
    placements = {
        head.pk: rooms.Placement(main.pk, f"{1201 + number}", None)
        for number, head in enumerate(confirmed.filter(is_head=True))
    }
    number = 801
    for gender in ("female", "male"):  # two of one gender to a room, across delegations too
        sharing = list(confirmed.filter(accommodation="shared", gender=gender))
        for first, second in zip(sharing[0::2], sharing[1::2], strict=False):
            placements[first.pk] = rooms.Placement(main.pk, str(number), second.pk)
            number += 1
    rooms.rooms_assign(event=congress, placements=placements)
