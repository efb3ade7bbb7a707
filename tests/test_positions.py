"""Line and column of an offset, counted in C: the same answer as walking the line breaks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.model import Position
from build_tools.positions import LINE_BREAK, line_at, position_at

from .steps import step_limit


def _walked(text: str, offset: int) -> Position:
    """The former implementation: one Python step per line break before the offset."""
    line, line_start = 1, 0
    for brk in LINE_BREAK.finditer(text, 0, offset):
        line += 1
        line_start = brk.end()
    return Position(line, offset - line_start + 1)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(
        st.sampled_from(["a", "b ", "\n", "\r", "\r\n", "\u00e9", "\U0001f600", "\n\n"]), max_size=30
    ).map("".join)
)
def test_position_at_agrees_with_walking_the_line_breaks(text: str) -> None:
    for offset in range(len(text) + 1):
        assert position_at(text, offset) == _walked(text, offset), (text, offset)


def test_a_position_after_a_million_empty_lines_takes_no_python_loop() -> None:
    text = "\n" * 1_000_000 + "\r\nKata."
    with step_limit(20):
        assert position_at(text, len(text) - 5) == Position(1_000_002, 1)
        assert line_at(text, len(text)) == 1_000_002
