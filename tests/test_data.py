"""Open data (issue 16): the files under /data/, checked on the seed site, on the seed story with
its held-out briefings, and on a synthetic corpus (elided quotes, unidentified outlets): counts
against the YAML, every JSON Lines record against its schema, CSV and SQLite against the JSON
Lines, every W3C annotation's selectors against the article text at their positions."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from build_tools import data as open_data
from build_tools.site import BuildOptions, Site, build_site
from build_tools.tables import TABLES

from .conftest import REPO
from .heldout import SEED_000, UNSIGNED, heldout_repository

SITE_URL = "https://briefings.example/"


def _site(root: Path, site_url: str | None = None) -> Site:
    built = build_site(root, BuildOptions(site_url=site_url))
    assert built.site is not None, built.errors
    return built.site


def _synthetic(root: Path) -> Path:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import synth
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    synth.generate(root, 60, seed=5)
    return root


@pytest.fixture(scope="module", params=["seeds", "held-out", "synthetic"])
def corpus_root(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.param == "seeds":
        return REPO
    root = tmp_path_factory.mktemp(request.param)
    return heldout_repository(root / "repo") if request.param == "held-out" else _synthetic(root)


@pytest.fixture(scope="module")
def files(corpus_root: Path) -> dict[str, bytes]:
    return {f.path: f.content for f in _site(corpus_root).data_files()}


def _lines(files: dict[str, bytes], table: str) -> list[dict]:
    return [json.loads(line) for line in files[f"data/{table}.jsonl"].decode("utf-8").splitlines()]


def _yaml(root: Path, pattern: str) -> list[dict]:
    """The annotation files themselves, read with PyYAML: an independent count."""
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "briefings").glob(pattern))]


def test_record_counts_equal_the_yaml(corpus_root: Path, files: dict[str, bytes]) -> None:
    briefings = _yaml(corpus_root, "*.yml")
    briefings = [b for b in briefings if "article" in b]  # not topics.yml
    expected = {
        "briefings": len(briefings),
        "quotes": sum(len(b.get("quotes", [])) for b in briefings),
        "events": sum(len(b.get("dates", [])) for b in briefings),
        "actors": len(_yaml(corpus_root, "actors/*.yml")),
        "outlets": len(_yaml(corpus_root, "outlets/*.yml")),
        "stories": len(_yaml(corpus_root, "stories/*.yml")),
    }
    assert {table: len(_lines(files, table)) for table in TABLES} == expected
    assert expected["quotes"] > 0 and expected["outlets"] > 0


def test_every_record_matches_its_schema_in_order(files: dict[str, bytes]) -> None:
    for table in TABLES:
        schema = json.loads(files[f"data/schemas/{table}.schema.json"])
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for record in _lines(files, table):
            assert list(record) == list(schema["properties"]), table
            errors = [e.message for e in validator.iter_errors(record)]
            assert errors == [], (table, record["id"], errors)


def test_csv_holds_the_same_rows_as_the_json_lines(files: dict[str, bytes]) -> None:
    for table in TABLES:
        rows = list(csv.reader(io.StringIO(files[f"data/{table}.csv"].decode("utf-8"), newline="")))
        assert rows[0] == open_data.columns(table)
        expected = [
            ["" if (cell := open_data.flat(record[name])) is None else str(cell) for name in rows[0]]
            for record in _lines(files, table)
        ]
        assert rows[1:] == expected, table


def test_every_annotation_selects_the_article_text_at_its_positions(files: dict[str, bytes]) -> None:
    collection = json.loads(files["data/annotations.jsonld"])
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    quotes = _lines(files, "quotes")
    assert collection["total"] == len(items) == len(quotes)
    checked = 0
    for annotation, quote in zip(items, quotes, strict=True):
        assert annotation["type"] == "Annotation"
        target = annotation["target"]
        text = files["data/" + target["source"]].decode("utf-8")  # relative to data/
        by_type = {selector["type"]: selector for selector in target["selector"]}
        position, selected = by_type["TextPositionSelector"], by_type["TextQuoteSelector"]
        start, end = position["start"], position["end"]
        assert selected["exact"] == text[start:end] == quote["exact"]
        assert text[:start].endswith(selected["prefix"]) and text[end:].startswith(selected["suffix"])
        assert (start, end) == (quote["start"], quote["end"])
        for part_start, part_end in quote["spans"]:  # each part of an elided quote is in the article
            assert start <= part_start < part_end <= end
        bodies = annotation["body"]
        translations = {b["language"]: b["value"] for b in bodies if b.get("purpose") == "describing"}
        assert translations == quote["translations"]
        assert sum(b.get("purpose") == "identifying" for b in bodies) == 1
        checked += 1
    assert checked == len(quotes)


def test_the_corpora_checked_have_elided_quotes_and_unidentified_outlets(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """What the checks above meet: the synthetic corpus has elided quotes (several spans) and
    unidentified outlets, the held-out story an unidentified outlet and linked statements."""
    synthetic = {f.path: f.content for f in _site(_synthetic(tmp_path_factory.mktemp("s"))).data_files()}
    assert any(len(q["spans"]) > 1 for q in _lines(synthetic, "quotes"))
    assert any(b["outlet"] is None for b in _lines(synthetic, "briefings"))
    heldout = heldout_repository(tmp_path_factory.mktemp("h") / "repo")
    files = {f.path: f.content for f in _site(heldout).data_files()}
    assert [b["id"] for b in _lines(files, "briefings") if b["outlet"] is None] == [UNSIGNED]
    statement = {q["id"]: q["statement"] for q in _lines(files, "quotes")}
    geography = statement[f"{SEED_000}#geography-is-stubborn"]
    assert list(statement.values()).count(geography) == 4  # linked in three briefings, one through another
    assert geography == min(key for key, value in statement.items() if value == geography)


def test_the_articles_are_published_byte_for_byte(corpus_root: Path, files: dict[str, bytes]) -> None:
    for briefing in _lines(files, "briefings"):
        published = files[briefing["article_file"]]
        assert published == (corpus_root / briefing["article"]).read_bytes()


def test_the_outlet_identification_is_where_the_briefing_says(
    corpus_root: Path, files: dict[str, bytes]
) -> None:
    for briefing in _lines(files, "briefings"):
        text = files[briefing["article_file"]].decode("utf-8")
        if briefing["outlet_identified_by"] == "unidentified":
            assert briefing["outlet_identified_start"] is None and briefing["outlet"] is None
            continue
        start, end = briefing["outlet_identified_start"], briefing["outlet_identified_end"]
        assert " ".join(text[start:end].split()) == " ".join(briefing["outlet_identified_text"].split())


def test_the_sqlite_database_opens_with_one_row_per_quote(files: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "briefings.sqlite"
    path.write_bytes(files["data/briefings.sqlite"])
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("pragma integrity_check").fetchone() == ("ok",)
        assert connection.execute("pragma foreign_key_check").fetchall() == []
        for table in TABLES:
            names = [row[1] for row in connection.execute(f"pragma table_info([{table}])")]
            assert names == open_data.columns(table)
            count = connection.execute(f"select count(*) from [{table}]").fetchone()[0]
            assert count == len(_lines(files, table)), table
        ids = [row[0] for row in connection.execute("select id from quotes order by rowid")]
        assert ids == [quote["id"] for quote in _lines(files, "quotes")]
        spans = connection.execute("select spans from quotes limit 1").fetchone()[0]
        assert isinstance(json.loads(spans), list)
    finally:
        connection.close()


# -- on the seed site only -------------------------------------------------------------------------


def test_seed_002_is_islam_times_by_its_signature() -> None:
    briefings = {
        b["id"]: b for b in _lines({f.path: f.content for f in _site(REPO).data_files()}, "briefings")
    }
    seed_002 = briefings["macron-blocks-nato-tokyo-liaison-office"]
    assert seed_002["outlet"] == "islam-times"  # no longer seed 000's informasiterpercaya.com
    assert (seed_002["outlet_identified_by"], seed_002["outlet_identified_text"]) == ("signature", "[IT/r]")
    assert briefings["macron-opposes-nato-office-in-japan"]["outlet_identified_by"] == "dateline"


def test_the_files_are_the_same_bytes_every_time() -> None:
    first = _site(REPO).data_files()
    assert first == _site(REPO).data_files()


def test_addresses_are_absolute_with_the_site_address() -> None:
    files = {f.path: f.content for f in _site(REPO, SITE_URL).data_files()}
    quote = _lines(files, "quotes")[0]
    assert quote["page"].startswith(SITE_URL + "briefings/") and "#quote-" in quote["page"]
    annotation = json.loads(files["data/annotations.jsonld"])["first"]["items"][0]
    assert annotation["target"]["source"].startswith(SITE_URL + "data/articles/")
    assert annotation["id"].startswith(SITE_URL + "data/annotations.jsonld#")


def test_the_cache_makes_the_files_again_only_when_the_corpus_changes(tmp_path: Path) -> None:
    import dataclasses

    site = _site(REPO)
    cache = open_data.DataCache()
    first = cache.build(site.data, site.links)
    assert first.changed and not first.removed
    again = cache.build(site.data, site.links)
    assert not again.changed and again.files is first.files
    corpus = site.data.corpus
    kept = {
        slug: b for slug, b in corpus.briefings.items() if slug != "macron-blocks-nato-tokyo-liaison-office"
    }
    from .site_helpers import site_of

    smaller = site_of(dataclasses.replace(corpus, briefings=kept))
    after = cache.build(smaller.data, smaller.links)
    assert after.changed and after.removed == {"data/articles/002_1ee619b8e0dfa870.txt"}


def test_a_preview_remakes_only_what_an_edit_changes_and_the_same_bytes(tmp_path: Path) -> None:
    """Under serve the rows of unchanged briefings are reused (RowMemo): after an edit of one
    briefing's title, a speaker's name and a removal, the files are byte for byte those of a fresh
    build, and the files reported changed are exactly those whose bytes differ."""
    import dataclasses

    from .site_helpers import site_of

    site = _site(_synthetic(tmp_path))
    cache = open_data.DataCache()
    first = {f.path: f.content for f in cache.build(site.data, site.links).files}
    corpus = site.data.corpus
    edited, gone = sorted(corpus.briefings)[:2]
    speaker = next(q.speaker for b in corpus.briefings.values() for q in b.quotes if q.speaker)
    briefings = {slug: b for slug, b in corpus.briefings.items() if slug != gone}
    briefings[edited] = dataclasses.replace(briefings[edited], title=briefings[edited].title + " (edited)")
    actors = {**corpus.actors, speaker: dataclasses.replace(corpus.actors[speaker], name="Someone Else")}
    changed_site = site_of(dataclasses.replace(corpus, briefings=briefings, actors=actors))
    after = cache.build(changed_site.data, changed_site.links)
    fresh = {f.path: f.content for f in open_data.data_files(changed_site.data, changed_site.links)}
    assert {f.path: f.content for f in after.files} == fresh
    assert after.changed == {path for path, content in fresh.items() if first.get(path) != content}
    assert "data/briefings.jsonl" in after.changed and "data/annotations.jsonld" in after.changed
    assert not any(path.startswith("data/articles/") or "schemas" in path for path in after.changed)


def test_the_documentation_lists_every_field_and_schema() -> None:
    page = (REPO / "docs" / "data.md").read_text(encoding="utf-8")
    for table in TABLES:
        section = page.split(f"\n### {table}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        for name in open_data.columns(table):
            assert f"| `{name}` |" in section, (table, name)
        assert f"(data/schemas/{table}.schema.json)" in page
        assert f"(data/{table}.jsonl)" in page and f"(data/{table}.csv)" in page
    assert "CC BY 4.0" in page
