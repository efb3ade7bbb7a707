"""Offsets into a text as the 1-based line and column an editor shows.

Line breaks are counted as YAML counts them (CR LF, CR and LF each end a line), which is also how
articles are split into paragraphs; columns count code points."""

from __future__ import annotations

import re

from .model import Position

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def position_at(text: str, offset: int) -> Position:
    """The line and column of `offset` in `text`, counted in C (str.count, str.rfind): a loop
    over the line breaks in Python made 5,000 quotes found twice in a 2,000-line article take
    4 s, and an article can have a million empty lines."""
    breaks = text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return Position(breaks + 1, offset - line_start + 1)


def line_at(text: str, offset: int) -> int:
    return position_at(text, offset).line
