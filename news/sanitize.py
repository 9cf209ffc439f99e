"""The allow-list for article bodies. Whatever is pasted or posted, only this survives.

Three passes:
1. whole elements that are hidden, or never wanted, are dropped *with their text*: spam is usually injected as
   hidden blocks, and the style that hid it would be stripped below, showing the spam. Hiding is recognised however
   the CSS is written (comments, escapes, exponents) and by what it does: display, visibility, opacity, a tiny font
   or box that clips its overflow, an element moved far off the page, clipped, scaled to nothing, or white text;
2. nh3 keeps only the allowed tags and attributes (no style at all, no <font>, no <marquee>);
3. links without visible text are dropped, and so are tiny images inside links to other sites; links to other
   sites get rel="nofollow noopener noreferrer".
"""

import html
import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "img",
    "figure",
    "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "data-file"},  # data-file: the ArticleImage placed from the editor
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
FOREIGN_LINK_REL = "nofollow noopener noreferrer"

DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "template",
    "noscript",
    "textarea",
    "select",
    "svg",
    "math",
    "head",
    "title",
    "form",
    "button",
    "canvas",
    "audio",
    "video",
    "marquee",
    "blink",
}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TINY_PX = 4  # a font, box or image smaller than this hides what it holds
FAR_PX = 500  # an element moved further than this is off the page
INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u3000.,:;·•…_|\-–—~*'\"`]+")

NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?"
LENGTH = re.compile(rf"({NUMBER})\s*(px|pt|pc|em|rem|ex|ch|vw|vh|vmin|vmax|%|mm|cm|in|q)?")
PX_PER_UNIT = {
    None: 1,
    "px": 1,
    "pt": 4 / 3,
    "pc": 16,
    "em": 16,
    "rem": 16,
    "ex": 8,
    "ch": 8,
    "vw": 10,
    "vh": 8,
    "vmin": 8,
    "vmax": 10,
    "%": 0.16,
    "mm": 3.78,
    "cm": 37.8,
    "in": 96,
    "q": 0.95,
}


def _declarations(style):
    """CSS declarations as a browser reads them: comments removed, escapes decoded, lower case."""
    style = re.sub(r"/\*.*?(\*/|$)", "", style, flags=re.S)
    style = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(min(int(m.group(1), 16), 0x10FFFF) or 0xFFFD), style)
    style = re.sub(r"\\(.)", r"\1", style)
    style = unicodedata.normalize("NFKC", style).lower().replace("!important", "")
    declarations = {}
    for part in style.split(";"):
        name, colon, value = part.partition(":")
        if colon:
            declarations[name.strip()] = " ".join(value.split())
    return declarations


def _px(value):
    """The first length in `value`, in CSS pixels (None when there is none)."""
    match = LENGTH.search(value or "")
    if not match:
        return None
    try:
        return float(match.group(1)) * PX_PER_UNIT[match.group(2)]
    except (ValueError, OverflowError):
        return None


def _numbers(value):
    return [float(number) for number in re.findall(NUMBER, value or "")]


def _is_white_or_clear(colour):
    colour = colour.replace(" ", "")
    if colour in {"white", "transparent", "#fff", "#ffffff", "#fffffe", "snow", "ivory", "ghostwhite"}:
        return True
    if re.fullmatch(r"#f[0-9a-f]f[0-9a-f]f[0-9a-f](?:[0-9a-f]{2})?|#fff[0-9a-f]?", colour):
        return True
    numbers = _numbers(colour)
    if colour.startswith("rgb") and len(numbers) >= 3:
        return min(numbers[:3]) >= 240 or (len(numbers) >= 4 and numbers[3] < 0.1)
    if colour.startswith("hsl") and len(numbers) >= 3:
        return numbers[2] >= 95 or (len(numbers) >= 4 and numbers[3] < 0.1)
    return False


