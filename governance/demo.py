"""Demo content for the bodies and votes (the association's branches and documents are named, not imported:
they live in a layer above): the association's council and standing council over two terms, the
branches' councils and committees, a council meeting, and one vote that has closed with its result published."""

import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from governance import services
from governance.models import Body, Choice, CouncilMeeting, Mandate, Motion, Position, RollEntry, Term
from members.models import MemberCity

POSITIONS = [
    # name, English, order, part of the leadership
    ("会长", "President", 10, True),
    ("执行会长", "Executive President", 20, True),
    ("副会长", "Vice-President", 30, True),
    ("秘书长", "Secretary-General", 40, True),
    ("副秘书长", "Deputy Secretary-General", 50, True),
    ("主任", "Chair", 60, True),
    ("理事", "Council member", 90, False),
]

# The association's council: (term number, starts, ends) and its members: (position, name, other offices, city slug,
# since, until, biography).
COUNCIL_TERMS = [(4, "2016-10-12", "2022-11-07"), (5, "2022-11-08", None)]
COUNCIL = {
    4: [
        ("会长", "李国强", "南宁市人民政府原市长", "nanning", None, None, ""),
        ("执行会长", "蒙立新", "自治区住房和城乡建设厅原副厅长", None, "2021-06-15", None, ""),
        ("副会长", "黎建华", "柳州市人民政府原市长", "liuzhou", None, None, ""),
        ("秘书长", "甘永平", "", None, None, "2020-02-29", ""),
        ("秘书长", "莫春林", "", None, "2020-03-01", None, ""),
        ("理事", "邓文远", "桂林市人民政府原市长", "guilin", None, None, ""),
        ("理事", "罗志刚", "北海市人民政府原市长", "beihai", None, None, ""),
    ],
    5: [
        (
            "会长",
            "韦志宏",
            "南宁市人民政府市长",
            "nanning",
            None,
            None,
            "长期从事城市规划与建设管理工作，主持推进南宁市城市更新和五象新区建设。",
        ),
        (
            "执行会长",
            "蒙立新",
            "自治区住房和城乡建设厅原副厅长",
            None,
            "2021-06-15",
            None,
            "负责协会日常工作，在历届会员大会上作工作报告，推动建立成员城市联络员工作机制。",
        ),
        ("副会长", "覃海燕", "柳州市人民政府市长", "liuzhou", None, None, ""),
        ("副会长", "黄建军", "桂林市人民政府市长", "guilin", None, None, ""),
        ("副会长", "陆明峰", "北海市人民政府市长", "beihai", "2023-04-20", None, ""),
        (
            "秘书长",
            "莫春林",
            "",
            None,
            "2020-03-01",
            None,
            "主持秘书处工作，联系各成员城市联络员，组织联络工作会议和市长论坛筹备工作。",
        ),
        ("副秘书长", "梁静", "", None, "2021-09-01", None, ""),
        ("理事", "周晓东", "钦州市人民政府市长", "qinzhou", None, None, ""),
        ("理事", "杨振华", "防城港市人民政府市长", "fangchenggang", None, None, ""),
        ("理事", "韦丽娟", "百色市人民政府副市长", "baise", None, None, ""),
    ],
}
# Council members who vote on the desk in the demo: (name, username).
VOTERS = [("覃海燕", "qin.haiyan"), ("陆明峰", "lu.mingfeng"), ("黄建军", "huang.jianjun")]

# Each branch's council over two terms, and the Beibu Gulf branch's two committees.
BRANCH_COUNCILS = {
    "women-mayors": [
        ((1, "2008-03-06", "2018-03-05"), [("会长", "蓝秀英", "柳州市人民政府原副市长", None)]),
        (
            (2, "2018-03-06", None),
            [
                ("会长", "覃海燕", "柳州市人民政府市长", "liuzhou"),
                ("副会长", "黎雪梅", "梧州市人民政府副市长", "wuzhou"),
                ("副会长", "韦丽娟", "百色市人民政府副市长", "baise"),
                ("秘书长", "梁静", "广西市长协会副秘书长", None),
            ],
        ),
    ],
    "beibu-gulf-cities": [
        ((1, "2012-09-20", "2019-09-19"), [("会长", "罗志刚", "北海市人民政府原市长", "beihai")]),
        (
            (2, "2019-09-20", None),
            [
                ("会长", "陆明峰", "北海市人民政府市长", "beihai"),
                ("副会长", "周晓东", "钦州市人民政府市长", "qinzhou"),
                ("副会长", "杨振华", "防城港市人民政府市长", "fangchenggang"),
                ("秘书长", "陈立", "北海市人民政府副秘书长", None),
                ("理事", "何志强", "崇左市人民政府副市长", "chongzuo"),
            ],
        ),
    ],
    "urban-planning": [
        ((1, "2015-05-12", "2020-05-11"), [("会长", "邓文远", "桂林市人民政府原市长", "guilin")]),
        (
            (2, "2020-05-12", None),
            [
                ("会长", "黄建军", "桂林市人民政府市长", "guilin"),
                ("副会长", "唐文彬", "自治区城乡规划设计院院长", None),
                ("秘书长", "罗宇", "广西市长协会规划部主任", None),
            ],
        ),
    ],
}
COMMITTEES = {
    "beibu-gulf-cities": [
        ("港口物流专门委员会", "Port and Logistics Committee", "钟海涛", "钦州市人民政府副市长", "qinzhou"),
        ("文化旅游专门委员会", "Culture and Tourism Committee", "谢春燕", "北海市人民政府副市长", "beihai"),
    ]
}


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def load(log):
    if Body.objects.exists():
        log(f"bodies: {Body.objects.count()} (kept)")
        return
    positions = {
        name: Position.objects.get_or_create(
            name=name, defaults={"name_en": english, "order": order, "leading": leading}
        )[0]
        for name, english, order, leading in POSITIONS
    }
    cities = {city.slug: city for city in MemberCity.objects.all()}
    Body.objects.create(name="会员代表大会", name_en="Congress of Members", kind=Body.Kind.CONGRESS, order=0)
    council = Body.objects.create(name="理事会", name_en="Council", kind=Body.Kind.COUNCIL, order=10)
    Body.objects.create(name="常务理事会", name_en="Standing Council", kind=Body.Kind.STANDING_COUNCIL, order=20)
    for number, starts, ends in COUNCIL_TERMS:
        term = Term.objects.create(body=council, number=number, starts_on=_date(starts), ends_on=_date(ends))
        Mandate.objects.bulk_create(
            Mandate(
                term=term,
                position=positions[position],
                name=name,
                affiliation=affiliation,
                biography=biography,
                city=cities.get(slug),
                since=_date(since),
                until=_date(until),
                order=index,
            )
            for index, (position, name, affiliation, slug, since, until, biography) in enumerate(COUNCIL[number])
        )
    _branch_bodies(positions, cities)
    _voters()
    meeting = _meeting(council)
    _closed_vote(council, meeting)
    log(
        f"bodies: {Body.objects.count()}, terms: {Term.objects.count()}, mandates: {Mandate.objects.count()}, "
        f"votes: {Motion.objects.count()}"
    )


