"""The documented limits on what a pull request may hold, where they are about articles and
quotes, and the check of an article against them.

Each limit keeps one file's cost bounded: the article limits bound the work of every quote
search and suggestion (and the size of the pages an article is copied into); the quote limits
bound how much is made of one quote (anchors) and of one file's quotes that are not found
(closest-passage suggestions, each a fuzzy search over the whole article).
"""

from __future__ import annotations

from .anchor import MAX_ANCHORS, split_paragraphs

#: an article's size in UTF-8 bytes
MAX_ARTICLE_BYTES = 1_000_000
#: an article's paragraphs (non-blank lines): each needs its translation, one to one
MAX_PARAGRAPHS = 2_000
#: one paragraph's length in code points
MAX_PARAGRAPH_CHARS = 20_000
#: the occurrences of one quote that `occurrence` can choose among
MAX_OCCURRENCE = MAX_ANCHORS
#: quotes of one file that are not found and get a closest-passage suggestion; the others
#: are counted in one note
SUGGESTIONS_PER_FILE = 20

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_OCCURRENCE",
    "MAX_PARAGRAPHS",
    "MAX_PARAGRAPH_CHARS",
    "SUGGESTIONS_PER_FILE",
    "check_article",
    "too_big",
]


def check_article(text: str) -> list[tuple[int, str]]:
    """What is over the limits in an article, as (code-point offset, message) pairs in order.

    An article over the size limit gets that one message (at the first character past the
    limit) and nothing else is looked at."""
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        return [(_offset_of_byte(text, MAX_ARTICLE_BYTES), too_big(size))]
    paragraphs = split_paragraphs(text)
    problems = [
        (p.start, _too_long(p.end - p.start)) for p in paragraphs if p.end - p.start > MAX_PARAGRAPH_CHARS
    ]
    if len(paragraphs) > MAX_PARAGRAPHS:
        problems.append((paragraphs[MAX_PARAGRAPHS].start, _too_many(len(paragraphs))))
    return sorted(problems)


def too_big(size: int) -> str:
    return (
        f"article is {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,}; "
        "annotate a shorter article, or the part of it the briefing is about"
    )


def _too_long(length: int) -> str:
    return (
        f"paragraph is {length:,} characters long, over the limit of {MAX_PARAGRAPH_CHARS:,}; "
        "put each paragraph of the article on its own line"
    )


def _too_many(count: int) -> str:
    return (
        f"article has {count:,} paragraphs (non-blank lines), over the limit of {MAX_PARAGRAPHS:,}; "
        "annotate a shorter article, or the part of it the briefing is about"
    )


def _offset_of_byte(text: str, limit: int) -> int:
    """The code-point offset of the character holding UTF-8 byte number `limit` (from 0)."""
    return len(text.encode("utf-8")[:limit].decode("utf-8", "ignore"))
