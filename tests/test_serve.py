"""Live preview: `mkdocs serve` rebuilds when an annotation changes, and survives a broken one."""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import pytest

from .site_helpers import fetch as _fetch
from .site_helpers import mkdocs_serve as _serving
from .site_helpers import wait_for as _wait_for

BRIEFING = "briefings/macron-opposes-nato-office-in-japan.yml"
PAGE = "briefings/macron-opposes-nato-office-in-japan/"
TITLE = "Macron Menentang Kantor Penghubung NATO di Jepang"


@pytest.fixture(params=[[], ["--dirty"]], ids=["serve", "serve-dirty"])
def server(repo_copy: Path, request: pytest.FixtureRequest):
    with _serving(repo_copy, *request.param) as (url, _, _):
        yield url, repo_copy


def test_edit_reloads_and_broken_file_keeps_last_good_site(server) -> None:
    url, root = server
    assert TITLE in (_fetch(url + PAGE) or "")
    source = root / BRIEFING
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace(f"title: {TITLE}", "title: Judul yang diperbarui"), encoding="utf-8")
    assert _wait_for(lambda: "Judul yang diperbarui" in (_fetch(url + PAGE) or ""), 30)

    source.write_text(original.replace("language: id", "language: no"), encoding="utf-8")
    log = root / "serve.log"
    expected = f"{BRIEFING}:3:11: error: no would be read as"
    assert _wait_for(lambda: expected in log.read_text(encoding="utf-8"), 30), log.read_text(encoding="utf-8")
    page = _fetch(url + PAGE)
    assert page is not None and "Judul yang diperbarui" in page  # still serving the last good site

    source.write_text(original, encoding="utf-8")
    assert _wait_for(lambda: TITLE in (_fetch(url + PAGE) or ""), 30)
    assert "Traceback" not in log.read_text(encoding="utf-8")


OTHER_PAGE = "briefings/macron-blocks-nato-tokyo-liaison-office/"
STORY_PAGE = "stories/nato-tokyo-liaison-office/"
ACTOR_PAGE = "actors/emmanuel-macron/"
ENGLISH_TITLE = "Macron Opposes a NATO Liaison Office in Japan"


@pytest.fixture
def dirty_server(repo_copy: Path):
    with _serving(repo_copy, "--dirty") as (url, _, _):
        yield url, repo_copy


def test_dirty_rebuild_regenerates_the_pages_that_show_the_edit(dirty_server) -> None:
    """Only what changed is regenerated, but everything that shows the edit is: the briefing, the
    briefing whose related list names it, its story and its actors' pages."""
    url, root = dirty_server
    source = root / BRIEFING
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace(ENGLISH_TITLE, "A Renamed Briefing"), encoding="utf-8")
    assert _wait_for(lambda: "A Renamed Briefing" in (_fetch(url + PAGE) or ""), 30)
    for page in (OTHER_PAGE, STORY_PAGE, ACTOR_PAGE, ""):
        assert "A Renamed Briefing" in (_fetch(url + page) or ""), page
    # MkDocs is told only of the pages that change (and of the sections, for the navigation): a
    # regenerated page still has the whole navigation, by the titles mkdocs.yml gives
    navigation = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', _fetch(url + PAGE) or "")
    assert {"Home", "Briefings", "Stories", "Actors", "Timeline", "Open data"} <= set(navigation), navigation
    log = (root / "serve.log").read_text(encoding="utf-8")
    regenerated = [line for line in log.splitlines() if "pages regenerated" in line]
    assert regenerated, log
    done, total = (int(n) for n in regenerated[-1].split("briefings: ")[1].split(" pages")[0].split(" of "))
    assert 0 < done < total
    assert "not found in the documentation files" not in log  # every page of the `nav` is there
    # the open data follows in the background
    assert _wait_for(lambda: "A Renamed Briefing" in (_fetch(url + "data/briefings.jsonl") or ""), 30)

    # a new briefing appears, and its page goes away with its file
    added = root / "briefings" / "a-copy-of-the-briefing.yml"
    added.write_text(original, encoding="utf-8")
    assert _wait_for(lambda: _fetch(url + "briefings/a-copy-of-the-briefing/") is not None, 30), (
        root / "serve.log"
    ).read_text(encoding="utf-8")
    assert _wait_for(lambda: "a-copy-of-the-briefing" in (_fetch(url + "data/briefings.jsonl") or ""), 30)
    added.unlink()
    assert _wait_for(lambda: _fetch(url + "briefings/a-copy-of-the-briefing/") is None, 30)
    assert _wait_for(
        lambda: "a-copy-of-the-briefing" not in (_fetch(url + "data/briefings.jsonl") or "x"), 30
    )
    assert "Traceback" not in (root / "serve.log").read_text(encoding="utf-8")


