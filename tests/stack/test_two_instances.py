"""Two instances of the portal behind the shipped nginx, sharing PostgreSQL, Redis and S3-compatible storage (moto):
a registration burst split across both holds the meeting's capacity; a photo uploaded through one is served to the
readers of the other; a change made through one clears the cached pages of both."""

import concurrent.futures
import io
import re
import urllib.request

import pytest
from PIL import Image

from events.models import Delegate, Delegation
from news.models import Article
from tests.events.conftest import delegates
from tests.events.test_pages import form_data
from tests.factories import ArticleFactory, CategoryFactory, SuperUserFactory
from tests.factories.files import png_file
from tests.stack.conftest import session_for
from tests.stack.processes import Nginx, S3Server

pytestmark = [pytest.mark.postgres, pytest.mark.stack]


@pytest.fixture
def two_instances(stack, tmp_path):
    if not Nginx.available() or not S3Server.binary().exists():
        pytest.skip("needs nginx (Debian package) and moto's server (requirements-dev.txt)")
    stack.redis.start()
    s3 = S3Server(tmp_path).start()
    one, two = stack.web("web-one", **s3.env()), stack.web("web-two", **s3.env())
    nginx = Nginx(
        tmp_path, [one.port, two.port], static_root=tmp_path / "static", media_root=tmp_path / "media"
    ).start()
    yield stack, s3, nginx, one, two
    nginx.stop()
    s3.stop()


def posts_served(process, path):
    return len(re.findall(rf'"POST {re.escape(path)}', process.output()))


def test_a_registration_burst_split_across_both_instances_holds_the_capacity(two_instances, make_event, make_officer):
    stack, _s3, nginx, one, two = two_instances
    event = make_event(capacity=10, per_city_limit=2)
    sessions = [session_for(make_officer(f"city{n}").user) for n in range(12)]
    url = f"/portal/events/{event.pk}/delegation/"

    def register(session):
        return nginx.request("POST", url, data=form_data(delegates(2)), session=session)[0]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(register, sessions))

    assert answers == [302] * 12, stack.logs()
    assert posts_served(one, url) > 0 and posts_served(two, url) > 0  # nginx shared the burst between them
    confirmed = Delegate.objects.filter(delegation__event=event, delegation__state=Delegation.State.CONFIRMED)
    assert confirmed.count() == 10
    assert Delegation.objects.filter(event=event, state=Delegation.State.WAITLISTED).count() == 7


def test_a_photo_uploaded_through_one_instance_is_shown_by_the_other_whose_pages_it_clears(two_instances):
    stack, s3, _nginx, one, two = two_instances
    category = CategoryFactory(name="协会动态", slug="association-news", show_on_home=True)
    ArticleFactory(title="联络员工作会议在北海召开", category=category, status=Article.Status.PUBLISHED)
    for _ in range(2):
        assert "联络员工作会议在北海召开" in stack.request("GET", "/news/", port=two.port)[2]
    assert stack.request("GET", "/news/", port=two.port)[1].get("X-Page-Cache") == "hit"

    session = session_for(SuperUserFactory())
    photo = png_file(900, 600, "hall.png")
    status, _headers, body = stack.request(
        "POST",
        "/admin/news/article/add/",
        port=one.port,
        session=session,
        data={
            "title": "第七届中国—东盟市长论坛开幕",
            "category": category.pk,
            "body": "<p>论坛开幕。</p>",
            "publish_at_0": "2026-11-01",
            "publish_at_1": "09:00:00",
            "tags": "",
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "0",
            "images-0-alt_text": "会场",
            "images-0-caption": "开幕式现场",
            "images-0-order": "0",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
        files={"images-0-image": ("hall.png", photo.read(), "image/png")},
    )
    assert status == 302, body[-2000:]
    article = Article.objects.get(title="第七届中国—东盟市长论坛开幕")
    status, _headers, _body = stack.request(
        "POST",
        "/admin/news/article/",
        port=one.port,
        session=session,
        data={"action": "publish", "_selected_action": article.pk, "index": "0"},
    )
    assert status == 302

    page = stack.request("GET", "/news/", port=two.port)  # the other instance's cached list was cleared
    assert "第七届中国—东盟市长论坛开幕" in page[2] and page[1].get("X-Page-Cache") != "hit"
    status, _headers, body = stack.request("GET", f"/news/{article.pk}/", port=two.port)
    assert status == 200 and "开幕式现场" in body
    photo_url = re.search(rf'src="({re.escape(s3.url)}/{s3.MEDIA_BUCKET}/[^"]+\.jpeg)"', body).group(1)
    with urllib.request.urlopen(photo_url, timeout=10) as response, Image.open(io.BytesIO(response.read())) as image:
        assert image.format == "JPEG"
    assert not (stack.tmp / "media").exists()  # nothing went to either instance's own disk
