"""Traditional Chinese for /zh-hant/ pages, generated from the Simplified text with OpenCC.

Character by character in the Taiwan standard glyphs (s2tw: 为 -> 為, 软件 stays 軟件): no phrase
substitution that would change wording. Only text and the alt/title attributes are converted;
URLs, other attributes, scripts, styles and code stay exactly as they are.
"""

import html
from functools import lru_cache
from html.parser import HTMLParser

import opencc

SKIPPED_ELEMENTS = {"script", "style", "code", "pre", "textarea", "kbd", "samp"}
CONVERTED_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "content"}


@lru_cache(maxsize=1)
def _converter():
    return opencc.OpenCC("s2tw.json")


@lru_cache(maxsize=65536)
def to_traditional(text):
    """Convert a piece of text; repeated pieces (headers, footers, names) cost one lookup."""
    if not text or text.isascii():
        return text
    return _converter().convert(text)


@lru_cache(maxsize=1)
def _simplifier():
    return opencc.OpenCC("t2s.json")


def to_simplified(text):
    """For input typed in Traditional characters: search queries and form values."""
    if not text or text.isascii():
        return text
    return _simplifier().convert(text)


class _Converter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.skip_depth = 0
        self.in_json_ld = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and ("type", "application/ld+json") in attrs:
            self.in_json_ld = True  # structured data describes the content: its text is converted
            self.out.append(self.get_starttag_text())
            return
        if self.skip_depth or tag in SKIPPED_ELEMENTS:
            self.skip_depth += tag not in ("br", "img", "input", "meta", "link", "hr")
            self.out.append(self.get_starttag_text())
            return
        text = self.get_starttag_text()
        if any(name in CONVERTED_ATTRIBUTES and value and not value.isascii() for name, value in attrs):
            text = self._rebuild(tag, attrs, closing="/>" if text.endswith("/>") else ">")
        self.out.append(text)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.skip_depth and tag in SKIPPED_ELEMENTS:
            self.skip_depth -= 1

    @staticmethod
    def _rebuild(tag, attrs, closing):
        parts = [tag]
        for name, value in attrs:
            if value is None:
                parts.append(name)
            else:
                if name in CONVERTED_ATTRIBUTES:
                    value = to_traditional(value)
                parts.append(f'{name}="{html.escape(value, quote=True)}"')
        return "<" + " ".join(parts) + closing

    def handle_endtag(self, tag):
        if self.in_json_ld and tag == "script":
            self.in_json_ld = False
        elif self.skip_depth:
            self.skip_depth -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data if self.skip_depth and not self.in_json_ld else to_traditional(data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")


def html_to_traditional(markup):
    parser = _Converter()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)
