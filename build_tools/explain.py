"""Errors that show the fix: where a quote differs from the article, which paragraph a translation
is missing or has too many, how a value that starts with a quotation mark is written.

Each function only words what the stages found; nothing here decides whether something is wrong.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence

from .suggest import ordinal

_WORD = re.compile(r"\S+")
#: how many differences a message lists before saying how many more there are
MOST_DIFFERENCES = 3
#: what a paragraph shares with its translation whatever the language: numbers and names
_ANCHOR = re.compile("\\d[\\d.,:/]*|[A-Z][\\w'\u2019-]+")


def quote_differences(yours: str, article: str) -> str:
    """`the article has 'Apapun' where you wrote 'Apa pun', and 'keras' where you wrote 'sangat
    keras'`: the differing words, side by side (empty when the words are the same)."""
    mine, theirs = _WORD.findall(yours), _WORD.findall(article)
    found = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes():
        wrote, has = " ".join(mine[a1:a2]), " ".join(theirs[b1:b2])
        if op == "replace":
            found.append(f"{_shown(has)} where you wrote {_shown(wrote)}")
        elif op == "delete":
            found.append(f"no {_shown(wrote)}")
        elif op == "insert":
            found.append(f"{_shown(has)}, which you left out")
    if not found:
        return ""
    listed = found[:MOST_DIFFERENCES]
    more = len(found) - len(listed)
    text = ", ".join(listed[:-1]) + (" and " if len(listed) > 1 else "") + listed[-1]
    return f"the article has {text}" + (f" ({more} more difference{'s' if more > 1 else ''})" if more else "")


def first_difference(yours: str, article: str) -> int:
    """The offset in `article` of the first word that differs from `yours`."""
    theirs = list(_WORD.finditer(article))
    mine = _WORD.findall(yours)
    for position, word in enumerate(theirs):
        if position >= len(mine) or mine[position] != word.group():
            return word.start()
    return len(article)


def clip_around(text: str, offset: int, limit: int = 120) -> str:
    """At most `limit` characters of `text`, keeping `offset` in view (`...` where cut)."""
    if len(text) <= limit:
        return text
    start = max(0, min(offset - limit // 3, len(text) - limit))
    clipped = text[start : start + limit]
    return ("..." if start else "") + clipped + ("..." if start + limit < len(text) else "")


def _shown(words: str) -> str:
    return repr(words if len(words) <= 60 else words[:57] + "...")


def missing_paragraph(article: Sequence[str], translation: Sequence[str]) -> tuple[int, bool] | None:
    """When the translation has one paragraph fewer or more than the article: the position (from 0)
    of the paragraph that is probably missing (True) or extra (False), found by aligning what
    paragraphs and their translations share whatever the language (numbers, names) and their
    lengths; None for any other difference."""
    if abs(len(article) - len(translation)) != 1:
        return None
    missing = len(translation) < len(article)
    longer, shorter = (article, translation) if missing else (translation, article)
    best = min(range(len(longer)), key=lambda skip: _misfit(longer, shorter, skip, missing))
    return best, missing


def _misfit(longer: Sequence[str], shorter: Sequence[str], skip: int, missing: bool) -> float:
    """How badly the paragraphs pair when paragraph `skip` of the longer list has no partner."""
    total = 0.0
    kept = [p for i, p in enumerate(longer) if i != skip]
    for one, other in zip(kept, shorter, strict=True):
        original, translated = (one, other) if missing else (other, one)
        total += abs(math.log((len(translated) + 20) / (len(original) + 20)))
        anchors, seen = set(_ANCHOR.findall(original)), set(_ANCHOR.findall(translated))
        if anchors or seen:
            total += 1 - len(anchors & seen) / len(anchors | seen)
    return total


def paragraph_hint(
    article_path: str, lines: Sequence[int], article: Sequence[str], body: Sequence[str]
) -> str:
    """The paragraph a translation probably lacks or has in excess, in words."""
    found = missing_paragraph(article, body)
    if found is None:
        return ""
    at, missing = found
    if missing:
        return (
            f"; the article's {ordinal(at + 1)} paragraph ({article_path}:{lines[at]}: "
            f"{_shown(article[at][:50])}) seems to have no translation: add it as body[{at}]"
        )
    return f"; body[{at}] (the {ordinal(at + 1)} paragraph: {_shown(body[at][:50])}) seems to translate no paragraph: remove it or merge it"


def quoted_start_fix(line: str) -> tuple[int, str] | None:
    """For a line whose value starts with a quotation mark but goes on after the closing one
    (`- "Kami menolak," kata dia.`): where the value starts, and the same line with the whole value
    quoted; None otherwise."""
    match = re.match(r"^(\s*(?:-\s+|[\w.-]+:\s+))([\"'])(.*)$", line)
    if not match:
        return None
    prefix, mark, rest = match.groups()
    close = rest.find(mark)
    if close == -1 or not rest[close + 1 :].strip() or rest[close + 1 :].lstrip().startswith("#"):
        return None
    value = mark + rest
    return len(prefix), prefix + "'" + value.replace("'", "''") + "'"
