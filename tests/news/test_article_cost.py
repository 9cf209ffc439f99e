"""What an article page costs to render uncached: its queries are pinned at two sizes, and the print QR code is
drawn once per address, not on every render (it was a quarter of the page's time)."""

import pytest

from core.media import qr
from news.models import ArticleImage, Attachment
from tests.factories import png_file

# The article with its category, its tags, its photos, the earlier and the later article of its category, its
# views not yet flushed, its attachments, the related articles, the footer pages.
QUERIES = 9


def fill(article, make_article, size):
    article.tags.add(*(f"标签{n}" for n in range(size)))
    for n in range(size):
        photo = ArticleImage(article=article, alt_text=f"图{n}")
        photo.image.save(f"p{n}.png", png_file(60, 40), save=False)
        photo.save()
        Attachment.objects.create(article=article, title=f"附件{n}", file=f"attachments/a{n}.pdf", file_size=10)
        make_article(title=f"相关文章{n}").tags.add(f"标签{n}")


@pytest.mark.parametrize("size", [1, 6])
def test_an_article_page_runs_the_same_queries_whatever_it_holds(client, make_article, size, django_assert_num_queries):
    article = make_article()
    fill(article, make_article, size)
    client.get(f"/news/{article.pk}/")  # the association's profile is read once, then cached
    with django_assert_num_queries(QUERIES):
        response = client.get(f"/news/{article.pk}/")
    assert response.status_code == 200 and f"相关文章{size - 1}" in response.content.decode()


def test_the_print_qr_code_is_drawn_once_per_address(client, make_article, monkeypatch):
    drawn = []
    make = qr.qrcode.make
    monkeypatch.setattr(qr.qrcode, "make", lambda text, **options: drawn.append(text) or make(text, **options))
    qr.qr_svg.cache_clear()
    one, two = make_article(), make_article(title="第二篇")
    for article in (one, two, one, two, one):
        page = client.get(f"/news/{article.pk}/").content.decode()
        assert page.count("<svg") >= 1 and "<path" in page
    assert sorted(drawn) == sorted({f"http://testserver/news/{one.pk}/", f"http://testserver/news/{two.pk}/"})
