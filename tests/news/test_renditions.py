import io

from news.models import ArticleImage
from tests.factories import png_file


def test_renditions_are_made_once_in_webp_and_jpeg(make_article):
    photo = ArticleImage(article=make_article(), alt_text="会场")
    photo.image.save("hall.png", png_file(2000, 1000), save=False)
    photo.save()
    sizes = photo.renditions["sizes"]
    assert [s["width"] for s in sizes] == [400, 800, 1200, 1600]
    assert [s["height"] for s in sizes] == [200, 400, 600, 800]
    storage = photo.image.storage
    assert all(storage.exists(s["webp"]) and storage.exists(s["jpeg"]) for s in sizes)
    before = dict(photo.renditions)
    photo.caption = "改了说明"
    photo.save()
    assert photo.renditions == before


def test_small_images_are_not_upscaled(make_article):
    photo = ArticleImage(article=make_article(), alt_text="小图")
    photo.image.save("small.png", png_file(300, 200), save=False)
    photo.save()
    assert [s["width"] for s in photo.renditions["sizes"]] == [300]


def test_refresh_renditions_adds_the_widths_older_images_lack(make_article):
    from django.core.management import call_command

    photo = ArticleImage(article=make_article(), alt_text="会场")
    photo.image.save("hall.png", png_file(2000, 1000), save=False)
    photo.save()
    old = {**photo.renditions, "sizes": [s for s in photo.renditions["sizes"] if s["width"] != 1200]}
    ArticleImage.objects.filter(pk=photo.pk).update(renditions=old)
    out = io.StringIO()
    call_command("refresh_renditions", stdout=out)
    call_command("refresh_renditions", stdout=out)
    assert out.getvalue().splitlines() == ["1 image(s) given new renditions.", "0 image(s) given new renditions."]
    photo.refresh_from_db()
    assert [s["width"] for s in photo.renditions["sizes"]] == [400, 800, 1200, 1600]
