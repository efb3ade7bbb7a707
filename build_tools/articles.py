"""The articles briefings cite: read from seeds/, never from anywhere else.

An article path comes from a pull request. It is checked as a string first (inside seeds/, no
`..`, no absolute path, no control character), then no part of it may be a symbolic link, and
only then is the file read; the text must be clean UTF-8.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Hashable
from functools import lru_cache
from pathlib import Path
from stat import S_ISLNK

from .anchor import split_paragraphs
from .cache import Cache
from .limits import MAX_ARTICLE_BYTES, check_article, too_big
from .load import SEEDS_DIR
from .model import Article, Problem
from .positions import position_at
from .suggest import did_you_mean

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class ArticleError(Exception):
    """The article a briefing names cannot be used; `problem` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def read_article(root: Path, relative: str, cited_at: Problem) -> Article:
    """The article a briefing cites, refused if it leaves seeds/ or is not clean UTF-8 text.

    `cited_at` is a template problem placed at the briefing's `article:` value.
    """

    def refuse(message: str) -> ArticleError:
        return ArticleError(Problem(cited_at.path, cited_at.line, cited_at.column, message, "article"))

    if not is_confined(relative):
        raise refuse(f"article path {relative!r} must stay inside seeds/ (no '..' or absolute paths)")
    path = root / relative
    seeds = (root / SEEDS_DIR).resolve()
    if any(os.path.islink(p) for p in _own_parts(root, relative)):
        raise refuse(f"article {relative} is a symbolic link; commit the text itself under seeds/")
    if not path.is_file() or seeds not in path.resolve().parents:
        raise refuse(f"article {relative} does not exist{_similar_article(root, relative)}")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:  # refused without being read
            raise ArticleError(Problem(relative, 1, 1, too_big(size), "article"))
        data = path.read_bytes()
    except OSError as error:
        raise refuse(f"article {relative} cannot be read: {error.strerror}") from None
    return decode_article(data, relative)


@lru_cache(maxsize=65536)  # asked for every briefing on every preview rebuild
def is_confined(relative: str) -> bool:
    """Whether an article path, as written, stays inside seeds/ (before any file is looked at)."""
    if _FORBIDDEN.search(relative) or "\\" in relative or relative.startswith("/"):
        return False
    parts = [part for part in relative.split("/") if part not in ("", ".")]  # as PurePosixPath's
    return ".." not in parts and parts[:1] == [SEEDS_DIR] and len(parts) > 1


@lru_cache(maxsize=65536)
def _own_parts(root: Path, relative: str) -> tuple[str, ...]:
    """The file at `relative` (inside seeds/) and its folders below `root`: none of them may be a
    symbolic link."""
    parts = relative.split("/")
    return tuple(os.path.join(root, *parts[:depth]) for depth in range(len(parts), 0, -1))


def article_fingerprint(
    root: Path, relative: str, cache: Cache | None = None, folder_links: dict[str, bool] | None = None
) -> Hashable:
    """What `read_article` depends on, cheaply: which parts are symbolic links, and the bytes
    (through `cache`, not read again when unchanged). Nothing is read through a symbolic link or
    for a path that does not stay inside seeds/. `folder_links` keeps, for one run, whether each
    folder is a link (ten thousand articles share a few folders)."""
    if not is_confined(relative):
        return None
    path = os.path.join(root, relative)
    try:
        stat = os.lstat(path)
    except OSError:
        stat = None
    links_of = {} if folder_links is None else folder_links
    folders = tuple(
        links_of[p] if p in links_of else links_of.setdefault(p, os.path.islink(p))
        for p in _own_parts(root, relative)[1:]
    )
    links = (stat is not None and S_ISLNK(stat.st_mode), *folders)
    if any(links) or stat is None:
        return links
    try:
        if cache is None:
            return (links, hashlib.blake2b(_read_bytes(path), digest_size=16).digest())
        return (links, cache.digest_of(path, stat, lambda: _read_bytes(path)))
    except OSError:
        return (links, None)


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def _similar_article(root: Path, relative: str) -> str:
    names = [p.relative_to(root).as_posix() for p in (root / SEEDS_DIR).glob("*") if p.is_file()]
    if hint := did_you_mean(relative, names, quote=""):
        return hint
    return f"; files in seeds/: {', '.join(sorted(names)) or 'none'}"


def decode_article(data: bytes, relative: str) -> Article:
    """An article's bytes as text split into paragraphs; raises ArticleError if not clean UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"article is not valid UTF-8 (byte 0x{data[error.start]:02X}); save it as UTF-8"
        raise ArticleError(Problem(relative, line, 1, message, "article")) from None
    bad = _FORBIDDEN.search(text)
    if bad:
        where = position_at(text, bad.start())
        message = f"article contains control character U+{ord(bad.group()):04X}; remove it"
        raise ArticleError(Problem(relative, where.line, where.column, message, "article"))
    over = check_article(text)
    if over:  # the first is enough: the fix (a shorter article, one paragraph a line) is the same
        offset, message = over[0]
        where = position_at(text, offset)
        raise ArticleError(Problem(relative, where.line, where.column, message, "article"))
    return Article(relative, text, split_paragraphs(text))
