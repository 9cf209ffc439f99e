"""Photos placed in the body from the editor: uploaded through its image window, claimed by the article on save,
drawn from their renditions, kept by the sanitiser only when they are ours; what the sanitiser takes out is said."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils import timezone

from news import services
from news.models import Article, ArticleImage
from news.sanitize import removals, sanitize_html
from tests.factories import UserFactory, png_file
from tests.news.test_admin import CHANGELIST, _article_form

PICKER = f"{CHANGELIST}body-image/?callback=3"


def upload(client, **fields):
    data = {"image": png_file(1000, 700, "forum.png"), "alt_text": "与会市长合影", "caption": "全体合影", **fields}
    return client.post(PICKER, data)


def figure(image):
    return (
        f'<figure><img src="{image.picture["src"]}" alt="合影" data-file="{image.pk}">'
        f"<figcaption>全体合影</figcaption></figure>"
    )


@pytest.mark.django_db
def test_the_image_window_uploads_a_photo_and_hands_it_back(client, editor):
    client.force_login(editor)
    assert client.get(PICKER).status_code == 200
    response = upload(client)
    assert response.status_code == 200
    image = ArticleImage.objects.get()
    assert (image.article, image.uploaded_by, image.in_body) == (None, editor, True)
    assert [size["width"] for size in image.renditions["sizes"]] == [400, 800, 1000]
    page = response.content.decode()
    assert f'data-id="{image.pk}"' in page and f'data-url="{image.picture["src"]}"' in page
    assert 'data-callback="3"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields, error",
    [
        ({"image": SimpleUploadedFile("fake.jpg", b"not an image", content_type="image/jpeg")}, "image"),
        ({"alt_text": ""}, "alt_text"),
    ],
)
def test_a_bad_upload_is_refused_with_its_reason_and_nothing_kept(client, editor, fields, error, settings):
    client.force_login(editor)
    response = upload(client, **fields)
    assert response.status_code == 400
    assert error in response.context["form"].errors
    assert not ArticleImage.objects.exists()
    assert not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*")) if settings.MEDIA_ROOT.exists() else True


@pytest.mark.django_db
def test_the_image_window_needs_the_editors_rights_and_the_dialog(client, editor):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(PICKER).status_code == 403
    client.force_login(editor)
    assert client.get(f"{CHANGELIST}body-image/").status_code == 400
    assert client.get(f"{CHANGELIST}body-image/?callback=x").status_code == 400
    assert client.get(f"{CHANGELIST}body-image/?CKEditorFuncNum=3").status_code == 200  # if the window script failed


@pytest.mark.django_db
def test_saving_the_article_makes_the_placed_photos_its_own(client, category, editor):
    client.force_login(editor)
    upload(client)
    image = ArticleImage.objects.get()
    body = f"<p>上午开幕。</p>{figure(image)}<p>下午讨论。</p>"
    response = client.post(f"{CHANGELIST}add/", _article_form(category, body=body), follow=True)
    article = Article.objects.get()
    image.refresh_from_db()
    assert (image.article, image.in_body) == (article, True)
    assert f'data-file="{image.pk}"' in article.body and "<figcaption>全体合影</figcaption>" in article.body
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


@pytest.mark.django_db
def test_another_articles_photo_stays_that_articles(make_article):
    first, second = make_article(), make_article(title="另一篇")
    image = ArticleImage.objects.create(article=first, image=png_file(), alt_text="图")
    second.body = f'<p>x</p><figure><img src="/media/x.jpg" data-file="{image.pk}"></figure>'
    services.body_images_place(article=second)
    image.refresh_from_db()
    assert image.article == first


@pytest.mark.django_db
def test_a_photo_taken_out_of_the_body_goes_to_the_gallery(make_article):
    article = make_article()
    image = ArticleImage.objects.create(article=article, image=png_file(), alt_text="图", in_body=True)
    article.body = "<p>没有图片了</p>"
    services.body_images_place(article=article)
    image.refresh_from_db()
    assert not image.in_body


@pytest.mark.django_db
def test_readers_see_the_placed_photo_in_its_place_from_its_renditions(client, make_article):
    article = make_article(body="<p>上午开幕。</p>")
    image = ArticleImage.objects.create(
        article=article, image=png_file(1000, 700), alt_text="与会市长合影", caption="全体合影"
    )
    article.body = f"<p>上午开幕。</p>{figure(image)}<p>下午讨论。</p>"
    article.save()
    services.body_images_place(article=article)
    page = client.get(article.get_absolute_url()).content.decode()
    body = page[page.index("article__body") : page.index("</article>") if "</article>" in page else None]
    assert body.index("上午开幕") < body.index('<source type="image/webp"') < body.index("下午讨论")
    assert 'width="1000" height="700" loading="lazy"' in body and 'alt="合影"' in body
    assert 'class="gallery"' not in page  # the photo is not shown a second time after the body


@pytest.mark.django_db
def test_the_body_keeps_its_address_for_a_photo_it_does_not_find(make_article):
    html = Template("{% load article_body %}{{ body|with_photos:images }}").render(
        Context({"body": '<figure><img src="/media/news/x.jpg" alt="a" data-file="999"></figure>', "images": []})
    )
    assert html == '<figure><img src="/media/news/x.jpg" alt="a" data-file="999"></figure>'


def test_the_sanitiser_keeps_our_photos_with_their_id_and_drops_the_rest_with_their_frames():
    ours = (
        '<figure><img src="/media/news/renditions/a.jpg" alt="合影" data-file="12">'
        "<figcaption>合影</figcaption></figure>"
    )
    assert sanitize_html(ours) == ours
    assert "data-file" not in sanitize_html('<img src="/media/a.jpg" data-file="12 onload=x">')
    outside = (
        '<p>前</p><figure><img src="https://elsewhere.example/a.jpg"><figcaption>外站</figcaption></figure><p>后</p>'
    )
    assert sanitize_html(outside) == "<p>前</p><p>后</p>"


def test_what_the_sanitiser_took_out_is_said():
    raw = (
        '<p style="font-family: SimSun; color: red">正文</p><img src="https://elsewhere.example/a.jpg">'
        '<script>x()</script><div style="display:none">博彩</div><a href="javascript:x()"></a>'
    )
    said = removals(raw, sanitize_html(raw))
    assert len(said) == 5
    assert "1 image that was not uploaded" in said[0] or "1 张" in said[0]
    assert removals("<p>正文</p>", "<p>正文</p>") == []


@pytest.mark.django_db
def test_the_editor_is_told_what_was_taken_out_on_save(client, category, editor):
    client.force_login(editor)
    body = '<p>正文</p><figure><img src="https://elsewhere.example/a.jpg"><figcaption>外站图片</figcaption></figure>'
    response = client.post(f"{CHANGELIST}add/", _article_form(category, body=body), follow=True)
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and "1 张" in warnings[0]
    assert Article.objects.get().body == "<p>正文</p>"


@pytest.mark.django_db
def test_images_uploaded_into_articles_never_saved_are_swept_after_two_days(editor, settings):
    old = ArticleImage.objects.create(
        image=png_file(), alt_text="旧", uploaded_by=editor, uploaded_at=timezone.now() - datetime.timedelta(days=3)
    )
    fresh = ArticleImage.objects.create(image=png_file(), alt_text="新", uploaded_by=editor)
    files = [old.image.path, *(settings.MEDIA_ROOT / size["jpeg"] for size in old.renditions["sizes"])]
    assert all(os.path.exists(path) for path in files)
    assert services.unplaced_images_sweep() == 1
    assert list(ArticleImage.objects.all()) == [fresh]
    assert not any(os.path.exists(path) for path in files)
    assert os.path.exists(fresh.image.path)
