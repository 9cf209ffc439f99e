"""An editor writes an article as the association does (text, photo, text) in the Chinese editor, uploading the
photo from within it; readers find the photo in place, with its caption, drawn from the portal's renditions."""

import base64
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.media.demo_images import meeting_hall
from news.contributions import NEWS_REVIEWERS
from news.models import Article, ArticleImage
from tests.browser.conftest import authenticator_code
from tests.factories import PASSWORD, StaffUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def sign_in(page, site, username):
    user = StaffUserFactory(username=username)
    user.groups.add(Group.objects.get(name=NEWS_REVIEWERS))
    phone = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.fill("#id_code", authenticator_code(base64.b32encode(phone.bin_key).decode()))
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page).to_have_url(f"{site}/admin/")
    return user


def test_an_editor_uploads_a_photo_into_the_body_between_two_paragraphs(page, site, tmp_path):
    sign_in(page, site, "editor")
    photo = tmp_path / "forum.jpg"
    photo.write_bytes(meeting_hall(7))
    page.goto(f"{site}/admin/news/article/add/")
    page.fill("#id_title", "市长论坛在南宁开幕")
    page.select_option("#id_category", index=1)
    menubar = page.locator(".prose-menubar").first
    expect(menubar.locator("[title='加粗']")).to_be_visible()  # the toolbar speaks Chinese, every button of it
    titles = menubar.locator("[title]").evaluate_all("buttons => buttons.map(button => button.title)")
    assert len(titles) > 20 and [title for title in titles if re.search("[A-Za-z]", title)] == []
    body = page.locator(".ProseMirror[contenteditable=true]").first
    body.click()
    page.keyboard.type("论坛上午开幕。")
    page.keyboard.press("Enter")
    page.keyboard.type("下午分组讨论。")
    body.locator("p", has_text="论坛上午开幕").click()
    page.keyboard.press("End")
    menubar.locator("[title='插入图片']").click()
    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text("插入图片")
    with page.expect_popup() as opened:
        dialog.get_by_role("button", name="上传或选择图片…").click()
    picker = opened.value
    assert "callback=" in picker.url and "CKEditor" not in picker.url  # the portal's window, not the old editor's
    expect(picker.locator("link[href*='admin/css/forms.css']")).to_have_count(1)  # styled like the admin's forms
    picker.set_input_files("#id_image", str(photo))
    picker.fill("#id_alt_text", "与会市长在主会场合影")
    picker.fill("#id_caption", "与会市长合影")
    picker.locator("input[type=submit]").click()
    picker.wait_for_event("close", timeout=30_000)  # the upload makes the photo's renditions: slower on a busy machine
    expect(dialog.locator("input[name=caption]")).to_have_value("与会市长合影")
    dialog.get_by_role("button", name="插入").click()
    expect(body.locator("figure img")).to_be_visible()
    page.screenshot(path=str(Path("var/screenshots/editor-body-image.png")), full_page=False)
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    article = Article.objects.get(title="市长论坛在南宁开幕")
    image = ArticleImage.objects.get(uploaded_by__username="editor")
    assert image.article == article and image.in_body
    assert f'data-file="{image.pk}"' in article.body
    assert article.body.index("论坛上午开幕") < article.body.index("<figure") < article.body.index("下午分组讨论")
    assert "<figcaption>与会市长合影</figcaption>" in article.body

    article.status = Article.Status.PUBLISHED
    article.save()
    page.goto(f"{site}/news/{article.pk}/")
    figure = page.locator(".article__body figure")
    expect(figure.locator("source[type='image/webp']")).to_have_count(1)
    expect(figure.locator("img")).to_have_attribute("alt", "与会市长在主会场合影")
    expect(figure.locator("figcaption")).to_have_text("与会市长合影")
    assert figure.locator("img").evaluate("img => img.naturalWidth") > 0
    expect(page.locator(".gallery")).to_have_count(0)  # the photo is in the body, not again after it
    page.screenshot(path="var/screenshots/article-body-image.png")
