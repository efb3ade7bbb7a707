"""`plugin.later.Later`: the preview's background work runs the newest job only, one at a time,
and a job that fails (even by a bug) is said and does not stop the ones that follow."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from build_tools.plugin.later import Later


def _idle(later: Later) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if later._thread is None:
            return True
        time.sleep(0.01)
    return False


def test_the_newest_job_wins_and_a_failing_one_stops_nothing(caplog: pytest.LogCaptureFixture) -> None:
    later = Later("the test job failed", logging.getLogger("test-later"))
    gate, ran = threading.Event(), []

    def fails() -> None:
        raise ValueError("a bug")

    started = threading.Event()
    later.run(lambda: (started.set(), gate.wait(10), ran.append("first")))
    assert started.wait(10)
    later.run(lambda: ran.append("replaced"))  # still waiting when the next is asked for
    later.run(fails)
    gate.set()
    assert _idle(later)
    assert ran == ["first"]
    assert "the test job failed: ValueError('a bug')" in caplog.text
    later.run(lambda: ran.append("after"))
    assert _idle(later)
    assert ran == ["first", "after"]
