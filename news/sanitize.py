"""The allow-list for article bodies. Whatever is pasted or posted, only this survives.

Two passes: first whole elements that are hidden or never wanted are dropped *with their text*
(spam is usually injected as hidden blocks); then nh3 keeps only the allowed tags and attributes.
"""

import html
import re
from html.parser import HTMLParser

import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr",
    "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "table", "caption", "thead", "tbody", "tr", "th", "td",
    "a", "img", "figure", "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}

DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "template", "noscript",
    "textarea", "select", "svg", "math", "head", "title", "form", "button", "canvas", "audio", "video",
}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(\.0*)?\s*(;|$)|font-size\s*:\s*0"
    r"|(?<![-\w])(height|width|max-height|max-width)\s*:\s*0(px|em|rem|%)?\s*(;|$)"
    r"|(left|top|text-indent)\s*:\s*-\d{3,}",
    re.IGNORECASE,
)


def _is_hidden(attrs):
    attributes = {name.lower(): (value or "") for name, value in attrs}
    return (
        "hidden" in attributes
        or attributes.get("aria-hidden", "").lower() == "true"
        or bool(HIDING_STYLE.search(attributes.get("style", "")))
    )


class _HiddenContentRemover(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if self.skip_depth:
            if tag not in VOID_ELEMENTS:
                self.skip_depth += 1
            return
        if tag in DROPPED_WITH_CONTENT or _is_hidden(attrs):
            if tag not in VOID_ELEMENTS:
                self.skip_depth = 1
            return
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if not self.skip_depth and tag not in DROPPED_WITH_CONTENT and not _is_hidden(attrs):
            self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag not in VOID_ELEMENTS:
                self.skip_depth -= 1
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skip_depth:
            self.out.append(html.escape(data, quote=False))


def _remove_hidden_content(markup):
    parser = _HiddenContentRemover()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


def _media_prefix():
    return "/" + settings.MEDIA_URL.lstrip("/")


def _keep_attribute(element, attribute, value):
    """Images only from our own media; everything else the allow-list already vetted."""
    if element == "img" and attribute == "src":
        return value if value.startswith(_media_prefix()) and ".." not in value else None
    return value


def sanitize_html(markup):
    """Clean HTML to the allow-list: no scripts, styles, iframes, event handlers, classes or hidden elements."""
    if not markup:
        return ""
    cleaned = nh3.clean(
        _remove_hidden_content(markup),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_keep_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    cleaned = re.sub(r"<img(?![^>]*\ssrc=)[^>]*>", "", cleaned)  # images whose source was refused
    return "" if cleaned.strip() in {"", "<p></p>"} else cleaned
