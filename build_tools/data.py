"""Open data: the corpus as tables, published under /data/ with every build, without MkDocs.

Six tables (briefings, quotes, actors, outlets, stories, events), each as JSON Lines and CSV, and
all of them in one SQLite database; every quote also as a W3C Web Annotation (`annotations`);
the articles the quotes are anchored in, so that every position can be checked; and the JSON
Schemas of the records. The columns of each table are the properties of its schema
(`build_tools/schema/data/<table>.schema.json`), in order: the schemas are the one description of
the files, for `docs/data.md` and for the tests.

CSV and SQLite cannot hold lists or per-language texts: there those values are their JSON text.
Addresses are absolute when the build knows the site's address (`site_url`), else relative to
the site's root. Everything here is deterministic: the same corpus gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .annotations import FILE as ANNOTATIONS_FILE
from .annotations import annotation, annotation_collection
from .model import Briefing
from .render.kind import SiteData
from .render.urls import Links
from .tables import BRIEFING_TABLES, DATA_DIR, TABLES, Address, article_file, ordered, rows_of, statements_of

SCHEMA_DIR = resources.files(__package__) / "schema" / "data"
#: the annotations' licence (the articles and their quoted words are not the project's)
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
Row = dict[str, Any]
Cell = str | int | None


@dataclass(frozen=True)
class DataFile:
    path: str  # site-relative, e.g. data/quotes.jsonl
    content: bytes


@cache
def schema(table: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMA_DIR / f"{table}.schema.json").read_text(encoding="utf-8"))
    return loaded


def columns(table: str) -> list[str]:
    return list(schema(table)["properties"])


def data_files(data: SiteData, links: Links, memo: RowMemo | None = None) -> list[DataFile]:
    """Every file of /data/: tables, database, annotations, articles and schemas. With the `memo`
    of a previous build (a preview's), the rows of briefings that did not change are reused."""
    address = Address(links)
    pieces = (memo if memo is not None else RowMemo()).pieces(data, address)
    files = []
    cells: dict[str, list[list[Cell]]] = {}
    for table in TABLES:
        if table in BRIEFING_TABLES:
            lines = "".join(p.jsonl[table] for p in pieces)
            records = "".join(p.csv[table] for p in pieces)
            cells[table] = [row for p in pieces for row in p.cells[table]]
        else:
            rows = rows_of(table, data, address)
            cells[table] = [_cells(table, row) for row in rows]
            lines, records = _jsonl_text(rows), _csv_text(cells[table])
        files.append(DataFile(f"{DATA_DIR}/{table}.jsonl", lines.encode("utf-8")))
        files.append(DataFile(f"{DATA_DIR}/{table}.csv", (_csv_header(table) + records).encode("utf-8")))
    files.append(DataFile(f"{DATA_DIR}/briefings.sqlite", sqlite_bytes(cells)))
    annotations = [fragment for p in pieces for fragment in p.annotations]
    files.append(DataFile(ANNOTATIONS_FILE, _collection_json(address, annotations)))
    files.extend(_articles(data))
    files.extend(
        DataFile(
            f"{DATA_DIR}/schemas/{table}.schema.json", (SCHEMA_DIR / f"{table}.schema.json").read_bytes()
        )
        for table in TABLES
    )
    return files


@dataclass(frozen=True)
class _Pieces:
    """One briefing's rows of the per-briefing tables, and its quotes' annotations, serialised."""

    jsonl: dict[str, str]  # table -> its lines
    csv: dict[str, str]  # table -> its records
    cells: dict[str, list[list[Cell]]]  # table -> its SQLite rows
    annotations: list[str]  # JSON, indented for their place in the collection


class RowMemo:
    """Each briefing's serialised rows, kept from one build of a preview to the next.

    A briefing that did not change is the same object in the next build, so its rows are made
    again only when it, the statement groups of its quotes or their speakers changed: at 10,000
    briefings an edit serialises its own rows instead of the 50,000 of every table (seconds)."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[Hashable, _Pieces]] = {}

    def pieces(self, data: SiteData, address: Address) -> list[_Pieces]:
        """Every briefing's pieces, in the tables' order; forgets those of briefings now gone."""
        entries: dict[str, tuple[Hashable, _Pieces]] = {}
        actors = data.corpus.actors
        for b in ordered(data):
            key = (b, address, statements_of(b, data), tuple(actors.get(q.speaker or "") for q in b.quotes))
            known = self._entries.get(b.slug)
            entries[b.slug] = (
                known if known is not None and known[0] == key else (key, _pieces(b, data, address))
            )
        self._entries = entries
        return [pieces for _, pieces in entries.values()]


def _pieces(b: Briefing, data: SiteData, address: Address) -> _Pieces:
    jsonl, records, cells = {}, {}, {}
    for table, rows_for in BRIEFING_TABLES.items():
        rows = list(rows_for(b, data, address))
        jsonl[table] = _jsonl_text(rows)
        cells[table] = [_cells(table, row) for row in rows]
        records[table] = _csv_text(cells[table])
    annotations = [
        _ITEM_INDENT
        + json.dumps(annotation(b, q, data.corpus, address, LICENCE), ensure_ascii=False, indent=1).replace(
            "\n", "\n" + _ITEM_INDENT
        )
        for q in b.quotes
    ]
    return _Pieces(jsonl, records, cells, annotations)


#: where the collection's items stand in its JSON (indent 1): collection > first > items > item
_ITEM_INDENT = " " * 3


def _collection_json(address: Address, items: list[str]) -> bytes:
    """The annotation collection with its items already serialised: what `json.dumps` gives for
    the whole (JSON strings hold no raw line break, so indenting every line of an item is safe)."""
    collection = annotation_collection(address, [])
    collection["total"] = len(items)
    text = json.dumps(collection, ensure_ascii=False, indent=1)
    if items:
        empty = '"items": []'
        assert text.count(empty) == 1
        text = text.replace(empty, '"items": [\n' + ",\n".join(items) + "\n" + _ITEM_INDENT[:-1] + "]")
    return (text + "\n").encode("utf-8")


def _articles(data: SiteData) -> Iterable[DataFile]:
    articles = {b.article.path: b.article.text for b in data.corpus.briefings.values()}
    for path in sorted(articles):
        yield DataFile(article_file(path), articles[path].encode("utf-8"))


# -- formats -------------------------------------------------------------------------------------


def _jsonl_text(rows: Iterable[Row]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def flat(value: object) -> Cell:
    """A value as one CSV or SQLite cell: lists and mappings as their JSON text."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if value is None or isinstance(value, int | str):
        return value
    raise TypeError(f"unexpected value {value!r}")


def _cells(table: str, row: Row) -> list[Cell]:
    return [flat(row[name]) for name in columns(table)]


def _csv_header(table: str) -> str:
    return _csv_text([list(columns(table))])


def _csv_text(rows: Iterable[list[Cell]]) -> str:
    """RFC 4180: CRLF line ends, fields quoted when they need it; null is empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return out.getvalue()


_SQL_TYPES = {"integer": "INTEGER", "string": "TEXT"}
#: (table, column) -> the table whose `id` it refers to
FOREIGN_KEYS = {
    ("briefings", "outlet"): "outlets", ("briefings", "story"): "stories",
    ("quotes", "briefing"): "briefings", ("quotes", "speaker"): "actors", ("quotes", "outlet"): "outlets",
    ("quotes", "story"): "stories", ("events", "briefing"): "briefings", ("events", "story"): "stories",
}  # fmt: skip


def _column_sql(table: str, name: str, spec: Mapping[str, Any]) -> str:
    declared = spec.get("type", "string")  # an enum of strings has no type
    kinds = declared if isinstance(declared, list) else [declared]
    sql = next((_SQL_TYPES[k] for k in kinds if k in _SQL_TYPES), "TEXT")  # lists, mappings: JSON
    key = " PRIMARY KEY" if name == "id" else ("" if "null" in kinds else " NOT NULL")
    target = FOREIGN_KEYS.get((table, name))
    return f"[{name}] {sql}{key}" + (f" REFERENCES [{target}]([id])" if target else "")


def sqlite_bytes(tables: Mapping[str, list[list[Cell]]]) -> bytes:
    """One SQLite database with a table per JSON Lines file, the same columns and rows (`tables`:
    each table's rows as cells, in the order of its columns)."""
    connection = sqlite3.connect(":memory:")
    try:
        for table, rows in tables.items():
            properties = schema(table)["properties"]
            definition = ", ".join(_column_sql(table, name, spec) for name, spec in properties.items())
            connection.execute(f"CREATE TABLE [{table}] ({definition})")
            names = list(properties)
            marks = ", ".join("?" for _ in names)
            connection.executemany(f"INSERT INTO [{table}] VALUES ({marks})", rows)
        for table, column in FOREIGN_KEYS:
            connection.execute(f"CREATE INDEX [{table}_{column}] ON [{table}]([{column}])")
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


@dataclass(frozen=True)
class DataBuild:
    files: list[DataFile]
    changed: frozenset[str]
    """Paths whose bytes differ from the previous build's (every path the first time)."""
    removed: frozenset[str]
    """Paths of the previous build that are no longer published."""


class DataCache:
    """Under `mkdocs serve`: the data files of the last build, made again only when the corpus or
    the options changed (unchanged briefings are the same objects from one rebuild to the next, so
    the comparison is quick), then from the rows of the briefings that changed (`RowMemo`); only
    the files whose bytes changed need writing."""

    def __init__(self) -> None:
        self._key: tuple[object, object] | None = None
        self._files: list[DataFile] = []
        self._memo = RowMemo()

    def build(self, data: SiteData, links: Links) -> DataBuild:
        key = (links, data.corpus)
        if self._key is not None and self._key == key:
            return DataBuild(self._files, frozenset(), frozenset())
        before = {file.path: file.content for file in self._files}
        self._key, self._files = key, data_files(data, links, self._memo)
        changed = frozenset(file.path for file in self._files if before.get(file.path) != file.content)
        return DataBuild(self._files, changed, frozenset(before.keys() - {file.path for file in self._files}))
