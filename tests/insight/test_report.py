"""The annual work report: every figure equals a count made here and names the function that counted it, the draft
goes through the ordinary review, and the Word file reads back with its headings, figures and Chinese fonts, and
renders in LibreOffice."""

import io
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.module_loading import import_string
from docx import Document
from docx.oxml.ns import qn

from insight import report as report_module
from insight.models import WorkReport
from insight.report import annual_report, report_from
from members.models import LiaisonAward, MemberCity
from news import services as news_services
from news.models import Article
from publications.models import Issue
from tests.factories import (
    ArticleFactory,
    DuesNoticeFactory,
    IssueFactory,
    LiaisonAwardFactory,
    LiaisonOfficerFactory,
    MembershipChangeFactory,
    PaymentFactory,
    StaffUserFactory,
)
from tests.insight.conftest import meetings_counted_by_hand, replies_counted_by_hand

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_of_work(history, category):
    """The history's year before, with news, issues, members joining and leaving, dues and honours."""
    year = history.year - 1
    import datetime

    from django.utils import timezone

    at = timezone.make_aware(datetime.datetime(year, 5, 4, 10))
    ArticleFactory.create_batch(3, category=category, status="published", publish_at=at)
    ArticleFactory(category=category, status="draft", publish_at=at)
    IssueFactory(published_on=datetime.date(year, 3, 1))
    IssueFactory(published_on=datetime.date(year, 9, 1))
    IssueFactory(published_on=datetime.date(year - 1, 9, 1))
    history.cities[0].joined_on = datetime.date(year, 4, 1)
    history.cities[0].save()
    left = MemberCity.objects.get(status="left")
    MembershipChangeFactory(city=left, effective_on=datetime.date(year, 8, 1), status_after="left")
    notice = DuesNoticeFactory(year=year, amount=Decimal("6000.00"), city=history.cities[1])
    PaymentFactory(notice=notice, amount=Decimal("2500.50"))
    officer = LiaisonOfficerFactory(city=history.cities[2])
    LiaisonAwardFactory(officer=officer, year=year, title="优秀联络员")
    return year


def counted_by_hand(year):
    meetings = meetings_counted_by_hand(year)
    replies = replies_counted_by_hand(year)
    return {
        "举办会议": meetings["meetings"],
        "参会会员城市（每市计一次）": meetings["cities"],
        "服务代表": meetings["delegates"],
        "发布文章": sum(
            1 for a in Article.objects.all() if a.status == "published" and a.publish_at.year == year and a.is_live
        ),
        "出版刊物": sum(1 for i in Issue.objects.all() if i.is_live and i.published_on.year == year),
        "新入会城市": sum(1 for c in MemberCity.objects.all() if c.joined_on and c.joined_on.year == year),
        "退会城市": sum(
            1
            for c in MemberCity.objects.all()
            for m in c.membership_changes.all()
            if m.effective_on.year == year and m.status_after == "left"
        ),
        "发往城市的会议通知": replies["sent"],
        "已回复通知": replies["replied"],
    }


def test_each_figure_equals_a_count_by_hand_and_names_its_function(year_of_work):
    report = annual_report(year_of_work)
    facts = {fact.label: fact for fact in report.facts()}
    for label, count in counted_by_hand(year_of_work).items():
        assert facts[label].value == count, label
    for label, count in counted_by_hand(year_of_work - 1).items():
        assert facts[label].previous == count, label
    assert facts["应收会费"].value == Decimal("6000.00") and facts["实收会费"].value == Decimal("2500.50")
    for fact in report.facts():
        module, _, name = fact.source.rpartition(".")
        assert callable(import_string(fact.source)) or hasattr(import_string(module), name), fact.source
    assert facts["举办会议"].value == 1 and facts["服务代表"].value == 11


def test_the_report_lists_meetings_members_issues_and_honours(year_of_work):
    report = annual_report(year_of_work)
    headings = [f"{s.number}、{s.heading}" for s in report.sections]
    assert headings == ["一、会议活动", "二、宣传与出版", "三、会员发展", "四、联络工作", "五、表彰"]
    meetings = report.sections[0]
    assert meetings.subsections[0].heading == "联络工作会议（1场）" and meetings.subsections[0].number == "一"
    assert (
        "去年的联络会" in meetings.subsections[0].items[0]
        and "会员城市4个，代表11人" in meetings.subsections[0].items[0]
    )
    members = report.sections[2]
    assert [sub.heading for sub in members.subsections] == ["新入会会员", "退会会员"]
    assert any("优秀联络员" in line for line in report.sections[4].items)
    assert LiaisonAward.objects.count() == 1


