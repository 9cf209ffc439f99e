"""The portal behind the real nginx with the shipped deploy/nginx.conf: TLS, static files from disk, a micro-cache
that keeps what the portal marks public for its s-maxage, steps aside for signed-in readers, shows a publication
within a second, and serves the last copy while the portal is down."""

import time

import pytest

from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory, StaffUserFactory
from tests.stack.conftest import ROOT, session_for
from tests.stack.processes import Nginx, http_request

pytestmark = [pytest.mark.postgres, pytest.mark.stack]

# The portal lets proxies keep a page one second (s-maxage=1, PROXY_CACHE_SECONDS); nginx counts it in whole seconds
# of its clock, so a page it stored is fresh for one to two seconds.
MICRO_CACHE_SECONDS = 2.05


@pytest.fixture
def behind_nginx(stack, tmp_path):
    if not Nginx.available():
        pytest.skip("needs nginx (Debian package nginx)")
    stack.redis.start()
    static_root = tmp_path / "static"
    stack.manage("collectstatic", "--noinput", "--verbosity", "0", STATIC_ROOT=static_root)
    web = stack.web()
    nginx = Nginx(tmp_path, [web.port], static_root=static_root, media_root=tmp_path / "media").start()
    yield stack, nginx, web
    nginx.stop()


def publish(stack, title):
    """Publish an article from another process (as the admin on another instance would): its commit starts a new
    page generation in the shared cache."""
    stack.manage(
        "shell",
        "-c",
        "from news.models import Article, Category; "
        f"Article.objects.create(title='{title}', category=Category.objects.get(slug='association-news'), "
        "status='published')",
    )


def test_nginx_terminates_tls_serves_static_files_and_caches_anonymous_pages_briefly(behind_nginx):
    stack, nginx, _web = behind_nginx
    category = CategoryFactory(name="协会动态", slug="association-news", show_on_home=True)
    ArticleFactory(title="联络员工作会议在北海召开", category=category, status=Article.Status.PUBLISHED)

    status, headers, _body = http_request("GET", "/news/?page=1", nginx.http_port)
    assert status == 301 and headers["Location"] == f"https://127.0.0.1:{nginx.https_port}/news/?page=1"

    status, headers, body = nginx.request("GET", "/static/css/site.css")  # certificate checked by the client
    assert status == 200 and body == (ROOT / "static/css/site.css").read_text()
    assert "immutable" in headers["Cache-Control"] and "X-Cache-Status" not in headers

    first, second = nginx.request("GET", "/news/"), nginx.request("GET", "/news/")
    assert first[1]["X-Cache-Status"] == "MISS" and second[1]["X-Cache-Status"] == "HIT"
    assert first[2] == second[2] and "联络员工作会议在北海召开" in second[2]
    assert "s-maxage=1" in second[1]["Cache-Control"]

    publish(stack, "第七届中国—东盟市长论坛开幕")
    time.sleep(MICRO_CACHE_SECONDS)
    for url in ("/", "/news/", "/news/c/association-news/", "/news/feed/"):
        status, headers, body = nginx.request("GET", url)
        assert status == 200 and "第七届中国—东盟市长论坛开幕" in body, (url, headers.get("X-Cache-Status"))


def test_signed_in_readers_pass_through_and_their_pages_are_never_kept(behind_nginx):
    _stack, nginx, _web = behind_nginx
    staff = StaffUserFactory(is_superuser=True)
    nginx.request("GET", "/news/")
    status, headers, body = nginx.request("GET", "/news/", session=session_for(staff))
    assert status == 200 and headers["X-Cache-Status"] == "BYPASS" and "private" in headers["Cache-Control"]
    assert 'href="/admin/"' in body  # the staff member's own link to the back office
    status, headers, body = nginx.request("GET", "/admin/", session=session_for(staff))
    assert status == 200 and headers["X-Cache-Status"] == "BYPASS"
    for _ in range(2):
        status, headers, body = nginx.request("GET", "/news/")
        assert 'href="/admin/"' not in body
        status, headers, body = nginx.request("GET", "/admin/")
        assert status == 302 and headers["X-Cache-Status"] != "HIT"  # to the sign-in page, never a kept admin page

    # A page that sets a cookie (a form's CSRF token) is not kept either.
    assert [nginx.request("GET", "/accounts/login/")[1]["X-Cache-Status"] for _ in range(2)] == ["MISS", "MISS"]


def test_while_the_portal_is_down_readers_get_the_last_copy(behind_nginx):
    _stack, nginx, web = behind_nginx
    CategoryFactory(name="协会动态", slug="association-news", show_on_home=True)
    assert nginx.request("GET", "/news/")[0] == 200
    web.stop()
    time.sleep(MICRO_CACHE_SECONDS)
    status, headers, _body = nginx.request("GET", "/news/")
    assert status == 200 and headers["X-Cache-Status"] in ("STALE", "UPDATING")
    assert nginx.request("GET", "/members/")[0] == 502  # never kept: nothing to show
