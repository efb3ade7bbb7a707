"""The JSON Schemas, the editor modelines that point at them, and the shipped content."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from build_tools.anchor import normalize, split_paragraphs
from build_tools.load import kind_of
from build_tools.schemas import KINDS, check_schema
from build_tools.validate import validate_repository
from build_tools.yamlstrict import parse_yaml, to_plain

REPO = Path(__file__).resolve().parent.parent
SCHEMA_DIR = REPO / "build_tools" / "schema"
SCHEMA_FILES = sorted(SCHEMA_DIR.glob("*.json"))
ANNOTATION_SCHEMAS = [p for p in SCHEMA_FILES if p.name != "meta.schema.json"]
YAML_FILES = sorted((REPO / "briefings").rglob("*.yml"))
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?P<path>\S+)$")
SEED_SHA256 = {
    "000_12260c7031d92e22.txt": "e1debe28f52a9fe40a6751a0b1085a6070bd4f4118ab0321afb5d810a1833398",
    "002_1ee619b8e0dfa870.txt": "783cfaab190f7c7b23589364238fd55fc1530220cfc2e6b11e5744a352ab4953",
}


def _kind(path: Path) -> str:
    return kind_of(path.relative_to(REPO).as_posix())


def _quote_text(text: str) -> str:
    return normalize(text, keep_lines=False).text.strip()


@pytest.fixture(scope="module")
def result():
    return validate_repository(REPO)


# -- the schema files ------------------------------------------------------------------------------


def test_schema_files_are_the_expected_set() -> None:
    assert [p.name for p in SCHEMA_FILES] == sorted(f"{k}.schema.json" for k in (*KINDS, "common", "meta"))


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=[p.name for p in SCHEMA_FILES])
def test_schema_is_a_valid_draft_2020_12_schema(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://briefings.invalid/schema/{path.name}"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator
    assert schema.get("title")


def _all_values(node: object, key: str):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _all_values(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from _all_values(item, key)


def _registry() -> Registry:
    """The schema files read from disk, each under its own `$id`."""
    resources = [
        Resource.from_contents(json.loads(p.read_text(encoding="utf-8")), DRAFT202012) for p in SCHEMA_FILES
    ]
    return Registry().with_resources((r.id(), r) for r in resources)


@pytest.mark.parametrize("path", ANNOTATION_SCHEMAS, ids=[p.name for p in ANNOTATION_SCHEMAS])
def test_every_reference_resolves_and_every_pattern_compiles(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    resolver = _registry().resolver(base_uri=schema["$id"])
    for ref in _all_values(schema, "$ref"):
        assert resolver.lookup(ref).contents, ref
        # editors (yaml-language-server 1.21 and later) look for a relative reference's file beside
        # the schema first, by its name: it must be there
        assert "://" not in ref and (ref.startswith("#") or (SCHEMA_DIR / ref.split("#")[0]).is_file()), ref
    for pattern in _all_values(schema, "pattern"):
        re.compile(pattern)


def _editor_validator(kind: str) -> jsonschema.Draft202012Validator:
    """The schema as an editor sees it: the file alone, siblings resolved through its `$id`."""
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, registry=_registry())


@pytest.mark.parametrize("path", YAML_FILES, ids=[p.relative_to(REPO).as_posix() for p in YAML_FILES])
def test_shipped_files_validate_against_their_schema_file_alone(path: Path) -> None:
    parsed = parse_yaml(path.read_bytes(), path.name)
    assert parsed.problems == ()
    errors = [e.message for e in _editor_validator(_kind(path)).iter_errors(to_plain(parsed.tree))]
    assert errors == []
    assert check_schema(_kind(path), parsed.tree, path.name) == []


def test_editor_schema_rejects_what_the_validator_rejects() -> None:
    data = {"article": "elsewhere/x.txt", "language": "Indonesian", "title": " ", "extra": "x"}
    messages = [e.message for e in _editor_validator("briefing").iter_errors(data)]
    assert any("'published' is a required property" in m for m in messages)
    assert any("Additional properties" in m and "'extra'" in m for m in messages)
    assert any("elsewhere/x.txt" in m for m in messages)
    assert any("Indonesian" in m for m in messages)


# -- modelines -------------------------------------------------------------------------------------


def test_there_are_annotation_files_of_every_kind() -> None:
    assert {_kind(p) for p in YAML_FILES} == set(KINDS)


@pytest.mark.parametrize("path", YAML_FILES, ids=[p.relative_to(REPO).as_posix() for p in YAML_FILES])
def test_modeline_points_at_the_right_schema(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = MODELINE.match(first_line)
    assert match, f"{path}: first line is {first_line!r}"
    relative = match.group("path")
    assert not relative.startswith("/") and "://" not in relative
    target = (path.parent / relative).resolve()
    assert target == (SCHEMA_DIR / f"{_kind(path)}.schema.json").resolve()
    assert target.is_file()


def test_documented_modelines_match_the_shipped_files() -> None:
    documented = set(
        re.findall(
            r"^# yaml-language-server: \$schema=\S+$",
            (REPO / "docs" / "format.md").read_text(encoding="utf-8"),
            re.MULTILINE,
        )
    )
    shipped = {p.read_text(encoding="utf-8").split("\n", 1)[0] for p in YAML_FILES}
    assert documented == shipped


# -- the shipped content -------------------------------------------------------------------------


def test_shipped_repository_is_valid(result) -> None:
    assert result.problems == ()
    corpus = result.corpus
    assert len(corpus.briefings) == 2
    assert len(corpus.actors) == len(list((REPO / "briefings" / "actors").glob("*.yml")))
    assert len(corpus.stories) == len(list((REPO / "briefings" / "stories").glob("*.yml")))
    assert len(corpus.outlets) == len(list((REPO / "briefings" / "outlets").glob("*.yml")))
    assert set(corpus.briefings) == {p.stem for p in YAML_FILES if _kind(p) == "briefing"}


def test_every_seed_quote_is_anchored_verbatim(result) -> None:
    quotes = 0
    for briefing in result.corpus.briefings.values():
        article = briefing.article
        assert article.path.startswith("seeds/")
        assert article.text == (REPO / article.path).read_text(encoding="utf-8")
        for quote in briefing.quotes:
            anchor = quote.anchor
            assert anchor.spans, quote.id
            assert _quote_text(anchor.exact) == _quote_text(quote.text)
            assert article.text[anchor.start : anchor.end] == anchor.exact
            assert article.text[: anchor.start].endswith(anchor.prefix)
            assert article.text[anchor.end :].startswith(anchor.suffix)
            quotes += 1
    assert quotes == 11


def test_translation_bodies_align_with_the_article_paragraphs(result) -> None:
    for briefing in result.corpus.briefings.values():
        text = (REPO / briefing.article.path).read_text(encoding="utf-8")
        paragraphs = [line for line in text.splitlines() if line.strip()]
        assert len(split_paragraphs(text)) == len(paragraphs)
        assert briefing.translations
        for language, translation in briefing.translations.items():
            assert language != briefing.language
            assert len(translation.body) == len(paragraphs), (briefing.slug, language)


def test_every_briefing_cites_a_seed() -> None:
    cited = set()
    for path in YAML_FILES:
        if _kind(path) == "briefing":
            data = to_plain(parse_yaml(path.read_bytes(), path.name).tree)
            assert isinstance(data, dict)
            cited.add(data["article"])
    assert cited == {f"seeds/{name}" for name in SEED_SHA256}


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_seeds_are_byte_identical_to_the_shared_originals(name: str) -> None:
    assert hashlib.sha256((REPO / "seeds" / name).read_bytes()).hexdigest() == SEED_SHA256[name]


def test_no_other_seeds() -> None:
    assert sorted(p.name for p in (REPO / "seeds").iterdir()) == sorted(SEED_SHA256)


# -- the compiled fast path agrees with jsonschema ------------------------------------------------

import fastjsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools import schemas as schema_module

_SEED_DATA = {
    kind: to_plain(parse_yaml((REPO / path).read_bytes(), path).tree)
    for kind, path in (("briefing", "briefings/macron-blocks-nato-tokyo-liaison-office.yml"),
                       ("actor", "briefings/actors/emmanuel-macron.yml"))
}  # fmt: skip
_VALUES = st.one_of(
    st.sampled_from(["", " ", "x", "no", "2023-02-30", "2023-13", "2023-07-11/2023-07-10", "seeds/a.txt",
                     "Index", "index", "javascript:x", "https://e.org", "Q1", "person", "persn", "en", "EN"]),
    st.text(max_size=12),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.sampled_from(["en", "id", "EN", "x y", "fr"]), st.text(max_size=5), max_size=3),
)  # fmt: skip


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _mutate(data, path, value, delete):
    import copy

    data = copy.deepcopy(data)
    if not path:
        return value
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return data


def _stringify(data):
    """Our loader only ever produces strings, lists and dicts."""
    if isinstance(data, dict):
        return {str(k): _stringify(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_stringify(v) for v in data]
    return str(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(_SEED_DATA)),
    choice=st.integers(0, 10_000),
    value=_VALUES,
    delete=st.booleans(),
)
def test_fast_validator_agrees_with_jsonschema(kind, choice, value, delete) -> None:
    base = _stringify(_SEED_DATA[kind])
    paths = list(_paths(base))
    path = paths[choice % len(paths)]
    data = _mutate(base, path, value, delete and bool(path))
    slow_valid = not list(schema_module._validator(kind).iter_errors(data))
    try:
        schema_module._fast_validator(kind)(data)
        fast_valid = True
    except fastjsonschema.JsonSchemaValueException:
        fast_valid = False
    assert fast_valid == slow_valid, (path, value, delete)
