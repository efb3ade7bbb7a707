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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .annotations import annotation_collection
from .render.kind import SiteData
from .render.urls import Links
from .tables import DATA_DIR, TABLES, Address, article_file, rows_of

SCHEMA_DIR = resources.files(__package__) / "schema" / "data"
#: the annotations' licence (the articles and their quoted words are not the project's)
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
Row = dict[str, Any]


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


def data_files(data: SiteData, links: Links) -> list[DataFile]:
    """Every file of /data/: tables, database, annotations, articles and schemas."""
    address = Address(links)
    tables = {table: rows_of(table, data, address) for table in TABLES}
    files = []
    for table, rows in tables.items():
        files.append(DataFile(f"{DATA_DIR}/{table}.jsonl", jsonl(rows)))
        files.append(DataFile(f"{DATA_DIR}/{table}.csv", csv_bytes(table, rows)))
    files.append(DataFile(f"{DATA_DIR}/briefings.sqlite", sqlite_bytes(tables)))
    collection = annotation_collection(data, address, LICENCE)
    files.append(DataFile(f"{DATA_DIR}/annotations.jsonld", _json(collection)))
    files.extend(_articles(data))
    files.extend(
        DataFile(
            f"{DATA_DIR}/schemas/{table}.schema.json", (SCHEMA_DIR / f"{table}.schema.json").read_bytes()
        )
        for table in TABLES
    )
    return files


def _articles(data: SiteData) -> Iterable[DataFile]:
    articles = {b.article.path: b.article.text for b in data.corpus.briefings.values()}
    for path in sorted(articles):
        yield DataFile(article_file(path), articles[path].encode("utf-8"))


# -- formats -------------------------------------------------------------------------------------


def jsonl(rows: Iterable[Row]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def flat(value: object) -> str | int | None:
    """A value as one CSV or SQLite cell: lists and mappings as their JSON text."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if value is None or isinstance(value, int | str):
        return value
    raise TypeError(f"unexpected value {value!r}")


def csv_bytes(table: str, rows: Iterable[Row]) -> bytes:
    """RFC 4180: a header line, CRLF line ends, fields quoted when they need it; null is empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = columns(table)
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if (cell := flat(row[name])) is None else cell for name in names])
    return out.getvalue().encode("utf-8")


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


def sqlite_bytes(tables: Mapping[str, list[Row]]) -> bytes:
    """One SQLite database with a table per JSON Lines file, the same columns and rows."""
    connection = sqlite3.connect(":memory:")
    try:
        for table, rows in tables.items():
            properties = schema(table)["properties"]
            definition = ", ".join(_column_sql(table, name, spec) for name, spec in properties.items())
            connection.execute(f"CREATE TABLE [{table}] ({definition})")
            names = list(properties)
            marks = ", ".join("?" for _ in names)
            connection.executemany(
                f"INSERT INTO [{table}] VALUES ({marks})", ([flat(row[n]) for n in names] for row in rows)
            )
        for table, column in FOREIGN_KEYS:
            connection.execute(f"CREATE INDEX [{table}_{column}] ON [{table}]([{column}])")
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


@dataclass(frozen=True)
class DataBuild:
    files: list[DataFile]
    changed: bool
    """Whether the files differ from those of the previous build."""
    removed: frozenset[str]
    """Paths of the previous build that are no longer published."""


class DataCache:
    """Under `mkdocs serve`: the data files of the last build, made again only when the corpus or
    the options changed (unchanged briefings are the same objects from one rebuild to the next, so
    the comparison is quick)."""

    def __init__(self) -> None:
        self._key: tuple[object, object] | None = None
        self._files: list[DataFile] = []

    def build(self, data: SiteData, links: Links) -> DataBuild:
        key = (links, data.corpus)
        if self._key is not None and self._key == key:
            return DataBuild(self._files, False, frozenset())
        before = {file.path for file in self._files}
        self._key, self._files = key, data_files(data, links)
        return DataBuild(self._files, True, frozenset(before - {file.path for file in self._files}))
