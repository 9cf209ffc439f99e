"""Demo content for the association app. Written for this portal; the association is fictional."""

import datetime

from django.core.files.base import ContentFile

from association.models import Association, Branch, Document, Page
from core.media import demo_images
from core.media.pdf import render_pdf
from members import demo_calendar
from members.demo import CITIES, cities_at

PROFILE = {
    "name": "广西市长协会",
    "name_en": "Guangxi Mayors' Association",
    "short_name": "市长协会",
    "mission": "为城市发展服务，为市长工作服务",
    "founded_on": datetime.date(1993, 6, 18),
    "introduction": (
        "广西市长协会是由全区设区市、县级市的市长自愿组成的非营利性社会团体，"
        "以“为城市发展服务，为市长工作服务”为宗旨，搭建城市之间交流合作的平台。\n\n"
        "协会每年召开会员大会和联络工作会议，举办中国—东盟市长论坛，组织市长专题培训和城市考察，"
        "编发城市发展研究报告，推动成员城市在规划建设、产业合作、对外交往等方面互学互鉴。"
    ),
    "supervising_bodies": "广西壮族自治区民政厅（登记管理机关）\n广西壮族自治区住房和城乡建设厅（业务指导单位）",
    "address": "广西南宁市青秀区民族大道 118 号 市政大厦 9 楼",
    "postcode": "530028",
    "phone": "0771-2801 234",
    "fax": "0771-2801 235",
    "email": "mishuchu@gxmayors.example.cn",
    "office_hours": "工作日 8:30–12:00，14:30–17:30",
    "wechat_name": "广西市长协会",
    "icp_number": "桂ICP备19000123号-1",
    "police_filing_number": "桂公网安备 45010302000123号",
}

BRANCHES = [
    {
        "slug": "women-mayors",
        "name": "女市长分会",
        "name_en": "Women Mayors' Branch",
        "kind": Branch.Kind.WOMEN_MAYORS,
        "founded_on": datetime.date(2008, 3, 6),
        "introduction": (
            "女市长分会由成员城市的女市长、女副市长组成，围绕城市治理、妇女儿童发展和公共服务开展交流研讨，"
            "每年举办一次女市长论坛，并组织赴东盟国家城市的友好交流活动。"
        ),
        "secretariat_address": "南宁市青秀区民族大道 118 号 9 楼 906 室",
        "secretariat_phone": "0771-2801 240",
        "secretariat_email": "women@gxmayors.example.cn",
    },
    {
        "slug": "beibu-gulf-cities",
        "name": "北部湾城市分会",
        "name_en": "Beibu Gulf Cities Branch",
        "kind": Branch.Kind.CITY,
        "founded_on": datetime.date(2012, 9, 20),
        "introduction": (
            "北部湾城市分会由南宁、北海、钦州、防城港、玉林、崇左等城市组成，设理事会、秘书处和港口物流、"
            "文化旅游两个专门委员会，推动北部湾城市群在港口、产业和口岸方面协同发展。"
        ),
        "secretariat_address": "北海市海城区北京路 6 号",
        "secretariat_phone": "0779-3201 118",
        "secretariat_email": "beibuwan@gxmayors.example.cn",
    },
    {
        "slug": "urban-planning",
        "name": "城市规划建设专业委员会",
        "name_en": "Urban Planning and Construction Committee",
        "kind": Branch.Kind.INDUSTRY,
        "founded_on": datetime.date(2015, 5, 12),
        "introduction": (
            "专业委员会邀请规划、建设、交通和市政方面的专家，为成员城市提供咨询，编写城市更新案例汇编，"
            "每两年举办一次城市规划建设研讨会。"
        ),
        "secretariat_address": "南宁市青秀区民族大道 118 号 9 楼 908 室",
        "secretariat_phone": "0771-2801 250",
        "secretariat_email": "planning@gxmayors.example.cn",
    },
]

