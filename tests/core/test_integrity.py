"""Content integrity (core/integrity.py): words and sites on the staff's blocklist refuse the save of articles,
pages, events, documents and city texts; scan_content lists published texts with blocked terms, links abroad, or
changes made behind the portal's back (a direct edit of the database, as in the defacements)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from core import registry
from core.models import BlockedTerm, PeriodicRun
from news.models import Article
from tests.factories import (
    ArticleFactory,
    DocumentFactory,
    EventFactory,
    MemberCityFactory,
    PageFactory,
    SuperUserFactory,
)

pytestmark = pytest.mark.django_db


def test_the_blocklist_starts_with_the_gambling_words_in_both_scripts():
    terms = set(BlockedTerm.objects.values_list("term", flat=True))
    assert {
        "皇冠体育",
        "皇冠體育",
        "博彩",
        "百家乐",
        "百家樂",
        "六合彩",
        "娱乐城",
        "娛樂城",
        "体育投注",
        "體育投注",
    } <= terms


# Each made (saving does not validate, as a direct write would not), then validated as a form validates it.
@pytest.mark.parametrize(
    "make, field",
    [
        (lambda text: ArticleFactory(title=text), "title"),
        (lambda text: ArticleFactory(body=f"<p>{text}</p>"), "body"),
        (lambda text: ArticleFactory(summary_en=text), "summary_en"),
        (lambda text: PageFactory(body=text), "body"),
        (lambda text: EventFactory(description=text), "description"),
        (lambda text: DocumentFactory(description=text), "description"),
        (lambda text: MemberCityFactory(introduction=text), "introduction"),
    ],
    ids=["article title", "article body", "article summary in English", "page", "event", "document", "city"],
)
@pytest.mark.parametrize("spam", ["欢迎访问皇冠体育", "皇 冠 體 育", "皇\u200b冠\u200b体\u200b育", "百家樂線上"])
def test_a_text_with_a_blocked_word_is_refused_with_the_word_named(make, field, spam):
    obj = make(spam)
    with pytest.raises(ValidationError) as refused:
        obj.full_clean()
    assert field in refused.value.message_dict
    assert "皇冠体育" in refused.value.message_dict[field][0] or "百家" in refused.value.message_dict[field][0]


def test_a_link_to_a_blocked_site_or_its_subdomain_is_refused():
    BlockedTerm.objects.create(kind=BlockedTerm.Kind.DOMAIN, term="hg8868.com")
    for body in ('<p><a href="https://www.hg8868.com/">点击</a></p>', "<p>访问 m.hg8868.com 领取</p>"):
        with pytest.raises(ValidationError) as refused:
            ArticleFactory(body=body).full_clean()
        assert "hg8868.com" in refused.value.message_dict["body"][0]
    ArticleFactory(body='<p><a href="https://www.nothg8868.com/">另一个站</a></p>').full_clean()


def test_ordinary_news_is_accepted():
    ArticleFactory(title="联络员工作会议在北海召开", body="<p>会议要求严厉打击电信网络诈骗。</p>").full_clean()


def test_the_admin_refuses_the_save_and_says_why(client, category):
    client.force_login(SuperUserFactory())
    response = client.post(
        "/admin/news/article/add/",
        {
            "title": "城市动态",
            "category": category.pk,
            "body": "<p>六合彩开奖结果</p>",
            "publish_at_0": "2026-11-01",
            "publish_at_1": "09:00:00",
            "tags": "",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
    )
    assert (
        response.status_code == 200 and "六合彩" in response.content.decode() and "黑名单" in response.content.decode()
    )
    assert not Article.objects.exists()


def test_a_term_staff_add_takes_effect_at_once(client):
    client.force_login(SuperUserFactory())
    client.post("/admin/core/blockedterm/add/", {"kind": "word", "term": "代开发票", "note": ""})
    with pytest.raises(ValidationError):
        PageFactory(body="长期代开发票").full_clean()


def scan():
    out = io.StringIO()
    with translation.override("en"):
        call_command("scan_content", stdout=out)
    return out.getvalue()


def test_the_scan_finds_a_published_text_edited_behind_the_portals_back():
    article = ArticleFactory(title="城市更新工作推进会", status=Article.Status.PUBLISHED, body="<p>正文</p>")
    assert "No findings" in scan()
    Article.objects.filter(pk=article.pk).update(body="<p>正文</p><p>皇冠体育</p>")  # as an attacker's SQL would
    report = scan()
    assert f"#{article.pk}" in report and "changed without a recorded edit" in report and "皇冠体育" in report


def test_the_scan_lists_links_abroad_but_not_to_government_sites(settings):
    settings.ALLOWED_HOSTS = ["www.gxmayors.example.cn"]
    ArticleFactory(status=Article.Status.PUBLISHED, body='<p><a href="https://www.gov.cn/">国务院</a></p>')
    foreign = ArticleFactory(
        status=Article.Status.PUBLISHED, body='<p><a href="https://casino.example.com/">友情链接</a></p>'
    )
    report = scan()
    assert f"#{foreign.pk}" in report and "casino.example.com" in report and "www.gov.cn" not in report


def test_the_demo_content_scans_clean_and_the_run_is_recorded():
    call_command("load_demo_data", stdout=io.StringIO())
    assert "No findings" in scan()
    assert PeriodicRun.objects.get(name="content-scan").summary.startswith("0")


def test_the_scan_runs_daily_on_the_scheduler(settings):
    assert registry.beat_schedule()["content-scan"]["task"] == "core.tasks.scan_content"
