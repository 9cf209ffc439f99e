"""Reading a WeChat official-account (公众号) article page: its title, account, author, publication time, body and
photos, without WeChat's boilerplate (follow prompts, QR codes, "阅读原文", the share and like bars).

WeChat's markup loads photos lazily (`data-src` on mmbiz.qpic.cn), wraps every paragraph in inline styles and keeps
the article in `#js_content`. The body returned here keeps the text structure only; each photo is replaced by a
marker (`<img data-wechat="N">`) that the import turns into the article's own photo (news/wechat_import.py)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import lxml.html
from django.utils import timezone

# Paragraphs made only of these are WeChat's furniture, not the article.
BOILERPLATE = re.compile(
    r"(点击|點擊)?(上方|下方|上面)?(蓝字|藍字)|关注我们|關注我們|长按(识别|關注|关注)|長按|识别(二维码|图中)|"
    r"扫码关注|掃碼|阅读原文|閱讀原文|分享、点赞、在看|点个在看|點個在看|喜欢此内容的人还喜欢|预览时标签不可点"
)
KEPT_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "br",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
BLOCKS = {"p", "h2", "h3", "h4", "ul", "ol", "blockquote", "table"}


@dataclass
class Photo:
    url: str
    caption: str = ""


@dataclass
class WechatArticle:
    title: str
    account: str
    author: str
    published_at: datetime.datetime | None
    body: str  # HTML with <img data-wechat="N"> markers for the photos
    photos: list[Photo] = field(default_factory=list)
    key: str = ""  # the article's id at WeChat: __biz, mid and idx of its address

    @property
    def summary(self) -> str:
        """The first paragraph, cut at a sentence's end within 120 characters where it is longer."""
        first = re.search(r"<p>(.*?)</p>", self.body, re.S)
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", first.group(1) if first else self.body)).strip()
        if len(text) <= 120:
            return text
        cut = max(text.rfind(mark, 0, 120) for mark in "。！？；")
        return text[: cut + 1] if cut > 40 else text[:119] + "…"


def article_key(url: str) -> str:
    """`__biz:mid:idx` from an article's long address, or the short address's path (/s/<code>)."""
    parts = urlsplit(url or "")
    query = parse_qs(parts.query)
    if query.get("__biz") and query.get("mid"):
        return ":".join([query["__biz"][0], query["mid"][0], query.get("idx", ["1"])[0]])
    match = re.match(r"^/s/([A-Za-z0-9_-]{8,})$", parts.path)
    return match.group(1) if match else ""


def _meta(tree: lxml.html.HtmlElement, name: str) -> str:
    found = tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
    return found[0].strip() if found else ""


def _text(tree: lxml.html.HtmlElement, xpath: str) -> str:
    found = tree.xpath(xpath)
    return re.sub(r"\s+", " ", found[0].text_content()).strip() if found else ""


def _published_at(tree: lxml.html.HtmlElement, html: str) -> datetime.datetime | None:
    match = re.search(r'var\s+ct\s*=\s*"(\d{9,11})"', html)
    if match:
        return datetime.datetime.fromtimestamp(int(match.group(1)), tz=datetime.UTC)
    shown = _text(tree, '//*[@id="publish_time"]')
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日"):
        try:
            return timezone.make_aware(datetime.datetime.strptime(shown, pattern))
        except ValueError:
            continue
    return None


def _is_qr_code(image: lxml.html.HtmlElement) -> bool:
    """A follow QR code: said so by its neighbours or its name, or small and square as WeChat's are."""
    around = " ".join(
        element.text_content() for element in (image.getparent(), image.getparent().getnext()) if element is not None
    )
    names = " ".join(image.get(attribute, "") for attribute in ("alt", "data-src", "src", "class"))
    return bool(re.search(r"二维码|二維碼|qrcode|qr_code|长按识别|長按識別", around + names, re.I))


