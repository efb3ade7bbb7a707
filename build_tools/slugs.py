"""Slugs: the ids of briefings, actors, stories, topics and quotes, and the file names they come
from. One rule for what a slug is, one way to make one from text."""

from __future__ import annotations

import re
import unicodedata

#: lower-case letters, digits and hyphens; "index" would clash with the index pages
SLUG = re.compile(r"(?!index\Z)[a-z0-9][a-z0-9-]*")


def is_slug(text: str) -> bool:
    """Whether `text`, as a whole, is a slug (a final newline does not pass, unlike with `$`)."""
    return SLUG.fullmatch(text) is not None


def slugify(text: str) -> str:
    """`Emmanuel Macron` -> `emmanuel-macron`: accents dropped, every other run of characters a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
