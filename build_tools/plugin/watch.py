"""Watching the annotations and articles for `mkdocs serve` without polling them.

MkDocs' live-reload server polls every watched folder twice a second (watchdog's
PollingObserver), walking and stat-ing every file each time: with ten thousand briefings and their
articles that walk keeps a core busy and slows every rebuild. So `briefings/` and `seeds/` are
watched with the operating system's notifications (watchdog's native observer: inotify on Linux).
A change asks the server for a rebuild at once, as its own watch callbacks do (MkDocs has no public
way to: `rebuild_request` uses the flag and condition of MkDocs 1.6, the version this project
pins). Where those are not there, a change touches a one-file "signal" folder that MkDocs polls
instead, which costs up to half a second per save. Where native notifications cannot be had (no
inotify, a watch limit reached), the folders are handed to MkDocs' own polling.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

log = logging.getLogger("mkdocs.plugins.briefings")


def rebuild_request(server: LiveReloadServer) -> Callable[[], None] | None:
    """A function that asks `server` for a rebuild as its own watch callbacks do, if its private
    flag and condition are those of MkDocs 1.6 (tests/test_serve.py checks they are)."""
    condition = getattr(server, "_rebuild_cond", None)
    if not isinstance(condition, threading.Condition) or not isinstance(
        getattr(server, "_want_rebuild", None), bool
    ):
        return None

    def request() -> None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    return request


class _Signal(FileSystemEventHandler):
    def __init__(self, flag: Path, request: Callable[[], None] | None) -> None:
        self.flag, self.request = flag, request
        self.count = 0

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        if self.request is not None:
            self.request()
            return
        self.count += 1
        self.flag.write_text(str(self.count), encoding="ascii")


class NativeWatch:
    """Native notifications for some folders, relayed to a server through a signal folder."""

    def __init__(self) -> None:
        self.observer: BaseObserver | None = None
        self.signal: Path | None = None

    def start(self, server: LiveReloadServer, folders: Iterable[Path]) -> None:
        folders = [f for f in folders if f.is_dir()]
        self.signal = Path(tempfile.mkdtemp(prefix="briefings-watch-"))
        flag = self.signal / "changed"
        flag.write_text("0", encoding="ascii")
        observer = Observer()
        request = rebuild_request(server)
        try:
            for folder in folders:
                observer.schedule(_Signal(flag, request), str(folder), recursive=True)
            observer.start()
        except OSError as error:  # no inotify, or its watch limit: MkDocs polls them instead
            log.info("briefings: watching %s by polling (%s)", ", ".join(map(str, folders)), error)
            self.stop()
            for folder in folders:
                server.watch(str(folder))
            return
        self.observer = observer
        if request is None:
            server.watch(str(self.signal))
        log.info("briefings: watching %s with the system's file notifications", ", ".join(map(str, folders)))

    def stop(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)
            self.observer = None
        if self.signal is not None:
            shutil.rmtree(self.signal, ignore_errors=True)
            self.signal = None
