"""The back office reads Chinese throughout: Django's own words its catalogue lacks, the selection widget's script,
group and permission names, ticks and crosses, and state names."""

import json
import re
from html import unescape as unescape_entities

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import strip_tags

from events.models import Delegation, DelegationTransition
from members.models import MemberCity
from news.contributions import NEWS_EDITORS
from tests.factories import DelegationFactory

LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z’']+(?: [A-Za-z][A-Za-z’']+)*")
# Names that stay Latin in Chinese text: formats, Django's own key names, file sizes, the filing number.
ALLOWED = {
    "CSV",
    "XLSX",
    "Excel",
    "PDF",
    "ICP",
    "ID",
    "KB",
    "MB",
    "LDAP",
    "Control",
    "Command",
    "Mac",
    "URL",
    "QR",
    "PNG",
    "JPEG",
    "Word",
    "HTML",
    "TOTP",
    "SMTP",
    "Celery",
    "Redis",
    "MP",
    "AAC",
    "WebVTT",
    "WebP",
    "Message",  # the header's name, Message-ID, beside its Chinese label
}


def visible_words(html, usernames):
    """Latin words a person reads on the page, leaving out what the portal's data put there: cells of a list,
    read-only values, inputs' values, links to files, and scripts."""
    html = re.sub(r"<bdi>.*?</bdi>", "", html, flags=re.S)  # the password's hash, summarised
    html = re.sub(r"\b[\w.-]+\.(?:com|cn|org)\b", "", html)  # domains given as examples
    html = re.sub(r"<(script|style|textarea|select|code)\b.*?</\1>", "", html, flags=re.S)  # code is not prose
    html = re.sub(r'<(td|div) class="(?:field-[^"]*|readonly)"[^>]*>.*?</\1>', "", html, flags=re.S)
    html = re.sub(r'<th class="field-[^"]*"[^>]*>.*?</th>', "", html, flags=re.S)
    html = re.sub(r'<a href="/media/[^"]*">.*?</a>', "", html, flags=re.S)
    html = re.sub(r'<p class="file-upload">.*?</p>', "", html, flags=re.S)
    words = set(LATIN_WORDS.findall(unescape_entities(strip_tags(html))))
    for attribute in re.finditer(r'\b(?:title|placeholder|aria-label|alt)="([^"]*)"', html):
        words |= set(LATIN_WORDS.findall(attribute.group(1)))
    return {word for word in words if not set(word.split()) <= ALLOWED | usernames}


def admin_pages():
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        yield reverse("admin:%s_%s_changelist" % info)
        try:
            yield reverse("admin:%s_%s_add" % info)
        except NoReverseMatch:
            pass
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            yield reverse("admin:%s_%s_change" % info, args=[first.pk])
    yield reverse("admin:figures")  # the dashboard of charts, and a city's profile
    city = MemberCity.objects.order_by("pk").first()
    if city is not None:
        yield reverse("admin:insight_cityengagement_profile", args=[city.pk])


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/zh-hant"])
def test_every_admin_page_reads_chinese(client, superuser, demo_data, prefix):
    client.force_login(superuser)
    usernames = {word for name in User.objects.values_list("username", flat=True) for word in LATIN_WORDS.findall(name)}
    english = {}
    for url in admin_pages():
        response = client.get(prefix + url)
        if response.status_code == 200:
            words = visible_words(response.content.decode(), usernames)
            if words:
                english[url] = sorted(words)
    assert english == {}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_the_selection_widget_speaks_chinese(client, superuser, language):
    """Django 5.2 reworded its two-box selection widget; its catalogue has the old words only."""
    prefix = "" if language == "zh-hans" else f"/{language}"
    client.force_login(superuser)
    body = client.get(f"{prefix}/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))
    for phrase in [
        "Choose all %s",
        "Remove all %s",
        "Choose selected %s",
        "Remove selected %s",
        "(click to clear)",
        'Choose %s by selecting them and then select the "Choose" arrow button.',
        'Remove %s by selecting them and then select the "Remove" arrow button.',
    ]:
        assert catalog.get(phrase), phrase
    assert catalog["Choose all %s"] == ("选择全部%s" if language == "zh-hans" else "選擇全部%s")


@pytest.mark.django_db
def test_groups_and_permissions_are_named_in_the_readers_language():
    group = Group.objects.get(name=NEWS_EDITORS)
    publish = Permission.objects.get(codename="publish_article")
    add_article = Permission.objects.get(codename="add_article")
    with translation.override("zh-hans"):
        assert str(group) == "新闻编辑"
        assert str(add_article) == "新闻动态 | 文章 | 可以添加文章"
        assert str(publish).endswith("| 可以发布、归档和退回文章")
    with translation.override("zh-hant"):
        assert str(group) == "新聞編輯"
    with translation.override("en"):
        assert str(add_article) == "News | article | Can add article"


@pytest.mark.django_db
def test_state_changes_show_state_names(client, superuser):
    delegation = DelegationFactory(state=Delegation.State.CONFIRMED)
    DelegationTransition.objects.create(
        delegation=delegation, from_state=Delegation.State.PENDING, to_state=Delegation.State.CONFIRMED, by=superuser
    )
    client.force_login(superuser)
    page = client.get(reverse("admin:events_delegation_change", args=[delegation.pk])).content.decode()
    assert "待审核" in page and "已确认" in page
    assert ">confirmed<" not in page and ">pending<" not in page
    with translation.override("zh-hans"):
        assert str(delegation.transitions.last()) == "待审核 → 已确认"


@pytest.mark.django_db
def test_the_admin_writes_chinese_as_chinese_is_written(client, news_editor):
    """No space between the verb and the noun ("修改文章", not "修改 文章"), the editor's name as written, and no
    English full stop after a Chinese greeting."""
    from tests.factories import ArticleFactory

    news_editor.first_name = "编辑"
    news_editor.save()
    article = ArticleFactory(draft=True)
    client.force_login(news_editor)

    page = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    added = client.get(reverse("admin:news_article_add")).content.decode()

    assert "<h1>修改文章</h1>" in page and "<h1>增加文章</h1>" in added
    assert "欢迎，<strong>编辑</strong>" in page and "</strong>." not in page
