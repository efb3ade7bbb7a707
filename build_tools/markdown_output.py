"""`briefings build --markdown DIR`: write the generated pages into one folder, and nowhere else.

The folder is new (or empty), or one this command wrote before. A marker file in it lists every
file written, but the marker alone proves nothing (anyone can copy one next to a symbolic link):
the folder is reused only if each of its entries is a plain file or folder the marker lists, with no
symbolic link anywhere. Its old files are then removed and every page is created anew.

Writing never follows a symbolic link: folders are opened with O_NOFOLLOW relative to their parent's
descriptor and files are created with O_EXCL, so a link planted after the check, or a hard link to a
file elsewhere, is refused or replaced, never written through. File-system errors become a
`MarkdownOutputError` naming the path, for the command line to report as a usage error.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path

MARKER = ".briefings-markdown"
_WRITER = "briefings build --markdown"
_MARKER_LIMIT = 64 * 1024 * 1024  # bytes; a list of a million pages fits
_FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_REASONS = {
    errno.ELOOP: "it is a symbolic link, which this command never writes through",
    errno.ENOTDIR: "a file is in the way of a folder",
    errno.EEXIST: "something else is already there",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "the file system is read-only",
}


class MarkdownOutputError(Exception):
    """The folder cannot be written safely, or writing into it failed."""


def check_markdown_folder(folder: Path) -> bool:
    """Raise `MarkdownOutputError` unless `folder` may be written; True when it exists already."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise _failure("cannot use", folder, error) from None
    if stat.S_ISLNK(info.st_mode):
        raise MarkdownOutputError(
            f"{folder} is a symbolic link; name a real folder (links are never written through)"
        )
    if not stat.S_ISDIR(info.st_mode):
        raise MarkdownOutputError(f"{folder} exists and is not a folder; choose a new folder")
    entries = _entries(folder)
    if entries:
        _check_written_by_us(folder, entries)
    return True


def write_markdown_site(folder: Path, pages: Iterable[tuple[str, str]]) -> int:
    """Write each (relative path, text) page into `folder`, replacing what this command wrote there
    before; returns the number of pages written."""
    existed = check_markdown_folder(folder)
    with ExitStack() as descriptors:
        root = _open_root(folder, existed)
        descriptors.callback(os.close, root)
        if existed:
            _clear(folder, root)
        written = _write_pages(folder, root, pages, descriptors)
        marker = json.dumps({"written_by": _WRITER, "files": written}, ensure_ascii=False, indent=0)
        _create(folder, root, MARKER, marker + "\n")
    return len(written)


# --- checking an existing folder ----------------------------------------------------------------


def _entries(folder: Path) -> dict[str, str]:
    """Relative path -> 'folder', 'file', 'link' or 'other' of everything below `folder`, without
    following a link."""
    found: dict[str, str] = {}
    pending = [""]
    while pending:
        relative = pending.pop()
        try:
            with os.scandir(folder / relative if relative else folder) as listing:
                for entry in listing:
                    path = f"{relative}/{entry.name}" if relative else entry.name
                    found[path] = _kind(entry)
                    if found[path] == "folder":
                        pending.append(path)
        except OSError as error:
            raise _failure("cannot read", folder / relative, error) from None
    return found


