"""Slugs for the draft's file name and for the ids of proposed actors."""

from __future__ import annotations

from .repository import SourceFile, is_slug, slugify
from .words import words

_SLUG_WORDS = 6
_SLUG_CHARS = 60


def slug_for_title(title: str) -> str:
    """The first words of the title that are not stop words, at most 60 characters; "draft" when
    nothing is left."""
    stopwords = words().slug_stopwords
    kept = [w for w in slugify(title).split("-") if w and w not in stopwords]
    slug = ""
    for word in kept[:_SLUG_WORDS]:
        if len(slug) + len(word) + 1 > _SLUG_CHARS:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug if slug and is_slug(slug) else "draft"


def unique_slug(base: str, taken: dict[str, SourceFile] | set[str]) -> str:
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