def test_ctrl_c_during_a_rebuild_leaves_nothing_behind(repo_copy: Path) -> None:
    """Stopped with Ctrl-C right after a rebuild (its search index is written in the background),
    the server exits cleanly and leaves nothing in the temporary folder: neither MkDocs' site
    folder nor the search index's scratch folders."""
    log = repo_copy / "serve.log"
    with _serving(repo_copy, "--dirty") as (_, process, temp):
        source = repo_copy / BRIEFING
        original = source.read_text(encoding="utf-8")
        source.write_text(original.replace(ENGLISH_TITLE, "A Renamed Briefing"), encoding="utf-8")
        # the rebuild is done (its search index starts now, in the background)
        assert _wait_for(lambda: log.read_text(encoding="utf-8").count("Documentation built") >= 2, 30)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    assert sorted(p.name for p in temp.iterdir()) == []
    assert "Traceback" not in log.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("marker", "options"),
    [("CRASH-ON-RENDER", []), ("CRASH-ON-RENDER", ["--dirty"]), ("CRASH-ON-LINK", ["--dirty"])],
    ids=["render-serve", "render-serve-dirty", "link-serve-dirty"],
)
def test_a_crash_keeps_the_last_good_site_and_the_next_edit_recovers(
    repo_copy: Path, marker: str, options: list[str]
) -> None:
    """An edit that validates but makes a later stage (linking, rendering) crash: the server keeps
    answering with the last good site (MkDocs would otherwise hang every request until a good
    rebuild), and the next good edit is shown; the crash is not stored as the last good state."""
    hook = Path(__file__).parent / "fixtures" / "crash_hook.py"
    config = repo_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"hooks:\n  - {hook}\n", encoding="utf-8")
    log = repo_copy / "serve.log"
    with _serving(repo_copy, *options) as (url, _, _):
        source = repo_copy / BRIEFING
        original = source.read_text(encoding="utf-8")
        source.write_text(original.replace(ENGLISH_TITLE, marker), encoding="utf-8")
        assert _wait_for(lambda: "still serving the last good version" in log.read_text(encoding="utf-8"), 30)
        started = time.monotonic()
        page = _fetch(url + PAGE)
        assert page is not None and ENGLISH_TITLE in page, "the last good page, at once"
        assert time.monotonic() - started < 5
        source.write_text(original.replace(ENGLISH_TITLE, "A Good Edit After A Crash"), encoding="utf-8")
        assert _wait_for(lambda: "A Good Edit After A Crash" in (_fetch(url + PAGE) or ""), 30), (
            log.read_text(encoding="utf-8")
        )
        assert "A Good Edit After A Crash" in (_fetch(url + STORY_PAGE) or "")
        source.write_text(original.replace(ENGLISH_TITLE, f"{marker} again"), encoding="utf-8")
        assert _wait_for(
            lambda: log.read_text(encoding="utf-8").count("still serving the last good") >= 2, 30
        )
        assert "A Good Edit After A Crash" in (_fetch(url + PAGE) or "")
    assert "The server will appear stuck" not in log.read_text(encoding="utf-8")


def test_a_change_asks_mkdocs_server_for_a_rebuild_without_polling(tmp_path: Path) -> None:
    """The native watcher asks the server for a rebuild through the flag and condition of the
    pinned MkDocs (which has no public way to); if an upgrade removes them, the watcher falls back to
    a polled signal folder, half a second slower per save, and this test says so."""
    from mkdocs.livereload import LiveReloadServer

    from build_tools.plugin.watch import rebuild_request

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        request = rebuild_request(server)
        assert request is not None, "MkDocs' server changed: update build_tools/plugin/watch.py"
        request()
        assert server._want_rebuild is True
    finally:
        server.server_close()


def test_the_theme_templates_compile_once_per_preview_and_again_when_edited(tmp_path: Path) -> None:
    """MkDocs makes a new Jinja environment for each rebuild; under serve the plugin keeps the
    compiled templates between them, and an edited template is compiled again, not served stale."""
    import jinja2

    from build_tools.plugin.pages import CompiledTemplates

    (tmp_path / "page.html").write_text("<p>{{ word }}</p>", encoding="utf-8")
    templates = CompiledTemplates()
    compiled = []

    class Counting(jinja2.Environment):
        def _compile(self, source, filename):  # type: ignore[no-untyped-def]
            compiled.append(filename)
            return super()._compile(source, filename)

    def render() -> str:
        env = Counting(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=templates)
        return env.get_template("page.html").render(word="first")

    assert render() == "<p>first</p>" and len(compiled) == 1
    assert render() == "<p>first</p>" and len(compiled) == 1  # a new environment, not compiled again
    (tmp_path / "page.html").write_text("<b>{{ word }}</b>", encoding="utf-8")
    assert render() == "<b>first</b>" and len(compiled) == 2
