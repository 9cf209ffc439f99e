"""The association's own official account, through WeChat's publishing API: the articles it has published
(`freepublish/batchget`) and one of them in full (`freepublish/getarticle`), with the access token from
`cgi-bin/token` kept in the cache until shortly before it expires. Configured by WECHAT_APP_ID and
WECHAT_APP_SECRET; WeChat answers only servers whose address is on the account's IP allow-list."""

from __future__ import annotations

import datetime
import html
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from news import wechat

logger = logging.getLogger(__name__)

TOKEN_INVALID = {40001, 40014, 42001}  # not valid, not the latest, expired: fetch a new token and try once more
IP_NOT_ALLOWED = 40164
PAGE_SIZE = 20  # WeChat's most per request


class WechatApiError(Exception):
    """WeChat refused or could not be reached; the message says what staff can do about it."""


@dataclass(frozen=True)
class Published:
    article_id: str
    index: int  # the place in a multi-article post, from 1
    title: str
    author: str
    digest: str
    url: str
    content: str
    updated_at: datetime.datetime | None

    @property
    def key(self) -> str:
        """The same id an import by address gives (__biz:mid:idx), or the API's own."""
        return wechat.article_key(self.url) or f"article:{self.article_id}:{self.index}"


def is_configured() -> bool:
    return bool(settings.WECHAT_APP_ID and settings.WECHAT_APP_SECRET)


def _request(path: str, *, query: dict[str, str], body: dict[str, Any] | None = None) -> dict[str, Any]:
    url = f"{settings.WECHAT_API_URL.rstrip('/')}{path}?{urllib.parse.urlencode(query)}"
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=settings.WECHAT_TIMEOUT_SECONDS) as response:
            answer = json.loads(response.read(settings.WECHAT_MAX_PAGE_BYTES * 5).decode("utf-8"))
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise WechatApiError(_("WeChat could not be reached: %(error)s") % {"error": error}) from error
    except ValueError as error:
        raise WechatApiError(_("WeChat's answer could not be read.")) from error
    if not isinstance(answer, dict):
        raise WechatApiError(_("WeChat's answer could not be read."))
    return answer


def _check(answer: dict[str, Any]) -> dict[str, Any]:
    code = int(answer.get("errcode") or 0)
    if code == IP_NOT_ALLOWED:
        raise WechatApiError(
            _(
                "WeChat refused this server's address: add it to the official account's IP allow-list "
                "(公众平台 → 设置与开发 → 基本配置). WeChat said: %(message)s"
            )
            % {"message": answer.get("errmsg", "")}
        )
    if code:
        raise WechatApiError(
            _("WeChat refused (error %(code)s): %(message)s") % {"code": code, "message": answer.get("errmsg", "")}
        )
    return answer


def _token_key() -> str:
    return f"wechat:access-token:{settings.WECHAT_APP_ID}"


def access_token(*, fresh: bool = False) -> str:
    if not fresh:
        try:
            kept = cache.get(_token_key())
        except Exception:  # the cache is down: ask WeChat
            kept = None
        if kept:
            return str(kept)
    answer = _check(
        _request(
            "/cgi-bin/token",
            query={
                "grant_type": "client_credential",
                "appid": settings.WECHAT_APP_ID,
                "secret": settings.WECHAT_APP_SECRET,
            },
        )
    )
    token = str(answer.get("access_token", ""))
    if not token:
        raise WechatApiError(_("WeChat's answer could not be read."))
    lifetime = max(60, int(answer.get("expires_in", 7200)) - 300)
    try:
        cache.set(_token_key(), token, lifetime)
    except Exception:
        logger.warning("the WeChat access token could not be kept in the cache")
    return token


def _call(path: str, body: dict[str, Any]) -> dict[str, Any]:
    """A call with the access token; a token WeChat no longer takes is fetched again once."""
    answer = _request(path, query={"access_token": access_token()}, body=body)
    if int(answer.get("errcode") or 0) in TOKEN_INVALID:
        answer = _request(path, query={"access_token": access_token(fresh=True)}, body=body)
    return _check(answer)


def _updated(timestamp: Any) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromtimestamp(int(timestamp), tz=datetime.UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _items(article_id: str, news_items: list[dict[str, Any]], updated: Any) -> list[Published]:
    return [
        Published(
            article_id=article_id,
            index=index,
            title=str(item.get("title", "")),
            author=str(item.get("author", "")),
            digest=str(item.get("digest", "")),
            url=str(item.get("url", "")),
            content=str(item.get("content", "")),
            updated_at=_updated(updated),
        )
        for index, item in enumerate(news_items, start=1)
        if not item.get("is_deleted")
    ]


def published(*, offset: int = 0) -> tuple[int, list[Published]]:
    """One page of what the account published, newest first: (how many posts in all, their articles)."""
    answer = _call("/cgi-bin/freepublish/batchget", {"offset": max(0, offset), "count": PAGE_SIZE, "no_content": 1})
    found: list[Published] = []
    for post in answer.get("item") or []:
        news_items = (post.get("content") or {}).get("news_item") or []
        found.extend(_items(str(post.get("article_id", "")), news_items, post.get("update_time")))
    return int(answer.get("total_count") or 0), found


def published_article(article_id: str, index: int) -> Published:
    answer = _call("/cgi-bin/freepublish/getarticle", {"article_id": article_id})
    for item in _items(article_id, answer.get("news_item") or [], answer.get("update_time")):
        if item.index == index:
            return item
    raise WechatApiError(_("The official account has no such article."))


def as_page(item: Published, account: str) -> str:
    """The article in the shape of WeChat's article page, for the same reading as an imported page."""
    published_at = f'<script>var ct = "{int(item.updated_at.timestamp())}";</script>' if item.updated_at else ""
    return (
        f'<html><head><meta property="og:url" content="{html.escape(item.url)}">'
        f'<meta name="author" content="{html.escape(item.author)}"></head><body>'
        f'<h1 id="activity-name">{html.escape(item.title)}</h1><a id="js_name">{html.escape(account)}</a>'
        f'{published_at}<div id="js_content">{item.content}</div></body></html>'
    )
