"""Traditional Chinese for /zh-hant/ pages, generated from the Simplified text with OpenCC.

Character by character in the Taiwan standard glyphs (s2tw: 为 -> 為, 软件 stays 軟件): no phrase
substitution that would change wording. Only text and the alt/title attributes are converted;
URLs, other attributes, scripts, styles and code stay exactly as they are.
"""

import re
from functools import lru_cache
from typing import Any

import opencc

SKIPPED_ELEMENTS = {"script", "style", "code", "pre", "textarea", "kbd", "samp"}
CONVERTED_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "content"}


@lru_cache(maxsize=1)
def _converter() -> Any:
    return opencc.OpenCC("s2tw.json")


@lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    """Convert a piece of text; repeated pieces (headers, footers, names) cost one lookup."""
    if not text or text.isascii():
        return text
    return _converter().convert(text)


@lru_cache(maxsize=1)
def _simplifier() -> Any:
    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """For input typed in Traditional characters: search queries and form values."""
    if not text or text.isascii():
        return text
    return _simplifier().convert(text)


# What the page is cut into: blocks copied as they are (scripts, styles, code, with their content), comments and
# declarations, and tags (whose attributes may hold ">" inside quotes); the text between them is converted.
_SKIPPED = "|".join(sorted(SKIPPED_ELEMENTS))
_TAG_BODY = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
_BLOCKS = "|".join(rf"<{name}\b{_TAG_BODY}>.*?</{name}\s*>" for name in sorted(SKIPPED_ELEMENTS))
_PIECES = re.compile(rf"({_BLOCKS}|<!--.*?-->|<[a-zA-Z/!?]{_TAG_BODY}>)", re.S | re.I)
_SKIPPED_START = re.compile(rf"<({_SKIPPED})\b", re.I)
_ATTRIBUTE = re.compile(r"""(\s+)([^\s=/>]+)(\s*=\s*)?("[^"]*"|'[^']*'|[^\s"'>]+)?""")


def _convert_attributes(tag: str) -> str:
    def convert(match: re.Match[str]) -> str:
        space, name, equals, value = match.groups()
        if value and name.lower() in CONVERTED_ATTRIBUTES and not value.isascii():
            value = to_traditional(value)
        return f"{space}{name}{equals or ''}{value or ''}"

    return _ATTRIBUTE.sub(convert, tag)


def _convert_piece(piece: str, is_markup: int) -> str:
    if piece.isascii():
        return piece
    if not is_markup:
        return to_traditional(piece)
    if piece.startswith("<!--"):
        return piece
    skipped = _SKIPPED_START.match(piece)
    if skipped:
        opening = piece[: piece.index(">") + 1] if skipped.group(1).lower() == "script" else ""
        # Structured data (JSON-LD) describes the page: its text is converted; other scripts, styles and code not.
        return to_traditional(piece) if "application/ld+json" in opening else piece
    return _convert_attributes(piece)


def html_to_traditional(markup: str) -> str:
    """The page with its text and its alt, title, aria-label, placeholder and content attributes in Traditional
    characters; URLs, other attributes, scripts, styles and code exactly as they were."""
    pieces = _PIECES.split(markup)  # text, markup, text, markup, ..., text
    return "".join([_convert_piece(piece, index % 2) for index, piece in enumerate(pieces)])