def test_the_draft_article_goes_through_the_ordinary_review(admin_client, year_of_work, category, news_editor):
    from tests.factories import StaffUserFactory as Staff

    response = admin_client.post(
        reverse("admin:insight_workreport_add"), {"year": year_of_work, "category": category.pk}
    )
    assert response.status_code == 302
    report = WorkReport.objects.get()
    article = report.article
    assert article.status == "draft" and article.category == category
    assert article.title == f"协会{year_of_work}年度工作报告"
    assert "<h2>一、会议活动</h2>" in article.body and "<h3>（一）联络工作会议（1场）</h3>" in article.body
    assert "events.figures.meetings_held" in article.body  # where the figures come from
    assert not Article.objects.published().filter(pk=article.pk).exists()
    article = news_services.article_submit(article=article, by=article.created_by)
    reviewer = Staff(groups=["news reviewers"])
    article = news_services.article_publish(article=article, by=reviewer)
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_drafting_takes_the_right_to_write_articles(client, year_of_work, category):
    clerk = StaffUserFactory(groups=["secretariat"])
    client.force_login(clerk)
    assert client.get(reverse("admin:insight_workreport_changelist")).status_code == 200
    assert (
        client.post(
            reverse("admin:insight_workreport_add"), {"year": year_of_work, "category": category.pk}
        ).status_code
        == 403
    )
    assert not WorkReport.objects.exists()


def test_a_bad_year_or_category_changes_nothing(admin_client, history, category):
    for data in (
        {"year": "1800", "category": category.pk},
        {"year": "abc", "category": category.pk},
        {"year": 2025, "category": 999999},
    ):
        response = admin_client.post(reverse("admin:insight_workreport_add"), data)
        assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not WorkReport.objects.exists() and not Article.objects.exists()


def word_file(admin_client, year, category):
    admin_client.post(reverse("admin:insight_workreport_add"), {"year": year, "category": category.pk})
    report = WorkReport.objects.get()
    response = admin_client.get(reverse("admin:insight_workreport_docx", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    return response.content, report


def test_the_word_file_has_the_headings_figures_and_chinese_fonts(admin_client, year_of_work, category):
    content, report = word_file(admin_client, year_of_work, category)
    document = Document(io.BytesIO(content))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", f"协会{year_of_work}年度工作报告")
    parts = [text for style, text in paragraphs if style == "Heading 1"]
    assert parts == ["一、会议活动", "二、宣传与出版", "三、会员发展", "四、联络工作", "五、表彰", "数据来源"]
    assert ("Heading 2", "（一）联络工作会议（1场）") in paragraphs
    first_table = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert first_table[0] == ["指标", str(year_of_work), str(year_of_work - 1), "增减"]
    assert first_table[1][0] == "举办会议" and first_table[1][1] == "1 场"
    before = meetings_counted_by_hand(year_of_work - 1)["delegates"]
    assert first_table[3] == ["服务代表", "11 人", f"{before} 人", f"+{11 - before}"]
    fonts = {
        name: document.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("Normal", "Title", "Heading 1", "Heading 2")
    }
    assert fonts == {"Normal": "仿宋", "Title": "宋体", "Heading 1": "黑体", "Heading 2": "楷体"}
    # The file is written from the outline kept when the report was drafted, so it says what the article says.
    assert report_from(report.outline).facts() == annual_report(year_of_work).facts()


def test_the_word_file_renders_in_libreoffice(admin_client, year_of_work, category, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (Debian package libreoffice-writer-nogui) renders the Word file"
    content, _report = word_file(admin_client, year_of_work, category)
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = "".join(text.split())  # pdftotext spaces Chinese from figures and breaks lines
    assert f"协会{year_of_work}年度工作报告" in text and "一、会议活动" in text and "去年的联络会" in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(tmp_path / "report.pdf"), str(tmp_path / "page")],
        check=True,
    )
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_outline_numbers_read_back(year_of_work):
    report = annual_report(year_of_work)
    import json
    from dataclasses import asdict

    from django.core.serializers.json import DjangoJSONEncoder

    stored = json.loads(json.dumps(asdict(report), cls=DjangoJSONEncoder))
    assert report_from(stored) == report
    assert report_module.part_number(0) == "一" and report_module.part_number(9) == "十"