CHARTER = [
    "第一章　总则",
    "第一条　本会名称为广西市长协会（以下简称本会），英文名称为 Guangxi Mayors' Association。",
    "第二条　本会是由全区设区市、县级市的市长自愿组成的非营利性社会团体。",
    "第三条　本会的宗旨是：为城市发展服务，为市长工作服务。遵守宪法、法律、法规和国家政策，践行社会主义核心价值观。",
    "第四条　本会接受登记管理机关和业务指导单位的业务指导和监督管理。",
    "第二章　业务范围",
    "第五条　本会的业务范围：（一）组织市长开展城市发展、城市治理方面的交流研讨；"
    "（二）举办会员大会、联络工作会议和市长论坛；"
    "（三）组织市长专题培训和城市考察；（四）开展与东盟国家城市的友好交流；（五）编发城市发展研究成果。",
    "第三章　会员",
    "第六条　全区设区市、县级市人民政府，承认本会章程，自愿申请，均可成为本会会员城市。",
    "第七条　会员城市指定一名市政府副秘书长或相当职务的同志担任联络员，负责与本会秘书处的日常联系。",
    "第四章　组织机构",
    "第八条　本会的最高权力机构是会员大会，每年召开一次。会员大会闭会期间，由理事会执行会员大会的决议。",
    "第九条　本会设会长一名、执行会长一名、副会长若干名、秘书长一名。秘书处负责日常工作。",
]

LIAISON_RULES = [
    "第一条　为加强本会与会员城市的联系，做好联络工作，制定本办法。",
    "第二条　每个会员城市设联络员一至二名，由市人民政府副秘书长或办公室负责同志担任，报本会秘书处备案。",
    "第三条　联络员的职责：（一）传达本会通知，组织本市代表团参加本会会议和活动；（二）按时报送代表团名单和行程；"
    "（三）报送本市城市发展动态和信息稿件；（四）协助本会在本市开展调研和考察。",
    "第四条　联络员变动时，会员城市应在十五个工作日内告知秘书处，并办理工作交接。",
    "第五条　本会每年召开一次联络工作会议，总结交流联络工作，表彰优秀联络员。",
    "第六条　本办法由本会秘书处负责解释，自印发之日起施行。",
]

WORK_REPORT = [
    "一、{last}年工作回顾",
    "（一）成功召开会员大会。{last}年{month}月，本会在柳州市召开年度会员大会，执行会长作工作报告，审议通过了年度工作计划。",
    "（二）办好中国—东盟市长论坛。第七届论坛作为博览会的重要活动，吸引了来自中国和东盟国家的200多位市长参加。",
    "（三）加强联络工作。在北海市召开联络工作会议，全部{cities}个会员城市的联络员参加，表彰了一批优秀联络员。",
    "二、{year}年工作安排",
    "（一）围绕城市更新、县域经济等主题，组织两期市长专题培训班。",
    "（二）筹备第八届中国—东盟市长论坛，扩大东盟国家城市的参与。",
    "（三）修订联络工作办法，完善联络员信息报送和代表团报名工作。",
]


def _documents():
    """The association's documents; the work reports and the work plan dated by the demo's congress."""
    congress = demo_calendar.day(demo_calendar.CONGRESS[0])
    year = congress.year
    report, earlier = (
        [line.format(last=last, year=last + 1, month=congress.month, cities=len(CITIES)) for line in WORK_REPORT]
        for last in (year - 1, year - 2)
    )
    return [
        *DOCUMENTS,
        (
            "report",
            f"广西市长协会{year - 1}年工作报告",
            congress.isoformat(),
            "public",
            f"执行会长在{year}年会员大会上所作的工作报告。",
            report,
        ),
        (
            "report",
            f"广西市长协会{year - 2}年工作报告",
            (congress - datetime.timedelta(days=364)).isoformat(),
            "public",
            f"执行会长在{year - 1}年会员大会上所作的工作报告。",
            earlier[:4],
        ),
        (
            "other",
            f"{year}年协会工作要点（征求意见稿）",
            f"{year}-01-12",
            "members",
            "请各会员城市联络员于2月底前反馈意见。",
            report[4:],
        ),
    ]


