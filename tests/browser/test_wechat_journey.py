"""An editor imports the association's 公众号 article, saved from the browser, with its three photos; fixes a caption
and submits it; the reviewer publishes it; readers see it with the photos from our own renditions (no request
leaves the site) and 来源 naming the account. In Chromium; the photos come from a local server standing for
WeChat's image host."""

import re
from pathlib import Path

import pytest

from news.models import Article, Category
from tests.browser.conftest import DESKTOP, signed_in
from tests.factories import StaffUserFactory
from tests.news.wechat_server import PAGE, wechat_server  # noqa: F401  (a fixture)

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

SHOTS = Path("var/screenshots")


def test_an_editor_imports_a_wechat_article_and_the_reviewer_publishes_it(browser, site, wechat_server, tmp_path):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    saved = tmp_path / "全区市长协会联络工作会议在北海召开.html"
    saved.write_text(PAGE.replace("{{IMAGES}}", f"{wechat_server}/img"))
    Article.objects.exclude(wechat_key="").delete()  # the demo imported this article already
    editor = StaffUserFactory(username="bianji", groups=["news editors"])
    context, page = signed_in(browser, site, editor, DESKTOP)
    page.goto(f"{site}/admin/news/article/")
    page.get_by_role("link", name="从公众号导入").click()
    page.set_input_files("#id_page", str(saved))
    page.select_option("#id_category", label=str(Category.objects.filter(parent__isnull=False).first()))
    page.get_by_role("button", name="从公众号导入").click()
    expect(page.locator(".messagelist")).to_contain_text("已导入为草稿：全区市长协会联络工作会议在北海召开，含图片3张")

    article = Article.objects.get(title="全区市长协会联络工作会议在北海召开")
    page.goto(f"{site}/admin/news/article/{article.pk}/change/")
    captions = page.locator("input[name$='-caption']")
    expect(captions.nth(1)).to_have_value("颁奖")
    captions.nth(1).fill("为优秀联络员颁奖")
    page.get_by_role("button", name="保存并继续编辑").click()
    expect(page.locator(".messagelist")).to_be_visible()
    page.get_by_role("button", name="提交审核").click()
    expect(page.locator(".workflow-bar__state")).to_contain_text("待审核")
    page.screenshot(path=str(SHOTS / "wechat-import-desktop.png"), full_page=False)
    context.close()

    reviewer = StaffUserFactory(username="shenhe", groups=["news reviewers"])
    context, page = signed_in(browser, site, reviewer, DESKTOP)
    page.goto(f"{site}/admin/news/article/{article.pk}/change/")
    page.get_by_role("button", name="发布").click()
    expect(page.locator(".workflow-bar__state")).to_contain_text("已发布")
    context.close()

    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    reader = context.new_page()
    requested = []
    reader.on("request", lambda request: requested.append(request.url))
    reader.goto(f"{site}{article.get_absolute_url()}")
    expect(reader.locator("h1")).to_have_text("全区市长协会联络工作会议在北海召开")
    expect(reader.locator("main")).to_contain_text(re.compile(r"来源：\s*广西市长协会"))
    images = reader.locator(".article__body img")
    expect(images).to_have_count(3)
    for n in range(3):
        assert reader.evaluate("(img) => img.complete && img.naturalWidth > 0", images.nth(n).element_handle())
    assert requested and all(url.startswith(site) for url in requested), [
        u for u in requested if not u.startswith(site)
    ]
    assert not any(wechat_server in url for url in requested)
    reader.screenshot(path=str(SHOTS / "wechat-article-desktop.png"), full_page=True)
    context.close()
