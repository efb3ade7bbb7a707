"""A machine-independent measure of work: lines of Python executed, with a ceiling.

Wall-clock bounds are flaky on a shared machine and a quadratic path may simply never return;
counting executed lines is deterministic, and the ceiling stops a runaway at once. Work done
inside C functions (str.find, unicodedata, rapidfuzz) is not counted: tests of those paths bound
the sizes they are given instead.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any


class StepLimitExceeded(Exception):
    pass


@dataclass
class Steps:
    limit: int
    count: int = 0


@contextmanager
def step_limit(limit: int) -> Iterator[Steps]:
    """Count the Python lines executed inside the block; raise StepLimitExceeded past `limit`."""
    steps = Steps(limit)

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            steps.count += 1
            if steps.count > limit:
                raise StepLimitExceeded(f"more than {limit:,} lines of Python executed")
        return local

    def global_(frame: FrameType, event: str, arg: Any) -> Any:
        return local

    previous = sys.gettrace()
    sys.settrace(global_)
    try:
        yield steps
    finally:
        sys.settrace(previous)
