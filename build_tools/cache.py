"""Work remembered between runs of the pipeline on files that have not changed.

`mkdocs serve` keeps one `Cache` across rebuilds: the load stage keeps each file's parse and schema
check by the file's content digest, validation keeps quote searches by article and each briefing's
cross-file checks by everything they depend on. Keys are content digests, so an entry is never
stale: it is only unused, and `forget_unused` drops what the last run did not ask for.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

T = TypeVar("T")
#: what is remembered: files (load), normalised articles, quote searches, checked briefings
Store = Literal["files", "articles", "quotes", "briefings"]


@dataclass
class Cache:
    entries: dict[Store, dict[Hashable, Any]] = field(default_factory=dict)
    _used: dict[Store, set[Hashable]] = field(default_factory=dict)

    def remember(self, store: Store, key: Hashable, compute: Callable[..., T], *args: Any) -> T:
        """`compute(*args)`, or what it returned last time for the same `key`."""
        entries = self.entries.setdefault(store, {})
        self._used.setdefault(store, set()).add(key)
        if key not in entries:
            entries[key] = compute(*args)
        return entries[key]  # type: ignore[no-any-return]

    def forget_unused(self) -> None:
        """Keep only what this run used, so a long preview session does not grow without end."""
        for store, entries in self.entries.items():
            used = self._used.get(store, set())
            for key in [k for k in entries if k not in used]:
                del entries[key]
        self._used.clear()
