"""Demo news: categories, articles with photos and attachments, and a special topic. Written for this portal."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from core.media import demo_images
from core.media.pdf import render_pdf
from members import demo_calendar as calendar
from members.demo import HONOURED_THIS_YEAR
from news.models import Article, ArticleImage, Attachment, Category, Topic, TopicEntry

CATEGORIES = [
    # slug, name, parent slug, order, on home
    ("association-news", "协会动态", None, 10, True),
    ("notices", "通知公告", None, 20, True),
    ("city-exchange", "城市交流", None, 30, True),
    ("liaison-work", "联络工作", "city-exchange", 31, False),
    ("city-news", "城市动态", "city-exchange", 32, False),
    ("meetings", "会议活动", None, 40, False),
    ("topics", "专题", None, 50, False),
]

P = "<p>{}</p>".format


def body(*paragraphs, headings=None):
    parts = []
    for paragraph in paragraphs:
        parts.append(f"<h2>{paragraph[3:]}</h2>" if paragraph.startswith("## ") else P(paragraph))
    return "".join(parts)


# slug-ish key, category, title, subtitle, summary, body, tags, days ago, pinned, picture kind, gallery captions
ARTICLES = [
    (
        "liaison-conference",
        "liaison-work",
        "{conference}在北海召开",
        "全部22个会员城市的联络员参加会议",
        "会议总结交流了一年来的联络工作，表彰了年度优秀联络员，并组织代表考察了北海市城市更新项目。",
        body(
            "{conference_dates}，{conference}在北海市召开。全部22个会员城市的30余名联络员和秘书处工作人员参加会议。会议由协会副秘书长梁静主持。",
            "协会秘书长莫春林作联络工作报告，回顾了一年来在代表团组织、信息报送和城市调研等方面的工作，部署了下一阶段任务。报告指出，联络员是协会联系会员城市的桥梁和纽带，要进一步完善报名、通知和信息报送机制。",
            "## 一、专题讲座",
            "会议邀请自治区城乡规划设计院院长唐文彬作《城市更新中的规划统筹》专题讲座，邀请北海市人民政府副秘书长陈立介绍北海老城保护与活化的做法。",
            "## 二、表彰优秀联络员",
            "会议通报表彰了{honour_year}年度优秀联络员{awarded}名。受表彰的联络员代表作交流发言，分享了做好代表团组织和信息报送工作的经验。",
            "## 三、现场考察",
            "与会代表实地考察了北海老城历史文化街区、银滩片区综合整治项目和铁山港区临港产业园。",
        ),
        ["联络工作", "联络员", "北海"],
        -calendar.CONFERENCE[1],
        True,
        "hall",
        ["会议现场", "秘书长莫春林作联络工作报告", "代表考察北海老城历史文化街区"],
    ),
    (
        "congress",
        "association-news",
        "广西市长协会{congress}在柳州举行",
        "",
        "大会审议通过了执行会长所作的工作报告和{congress_year}年工作要点，选举增补了理事会成员。",
        body(
            "{congress_date}，广西市长协会{congress}在柳州市举行。会长、南宁市人民政府市长韦志宏出席会议并讲话，柳州市人民政府市长覃海燕致辞。",
            "执行会长蒙立新代表理事会作工作报告。报告总结了{congress_last_year}年协会在服务城市发展、服务市长工作方面的主要成绩，提出了2026年的工作安排。",
            "大会审议通过了工作报告、财务报告和{congress_year}年工作要点，选举增补了3名理事会成员。会后，与会市长考察了柳州螺蛳粉产业园和柳东新区。",
        ),
        ["会员大会", "工作报告", "柳州"],
        -calendar.CONGRESS[1],
        True,
        "hall",
        ["大会现场", "执行会长蒙立新作工作报告"],
    ),
    (
        "forum-7",
        "meetings",
        "第七届中国—东盟市长论坛成功举办",
        "200多位中外市长共话城市可持续发展",
        "论坛作为博览会的重要活动，以“数字赋能 绿色发展”为主题，来自中国和东盟十国的200多位市长和代表出席。",
        body(
            (
                "第七届中国—东盟市长论坛在南宁举办。"
                "论坛以“数字赋能 绿色发展”为主题，来自中国和东盟十国的200多位市长、副市长和城市代表出席。"
            ),
            "论坛设开幕式、主旨演讲和“智慧城市”“低碳交通”“文旅融合”三场平行论坛。与会市长围绕城市数字化治理、公共交通电动化和历史街区保护等议题深入交流。",
            "论坛期间，12对中国与东盟国家城市签署了友好合作意向书。",
        ),
        ["市长论坛", "东盟", "国际交流"],
        -calendar.FORUM_7[1],
        True,
        "city",
        ["论坛开幕式", "平行论坛现场", "中外市长合影"],
    ),
    (
        "notice-training",
        "notices",
        "关于举办{training}的通知",
        "",
        "培训班以“县域经济高质量发展”为主题，请各会员城市于{training_closes}前报名。",
        body(
            "各会员城市人民政府：",
            "为帮助各城市市长、副市长拓宽视野、交流经验，经研究，决定于{training_month}举办第一期市长专题培训班。现将有关事项通知如下：",
            "## 一、培训主题",
            "县域经济高质量发展与城乡融合。",
            "## 二、时间地点",
            "{training_year}年{training_dates}，在桂林市举办，{training_arrival}报到。",
            "## 三、报名方式",
            "请各城市联络员登录本网站联络员系统，于{training_closes}前提交参训人员名单。每个城市限报2人。",
        ),
        ["培训", "通知"],
        -calendar.TRAINING_REGISTRATION[0],
        False,
        None,
        [],
    ),
    (
        "notice-info-reporting",
        "notices",
        "关于做好{info_year}年度城市发展信息报送工作的通知",
        "",
        "请各会员城市联络员按季度报送城市发展动态、典型经验和重要活动信息。",
        body(
            "各会员城市联络员：",
            "为及时反映各城市发展成就和经验做法，请按季度报送城市发展信息。报送内容包括城市发展动态、典型经验和重要活动，每季度末月25日前报送秘书处。",
            "信息稿件应真实准确，配发图片须注明拍摄者。",
        ),
        ["通知", "信息报送"],
        -calendar.INFO_REPORTING_NOTICE,
        False,
        None,
        [],
    ),
    (
        "women-mayors-forum",
        "association-news",
        "女市长分会举办{women_year}年女市长论坛",
        "",
        "论坛围绕“城市治理中的儿童友好”进行交流，来自22个城市的女市长、女副市长参加。",
        body(
            "女市长分会{women_year}年女市长论坛在梧州市举行，来自22个城市的女市长、女副市长参加。",
            "论坛围绕“城市治理中的儿童友好”主题，交流了儿童友好社区建设、校园周边交通安全和托育服务体系建设的做法。",
        ),
        ["女市长分会", "儿童友好"],
        -calendar.WOMEN_FORUM,
        False,
        "hall",
        ["论坛现场"],
    ),
    (
        "beibu-gulf-port",
        "city-exchange",
        "北部湾城市分会召开港口物流专门委员会会议",
        "",
        "会议研究了北部湾港口集疏运体系建设和口岸通关便利化措施。",
        body(
            "北部湾城市分会港口物流专门委员会会议在钦州召开。会议研究了北部湾港口集疏运体系建设和口岸通关便利化措施，交流了海铁联运发展情况。"
        ),
        ["北部湾", "港口"],
        30,
        False,
        "city",
        [],
    ),
    (
        "planning-seminar",
        "meetings",
        "城市规划建设研讨会聚焦老旧小区改造",
        "",
        "专业委员会邀请规划、建设专家与成员城市分管负责同志交流老旧小区改造的经验。",
        body(
            "城市规划建设专业委员会举办研讨会，邀请规划、建设专家与成员城市分管负责同志交流老旧小区改造的经验。",
            "与会专家认为，老旧小区改造要坚持“先民生后提升”，把加装电梯、雨污分流和适老化改造放在前面。",
        ),
        ["城市更新", "规划"],
        120,
        False,
        "city",
        ["研讨会现场"],
    ),
    (
        "asean-visit",
        "city-exchange",
        "协会代表团赴东盟国家城市开展友好交流",
        "",
        "代表团访问了越南、老挝的四个城市，就友好城市合作和人员培训交流达成共识。",
        body(
            "应东盟国家城市邀请，协会代表团访问了越南、老挝的四个城市，就友好城市合作、职业教育和人员培训交流达成共识。"
        ),
        ["东盟", "国际交流", "友好城市"],
        150,
        False,
        "city",
        [],
    ),
    (
        "liaison-regulation-revision",
        "liaison-work",
        "秘书处就修订联络工作办法征求意见",
        "",
        "修订稿完善了代表团报名、信息报送和联络员变更的要求，请各城市联络员提出意见。",
        body(
            "为适应新的工作要求，秘书处起草了《广西市长协会联络工作办法（修订稿）》，完善了代表团报名、信息报送和联络员变更等方面的要求。请各会员城市联络员于{rules_deadline}前反馈意见。"
        ),
        ["联络工作", "联络工作办法"],
        -calendar.RULES_CONSULTATION,
        False,
        None,
        [],
    ),
]

CITIES = [
    "南宁",
    "柳州",
    "桂林",
    "梧州",
    "北海",
    "防城港",
    "钦州",
    "贵港",
    "玉林",
    "百色",
    "贺州",
    "河池",
    "来宾",
    "崇左",
    "东兴",
    "凭祥",
]
CITY_TOPICS = [
    (
        "{}市推进城市更新重点项目建设",
        "今年以来，{}市实施城市更新项目30余个，完成老旧小区改造120个。",
        "{}市住房城乡建设部门近日通报，全市城市更新重点项目进展顺利，老旧小区改造惠及居民4万余户，"
        "新增停车位和养老托育设施一批。",
        ["城市更新"],
    ),
    (
        "{}市召开优化营商环境大会",
        "{}市出台优化营商环境十条措施，推行“一件事一次办”。",
        "会议通报了全市营商环境评价结果，部署企业开办、工程建设项目审批等领域的改革任务，"
        "政务服务事项网上可办率达到98%。",
        ["营商环境"],
    ),
    (
        "{}市开展城市公园绿地提升行动",
        "{}市新建和改造口袋公园25个，市民出门“300米见绿”。",
        "行动以“小而美”的口袋公园为重点，利用边角地、闲置地建设绿地，同步完善座椅、照明和无障碍设施。",
        ["生态"],
    ),
]

TEN_EVENTS = "ten-events"


def _story():
    """The dates, years and titles the articles tell, from the demo's calendar."""
    c = calendar
    titles = c.titles()
    training_start = c.day(c.TRAINING[0])
    return {
        "conference": titles["conference"],
        "conference_dates": c.span(*c.CONFERENCE),
        "conference_year": c.year(c.CONFERENCE[0]),
        "awarded": HONOURED_THIS_YEAR,
        "honour_year": timezone.localdate().year,  # the year of the nomination call (surveys/demo.py)
        "congress": titles["congress"],
        "congress_date": c.month_day(c.CONGRESS[0]),
        "congress_year": c.year(c.CONGRESS[0]),
        "congress_last_year": c.year(c.CONGRESS[0]) - 1,
        "training": titles["training"],
        "training_closes": c.month_day(c.TRAINING_REGISTRATION[1]),
        "training_month": f"{training_start.year}年{training_start.month}月",
        "training_year": training_start.year,
        "training_dates": c.span(*c.TRAINING),
        "training_arrival": c.month_day(c.TRAINING[0] - 1),
        "info_year": c.year(c.INFO_REPORTING_NOTICE),
        "women_year": c.year(c.WOMEN_FORUM),
        "rules_deadline": c.month_day(c.RULES_CONSULTATION + 30),
    }


