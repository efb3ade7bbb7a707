"""Keeping Python's cyclic garbage collector out of the preview's wait.

A full collection walks every object the process holds: under `mkdocs serve` at 10,000 briefings,
millions (the corpus, its indexes, the rows, pages' summaries and search documents kept between
rebuilds). Each took 3.0 to 3.4 s, and one came due in two rebuilds out of three, inside the wait
between a save and the page (measured with `gc.callbacks` in `benchmarks/serve.py`'s setting).

After the first build, what is alive is mostly what the preview keeps, so it is frozen
(`gc.freeze`): collections no longer walk it. A frozen object is still freed as soon as nothing
refers to it; what the first build leaves in reference cycles (MkDocs' pages and files refer to
each other) stays, once. With far fewer objects to walk, full collections would come due far
more often (Python runs one whenever the objects that survived since the last one reach a quarter
of those it kept); the third threshold, from 10 to 100 collections of the middle generation
between full ones, keeps them to about one per rebuild, each a fraction of a second.
"""

from __future__ import annotations

import gc

#: collections of the middle generation between two full ones (Python's default: 10)
FULL_COLLECTION_EVERY = 100


def keep_what_is_alive() -> None:
    """Freeze what is alive now (after a collection) and space out full collections."""
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
