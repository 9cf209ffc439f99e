"""Cached pages across gunicorn workers: a change made anywhere clears the pages every worker serves, with Redis and,
without it, with the database cache."""

import pytest

from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = [pytest.mark.postgres, pytest.mark.stack]


@pytest.mark.parametrize("shared_cache", ["redis", "database"])
def test_a_change_made_in_one_process_clears_the_pages_of_every_worker(stack, shared_cache):
    env = {"PAGE_CACHE_SECONDS": "600"}
    if shared_cache == "redis":
        stack.redis.start()
    else:
        env["REDIS_URL"] = ""
        stack.manage("createcachetable", **env)
    category = CategoryFactory(name="协会动态", slug="association-news", show_on_home=True)
    ArticleFactory(title="联络员工作会议在北海召开", category=category, status=Article.Status.PUBLISHED)
    stack.web(**env)

    answers = [stack.request("GET", "/news/") for _ in range(12)]  # both workers render, then serve from the cache
    assert all(status == 200 for status, _headers, _body in answers)
    assert sum(1 for _status, headers, _body in answers if headers.get("X-Page-Cache") == "hit") >= 8

    # Another process (the admin on another instance, a worker) publishes an article.
    stack.manage(
        "shell",
        "-c",
        "from news.models import Article, Category; "
        "Article.objects.create(title='第七届中国—东盟市长论坛开幕', "
        "category=Category.objects.get(slug='association-news'), "
        "status='published')",
        **env,
    )

    after = [stack.request("GET", "/news/") for _ in range(12)]
    assert all("第七届中国—东盟市长论坛开幕" in body for _status, _headers, body in after), stack.logs()
