"""Demo questionnaires: one on old-neighbourhood renewal that closed with answers from most cities, one on the next
forum's topics, open and sent to every city; and the year's call for outstanding liaison officers, decided."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from members.demo import HONOURED_THIS_YEAR
from members.models import LiaisonAward, LiaisonOfficer, MemberCity
from surveys import nominations
from surveys.models import (
    Criterion,
    Form,
    Juror,
    Nomination,
    NominationCall,
    Question,
    Questionnaire,
    Response,
    Score,
    Section,
)

RENEWAL = [
    # section, key, kind, text, extra
    ("基本情况", "started", "single", "本市是否已启动老旧小区改造？", {"choices": "是\n否", "required": True}),
    (
        "基本情况",
        "measures",
        "multiple",
        "主要改造内容（可多选）",
        {
            "choices": "加装电梯\n雨污分流\n适老化改造\n停车设施\n社区服务设施",
            "allow_other": True,
            "condition": {"all": [{"question": "started", "is": "是"}]},
        },
    ),
    (
        "投入与规模",
        "households",
        "number",
        "2025年改造惠及居民户数",
        {
            "unit": "户",
            "min_value": Decimal("0"),
            "max_value": Decimal("1000000"),
            "condition": {"all": [{"question": "started", "is": "是"}]},
        },
    ),
    (
        "投入与规模",
        "funds",
        "table",
        "各年度投入资金（万元）",
        {
            "rows": "2024\n2025",
            "columns": "中央补助\n地方配套\n社会资本",
            "condition": {"all": [{"question": "started", "is": "是"}]},
        },
    ),
    ("经验与建议", "lesson", "long", "可供交流的做法", {}),
]
FORUM = [
    (
        "议题",
        "topic",
        "single",
        "您最希望下届论坛讨论的议题",
        {"choices": "城市更新\n数字政府\n口岸经济\n文化旅游", "allow_other": True, "required": True},
    ),
    ("议题", "speaker", "short", "推荐的发言城市或嘉宾", {}),
    ("参会", "date", "date", "方便参会的日期", {}),
]


def _form(name, questions):
    form = Form.objects.create(name=name)
    sections = {}
    for order, (section, key, kind, text, extra) in enumerate(questions):
        if section not in sections:
            sections[section] = Section.objects.create(form=form, title=section, order=len(sections))
        Question.objects.create(section=sections[section], key=key, kind=kind, text=text, order=order, **extra)
    return form


def load(log):
    if Questionnaire.objects.exists():
        log(f"questionnaires: {Questionnaire.objects.count()} (kept)")
        return
    now = timezone.now()
    closed = Questionnaire.objects.create(
        form=_form("老旧小区改造情况调查", RENEWAL),
        title="2025年老旧小区改造情况调查",
        intro="为编写年度城市发展报告，请各会员城市填报老旧小区改造情况。",
        opens_at=now - datetime.timedelta(days=60),
        deadline=now - datetime.timedelta(days=20),
        all_cities=True,
        state=Questionnaire.State.SENT,
    )
    chance = random.Random(2025)
    cities = list(MemberCity.objects.filter(status=MemberCity.Status.ACTIVE).order_by("pk"))
    for city in cities[: max(1, len(cities) * 4 // 5)]:
        started = chance.random() < 0.85
        answers = {"started": "是" if started else "否"}
        if started:
            answers["measures"] = chance.sample(["加装电梯", "雨污分流", "适老化改造", "停车设施", "社区服务设施"], 2)
            answers["households"] = str(chance.randrange(800, 26000, 100))
            answers["funds"] = {
                year: {"中央补助": str(chance.randrange(800, 9000)), "地方配套": str(chance.randrange(300, 5000))}
                for year in ("2024", "2025")
            }
        Response.objects.create(
            questionnaire=closed,
            city=city,
            answers=answers,
            state=Response.State.SUBMITTED,
            submitted_at=closed.deadline - datetime.timedelta(days=chance.randrange(1, 30)),
        )
    Questionnaire.objects.create(
        form=_form("下届市长论坛议题征集", FORUM),
        title="第八届中国—东盟市长论坛议题征集",
        intro="请各会员城市推荐下届论坛的议题和发言嘉宾。",
        opens_at=now - datetime.timedelta(days=2),
        deadline=now + datetime.timedelta(days=28),
        all_cities=True,
        state=Questionnaire.State.SENT,
    )
    _nomination_call(now)
    log(
        f"questionnaires: {Questionnaire.objects.count()}, responses: {Response.objects.count()}, "
        f"nominations: {Nomination.objects.count()}, "
        f"honoured this year: {LiaisonAward.objects.filter(year=now.year).count()}"
    )


def _nomination_call(now):
    """The year's outstanding liaison officers, from the call to the honours page: six cities nominate, three jurors
    score, the secretariat decides."""
    form = _form(
        "优秀联络员推荐表",
        [
            ("推荐材料", "deeds", "long", "主要事迹", {"required": True}),
            ("推荐材料", "reports", "number", "全年报送信息（条）", {"min_value": Decimal("0"), "unit": "条"}),
        ],
    )
    questionnaire = Questionnaire.objects.create(
        form=form,
        title=f"{now.year}年度优秀联络员推荐",
        opens_at=now - datetime.timedelta(days=90),
        deadline=now - datetime.timedelta(days=45),
        all_cities=True,
        state=Questionnaire.State.SENT,
    )
    call = NominationCall.objects.create(
        questionnaire=questionnaire, honour="优秀联络员", year=now.year, places=HONOURED_THIS_YEAR
    )
    criteria = [
        Criterion.objects.create(call=call, name="联络工作成效", weight=Decimal(2), order=0),
        Criterion.objects.create(call=call, name="信息报送", weight=Decimal(1), order=1),
        Criterion.objects.create(call=call, name="评委印象", weight=Decimal(0), order=2),
    ]
    User = get_user_model()
    jurors = [
        Juror.objects.create(
            call=call, user=User.objects.get_or_create(username=username, defaults={"first_name": name})[0]
        )
        for username, name in (("jury.wang", "王建国"), ("jury.li", "李秀英"), ("jury.zhao", "赵志明"))
    ]
    chance = random.Random(7)
    officers = list(LiaisonOfficer.objects.current().filter(is_primary=True).select_related("city").order_by("pk")[3:9])
    for officer in officers:
        response = Response.objects.create(
            questionnaire=questionnaire,
            city=officer.city,
            answers={
                "deeds": f"{officer.name}同志认真履行联络员职责，按时报送会议回执和城市信息。",
                "reports": str(chance.randrange(40, 160)),
            },
            state=Response.State.SUBMITTED,
            submitted_at=questionnaire.deadline - datetime.timedelta(days=chance.randrange(1, 30)),
        )
        nomination = Nomination.objects.create(call=call, response=response, officer=officer)
        for juror in jurors:
            for criterion in criteria:
                Score.objects.create(
                    nomination=nomination, juror=juror, criterion=criterion, value=chance.randrange(5, 11)
                )
    secretariat = User(is_superuser=True, is_active=True, is_staff=True)
    best = [row.nomination.pk for row in nominations.ranking(call)[: call.places]]
    nominations.call_decide(call=call, honoured=best, by=secretariat)
