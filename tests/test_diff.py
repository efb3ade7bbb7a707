"""`briefings diff --base DIR`: what a pull request changes, for its job summary."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_tools.cli import run
from build_tools.diff import repository_diff, summary_markdown

from .conftest import REPO

BRIEFING = "briefings/macron-opposes-nato-office-in-japan.yml"


def _copy(root: Path) -> Path:
    for folder in ("briefings", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def test_an_edited_summary_changes_its_briefing_and_the_pages_that_show_it(tmp_path: Path) -> None:
    base, head = _copy(tmp_path / "base"), _copy(tmp_path / "head")
    path = head / BRIEFING
    path.write_text(
        path.read_text(encoding="utf-8").replace("  en: >-\n", "  en: >-\n    Edited.\n", 1), "utf-8"
    )
    diff = repository_diff(base, head)
    assert diff.briefings.changed == ("macron-opposes-nato-office-in-japan",)
    assert not diff.briefings.added and not diff.actors and not diff.quotes
    assert "briefings/macron-opposes-nato-office-in-japan.md" in diff.pages
    assert "actors/emmanuel-macron.md" in diff.pages  # its briefing list shows the summary's teaser
    assert 0 < len(diff.pages) < diff.total_pages


def test_an_added_quote_is_listed_with_where_it_was_found(tmp_path: Path) -> None:
    base, head = _copy(tmp_path / "base"), _copy(tmp_path / "head")
    path = head / BRIEFING
    quote = (
        "  - id: a-new-quote\n    text: geografi itu keras kepala\n    speaker: emmanuel-macron\n"
        "    translations: {en: geography is stubborn `<b>` | @someone}\n"
    )
    path.write_text(path.read_text(encoding="utf-8").replace("quotes:\n", "quotes:\n" + quote, 1), "utf-8")
    diff = repository_diff(base, head)
    (added,) = diff.quotes
    assert (added.quote, added.speaker, added.where) == (
        "a-new-quote",
        "Emmanuel Macron",
        "seeds/000_12260c7031d92e22.txt:6:21",
    )
    text = summary_markdown(diff)
    assert "`geografi itu keras kepala`, `Emmanuel Macron` in `macron-opposes-nato-office-in-japan`" in text


def test_the_command_prints_markdown_and_says_so_when_the_annotations_are_broken(
    tmp_path: Path, capsys
) -> None:
    base, head = _copy(tmp_path / "base"), _copy(tmp_path / "head")
    (head / "briefings" / "actors" / "a-new-actor.yml").write_text(
        "name: A New Actor\nkind: person\ndescription: {en: Someone new.}\n", encoding="utf-8"
    )
    assert run(["--root", str(head), "diff", "--base", str(base)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("### What this pull request changes\n") and "**Actors:** added `a-new-actor`" in out
    path = head / BRIEFING
    path.write_text(path.read_text(encoding="utf-8").replace("language: id", "language: no"), "utf-8")
    assert run(["--root", str(head), "diff", "--base", str(base)]) == 0
    assert "The annotations have 1 error" in capsys.readouterr().out


def test_text_from_a_pull_request_cannot_break_out_of_its_code_span() -> None:
    from build_tools.diff import _code

    assert _code("a ` b\n<script>") == "`a ' b <script>`"
    assert len(_code("x" * 500)) <= 122