def _kind(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():
        return "link"
    if entry.is_dir(follow_symlinks=False):
        return "folder"
    return "file" if entry.is_file(follow_symlinks=False) else "other"


def _check_written_by_us(folder: Path, entries: dict[str, str]) -> None:
    links = sorted(path for path, kind in entries.items() if kind == "link")
    if links:
        raise MarkdownOutputError(
            f"{folder / links[0]} is a symbolic link; this command never writes into a folder that holds one, "
            "choose a new folder"
        )
    if entries.get(MARKER) != "file":
        raise MarkdownOutputError(
            f"{folder} is not empty and was not written by this command; choose a new folder"
        )
    files = _recorded_files(folder)
    folders = {"/".join(path.split("/")[:depth]) for path in files for depth in range(1, path.count("/") + 1)}
    for path, kind in sorted(entries.items()):
        ours = path == MARKER or (path in files if kind == "file" else kind == "folder" and path in folders)
        if not ours:
            raise MarkdownOutputError(
                f"{folder} holds {path}, which this command did not write; choose a new folder"
            )


def _recorded_files(folder: Path) -> set[str]:
    """The files the marker lists (read without following a link, and at most _MARKER_LIMIT bytes)."""
    try:
        descriptor = os.open(folder / MARKER, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(_MARKER_LIMIT + 1)
    except OSError as error:
        raise _failure("cannot read", folder / MARKER, error) from None
    try:
        content = json.loads(data) if len(data) <= _MARKER_LIMIT else None
    except ValueError:
        content = None
    files = (
        content.get("files") if isinstance(content, dict) and content.get("written_by") == _WRITER else None
    )
    if not isinstance(files, list) or not all(isinstance(path, str) for path in files):
        raise MarkdownOutputError(
            f"{folder / MARKER} is not a list of the files this command wrote; remove {folder} or choose a new folder"
        )
    return set(files)


# --- writing ----------------------------------------------------------------------------------


def _open_root(folder: Path, existed: bool) -> int:
    try:
        if not existed:
            folder.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(folder)  # fails if anything appeared there since the check
        return os.open(folder, _FOLDER_FLAGS)
    except OSError as error:
        raise _failure("cannot create" if not existed else "cannot open", folder, error) from None


def _clear(folder: Path, root: int) -> None:
    """Remove the entries of a folder this command wrote (checked by `check_markdown_folder`)."""
    for name in os.listdir(root):
        try:
            if stat.S_ISDIR(os.stat(name, dir_fd=root, follow_symlinks=False).st_mode):
                shutil.rmtree(name, dir_fd=root)  # descriptor-based: it never follows a link
            else:
                os.unlink(name, dir_fd=root)
        except OSError as error:
            raise _failure("cannot remove", folder / name, error) from None


def _write_pages(
    folder: Path, root: int, pages: Iterable[tuple[str, str]], descriptors: ExitStack
) -> list[str]:
    opened = {"": root}  # relative folder -> its descriptor
    written: list[str] = []
    for relative, text in pages:
        parts = _parts(relative)
        parent = root
        for depth in range(1, len(parts)):
            path = "/".join(parts[:depth])
            if path not in opened:
                opened[path] = _open_folder(folder, parent, path, parts[depth - 1])
                descriptors.callback(os.close, opened[path])
            parent = opened[path]
        _create(folder, parent, relative, text)
        written.append(relative)
    return written


def _parts(relative: str) -> list[str]:
    parts = relative.split("/")
    if relative == MARKER or any(part in ("", ".", "..") or "\0" in part for part in parts):
        raise MarkdownOutputError(f"refusing to write a page at {relative!r}: not a plain relative path")
    return parts


def _open_folder(folder: Path, parent: int, path: str, name: str) -> int:
    """Create the folder `path` (named `name` inside `parent`) and open it, never through a link.
    Each folder is made once per run, in a folder just emptied or made: one already there is not ours."""
    try:
        os.mkdir(name, dir_fd=parent)
        return os.open(name, _FOLDER_FLAGS, dir_fd=parent)
    except OSError as error:
        raise _failure("cannot create", folder / path, error) from None


def _create(folder: Path, parent: int, relative: str, text: str) -> None:
    """Create the file `relative` (its last part, inside the folder `parent`); never an existing one."""
    try:
        descriptor = os.open(relative.rsplit("/", 1)[-1], _NEW_FILE_FLAGS, 0o666, dir_fd=parent)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8"))
    except OSError as error:
        raise _failure("cannot write", folder / relative, error) from None


def _failure(action: str, path: Path, error: OSError) -> MarkdownOutputError:
    reason = _REASONS.get(error.errno or 0, error.strerror or str(error))
    return MarkdownOutputError(f"{action} {path}: {reason}")
