"""Offsets into a text as the 1-based line and column an editor shows.

Line breaks are counted as YAML counts them (CR LF, CR and LF each end a line), which is also how
articles are split into paragraphs; columns count code points."""

from __future__ import annotations

import re

from .model import Position

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def position_at(text: str, offset: int) -> Position:
    """The line and column of `offset` in `text`."""
    line, line_start = 1, 0
    for brk in LINE_BREAK.finditer(text, 0, offset):
        line += 1
        line_start = brk.end()
    return Position(line, offset - line_start + 1)


def line_at(text: str, offset: int) -> int:
    return position_at(text, offset).line