def _clean(element: lxml.html.HtmlElement, photos: list[Photo]) -> str:
    """The element's content as plain structural HTML; photos become markers."""
    pieces: list[str] = []
    if element.text:
        pieces.append(_escape(element.text))
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "img":
            pieces.append(_clean_image(child, photos))
        elif tag in ("script", "style", "mpvoice", "mpvideo", "iframe", "svg"):
            pass
        elif tag == "a" and re.search(r"阅读原文|閱讀原文", child.text_content()):
            pass
        else:
            inner = _clean(child, photos)
            if tag in KEPT_TAGS and inner.strip():
                if tag == "a":
                    pieces.append(inner)  # WeChat's links lead inside WeChat: the text stays
                elif tag in ("b", "strong"):
                    pieces.append(f"<strong>{inner}</strong>")
                elif tag in ("i", "em"):
                    pieces.append(f"<em>{inner}</em>")
                else:
                    pieces.append(f"<{tag}>{inner}</{tag}>")
            elif tag == "br":
                pieces.append("<br>")
            else:
                pieces.append(inner)  # section, span, div: WeChat's wrappers
        if child.tail:
            pieces.append(_escape(child.tail))
    return "".join(pieces)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\xa0", " ")


def _is_decoration(image: lxml.html.HtmlElement) -> bool:
    """Follow banners, dividers and icons: animated, or narrower than a photo."""
    width = image.get("data-w") or ""
    return image.get("data-type") == "gif" or (width.isdigit() and int(width) < 300)


def _looks_like_caption(block: lxml.html.HtmlElement, text: str) -> bool:
    styles = " ".join(element.get("style", "") for element in block.iter())
    small = re.search(r"font-size:\s*1[0-4]px", styles)
    return len(text) <= 40 and bool(small or "text-align: center" in styles or "text-align:center" in styles)


def _paragraphs(content: lxml.html.HtmlElement, photos: list[Photo]) -> str:
    """WeChat nests paragraphs and photos in sections at any depth: each block that holds text, and each photo, in
    the order they stand. A short centred or small line right after a photo is its caption."""
    blocks: list[str] = []
    photo_before = False
    for element in content.iter("p", "h1", "h2", "h3", "h4", "blockquote", "ul", "ol", "table", "img"):
        if any(ancestor.tag in BLOCKS for ancestor in element.iterancestors() if ancestor is not content):
            continue  # inside a block already taken
        if element.tag == "img":
            kept = _clean_image(element, photos)
            if kept:
                blocks.append(kept)
            photo_before = bool(kept)
            continue
        text = re.sub(r"\s+", "", element.text_content())
        if text and BOILERPLATE.search(text) and len(text) < 60:
            continue
        inner = _clean(element, photos).strip()
        if not inner or inner == "<br>":
            continue
        if photo_before and "<img" not in inner and _looks_like_caption(element, text):
            photos[-1].caption = text
            photo_before = False
            continue
        tag = "h3" if element.tag == "h1" else element.tag
        photo_before = inner.startswith("<img") and inner.count("<img") == 1 and inner.endswith(">")
        blocks.append(inner if photo_before and tag == "p" else f"<{tag}>{inner}</{tag}>")
    return "\n".join(blocks)


def _clean_image(image: lxml.html.HtmlElement, photos: list[Photo]) -> str:
    source = image.get("data-src") or image.get("src") or ""
    if not source.startswith(("http://", "https://")) or _is_qr_code(image) or _is_decoration(image):
        return ""
    photos.append(Photo(source, (image.get("alt") or "").strip()))
    return f'<img data-wechat="{len(photos) - 1}">'


def parse(html: str, url: str = "") -> WechatArticle:
    """The article in a saved or fetched WeChat page; ValueError when the page holds no WeChat article."""
    tree = lxml.html.fromstring(html)
    content = tree.xpath('//*[@id="js_content"]')
    if not content:
        raise ValueError("no #js_content")
    title = _text(tree, '//*[@id="activity-name"]') or _meta(tree, "og:title")
    if not title:
        raise ValueError("no title")
    photos: list[Photo] = []
    body = _paragraphs(content[0], photos)
    return WechatArticle(
        title=title,
        account=_text(tree, '//*[@id="js_name"]') or _meta(tree, "og:site_name"),
        author=_text(tree, '//*[contains(@class, "rich_media_meta_text") and not(@id)]') or _meta(tree, "author"),
        published_at=_published_at(tree, html),
        body=body,
        photos=photos,
        key=article_key(_meta(tree, "og:url")) or article_key(url),  # the page's own address first: one id
    )
