"""Slugs for the draft's file name and for the ids of proposed actors."""

from __future__ import annotations

import re
import unicodedata

from .repository import SLUG, SourceFile
from .words import words

_SLUG_WORDS = 6
_SLUG_CHARS = 60


def slugify(text: str) -> str:
    """`Emmanuel Macron` -> `emmanuel-macron`: accents dropped, every other run of characters a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


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
    return slug if slug and SLUG.match(slug) else "draft"


def unique_slug(base: str, taken: dict[str, SourceFile] | set[str]) -> str:
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