def css_hides(style):
    """Whether this style attribute hides its element's content from readers."""
    css = _declarations(style or "")
    get = css.get
    if get("display", "").startswith("none") or get("visibility", "").split(" ")[:1] in (["hidden"], ["collapse"]):
        return True
    opacity = _numbers(get("opacity"))
    if opacity and (opacity[0] / (100 if "%" in get("opacity", "") else 1)) < 0.1:
        return True
    font_size = _px(get("font-size"))
    if font_size is not None and font_size < TINY_PX:
        return True
    clipping = get("overflow", "") + get("overflow-x", "") + get("overflow-y", "")
    if any(word in clipping for word in ("hidden", "clip", "scroll", "auto")):
        for box in ("height", "max-height", "width", "max-width", "line-height"):
            size = _px(get(box))
            if size is not None and size < TINY_PX:
                return True
    for offset in (
        "left",
        "top",
        "right",
        "bottom",
        "margin-left",
        "margin-top",
        "margin-right",
        "margin",
        "text-indent",
        "inset",
    ):
        moved = _px(get(offset))
        if moved is not None and abs(moved) >= FAR_PX:
            return True
    if get("clip", "").startswith("rect") or get("clip-path", "none") not in ("none", ""):
        return True
    transform = get("transform", "")
    scales = re.findall(rf"scale[xyz3d]*\(({NUMBER}(?:\s*,\s*{NUMBER})*)", transform)
    if any(abs(factor) < 0.1 for group in scales for factor in _numbers(group)):
        return True
    for arguments in re.findall(r"translate[xyz3d]*\(([^)]*)\)", transform):
        if any((moved := _px(argument)) is not None and abs(moved) >= FAR_PX for argument in arguments.split(",")):
            return True
    colour = get("color")
    return bool(colour) and _is_white_or_clear(colour) and not (get("background") or get("background-color"))


def _is_hidden(tag, attrs):
    attributes = {name.lower(): (value or "") for name, value in attrs}
    if "hidden" in attributes or attributes.get("aria-hidden", "").lower() == "true":
        return True
    if css_hides(attributes.get("style", "")):
        return True
    if tag == "font":
        size = attributes.get("size", "").strip()
        if (re.fullmatch(r"-?\d+", size) and int(size) <= 0) or _is_white_or_clear(attributes.get("color", "").lower()):
            return True
    return False


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
        if tag in DROPPED_WITH_CONTENT or _is_hidden(tag, attrs):
            if tag not in VOID_ELEMENTS:
                self.skip_depth = 1
            return
        self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if not self.skip_depth and tag not in DROPPED_WITH_CONTENT and not _is_hidden(tag, attrs):
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


def _media_prefixes():
    """Where our photos are: MEDIA_URL, or the public address of the media bucket in object storage."""
    from django.core.files.storage import default_storage

    prefixes = ["/" + settings.MEDIA_URL.lstrip("/")]
    storage_root = default_storage.url("")
    if storage_root.startswith(("http://", "https://")):
        prefixes.append(storage_root.split("?")[0].rstrip("/") + "/")
    return tuple(prefixes)


def is_own_image(src):
    return src.startswith(_media_prefixes()) and ".." not in src


def _keep_attribute(element, attribute, value):
    """Images only from our own media; everything else the allow-list already vetted."""
    if element == "img" and attribute == "src":
        return value if is_own_image(value) else None
    if element == "img" and attribute == "data-file":
        return value if value.isdigit() else None
    return value


def is_foreign(href):
    """A link to another site (not a path on this one, nor one of its ALLOWED_HOSTS)."""
    host = (urlsplit(href).hostname or "").lower()
    if not host:
        return False
    own = [name.lstrip(".").lower() for name in settings.ALLOWED_HOSTS if name not in ("*", "")]
    return not any(host == name or host.endswith(f".{name}") for name in own)


