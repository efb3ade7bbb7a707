"""`briefings validate` with its cache on disk (`build_tools.check`): over any sequence of edits it
answers exactly what a fresh validation answers, reads again only what an edit touches, and
ignores a cache it cannot trust."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.cache import CACHE_HOME, DiskCache
from build_tools.check import check_repository
from build_tools.validate import validate_repository

from .conftest import REPO

BRIEFING = "briefings/macron-opposes-nato-office-in-japan.yml"
OTHER = "briefings/macron-blocks-nato-tokyo-liaison-office.yml"
ARTICLE = "seeds/000_12260c7031d92e22.txt"
ACTOR = "briefings/actors/emmanuel-macron.yml"


def _replace(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    if not path.exists():  # moved away by an earlier edit
        return
    text = path.read_text(encoding="utf-8")
    if old in text:
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _move(root: Path, relative: str, to: str) -> None:
    if (root / relative).exists():
        (root / relative).rename(root / to)


#: one contributor's edit each; applying several in any order makes a repository worth checking
EDITS = {
    "summary": lambda r: _replace(r, BRIEFING, "  en: >-\n", "  en: >-\n    Edited.\n"),
    "unknown actor": lambda r: _replace(r, BRIEFING, "speaker: emmanuel-macron", "speaker: emanuel-macron"),
    "misquote": lambda r: _replace(r, ARTICLE, "keras kepala", "sangat keras"),
    "rename actor": lambda r: _move(r, ACTOR, "briefings/actors/president-macron.yml"),
    "restore actor": lambda r: _move(r, "briefings/actors/president-macron.yml", ACTOR),
    "actor alias": lambda r: _replace(
        r, ACTOR, "name: Emmanuel Macron", "name: Emmanuel Macron\naliases: [Emanuel Macron]"
    ),
    "drop topic": lambda r: _replace(r, "briefings/topics.yml", "nato:\n", "natto:\n"),
    "broken yaml": lambda r: _replace(r, OTHER, "language: id", "language: id: x"),
    "copy briefing": lambda r: shutil.copy(r / OTHER, r / "briefings/a-copy.yml"),
    "delete copy": lambda r: (r / "briefings/a-copy.yml").unlink(missing_ok=True),
    "story": lambda r: _replace(
        r, "briefings/stories/nato-tokyo-liaison-office.yml", "  en: NATO", "  en: The NATO"
    ),
    # outlets and the links between quotes of different briefings (issue 16)
    "outlet signature": lambda r: _replace(r, "briefings/outlets/islam-times.yml", '["[IT/r]"]', '["[IT]"]'),
    "link a quote": lambda r: _replace(
        r,
        BRIEFING,
        "    speaker: emmanuel-macron\n",
        f"    speaker: emmanuel-macron\n    same_statement: [{OTHER[10:-4]}#big-mistake]\n",
    ),
    "rename the linked quote": lambda r: _replace(r, OTHER, "id: big-mistake", "id: a-big-mistake"),
}


def _same_as_fresh(root: Path, cache: Path) -> int:
    checked = check_repository(root, cache)
    assert checked.problems == validate_repository(root).problems
    assert checked.problems == check_repository(root, use_cache=False).problems
    return checked.parsed


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.sampled_from(sorted(EDITS)), min_size=1, max_size=6))
def test_cached_answers_equal_fresh_ones_over_any_edits(
    edits: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("repo")
    for folder in ("briefings", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    cache = tmp_path_factory.mktemp("cache")
    _same_as_fresh(root, cache)
    for edit in edits:
        EDITS[edit](root)
        _same_as_fresh(root, cache)


def test_only_what_an_edit_touches_is_read_again(repo_copy: Path, tmp_path: Path) -> None:
    files = len(list((repo_copy / "briefings").rglob("*.yml")))
    assert check_repository(repo_copy, tmp_path).parsed == files  # cold
    assert check_repository(repo_copy, tmp_path).parsed == 0  # nothing changed
    EDITS["summary"](repo_copy)
    assert check_repository(repo_copy, tmp_path).parsed == 1
    EDITS["misquote"](repo_copy)  # an article: the briefing that cites it is checked again
    assert check_repository(repo_copy, tmp_path).parsed == 1
    EDITS["rename actor"](repo_copy)  # both briefings name him: both are checked again
    assert check_repository(repo_copy, tmp_path).parsed == 3


def _cache_file(root: Path, folder: Path) -> Path:
    return DiskCache.for_repository(root, folder).path


def test_a_corrupt_cache_is_ignored(repo_copy: Path, tmp_path: Path) -> None:
    check_repository(repo_copy, tmp_path)
    _cache_file(repo_copy, tmp_path).write_bytes(b"\x1f\x8b not really gzip")
    assert check_repository(repo_copy, tmp_path).problems == validate_repository(repo_copy).problems
    _cache_file(repo_copy, tmp_path).write_bytes(gzip.compress(b"[1, 2, 3]"))
    result = check_repository(repo_copy, tmp_path)
    assert result.problems == () and result.parsed > 0


def test_a_cache_of_another_version_or_shape_is_not_trusted(repo_copy: Path, tmp_path: Path) -> None:
    """A cache claiming that a broken file has no problems is not believed."""
    EDITS["unknown actor"](repo_copy)
    expected = validate_repository(repo_copy).problems
    assert expected
    check_repository(repo_copy, tmp_path)
    path = _cache_file(repo_copy, tmp_path)
    document = json.loads(gzip.decompress(path.read_bytes()))
    lying = {store: {key: [] for key in entries} for store, entries in document["stores"].items()}
    path.write_bytes(gzip.compress(json.dumps({**document, "version": "another", "stores": lying}).encode()))
    assert check_repository(repo_copy, tmp_path).problems == expected
    wrong_shape = {
        store: {key: {"problems": "none"} for key in entries} for store, entries in document["stores"].items()
    }
    path.write_bytes(gzip.compress(json.dumps({**document, "stores": wrong_shape}).encode()))
    assert check_repository(repo_copy, tmp_path).problems == expected


def test_the_cache_lives_outside_the_repository(repo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFINGS_CACHE_DIR")
    path = DiskCache.for_repository(repo_copy).path
    assert path.is_relative_to(CACHE_HOME) and not path.is_relative_to(repo_copy)
    assert not path.is_relative_to(REPO)


def test_an_outlet_edit_and_a_renamed_quote_are_seen_through_the_cache(
    repo_copy: Path, tmp_path: Path
) -> None:
    """What identifies an outlet and the quotes of other briefings are part of what a briefing's
    cached answer depends on."""
    assert check_repository(repo_copy, tmp_path).problems == ()
    EDITS["outlet signature"](repo_copy)
    (problem,) = _same_as_fresh_problems(repo_copy, tmp_path)
    assert (
        problem.path == OTHER and "'[IT/r]' is not a signature of the outlet 'islam-times'" in problem.message
    )
    _replace(repo_copy, "briefings/outlets/islam-times.yml", '["[IT]"]', '["[IT/r]"]')
    EDITS["link a quote"](repo_copy)
    assert _same_as_fresh_problems(repo_copy, tmp_path) == ()
    EDITS["rename the linked quote"](repo_copy)  # only the other briefing changes
    (problem,) = _same_as_fresh_problems(repo_copy, tmp_path)
    assert problem.path == BRIEFING and "has no quote 'big-mistake'" in problem.message


def _same_as_fresh_problems(root: Path, cache: Path) -> tuple:
    checked = check_repository(root, cache)
    assert checked.problems == validate_repository(root).problems
    return checked.problems