def _branch_bodies(positions, cities):
    for slug, terms in BRANCH_COUNCILS.items():
        branch = apps.get_model("association", "Branch").objects.filter(slug=slug).first()
        if branch is None:
            continue
        body = Body.objects.create(name="理事会", name_en="Council", kind=Body.Kind.COUNCIL, branch=branch)
        for (number, starts, ends), members in terms:
            term = Term.objects.create(body=body, number=number, starts_on=_date(starts), ends_on=_date(ends))
            Mandate.objects.bulk_create(
                Mandate(
                    term=term,
                    position=positions[position],
                    name=name,
                    affiliation=affiliation,
                    city=cities.get(city),
                    order=index,
                )
                for index, (position, name, affiliation, city) in enumerate(members)
            )
        for order, (name, english, chair, chair_office, city) in enumerate(COMMITTEES.get(slug, ()), start=1):
            committee = Body.objects.create(
                name=name, name_en=english, kind=Body.Kind.COMMITTEE, branch=branch, order=order
            )
            term = Term.objects.create(body=committee, number=1, starts_on=datetime.date(2019, 9, 20))
            Mandate.objects.create(
                term=term, position=positions["主任"], name=chair, affiliation=chair_office, city=cities.get(city)
            )


def _voters():
    User = get_user_model()
    for name, username in VOTERS:
        user, _created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@council.gxmayors.example.cn"}
        )
        Mandate.objects.current().filter(name=name, term__body__branch__isnull=True).update(user=user, email=user.email)


def _meeting(council):
    term = Term.objects.current().get(body=council)
    meeting = CouncilMeeting.objects.create(
        body=council,
        term=term,
        title="第五届理事会第三次会议",
        title_en="Third Meeting of the Fifth Council",
        held_on=timezone.localdate() - datetime.timedelta(days=40),
        place="南宁市 市政大厦 9 楼会议室",
        minutes="会议由会长主持，审议了秘书处年度工作报告和会费标准调整方案，决定以通讯表决方式表决会费标准调整方案。",
    )
    papers = apps.get_model("association", "Document").objects.filter(visibility="members")[:2]
    meeting.papers.set(papers)
    return meeting


def _closed_vote(council, meeting):
    """A vote held through the services, then moved into the past: its ballots chain as cast."""
    now = timezone.now()
    admin = get_user_model()(is_superuser=True, is_active=True, is_staff=True)
    motion = Motion.objects.create(
        body=council,
        meeting=meeting,
        title="关于调整会员单位会费标准的议案",
        title_en="Motion on the new dues of member cities",
        text="自下一年度起，会员单位会费标准按会员等级调整，具体标准见会议材料。",
        secrecy=Motion.Secrecy.OPEN,
        quorum=Motion.Quorum.TWO_THIRDS,
        majority=Motion.Majority.SIMPLE_OF_VOTING,
        opens_at=now - datetime.timedelta(minutes=1),
        closes_at=now + datetime.timedelta(hours=1),
    )
    services.motion_open(motion=motion, by=admin)
    choices = [Choice.YES] * 6 + [Choice.ABSTAIN, Choice.NO]
    for entry, choice in zip(RollEntry.objects.filter(motion=motion).order_by("pk"), choices, strict=False):
        services.vote_cast(entry=entry, choice=choice)
    closed = now - datetime.timedelta(days=30)
    Motion.objects.filter(pk=motion.pk).update(opens_at=closed - datetime.timedelta(days=7), closes_at=closed)
    motion.refresh_from_db()
    services.motion_publish_result(motion=motion, by=admin, public=True)
