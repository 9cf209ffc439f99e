"""Demo periodicals: the association's quarterly 会刊 (public) and its 工作简报 (for members), issue by issue up to
today, each with a drawn cover, a PDF and a table of contents."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from core.media import demo_images
from core.media.pdf import render_pdf
from publications.models import Issue, IssueEntry, Periodical

PERIODICALS = [
    (
        "huikan",
        "广西市长",
        "Guangxi Mayors",
        Periodical.Frequency.QUARTERLY,
        41,
        Issue.Visibility.PUBLIC,
        "协会会刊，每季度出版，刊登协会重要会议、城市发展经验和市长访谈。",
        "The association's quarterly: its main meetings, member cities' experience and interviews with mayors.",
    ),
    (
        "jianbao",
        "工作简报",
        "Work Bulletin",
        Periodical.Frequency.MONTHLY,
        96,
        Issue.Visibility.MEMBERS,
        "秘书处工作简报，通报协会工作进展和各会员城市联络工作动态，供会员城市参阅。",
        "The secretariat's bulletin on the association's work and liaison news, for member cities.",
    ),
]

THEMES = {
    "huikan": ["城市更新专刊", "优化营商环境", "中国—东盟市长论坛特辑", "联络工作", "生态宜居城市", "县域经济发展"],
    "jianbao": ["", "", "会员大会筹备", "", "联络员培训", "", "城市信息报送", ""],
}

THEMES_EN = {
    "城市更新专刊": "Urban renewal",
    "优化营商环境": "A better business environment",
    "中国—东盟市长论坛特辑": "The China–ASEAN Mayors' Forum",
    "联络工作": "Liaison work",
    "生态宜居城市": "Green, liveable cities",
    "县域经济发展": "County economies",
    "会员大会筹备": "Preparing the congress",
    "联络员培训": "Training liaison officers",
    "城市信息报送": "Reporting city information",
}

# Section, title, author of the pieces written for the periodical itself; the news of each issue's months is added
# to its contents by association/demo_links.py (the periodicals do not know the news app).
CONTENTS = {
    "huikan": [
        ("市长访谈", "让城市更新惠及更多居民——访南宁市市长", "本刊记者"),
        ("经验交流", "县域城市产业园区建设的几点体会", "贵港市联络员"),
        ("经验交流", "老城区更新中的群众工作方法", "柳州市联络员"),
    ],
    "jianbao": [
        ("城市信息", "各会员城市联络工作情况通报", "秘书处"),
        ("工作动态", "秘书处近期工作安排", "秘书处"),
    ],
}


def _issue_dates(frequency, today):
    """(year, number, date) of each issue from January of last year up to today."""
    months = 3 if frequency == Periodical.Frequency.QUARTERLY else 1
    for year in (today.year - 1, today.year):
        for number, month in enumerate(range(months, 13, months), start=1):
            published = datetime.date(year, month, 15 if months == 3 else 5)
            if published <= today:
                yield year, number, published


def load(log):
    if Periodical.objects.exists():
        log(f"periodicals: {Periodical.objects.count()} (kept)")
        return
    today = timezone.localdate()
    for order, (slug, name, name_en, frequency, first_total, visibility, description, description_en) in enumerate(
        PERIODICALS
    ):
        periodical = Periodical.objects.create(
            slug=slug,
            name=name,
            name_en=name_en,
            frequency=frequency,
            order=order,
            description=description,
            description_en=description_en,
        )
        dates = list(_issue_dates(frequency, today))
        for index, (year, number, published) in enumerate(dates):
            theme = THEMES[slug][index % len(THEMES[slug])]
            issue = Issue(
                periodical=periodical,
                year=year,
                number=number,
                total_number=first_total + index,
                title=theme,
                title_en=THEMES_EN.get(theme, ""),
                published_on=published,
                visibility=visibility,
                status=Issue.Status.PUBLISHED,
                announced_at=timezone.now(),
                summary=f"本期{('聚焦' + theme) if theme else '通报近期协会工作'}。",
            )
            label = f"{name} {year}年第{number}期"
            if slug == "huikan":
                issue.cover.save(
                    f"{slug}-{year}-{number}.jpg", ContentFile(demo_images.periodical_cover(index)), save=False
                )
            issue.file.save(
                f"{slug}-{year}-{number}.pdf",
                ContentFile(
                    render_pdf(label, [f"{section}：{title}（{author}）" for section, title, author in CONTENTS[slug]])
                ),
                save=False,
            )
            issue.save()
            IssueEntry.objects.bulk_create(
                IssueEntry(issue=issue, section=section, title=title, author=author, page=2 + 4 * order_, order=order_)
                for order_, (section, title, author) in enumerate(CONTENTS[slug])
            )
    log(f"periodical issues: {Issue.objects.count()}")
