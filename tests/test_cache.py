"""The validation cache `mkdocs serve` keeps between rebuilds: never a different answer."""

from __future__ import annotations

from pathlib import Path

from build_tools.cache import Cache
from build_tools.validate import validate_repository

BRIEFING = "briefings/macron-opposes-nato-office-in-japan.yml"
ARTICLE = "seeds/000_12260c7031d92e22.txt"


def _same(a, b) -> None:
    assert a.problems == b.problems
    assert a.corpus == b.corpus


def test_cached_runs_answer_like_fresh_runs_through_edits(repo_copy: Path) -> None:
    cache = Cache()
    _same(validate_repository(repo_copy, cache), validate_repository(repo_copy))
    files = len(cache.entries["files"])
    assert files == len(list((repo_copy / "briefings").rglob("*.yml")))

    briefing = repo_copy / BRIEFING
    original = briefing.read_text(encoding="utf-8")
    briefing.write_text(original.replace("language: id", "language: no"), encoding="utf-8")
    broken = validate_repository(repo_copy, cache)
    assert broken.errors
    _same(broken, validate_repository(repo_copy))

    briefing.write_text(original, encoding="utf-8")
    _same(validate_repository(repo_copy, cache), validate_repository(repo_copy))
    assert len(cache.entries["files"]) == files  # stale entries are dropped


def test_an_edited_article_is_searched_again(repo_copy: Path) -> None:
    cache = Cache()
    assert not validate_repository(repo_copy, cache).problems
    article = repo_copy / ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("geografi itu keras kepala", "geografi itu sangat keras"), encoding="utf-8"
    )
    cached = validate_repository(repo_copy, cache)
    assert any(p.rule == "quote" for p in cached.errors)
    _same(cached, validate_repository(repo_copy))


def test_an_article_replaced_by_a_symbolic_link_is_refused_again(repo_copy: Path, tmp_path: Path) -> None:
    """The cached cross-file checks of a briefing depend on its article: a link is noticed."""
    cache = Cache()
    assert not validate_repository(repo_copy, cache).problems
    article = repo_copy / ARTICLE
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(article.read_bytes())  # the same text, so only the link differs
    article.unlink()
    article.symlink_to(outside)
    cached = validate_repository(repo_copy, cache)
    assert any("symbolic link" in p.message for p in cached.errors)
    _same(cached, validate_repository(repo_copy))


def test_a_new_actor_file_is_seen_by_cached_briefings(repo_copy: Path) -> None:
    cache = Cache()
    assert not validate_repository(repo_copy, cache).problems
    actor = repo_copy / "briefings" / "actors" / "emmanuel-macron.yml"
    actor.rename(actor.with_name("emmanuel-macron-2.yml"))
    cached = validate_repository(repo_copy, cache)
    assert any("unknown actor 'emmanuel-macron'" in p.message for p in cached.errors)
    _same(cached, validate_repository(repo_copy))