DOCUMENTS = [
    ("charter", "广西市长协会章程", "2022-11-08", "public", "2022年11月8日第七届会员大会修订通过。", CHARTER),
    (
        "regulation",
        "广西市长协会联络工作办法",
        "2023-03-15",
        "public",
        "明确联络员的设置、职责和工作要求。",
        LIAISON_RULES,
    ),
    (
        "regulation",
        "会员城市联络员通讯录管理规定",
        "2024-06-01",
        "members",
        "仅供联络员和秘书处工作人员使用。",
        LIAISON_RULES[2:5],
    ),
]

PAGES = [
    (
        "about",
        "协会简介",
        False,
        0,
        (
            f"协会成立于1993年，现有会员城市{len(CITIES)}个：全区{cities_at('prefecture')}个设区市和"
            f"{cities_at('county')}个县级市。会员大会是协会的最高权力机构，"
            "理事会在会员大会闭会期间领导协会工作，秘书处承担日常事务。\n\n"
            "协会设有女市长分会、北部湾城市分会和城市规划建设专业委员会，建立了覆盖全部会员城市的联络员队伍。"
            "每个会员城市由市政府副秘书长担任联络员，负责传达协会通知、组织代表团参加会议和报送城市信息。\n\n"
            "多年来，协会连续举办中国—东盟市长论坛，论坛已举办七届，成为中国与东盟国家城市交流合作的重要平台。"
        ),
    ),
    (
        "contact",
        "联系我们",
        False,
        0,
        (
            "乘坐地铁1号线至民族广场站，从B出口步行约5分钟即到市政大厦。来访请提前电话预约，并携带有效证件在一楼登记。\n\n"
            "各会员城市联络员的代表团报名、名单变更等事宜，请登录联络员系统办理；如有疑问，请致电秘书处会议部。"
        ),
    ),
    (
        "privacy",
        "个人信息保护说明",
        True,
        10,
        (
            "本网站为联络员办理会议报名收集代表姓名、职务、联系电话和行程信息，仅用于会议组织、接待和安全保障，"
            "不会在公开页面展示，也不会提供给与会议组织无关的第三方。\n\n"
            "会议结束后一年内，秘书处将删除代表的联系电话和行程信息。联络员可以随时登录查看、更正本市代表的信息。"
        ),
    ),
    (
        "statement",
        "网站声明",
        True,
        20,
        (
            "本网站由广西市长协会秘书处主办和维护。本网站刊登的新闻稿件，转载时请注明来源。\n\n"
            "如发现网站内容有误或遭到篡改，请立即通过秘书处电话或电子邮箱与我们联系。"
        ),
    ),
]


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def load(log):
    association, _ = Association.objects.get_or_create(pk=1, defaults=PROFILE)
    if not association.wechat_qr:
        association.wechat_qr.save(
            "wechat-qr.png", ContentFile(demo_images.wechat_qr("https://gxmayors.example.cn/")), save=False
        )
        association.save()
    log(f"association: {association.name}")

    for order, data in enumerate(BRANCHES):
        data = dict(data)
        Branch.objects.get_or_create(slug=data.pop("slug"), defaults={**data, "order": order})
    log(f"branches: {Branch.objects.count()}")

    for kind, title, issued_on, visibility, description, paragraphs in _documents():
        if Document.objects.filter(title=title).exists():
            continue
        document = Document(
            title=title, kind=kind, issued_on=_date(issued_on), visibility=visibility, description=description
        )
        document.file.save("document.pdf", ContentFile(render_pdf(title, paragraphs)), save=False)
        document.save()
    log(f"documents: {Document.objects.count()}")

    for slug, title, in_footer, order, body in PAGES:
        Page.objects.get_or_create(
            slug=slug, defaults={"title": title, "body": body, "show_in_footer": in_footer, "order": order}
        )
    log(f"pages: {Page.objects.count()}")