def _image(kind, seed):
    return demo_images.meeting_hall(seed) if kind == "hall" else demo_images.cityscape(seed)


def load(log):
    categories = {}
    for slug, name, parent_slug, order, on_home in CATEGORIES:
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "parent": categories.get(parent_slug), "order": order, "show_on_home": on_home},
        )
    log(f"news categories: {Category.objects.count()}")
    if Article.objects.exists():
        log(f"news articles: {Article.objects.count()} (kept)")
        return

    now = timezone.now()
    story = _story()
    created = []
    for seed, (key, category, title, subtitle, summary, html, tags, days, pinned, kind, gallery) in enumerate(ARTICLES):
        title, subtitle, summary, html = (text.format(**story) for text in (title, subtitle, summary, html))
        article = Article(
            title=title,
            subtitle=subtitle,
            slug=key,
            category=categories[category],
            summary=summary,
            body=html,
            source="广西市长协会秘书处",
            author="秘书处信息部",
            editor="梁静",
            status=Article.Status.PUBLISHED,
            publish_at=now - datetime.timedelta(days=days, hours=seed),
            pinned=pinned,
            view_count=(seed * 7919) % 30000 + 120,
        )
        if kind:
            article.cover.save(f"{key}.jpg", ContentFile(_image(kind, seed)), save=False)
            article.cover_alt = title
        article.save()
        article.tags.add(*tags)
        for order, caption in enumerate(gallery):
            photo = ArticleImage(article=article, alt_text=caption, caption=caption, order=order)
            photo.image.save(f"{key}-{order}.jpg", ContentFile(_image(kind, seed * 10 + order)), save=False)
            photo.save()
        created.append(article)

    honoured = f"{story['honour_year']}年度优秀联络员名单"
    report = Attachment(article=created[0], title=honoured, order=0)
    report.file.save("list.pdf", ContentFile(render_pdf(honoured, ["（名单按城市排列）"])), save=False)
    report.save()

    for index, city in enumerate(CITIES):
        title, summary, lead, tags = CITY_TOPICS[index % len(CITY_TOPICS)]
        article = Article.objects.create(
            title=title.format(city),
            category=categories["city-news"],
            summary=summary.format(city),
            body=body(
                lead.format(city), f"{city}市人民政府有关负责同志介绍，下一步将继续加大投入，让群众有更多获得感。"
            ),
            source=f"{city}市人民政府办公室",
            author="联络员供稿",
            editor="梁静",
            status=Article.Status.PUBLISHED,
            publish_at=now - datetime.timedelta(days=5 + index * 6),
            view_count=300 + index * 41,
        )
        article.tags.add(*tags, city)

    Article.objects.create(
        title=f"关于{calendar.titles()['next_congress']}筹备工作的说明（草稿）",
        category=categories["notices"],
        summary="草稿，尚未发布。",
        body=P("筹备方案正在征求意见。"),
        status=Article.Status.DRAFT,
    )
    Article.objects.create(
        title=f"{now.year + 1}年元旦慰问信",
        category=categories["association-news"],
        summary="定时发布的文章。",
        body=P("值此新年来临之际，向各会员城市致以新年的问候。"),
        status=Article.Status.PUBLISHED,
        publish_at=datetime.datetime(now.year + 1, 1, 1, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8))),
    )

    topic = Topic.objects.create(
        title=f"{story['conference_year']}年协会十件大事",
        slug=TEN_EVENTS,
        is_published=True,
        summary=f"回顾{story['conference_year']}年协会服务城市发展、服务市长工作的十件大事。",
    )
    for order, article in enumerate(created[:10]):
        TopicEntry.objects.create(topic=topic, article=article, order=order)
    log(f"news articles: {Article.objects.count()}, topics: {Topic.objects.count()}")
