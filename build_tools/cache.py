"""Work remembered between runs of the pipeline on files that have not changed.

Two layers, both keyed by content digests, so an entry is never stale, only unused:

- in memory (`remember`): whole results, trees and records included; `mkdocs serve` keeps one
  `Cache` across rebuilds;
- on disk (`recall` / `keep`, when a `DiskCache` is given): only what `briefings validate` needs to
  answer without parsing a file again: each file's problems and summary, each briefing's
  cross-file problems. It is JSON (a cache file can never run code), read whole at the start and
  written once at the end with only the entries the run used. A cache written by another version
  of the code, or that cannot be read, or whose entries have the wrong shape, is ignored: the run
  starts from nothing and says so at debug level.

`forget_unused` drops what the last run did not ask for, so neither layer grows without end.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache as once
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Literal, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

#: what is remembered in memory: files (load), normalised articles, quote searches, checked briefings,
#: the problems between the quotes of different briefings
Store = Literal["files", "articles", "quotes", "briefings", "statements"]
#: what is kept on disk: each file's problems and summary, each briefing's cross-file problems
DiskStore = Literal["file-problems", "check-problems"]
FORMAT = 1
#: where caches live unless BRIEFINGS_CACHE_DIR says otherwise (never inside the repository)
CACHE_HOME = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefings"


@once
def code_version() -> str:
    """A digest of everything a cached answer depends on besides the files: this package's code,
    schemas and word lists, and the versions of the parser and validators it runs."""
    digest = hashlib.blake2b(digest_size=16)
    package = resources.files(__package__)
    for path in sorted(_package_files(Path(str(package)))):
        digest.update(path.relative_to(Path(str(package))).as_posix().encode())
        digest.update(path.read_bytes())
    for name in ("pyyaml", "jsonschema", "fastjsonschema", "rapidfuzz"):
        digest.update(f"{name}={metadata.version(name)}".encode())
    import yaml

    digest.update(f"libyaml={yaml.__with_libyaml__} python={sys.version_info[:2]}".encode())
    return digest.hexdigest()


def _package_files(package: Path) -> list[Path]:
    suffixes = (".py", ".json", ".txt")
    return [p for p in package.rglob("*") if p.suffix in suffixes and "__pycache__" not in p.parts]


def key_of(key: Hashable) -> str:
    """A short, stable text key for a tuple of strings, bytes, numbers and booleans."""
    return hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass
class DiskCache:
    """The JSON file of one repository's cache."""

    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    used: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def for_repository(cls, root: Path, folder: Path | None = None) -> DiskCache:
        """The cache of the repository at `root`, in `folder` (default: BRIEFINGS_CACHE_DIR or the
        user's cache folder), read now; an unusable file counts as empty."""
        folder = folder or Path(os.environ.get("BRIEFINGS_CACHE_DIR") or CACHE_HOME)
        name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=8).hexdigest()
        cache = cls(folder / f"validation-{name}.json.gz")
        cache.entries = _read(cache.path)
        return cache

    def get(self, store: DiskStore, key: str) -> Any:
        value = self.entries.get(store, {}).get(key)
        if value is not None:
            self.used.setdefault(store, {})[key] = value
        return value

    def put(self, store: DiskStore, key: str, value: Any) -> None:
        self.used.setdefault(store, {})[key] = value
        self.changed = True

    def save(self) -> None:
        """Write the entries this run used (atomically; a cache that cannot be written is only a
        slower next run)."""
        if (
            not self.changed
            and self.used.keys() == self.entries.keys()
            and all(len(self.used[s]) == len(self.entries[s]) for s in self.used)
        ):
            return
        document = {"format": FORMAT, "version": code_version(), "stores": self.used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.path.parent, delete=False) as temporary:
                temporary.write(gzip.compress(json.dumps(document, separators=(",", ":")).encode(), 1))
            os.replace(temporary.name, self.path)
        except OSError as error:
            log.debug("validation cache not written to %s: %s", self.path, error)
        self.entries, self.used, self.changed = self.used, {}, False


def _read(path: Path) -> dict[str, dict[str, Any]]:
    try:
        document = json.loads(gzip.decompress(path.read_bytes()))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, EOFError) as error:  # corrupt: start again
        log.debug("validation cache %s ignored: %s", path, error)
        return {}
    if not (
        isinstance(document, dict)
        and document.get("format") == FORMAT
        and document.get("version") == code_version()
    ):
        log.debug("validation cache %s ignored: written by another version", path)
        return {}
    stores = document.get("stores")
    if not isinstance(stores, dict) or not all(isinstance(v, dict) for v in stores.values()):
        return {}
    return stores


@dataclass
class Cache:
    entries: dict[Store, dict[Hashable, Any]] = field(default_factory=dict)
    disk: DiskCache | None = None
    _used: dict[Store, set[Hashable]] = field(default_factory=dict)
    #: path -> (what stat said of it, the digest of its bytes then): an unchanged file is not read
    _digests: dict[str, tuple[tuple[int, ...], bytes]] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)

    def has(self, store: Store, key: Hashable) -> bool:
        return key in self.entries.get(store, {})

    def digest_of(self, path: str, stat: os.stat_result, read: Callable[[], bytes]) -> bytes:
        """The digest of a file's bytes, read (with `read`) only when stat says it changed since
        this cache last saw it: its size, modification and change times, or inode."""
        signature = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)
        self._seen.add(path)
        known = self._digests.get(path)
        if known is not None and known[0] == signature:
            return known[1]
        digest = hashlib.blake2b(read(), digest_size=16).digest()
        self._digests[path] = (signature, digest)
        return digest

    def remember(self, store: Store, key: Hashable, compute: Callable[..., T], *args: Any) -> T:
        """`compute(*args)`, or what it returned last time for the same `key`."""
        entries = self.entries.setdefault(store, {})
        self._used.setdefault(store, set()).add(key)
        if key not in entries:
            entries[key] = compute(*args)
        # the store holds any type; each key is only ever filled by the same `compute`
        return entries[key]  # type: ignore[no-any-return]

    def recall(self, store: DiskStore, key: Hashable) -> Any:
        """What the disk cache keeps for `key`, or None."""
        return None if self.disk is None else self.disk.get(store, key_of(key))

    def keep(self, store: DiskStore, key: Hashable, value: Any) -> None:
        if self.disk is not None:
            self.disk.put(store, key_of(key), value)

    def forget_unused(self) -> None:
        """Keep only what this run used, so a long preview session does not grow without end;
        write the disk cache."""
        for store, entries in self.entries.items():
            for key in entries.keys() - self._used.get(store, set()):
                del entries[key]
        self._used.clear()
        for path in self._digests.keys() - self._seen:
            del self._digests[path]
        self._seen.clear()
        if self.disk is not None:
            self.disk.save()
