import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from news.models import Article, ArticleImage
from tests.factories import png_file

CHANGELIST = "/admin/news/article/"


def _action(client, action, articles, **extra):
    return client.post(
        CHANGELIST, {"action": action, "_selected_action": [a.pk for a in articles], **extra}, follow=True
    )


def test_editor_submits_but_cannot_publish(client, make_article, editor):
    article = make_article(status=Article.Status.DRAFT)
    client.force_login(editor)
    _action(client, "submit_for_review", [article])
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    response = _action(client, "publish", [article])
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert b"publish" not in response.content.split(b'name="action"')[1].split(b"</select>")[0]


def test_reviewer_publishes_in_bulk(client, make_article, reviewer):
    articles = [make_article(status=Article.Status.REVIEW) for _ in range(3)]
    client.force_login(reviewer)
    _action(client, "publish", articles)
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.PUBLISHED}


def test_send_back_asks_for_a_comment_then_returns_the_article(client, make_article, reviewer):
    article = make_article(status=Article.Status.REVIEW)
    client.force_login(reviewer)
    page = _action(client, "send_back", [article])
    assert b'name="comment"' in page.content
    _action(client, "send_back", [article], confirm="1", comment="")
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    _action(client, "send_back", [article], confirm="1", comment="请补充照片说明")
    article.refresh_from_db()
    assert (article.status, article.review_comment) == (Article.Status.DRAFT, "请补充照片说明")


def test_editor_cannot_change_a_published_article(client, make_article, editor):
    article = make_article()
    client.force_login(editor)
    client.post(f"{CHANGELIST}{article.pk}/change/", {"title": "被改了"})
    article.refresh_from_db()
    assert article.title != "被改了"


def _article_form(category, **fields):
    data = {
        "title": "新文章",
        "category": category.pk,
        "body": "<p>正文</p>",
        "publish_at_0": "2026-11-01",
        "publish_at_1": "09:00:00",
        "tags": "",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


def test_new_article_starts_as_a_draft_with_sanitised_body(client, category, editor):
    client.force_login(editor)
    response = client.post(
        f"{CHANGELIST}add/", _article_form(category, body="<p>正文<script>x()</script></p>", status="published")
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.body, article.created_by) == (Article.Status.DRAFT, "<p>正文</p>", editor)


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("fake.jpg", b"not an image at all", content_type="image/jpeg"),
        SimpleUploadedFile(
            "vector.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', content_type="image/svg+xml"
        ),
    ],
)
def test_bad_cover_upload_is_refused_and_nothing_stored(client, category, editor, upload, settings):
    client.force_login(editor)
    response = client.post(f"{CHANGELIST}add/", _article_form(category, cover=upload))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Article.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def test_gallery_inline_stores_photos_with_renditions(client, category, editor):
    client.force_login(editor)
    data = _article_form(
        category,
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-image": png_file(900, 600, "hall.png"),
            "images-0-alt_text": "会场",
            "images-0-caption": "会议现场",
            "images-0-order": "0",
        },
    )
    assert client.post(f"{CHANGELIST}add/", data).status_code == 302
    photo = ArticleImage.objects.get()
    assert [s["width"] for s in photo.renditions["sizes"]] == [400, 800, 900]


def test_news_editor_has_no_event_or_member_permissions(editor):
    codenames = {
        p.content_type.app_label for g in editor.groups.all() for p in g.permissions.select_related("content_type")
    }
    assert codenames <= {"association", "core", "insight", "news", "publications", "taggit"}
    insight = {p.codename for g in editor.groups.all() for p in g.permissions.filter(content_type__app_label="insight")}
    assert insight == {f"{action}_workreport" for action in ("view", "add", "change", "delete")}  # drafting reports
    assert {p.codename for g in editor.groups.all() for p in g.permissions.filter(content_type__app_label="core")} == {
        "view_blockedterm"
    }
