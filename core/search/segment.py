"""Chinese word segmentation with jieba, the same way for content and for queries."""

import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jieba

from core.i18n.chinese import to_simplified

# Words of the association's world that jieba's general dictionary cuts in two.
DOMAIN_WORDS = Path(__file__).with_name("words.txt")
WORD = re.compile(r"\w")  # a token with no letter, digit or Han character is punctuation or space
MAX_POSITION = 16383  # PostgreSQL stores positions up to this
MAX_WORD_LENGTH = 100  # longer runs of letters are codes or garbage; PostgreSQL refuses words over 2047 bytes
MAX_TEXT_LENGTH = 50_000  # a tsvector holds at most 1 MB; positions stop at 16383 anyway


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(DOMAIN_WORDS))
    return tokenizer


def warm_up() -> None:
    """Load the dictionaries now (about 0.7 s) rather than in a reader's first search."""
    _tokenizer()


def _subwords(tokenizer: Any, word: str) -> Iterator[str]:
    """The dictionary words inside a longer word (as jieba's search mode finds them): 联络 in 联络员."""
    for size in (2, 3):
        if len(word) > size:
            for start in range(len(word) - size + 1):
                gram = word[start : start + size]
                if tokenizer.FREQ.get(gram):
                    yield gram


def _tokens(text: str) -> Iterator[str | None]:
    """Each token of the text, lower-cased; None for punctuation, which separates words (and phrases)."""
    for token in _tokenizer().cut(to_simplified(text[:MAX_TEXT_LENGTH])):
        word = token.strip().lower()
        if not word:
            continue
        yield word if WORD.search(word) and len(word) <= MAX_WORD_LENGTH else None


def positioned_words(text: str, start: int = 1) -> Iterator[tuple[int, str]]:
    """(position, word) pairs: each word of the text at its own position, its sub-words at the same one.
    Punctuation takes a position of its own, so a quoted phrase never matches across a comma."""
    tokenizer = _tokenizer()
    for position, word in enumerate(_tokens(text), start=start):
        if word is None:
            continue
        position = min(position, MAX_POSITION)
        yield position, word
        for sub in _subwords(tokenizer, word):
            yield position, sub


def spaced_words(text: str) -> list[tuple[int, str]]:
    """(offset, word) pairs of a quoted phrase, punctuation counted as in the index: 'Mayors\' Forum' is
    mayors at 0 and forum at 2, so the phrase finds exactly what was copied from a page."""
    return [(offset, word) for offset, word in enumerate(_tokens(text)) if word]


def words(text: str) -> list[str]:
    """The words of a query term, in order, without sub-words."""
    return [word for word in _tokens(text) if word]
