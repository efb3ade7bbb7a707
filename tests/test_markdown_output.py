"""`briefings build --markdown DIR` writes into DIR and nowhere else, with real symbolic links, hard
links and unwritable folders; every refusal is a usage error (exit 2), never a traceback."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools.cli import run
from build_tools.markdown_output import (
    MARKER,
    MarkdownOutputError,
    check_markdown_folder,
    write_markdown_site,
)

from .conftest import REPO

PAGES = [("index.md", "# Home\n"), ("briefings/a.md", "# A\n"), ("briefings/2023/b.md", "# B\n")]


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder the command must never touch, with a file of its own in a `briefings/` folder."""
    folder = tmp_path / "outside"
    (folder / "briefings").mkdir(parents=True)
    (folder / "briefings" / "a.md").write_text("precious\n", encoding="utf-8")
    (folder / "index.md").write_text("precious\n", encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _marker(*files: str) -> str:
    return json.dumps({"written_by": "briefings build --markdown", "files": list(files)})


# --- writing ----------------------------------------------------------------------------------


def test_a_new_folder_gets_the_pages_and_a_list_of_them(tmp_path: Path) -> None:
    out = tmp_path / "parent" / "out"
    assert write_markdown_site(out, PAGES) == 3
    assert _snapshot(out) == {**dict(PAGES), MARKER: (out / MARKER).read_text(encoding="utf-8")}
    assert json.loads((out / MARKER).read_text(encoding="utf-8"))["files"] == [path for path, _ in PAGES]


def test_its_own_folder_is_rewritten_without_stale_pages(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_markdown_site(out, PAGES)
    assert write_markdown_site(out, [("index.md", "# New home\n")]) == 1
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [MARKER, "index.md"]
    assert (out / "index.md").read_text(encoding="utf-8") == "# New home\n"


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    assert write_markdown_site(tmp_path, PAGES) == 3
    assert (tmp_path / "briefings" / "2023" / "b.md").read_text(encoding="utf-8") == "# B\n"


def test_a_hard_link_to_a_file_elsewhere_is_replaced_not_written_through(
    tmp_path: Path, outside: Path
) -> None:
    out = tmp_path / "out"
    write_markdown_site(out, PAGES)
    (out / "index.md").unlink()
    os.link(outside / "index.md", out / "index.md")
    write_markdown_site(out, PAGES)
    assert (out / "index.md").read_text(encoding="utf-8") == "# Home\n"
    assert (outside / "index.md").read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize("path", ["../escape.md", "/etc/escape.md", "a//b.md", "./a.md", "a\0b.md", MARKER])
def test_page_paths_must_be_plain_and_relative(tmp_path: Path, path: str) -> None:
    with pytest.raises(MarkdownOutputError, match="not a plain relative path"):
        write_markdown_site(tmp_path / "out", [(path, "x")])
    assert not (tmp_path / "escape.md").exists()


def test_two_pages_at_one_path_are_an_error(tmp_path: Path) -> None:
    with pytest.raises(
        MarkdownOutputError, match=r"cannot write .*index\.md: something else is already there"
    ):
        write_markdown_site(tmp_path / "out", [("index.md", "1"), ("index.md", "2")])


# --- refusals ----------------------------------------------------------------------------------


def test_a_marker_planted_next_to_a_symbolic_link_is_not_trusted(tmp_path: Path, outside: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MARKER).write_text(_marker("index.md", "briefings/a.md"), encoding="utf-8")
    (out / "briefings").symlink_to(outside / "briefings")
    before = _snapshot(outside)
    with pytest.raises(MarkdownOutputError, match=r"out/briefings is a symbolic link"):
        write_markdown_site(out, PAGES)
    assert _snapshot(outside) == before


def test_a_symbolic_link_to_a_folder_outside_is_refused(tmp_path: Path, outside: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to(outside)
    before = _snapshot(outside)
    with pytest.raises(MarkdownOutputError, match=r"out is a symbolic link; name a real folder"):
        write_markdown_site(link, PAGES)
    assert _snapshot(outside) == before


def test_a_dangling_symbolic_link_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(MarkdownOutputError, match="is a symbolic link"):
        write_markdown_site(link, PAGES)
    assert not (tmp_path / "nowhere").exists()


def test_a_symbolic_link_deep_inside_is_refused(tmp_path: Path, outside: Path) -> None:
    out = tmp_path / "out"
    write_markdown_site(out, PAGES)
    (out / "briefings" / "2023" / "b.md").unlink()
    (out / "briefings" / "2023" / "b.md").symlink_to(outside / "index.md")
    with pytest.raises(MarkdownOutputError, match=r"briefings/2023/b\.md is a symbolic link"):
        write_markdown_site(out, PAGES)
    assert (outside / "index.md").read_text(encoding="utf-8") == "precious\n"


def test_a_symbolic_link_planted_while_writing_is_never_followed(tmp_path: Path, outside: Path) -> None:
    out = tmp_path / "out"
    before = _snapshot(outside)

    def pages() -> Iterator[tuple[str, str]]:
        yield "index.md", "# Home\n"
        (out / "briefings").symlink_to(outside / "briefings")  # after the check, before the folder
        yield "briefings/a.md", "# A\n"

    with pytest.raises(
        MarkdownOutputError, match=r"cannot create .*out/briefings: something else is already there"
    ):
        write_markdown_site(out, pages())
    assert _snapshot(outside) == before


NOT_A_LIST = "is not a list of the files this command wrote"


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        ("written by `briefings build --markdown`\n", None, NOT_A_LIST),  # the old kind: a claim, no list
        ("{not json", None, NOT_A_LIST),
        (_marker("index.md"), "notes.md", "holds notes.md, which this command did not write"),
        (_marker("index.md"), "drafts/", "holds drafts, which this command did not write"),
        (json.dumps({"files": ["index.md"]}), None, NOT_A_LIST),  # no writer named
    ],
    ids=["old marker", "not json", "unlisted file", "unlisted folder", "no writer"],
)
def test_a_folder_is_reused_only_when_everything_in_it_is_listed(
    tmp_path: Path, content: str, extra: str | None, message: str
) -> None:
    (tmp_path / MARKER).write_text(content, encoding="utf-8")
    (tmp_path / "index.md").write_text("mine\n", encoding="utf-8")
    if extra and extra.endswith("/"):
        (tmp_path / extra).mkdir()
    elif extra:
        (tmp_path / extra).write_text("mine\n", encoding="utf-8")
    with pytest.raises(MarkdownOutputError) as raised:
        write_markdown_site(tmp_path, PAGES)
    assert message in str(raised.value)
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "mine\n"


def test_a_marker_that_is_a_symbolic_link_is_refused(tmp_path: Path, outside: Path) -> None:
    (outside / "list.json").write_text(_marker("index.md"), encoding="utf-8")
    (tmp_path / MARKER).symlink_to(outside / "list.json")
    (tmp_path / "index.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(MarkdownOutputError, match="is a symbolic link"):
        check_markdown_folder(tmp_path)


@pytest.mark.parametrize(
    ("where", "message"), [("", "exists and is not a folder"), ("sub", "a file is in the way")]
)
def test_a_file_in_the_way_is_an_error(tmp_path: Path, where: str, message: str) -> None:
    (tmp_path / "file").write_text("mine\n", encoding="utf-8")
    with pytest.raises(MarkdownOutputError, match=message):
        write_markdown_site(tmp_path / "file" / where if where else tmp_path / "file", PAGES)
    assert (tmp_path / "file").read_text(encoding="utf-8") == "mine\n"


# --- through the command line: usage errors, exit 2 ---------------------------------------------


def _build_markdown(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = run(["--root", str(REPO), "build", "--markdown", str(folder)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return status, captured.err


def test_the_command_refuses_links_with_a_usage_error(
    tmp_path: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    status, err = _build_markdown(dangling, capsys)
    assert status == 2
    assert f"Invalid value for --markdown: {dangling} is a symbolic link" in err
    planted = tmp_path / "planted"
    planted.mkdir()
    (planted / MARKER).write_text(_marker("briefings/a.md"), encoding="utf-8")
    (planted / "briefings").symlink_to(outside / "briefings")
    before = _snapshot(outside)
    assert _build_markdown(planted, capsys)[0] == 2
    assert _snapshot(outside) == before


def test_the_command_reports_a_file_in_the_way(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("mine\n", encoding="utf-8")
    status, err = _build_markdown(tmp_path / "file" / "out", capsys)
    assert status == 2
    assert f"cannot use {tmp_path / 'file' / 'out'}: a file is in the way of a folder" in err


def _without_root_privileges() -> list[str]:
    """A command prefix under which file permissions apply: as root (CI), setpriv drops the
    capabilities that let root ignore them; as anyone else, nothing is needed."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to test an unwritable folder as root"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


@pytest.mark.parametrize("case", ["unwritable folder", "unwritable parent"])
def test_the_command_reports_an_unwritable_folder(tmp_path: Path, case: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    target = locked if case == "unwritable folder" else locked / "out"
    command = [*_without_root_privileges(), sys.executable, "-m", "build_tools", "--root", str(REPO)]
    locked.chmod(0o555)
    try:
        done = subprocess.run(
            [*command, "build", "--markdown", str(target)],
            cwd=REPO,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        locked.chmod(0o755)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert re.search(rf"cannot (create|write) {re.escape(str(target))}\S*: permission denied", done.stderr), (
        done.stderr
    )
    assert list(locked.iterdir()) == []