class _LinkCleaner(HTMLParser):
    """On nh3's well-formed output: each link is held until it closes, then kept (with rel for other sites) or
    dropped with its content when nothing in it is visible."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.link = None  # {"href", "parts", "visible"} while inside <a>

    def _emit(self, text):
        (self.link["parts"] if self.link is not None else self.out).append(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and self.link is None:
            self.link = {
                "attrs": attrs,
                "parts": [],
                "visible": False,
                "foreign": is_foreign(attributes.get("href", "")),
            }
            return
        if tag == "img" and self.link is not None:
            tiny = any(
                _px(attributes.get(side)) is not None and _px(attributes.get(side)) < TINY_PX
                for side in ("width", "height")
            )
            if tiny and self.link["foreign"]:
                return
            self.link["visible"] = self.link["visible"] or not tiny
        self._emit(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            link, self.link = self.link, None
            if link["visible"]:
                attributes = [(name, value) for name, value in link["attrs"] if name != "rel"]
                if link["foreign"]:
                    attributes.append(("rel", FOREIGN_LINK_REL))
                opening = "".join(f' {name}="{html.escape(value or "", quote=True)}"' for name, value in attributes)
                self.out.extend([f"<a{opening}>", *link["parts"], "</a>"])
            return
        self._emit(f"</{tag}>")

    def handle_data(self, data):
        if self.link is not None and INVISIBLE.sub("", html.unescape(data)):
            self.link["visible"] = True
        self._emit(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


def _clean_links(markup):
    parser = _LinkCleaner()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


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
        link_rel=None,
        strip_comments=True,
    )
    cleaned = re.sub(r"<img(?![^>]*\ssrc=)[^>]*>", "", cleaned)  # images whose source was refused
    cleaned = re.sub(r"<figure>(?:(?!<img)(?!</figure>).)*</figure>", "", cleaned, flags=re.S)  # and their frames
    cleaned = _clean_links(cleaned)
    return "" if cleaned.strip() in {"", "<p></p>"} else cleaned


class _Inventory(HTMLParser):
    """What a piece of HTML holds that the sanitiser may take away, counted."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images = self.links = self.hidden = self.formatting = 0
        self.dropped = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.images += 1
        elif tag == "a":
            self.links += 1
        if tag in DROPPED_WITH_CONTENT:
            self.dropped.add(tag)
        elif _is_hidden(tag, attrs):
            self.hidden += 1
        elif tag == "font" or attributes.get("style") or attributes.get("class"):
            self.formatting += 1

    handle_startendtag = handle_starttag


def _inventory(markup):
    inventory = _Inventory()
    inventory.feed(markup or "")
    inventory.close()
    return inventory


def removals(raw, cleaned):
    """What sanitize_html took out of `raw` to give `cleaned`, in words for the editor who saved it."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    before, after = _inventory(raw), _inventory(cleaned)
    said = []
    if (lost := before.images - after.images) > 0:
        said.append(
            ngettext(
                "%(count)d image that was not uploaded to the portal (only images uploaded with the editor’s image "
                "button are kept)",
                "%(count)d images that were not uploaded to the portal (only images uploaded with the editor’s image "
                "button are kept)",
                lost,
            )
            % {"count": lost}
        )
    if before.dropped:
        said.append(_("scripts, embedded frames or forms (%(tags)s)") % {"tags": ", ".join(sorted(before.dropped))})
    if before.hidden:
        said.append(
            ngettext("%(count)d hidden block with its text", "%(count)d hidden blocks with their text", before.hidden)
            % {"count": before.hidden}
        )
    if (lost := before.links - after.links) > 0:
        said.append(
            ngettext(
                "%(count)d link without visible text or a safe address",
                "%(count)d links without visible text or a safe address",
                lost,
            )
            % {"count": lost}
        )
    if before.formatting > after.formatting:  # the editor's own classes and alignments are kept: no word on them
        said.append(_("pasted formatting such as fonts, colours and sizes (the site’s own style applies)"))
    return said
