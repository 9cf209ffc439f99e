"""Demo membership: every member city at a level, this year's dues notices paid through an imported bank statement
(one partly, one waived, some still outstanding), last year's arrears of one city, receipts, an application under
review and certificates for the active members."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from core.media.pdf import render_pdf
from members import services as member_services
from members.contributions import MEMBERSHIP_MANAGERS
from members.models import MemberCity, MembershipLevel, Region
from membership.contributions import FINANCE
from membership.models import DuesNotice, DuesRate, PayeeAccount
from membership.services import applications, certificates, dues, statements

LEVELS = {
    "nanning": MembershipLevel.PRESIDENT,
    "liuzhou": MembershipLevel.VICE_PRESIDENT,
    "guilin": MembershipLevel.VICE_PRESIDENT,
    "wuzhou": MembershipLevel.STANDING_COUNCIL,
    "beihai": MembershipLevel.STANDING_COUNCIL,
    "qinzhou": MembershipLevel.STANDING_COUNCIL,
    "yulin": MembershipLevel.STANDING_COUNCIL,
}
RATES = {
    MembershipLevel.PRESIDENT: Decimal("50000.00"),
    MembershipLevel.VICE_PRESIDENT: Decimal("30000.00"),
    MembershipLevel.STANDING_COUNCIL: Decimal("20000.00"),
    MembershipLevel.COUNCIL: Decimal("10000.00"),
    MembershipLevel.MEMBER: Decimal("5000.00"),
}
PAID_IN_FULL = ["nanning", "liuzhou", "guilin", "wuzhou", "beihai", "qinzhou", "baise", "dongxing", "cenxi"]
PAID_BY_NAME = "yulin"  # a transfer without the reference, matched by amount and the city's name
PARTLY_PAID = "hezhou"
WAIVED = "pingxiang"
IN_ARREARS_LAST_YEAR = "heshan"


def _staff():
    staff, created = get_user_model().objects.get_or_create(
        username="secretariat-finance", defaults={"first_name": "秘书处财务", "is_staff": True}
    )
    if created:
        staff.set_unusable_password()
        staff.save()
        staff.groups.add(Group.objects.get(name=FINANCE), Group.objects.get(name=MEMBERSHIP_MANAGERS))
    return staff


def _statement(notices, year):
    """A bank statement as the bank exports it (GB18030 CSV, with the account's lines above the header)."""
    lines = [
        "账号,2102112009200088888",
        "户名,广西市长协会",
        f"起止日期,{year}-01-01至{year}-12-31",
        "交易日期,交易流水号,对方户名,摘要,借方金额,贷方金额,余额",
    ]
    day = datetime.date(year, 2, 10)
    for number, slug in enumerate(PAID_IN_FULL, start=1):
        notice = notices[slug]
        lines.append(
            f"{day + datetime.timedelta(days=3 * number)},"
            f"ICBC{year}{number:06d},{notice.city.name}财政局,会费 {notice.reference},,{notice.amount},"
        )
    notice = notices[PAID_BY_NAME]
    lines.append(f"{year}-03-20,ICBC{year}000101,{notice.city.name}人民政府办公室,{year}年度会费,,{notice.amount},")
    notice = notices[PARTLY_PAID]
    lines.append(f"{year}-03-28,ICBC{year}000102,{notice.city.name}财政局,{notice.reference},,{notice.amount / 2},")
    lines.append(f"{year}-04-02,ICBC{year}000103,南宁某科技有限公司,论坛赞助,,8000.00,")
    lines.append(f"{year}-04-05,ICBC{year}000104,中国工商银行,账户管理费,15.00,,")
    lines.append("合计,,,,15.00,,")
    return ("\r\n".join(lines) + "\r\n").encode("gb18030")


def load(log):
    if DuesRate.objects.exists():
        log(f"dues notices: {DuesNotice.objects.count()} (kept)")
        return
    staff = _staff()
    today = timezone.localdate()
    year = today.year
    for slug, level in LEVELS.items():
        MemberCity.objects.filter(slug=slug).update(membership_level=level)
    MemberCity.objects.filter(level=MemberCity.Level.PREFECTURE).exclude(slug__in=LEVELS).update(
        membership_level=MembershipLevel.COUNCIL
    )
    guilin = MemberCity.objects.get(slug="guilin")
    MemberCity.objects.filter(pk=guilin.pk).update(membership_level=MembershipLevel.STANDING_COUNCIL)
    guilin.refresh_from_db()
    member_services.membership_change(
        city=guilin,
        by=staff,
        effective_on=datetime.date(year - 1, 12, 10),
        level=MembershipLevel.VICE_PRESIDENT,
        status=MemberCity.Status.ACTIVE,
        reason="桂林市承办第六届中国—东盟市长论坛，工作突出，经常务理事会提名。",
        meeting="第五届理事会第三次会议",
        resolution="五届理字〔%d〕第3号" % (year - 1),
    )

    PayeeAccount.objects.create(name="广西市长协会", bank="中国工商银行南宁民族支行", number="2102 1120 0920 0088 888")
    for rate_year in (year - 1, year):
        DuesRate.objects.bulk_create(
            DuesRate(year=rate_year, level=level, amount=amount) for level, amount in RATES.items()
        )
    heshan = MemberCity.objects.get(slug=IN_ARREARS_LAST_YEAR)
    payee = PayeeAccount.objects.get()
    DuesNotice.objects.create(
        city=heshan,
        year=year - 1,
        level=heshan.membership_level,
        amount=RATES[heshan.membership_level],
        reference=dues.notice_reference(year - 1, 1),
        due_on=datetime.date(year - 1, 3, 31),
        payee_name=payee.name,
        payee_bank=payee.bank,
        payee_number=payee.number,
        issued_by=staff,
        reminded=DuesNotice.Reminder.DAYS_90,
    )
    issued = dues.dues_issue_notices(year=year, due_on=datetime.date(year, 3, 31), by=staff)
    notices = {notice.city.slug: notice for notice in DuesNotice.objects.filter(year=year).select_related("city")}
    result = statements.statement_import(
        data=_statement(notices, year), filename=f"工商银行对账单-{year}.csv", by=staff
    )
    dues.record_waiver(
        notice=notices[WAIVED],
        amount=notices[WAIVED].amount,
        reason="边境口岸城市受疫情影响，经第五届理事会第三次会议决定免缴本年度会费。",
        by=staff,
    )
    certificates.certificates_issue(year=year, by=staff)

    application = applications.application_submit(
        data={
            "city_name": "平果市",
            "region": Region.objects.get(name="广西壮族自治区"),
            "city_level": MemberCity.Level.COUNTY,
            "intended_level": MembershipLevel.MEMBER,
            "contact_name": "黄立新",
            "contact_position": "平果市人民政府办公室副主任",
            "contact_phone": "0776-5822000",
            "contact_email": "pingguo.liaison@example.org",
            "letter": ContentFile(
                render_pdf(
                    "入会申请书",
                    [
                        "广西市长协会：",
                        "平果市人民政府经研究，自愿申请加入广西市长协会，成为会员单位。我市承认协会章程，"
                        "愿意履行会员义务，按时缴纳会费，积极参加协会组织的各项活动。",
                        "特此申请。",
                        "平果市人民政府（盖章）",
                    ],
                ),
                name="pingguo-application.pdf",
            ),
            "note": "",
        },
        language="zh-hans",
    )
    log(
        f"membership: {len(issued)} dues notices for {year} ({result.matched} paid through a statement, "
        f"{result.unmatched} statement row to match), 1 waived, arrears of {heshan.name} for {year - 1}, "
        f"application {application.reference} under review"
    )
