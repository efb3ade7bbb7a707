"""Keeping Python's cyclic garbage collector out of the preview's wait.

A full collection walks every object the process holds: under `mkdocs serve` at 10,000 briefings,
millions (the corpus, its indexes, the rows, pages' summaries and search documents kept between
rebuilds). Each took 3.0 to 3.4 s, and one came due in two rebuilds out of three, inside the wait
between a save and the page (measured with `gc.callbacks` in `benchmarks/serve.py`'s setting).

After the first build, what is alive is mostly what the preview keeps, so it is frozen
(`gc.freeze`): collections no longer walk it. A frozen object is still freed as soon as nothing
refers to it; what the first build leaves in reference cycles (MkDocs' pages and files refer to
each other) stays, once. A full collection still took 0.3 s, and came due in one rebuild out of
two or three; so during a rebuild there is none (`hold`), and after it one runs in the background
(`collect_after`) once the reloaded page has been served. Between rebuilds little is allocated.
"""

from __future__ import annotations

import gc
import time

#: seconds between the end of a rebuild and its collection: the reloaded page is served first
COLLECT_AFTER = 2.0


def keep_what_is_alive() -> None:
    """Freeze what is alive now (after a collection)."""
    gc.collect()
    gc.freeze()


def hold() -> None:
    """No collection until `collect_after` (or `release`)."""
    gc.disable()


def release() -> None:
    gc.enable()


def collect_after(delay: float = COLLECT_AFTER) -> None:
    """Wait (in a background thread), then collect the rebuild's cycles and collect as usual again."""
    time.sleep(delay)
    gc.enable()
    gc.collect()
