"""The search bundles as a reader's browser fetches them: the word index split in files small
enough that a query fetches little (build_tools/search.py: INDEX_CHUNK_SIZE)."""

from __future__ import annotations

from pathlib import Path

import pytest

import build_tools.search as search_module
from build_tools.render.search import SearchDocument
from build_tools.search import write_search_bundles


def _word(number: int) -> str:
    """A different word of letters for each number (`aa`, `ab`, ...)."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters = chr(ord("a") + digit) + letters
        if not number:
            return "q" + letters


def _documents(count: int, words: int) -> list[SearchDocument]:
    """`count` pages of `words` different words each: about 2 x count x words units of index."""
    return [
        SearchDocument(
            f"pages/{n}/",
            "en",
            "<html lang='en'><body><p>"
            + " ".join(_word(n * words + k) for k in range(words))
            + "</p></body></html>",
        )
        for n in range(count)
    ]


def _chunks(site: Path) -> int:
    return len(list((site / "pagefind" / "en" / "index").iterdir()))


def test_the_word_index_is_split_at_the_chunk_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind reads the chunk size from an environment variable it calls unstable: a new
    Pagefind that ignored it would write as few files as with its default (20,000 units)."""
    documents = _documents(150, 40)  # about 12,000 units
    write_search_bundles(documents, tmp_path / "ours")
    monkeypatch.setattr(search_module, "INDEX_CHUNK_SIZE", 20_000)
    write_search_bundles(documents, tmp_path / "default")
    assert _chunks(tmp_path / "default") == 1
    assert _chunks(tmp_path / "ours") >= 2


def test_serve_rewrites_only_the_documents_that_changed(tmp_path: Path) -> None:
    """Under serve the staged documents persist between rebuilds: a sync writes the files whose
    text changed, deletes those no longer wanted, leaves the others untouched, and the bundles
    indexed from it answer as a fresh staging would."""
    folder = search_module.SyncedFolder()
    try:
        first = _documents(6, 5)
        folder.index(first, tmp_path / "site")
        files = {p: p.stat().st_mtime_ns for p in folder.folder.rglob("*.html")}
        assert len(files) == 6
        changed = SearchDocument(first[2].url, "en", first[2].html.replace("<p>", "<p>qnew "))
        added = SearchDocument("pages/new/", "id", "<html lang='id'><body><p>qbaru</p></body></html>")
        second = [*first[:2], changed, *first[3:5], added]  # the last page is gone
        bundles = folder.index(second, tmp_path / "site")
        after = {p: p.stat().st_mtime_ns for p in folder.folder.rglob("*.html")}
        assert set(after) == (set(files) - {folder.folder / "en/pages/5/index.html"}) | {
            folder.folder / "id/pages/new/index.html"
        }
        rewritten = {p for p in files if p in after and after[p] != files[p]}
        assert rewritten == {folder.folder / "en/pages/2/index.html"}
        assert (folder.folder / "en/pages/2/index.html").read_text(encoding="utf-8") == changed.html
        assert bundles.languages == ("en", "id") and bundles.documents == 6
        assert sorted(p.name for p in (tmp_path / "site/pagefind").iterdir()) == ["bundles.json", "en", "id"]
    finally:
        folder.remove()
    assert not folder.folder.exists()
