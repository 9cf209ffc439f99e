"""The women mayors' branch as its staff and its council use the portal: the branch secretary writes a branch
article, the branch reviewer publishes it, readers find it on the branch page, in all the news and in the branch
feed; the secretariat opens a council vote, two members vote from their desks, and the result is published once
the vote has closed."""

import base64
import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from association.models import Branch, BranchStaff
from governance.models import Ballot, Body, Mandate, Motion
from news.contributions import NEWS_EDITORS, NEWS_REVIEWERS
from news.models import Article
from tests.browser.conftest import DESKTOP, PHONE, authenticator_code
from tests.factories import PASSWORD, StaffUserFactory, SuperUserFactory, UserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

SHOTS = Path("var/screenshots")


def staff_page(browser, site, user, viewport=DESKTOP):
    """A signed-in back-office page for `user`, past the two-step sign-in with their authenticator."""
    phone = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.fill("#id_code", authenticator_code(base64.b32encode(phone.bin_key).decode()))
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page).to_have_url(f"{site}/admin/")
    return context, page


def member_page(browser, site, user, viewport=PHONE):
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{site}/accounts/login/?next=/portal/votes/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form.stacked-form button[type=submit], input[type=submit]").first.click()
    expect(page).to_have_url(f"{site}/portal/votes/")
    return context, page


def test_a_branch_article_from_draft_to_the_branch_feed_then_a_council_vote(browser, site):
    SHOTS.mkdir(parents=True, exist_ok=True)
    women = Branch.objects.get(slug="women-mayors")
    secretary = StaffUserFactory(username="women.secretary", email="secretary@women.example.cn")
    reviewer = StaffUserFactory(username="women.reviewer", email="reviewer@women.example.cn")
    BranchStaff.objects.create(user=secretary, branch=women, role=NEWS_EDITORS)
    BranchStaff.objects.create(user=reviewer, branch=women, role=NEWS_REVIEWERS)

    # 1. The branch secretary writes a branch article: the branch is the only one offered.
    context, page = staff_page(browser, site, secretary)
    page.goto(f"{site}/admin/news/article/add/")
    page.fill("#id_title", "女市长分会赴梧州调研儿童友好社区")
    page.select_option("#id_category", index=1)
    expect(page.locator("#id_branch option")).to_have_count(1)
    body = page.locator(".ProseMirror[contenteditable=true]").first
    body.click()
    page.keyboard.type("分会一行走访了三个社区的儿童之家。")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator(".messagelist")).to_contain_text("提交审核")
    page.goto(f"{site}/admin/news/article/")
    expect(page.locator("#result_list")).not_to_contain_text("北部湾城市分会召开港口物流")  # another branch's
    page.screenshot(path=str(SHOTS / "branch-editor-articles.png"))
    context.close()
    article = Article.objects.get(title="女市长分会赴梧州调研儿童友好社区")
    assert article.branch == women and article.status == Article.Status.REVIEW

    # 2. The branch reviewer publishes it.
    context, page = staff_page(browser, site, reviewer)
    page.goto(f"{site}/admin/news/article/{article.pk}/change/")
    page.get_by_role("button", name="发布").click()
    expect(page.locator(".messagelist")).to_contain_text("发布")
    context.close()

    # 3. Readers find it on the branch page, in all the news and in the branch's feed.
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    reader = context.new_page()
    reader.goto(f"{site}/about/branches/women-mayors/")
    expect(reader.locator("#branch-news + ul")).to_contain_text("赴梧州调研儿童友好社区")
    reader.screenshot(path=str(SHOTS / "branch-page.png"), full_page=True)
    reader.goto(f"{site}/news/")
    expect(reader.locator("main")).to_contain_text("赴梧州调研儿童友好社区")
    feed = reader.request.get(f"{site}/about/branches/women-mayors/feed/").text()
    assert "赴梧州调研儿童友好社区" in feed
    phone = browser.new_context(viewport=PHONE, locale="zh-CN").new_page()
    phone.goto(f"{site}/about/branches/women-mayors/")
    phone.screenshot(path=str(SHOTS / "branch-page-phone.png"), full_page=True)
    context.close()

    # 4. The secretariat opens a council vote from the admin.
    council = Body.objects.get(branch__isnull=True, kind=Body.Kind.COUNCIL)
    motion = Motion.objects.create(
        body=council,
        title="关于吸收靖西市为理事单位的议案",
        text="经秘书处审核，提请理事会表决。",
        opens_at=timezone.now() - datetime.timedelta(minutes=1),
        closes_at=timezone.now() + datetime.timedelta(hours=2),
    )
    context, page = staff_page(browser, site, SuperUserFactory(username="council.clerk"))
    page.goto(f"{site}/admin/governance/motion/")
    page.locator(f"input[name=_selected_action][value='{motion.pk}']").check()
    page.select_option("select[name=action]", "open_vote")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("已开始1项表决")
    context.close()
    motion.refresh_from_db()
    assert motion.state == Motion.State.OPEN and motion.roll_size >= 2

    # 5. Two members vote from their desks, on their phones.
    voters = []
    for name, choice in (("覃海燕", "赞成"), ("陆明峰", "赞成")):
        mandate = Mandate.objects.get(pk=motion.roll.get(mandate__name=name).mandate_id)
        voter = mandate.user or UserFactory()
        voter.set_password(PASSWORD)
        voter.save()
        Mandate.objects.filter(pk=mandate.pk).update(user=voter)
        voters.append(voter)
        context, page = member_page(browser, site, voter)
        page.get_by_role("link", name="关于吸收靖西市为理事单位的议案").click()
        page.get_by_label(choice).check()
        page.screenshot(path=str(SHOTS / "vote-phone.png"), full_page=True)
        page.get_by_role("button", name="投票").click()
        expect(page.locator("main")).to_contain_text("您已投票")
        context.close()
    assert Ballot.objects.filter(motion=motion).count() == 2

    # 6. When the vote closes the result is published, and the members read it.
    Motion.objects.filter(pk=motion.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    context, page = staff_page(browser, site, SuperUserFactory(username="council.clerk2"))
    page.goto(f"{site}/admin/governance/motion/")
    page.locator(f"input[name=_selected_action][value='{motion.pk}']").check()
    page.select_option("select[name=action]", "publish_result_publicly")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("已公布1项结果")
    page.goto(f"{site}/admin/governance/motion/{motion.pk}/change/")
    expect(page.locator(".field-chain")).to_contain_text("完整")
    page.screenshot(path=str(SHOTS / "admin-motion.png"), full_page=True)
    context.close()
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    public = context.new_page()
    public.goto(f"{site}{council.get_absolute_url()}")
    expect(public.locator("#resolutions + ul")).to_contain_text("关于吸收靖西市为理事单位的议案")
    public.screenshot(path=str(SHOTS / "council-page.png"), full_page=True)
    context.close()
    context, page = member_page(browser, site, voters[0], viewport=DESKTOP)
    page.get_by_role("link", name="关于吸收靖西市为理事单位的议案").click()
    expect(page.locator("#result-title")).to_be_visible()
    context.close()
