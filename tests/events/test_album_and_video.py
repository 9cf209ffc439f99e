"""A meeting's album (bulk upload, the public album and lightbox page) and its videos (MP4 checks, subtitles,
players from the allowed platforms only, within the Content-Security-Policy)."""

import struct

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.media.video import embed_url, validate_mp4, validate_webvtt
from events.models import EventPhoto, EventVideo
from tests.factories import EventFactory, EventPhotoFactory, png_file
from tests.html import parse

pytestmark = pytest.mark.django_db


def box(kind, payload=b""):
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def mp4(*codecs, brand=b"isom"):
    """A minimal MP4: ftyp, and a moov with one track per codec whose stsd names it (no media data needed)."""
    tracks = b"".join(
        box(
            b"trak",
            box(b"mdia", box(b"minf", box(b"stbl", box(b"stsd", struct.pack(">II", 0, 1) + box(codec, b"\0" * 8))))),
        )
        for codec in codecs
    )
    return box(b"ftyp", brand + b"\0\0\0\0" + brand) + box(b"mdat", b"\0" * 64) + box(b"moov", tracks)


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("codecs", [(b"avc1", b"mp4a"), (b"avc1",), (b"avc3", b"mp4a")])
def test_h264_with_aac_or_no_sound_is_accepted(codecs):
    validate_mp4(upload("talk.mp4", mp4(*codecs)))


@pytest.mark.parametrize(
    "content, code",
    [
        (mp4(b"hvc1", b"mp4a"), "video_codec"),
        (mp4(b"avc1", b"ac-3"), "audio_codec"),
        (b"\x1aE\xdf\xa3 webm or anything else", "video_type"),
        (b"", "video_type"),
    ],
)
def test_other_videos_are_refused_with_a_reason(content, code):
    with pytest.raises(ValidationError) as refused:
        validate_mp4(upload("talk.mp4", content))
    assert refused.value.code == code


def test_subtitles_must_be_webvtt():
    validate_webvtt(upload("zh.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\n开幕式\n".encode()))
    with pytest.raises(ValidationError):
        validate_webvtt(upload("zh.srt", "1\n00:00:00,000 --> 00:00:02,000\n开幕式\n".encode()))


@pytest.mark.parametrize(
    "page, player",
    [
        (
            "https://www.bilibili.com/video/BV1xx411c7mD",
            "https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&autoplay=0",
        ),
        (
            "https://www.bilibili.com/video/BV1xx411c7mD/?spm_id_from=333",
            "https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&autoplay=0",
        ),
        ("https://v.qq.com/x/page/a0012abcdef.html", "https://v.qq.com/txp/iframe/player.html?vid=a0012abcdef"),
        ("https://v.youku.com/v_show/id_XNTg2MDQ5NjE2OA==.html", "https://player.youku.com/embed/XNTg2MDQ5NjE2OA=="),
    ],
)
def test_video_pages_of_allowed_platforms_become_their_players(page, player):
    assert embed_url(page) == player


@pytest.mark.parametrize(
    "page",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "http://www.bilibili.com/video/BV1xx411c7mD",
        "https://evil.example/bilibili.com/video/BV1xx411c7mD",
        "javascript:alert(1)",
    ],
)
def test_other_addresses_are_refused(page):
    with pytest.raises(ValidationError):
        embed_url(page)


def test_a_video_is_an_upload_or_an_embed_and_an_upload_needs_a_poster():
    event = EventFactory()
    neither = EventVideo(event=event, title="开幕式")
    upload_without_poster = EventVideo(event=event, title="开幕式", file=upload("a.mp4", mp4(b"avc1")))

    with pytest.raises(ValidationError):
        neither.full_clean()
    with pytest.raises(ValidationError) as refused:
        upload_without_poster.full_clean()
    assert "poster" in refused.value.message_dict


def test_the_event_page_shows_its_videos_and_album_preview_and_the_csp_allows_only_the_platforms(client):
    event = EventFactory()
    EventVideo.objects.create(event=event, title="论坛开幕式", page_url="https://www.bilibili.com/video/BV1xx411c7mD")
    video = EventVideo(
        event=event,
        title="市长访谈",
        file=upload("talk.mp4", mp4(b"avc1", b"mp4a")),
        subtitles=upload("zh.vtt", b"WEBVTT\n"),
    )
    video.poster.save("poster.png", png_file(), save=False)
    video.save()
    for n in range(8):
        EventPhotoFactory(event=event, caption=f"会场{n}")

    response = client.get(event.get_absolute_url())
    page = parse(response)

    assert page.find("iframe")["src"] == "https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&autoplay=0"
    assert page.find("video").find("track")["kind"] == "subtitles"
    assert page.find("video")["poster"]
    assert len(page.find("ul", class_="album-grid").find_all("li")) == 6
    policy = response["Content-Security-Policy"]
    assert "frame-src https://player.bilibili.com https://v.qq.com https://player.youku.com" in policy


def test_the_album_lists_every_photo_in_order_with_its_large_picture(client):
    event = EventFactory()
    photos = [EventPhotoFactory(event=event, caption=f"会场{n}", order=n) for n in range(3)]
    draft = EventFactory(draft=True)

    page = parse(client.get(reverse("events:album", args=[event.pk])))

    links = page.find("ul", class_="album-grid").find_all("a")
    assert [link["data-caption"] for link in links] == ["会场0", "会场1", "会场2"]
    assert all(link["href"] == link["data-large"] for link in links)
    assert page.find("dialog", class_="lightbox")
    assert client.get(reverse("events:album", args=[draft.pk])).status_code == 404
    assert photos


def test_the_album_page_queries_do_not_grow_with_photos(client, django_assert_max_num_queries):
    event = EventFactory()
    EventPhotoFactory(event=event)
    client.get(reverse("events:album", args=[event.pk]))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("events:album", args=[event.pk]))
    for _ in range(10):
        EventPhotoFactory(event=event)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("events:album", args=[event.pk]))
    assert len(many) == len(few)


def test_bulk_upload_adds_each_good_photo_and_names_each_refused_one(admin_client):
    event = EventFactory(title="联络工作会议")
    EventPhotoFactory(event=event, order=0)
    url = reverse("admin:events_event_photo_upload", args=[event.pk])

    good = admin_client.post(url, {"images": [png_file(name="a.png")]}, HTTP_ACCEPT="application/json")
    bad = admin_client.post(
        url, {"images": [SimpleUploadedFile("b.png", b"not a picture")]}, HTTP_ACCEPT="application/json"
    )
    both = admin_client.post(url, {"images": [png_file(name="c.png"), SimpleUploadedFile("d.png", b"no")]})

    assert good.status_code == 200 and good.json() == {"added": 1, "refused": {}}
    assert bad.status_code == 400 and list(bad.json()["refused"]) == ["b.png"]
    assert both.status_code == 302
    added = list(EventPhoto.objects.filter(event=event).order_by("order"))
    assert [photo.order for photo in added] == [0, 1, 2]
    assert "联络工作会议" in added[1].alt_text and "2" in added[1].alt_text
    assert admin_client.get(url).status_code == 200


def test_bulk_upload_needs_the_permission(client, django_user_model):
    event = EventFactory()
    user = django_user_model.objects.create_user("reader", password="x", is_staff=True)
    client.force_login(user)

    response = client.post(reverse("admin:events_event_photo_upload", args=[event.pk]), {"images": [png_file()]})

    assert response.status_code == 403 and not EventPhoto.objects.exists()
