"""Snippets with the matched words marked, safely: every piece of content is escaped before <mark> is added."""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_LENGTH = 120


def _pattern(words: Sequence[str]) -> re.Pattern[str]:
    # Single characters (的, 在) would mark half the text; they count only when they are all there is.
    longer = [word for word in words if len(word) > 1] or words
    return re.compile("|".join(map(re.escape, sorted(longer, key=len, reverse=True))), re.IGNORECASE)


def marked(text: str, words: Sequence[str]) -> SafeString:
    """text, escaped, with each occurrence of the words in <mark>."""
    if not words:
        return escape(text)
    pattern, last = _pattern(words), 0
    pieces: list[str] = []
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def snippet(text: str, words: Sequence[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """About `length` characters of text around the first matched word, marked."""
    text = " ".join(text.split())
    match = _pattern(words).search(text) if words else None
    start = max(0, match.start() - length // 3) if match else 0
    window = text[start : start + length]
    before = "…" if start else ""
    after = "…" if start + length < len(text) else ""
    return mark_safe(before + marked(window, words) + after)
