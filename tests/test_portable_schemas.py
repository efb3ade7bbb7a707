"""The schemas outside this project: a second validator (ajv, Node.js) compiles them in strict mode
and agrees with ours, and independent tools check them against the 2020-12 meta-schema and against
`meta.schema.json`, the dialect that declares our extension keywords and formats.

ajv runs in `tests/ajv_check.cjs` (installed by `npm ci`, like the browser tests' axe-core): one
Node process per test, given every document to judge at once as JSON.
"""

from __future__ import annotations

import copy
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import fastjsonschema
import jsonschema
import pytest
import yaml

from build_tools import schemas
from build_tools.load import discover, kind_of
from build_tools.yamlstrict import YamlLoadError, parse_yaml, to_plain

from .conftest import REPO
from .test_cases import CASES, apply_case
from .test_workflows import OFFLINE_ENV

SCHEMA_DIR = REPO / "build_tools" / "schema"
ANNOTATION_SCHEMAS = sorted(f"{name}.schema.json" for name in (*schemas.KINDS, "common"))
META = json.loads((SCHEMA_DIR / "meta.schema.json").read_text(encoding="utf-8"))


def ajv(documents: list[tuple[str, object]]) -> dict:
    """What ajv makes of the schemas and of each (kind, data) document."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the ajv cross-check of the schemas (see README, Tests)"
    assert (REPO / "node_modules" / "ajv").is_dir(), "ajv is not installed: run `npm ci`"
    request = json.dumps({"documents": [{"kind": kind, "data": data} for kind, data in documents]})
    done = subprocess.run(
        [node, str(REPO / "tests" / "ajv_check.cjs"), str(SCHEMA_DIR)],
        input=request,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def ours(kind: str, data: object) -> bool:
    """Valid for our validator, both ways it runs: jsonschema (every error) and fastjsonschema."""
    slow = not any(True for _ in schemas._validator(kind).iter_errors(data))
    try:
        schemas._fast_validator(kind)(data)
        fast = True
    except fastjsonschema.JsonSchemaValueException:
        fast = False
    assert slow == fast, data
    return slow


def _verdicts(documents: list[tuple[str, object]]) -> list[tuple[bool, bool]]:
    answer = ajv(documents)
    return [
        (result["valid"], ours(kind, data))
        for (kind, data), result in zip(documents, answer["results"], strict=True)
    ]


# -- the schema files, by independent tools ------------------------------------------------------


def test_ajv_compiles_every_schema_in_strict_mode_and_each_conforms_to_the_dialect() -> None:
    answer = ajv([])
    assert answer["compiled"] == ANNOTATION_SCHEMAS
    assert answer["conforming"] == ANNOTATION_SCHEMAS, answer.get("metaErrors")


def test_check_jsonschema_validates_every_schema_against_the_2020_12_meta_schema_offline() -> None:
    files = [str(SCHEMA_DIR / name) for name in (*ANNOTATION_SCHEMAS, "meta.schema.json")]
    for checks in (["--check-metaschema"], ["--schemafile", str(SCHEMA_DIR / "meta.schema.json")]):
        done = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", *checks, *files],
            env=OFFLINE_ENV,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "ok -- validation done" in done.stdout


def _meta_errors(schema: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(META, registry=schemas.registry())
    return sorted(error.message for error in validator.iter_errors(schema))


@pytest.mark.parametrize("name", ANNOTATION_SCHEMAS)
def test_every_schema_conforms_to_the_dialect_that_declares_its_extensions(name: str) -> None:
    assert _meta_errors(json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))) == []


def test_the_dialect_refuses_an_undeclared_keyword_or_format_at_any_depth() -> None:
    typo = {"properties": {"a": {"items": {"type": "string", "patternErorMessage": "x"}}}}
    assert len(_meta_errors(typo)) == 1 and "'patternErorMessage' is not one of" in _meta_errors(typo)[0]
    assert _meta_errors({"items": {"format": "date"}}) == [
        "'date' is not one of ['partial-date', 'partial-date-or-interval']"
    ]
    assert _meta_errors({"patternErrorMessage": "x"}) == [
        "'pattern' is a dependency of 'patternErrorMessage'"
    ]
    assert _meta_errors({"x-messages": {"oneOf": ""}}) == ["'' should be non-empty"]


def test_the_fast_validator_reads_only_the_packaged_schemas() -> None:
    assert schemas.own_schema(f"{schemas.SCHEMA_BASE}common.schema.json#/$defs/slug")["$id"].endswith(
        "common.schema.json"
    )
    for uri in (
        "https://example.org/common.schema.json",
        f"{schemas.SCHEMA_BASE}../x.json",
        "file:///etc/passwd",
    ):
        with pytest.raises(LookupError):
            schemas.own_schema(uri)


# -- ajv and our validator agree -------------------------------------------------------------------


def _kind(relative: str) -> str:
    return kind_of(relative)


def test_ajv_agrees_on_the_shipped_files() -> None:
    paths = sorted((REPO / "briefings").rglob("*.yml"))
    documents = [
        (_kind(p.relative_to(REPO).as_posix()), to_plain(parse_yaml(p.read_bytes(), p.name).tree))
        for p in paths
    ]
    assert _verdicts(documents) == [(True, True)] * len(paths)


def _case_documents(root: Path, case: dict) -> list[tuple[str, str, object]]:
    """(path, kind, data) of every annotation file a golden case writes or edits that is still YAML."""
    touched = {*case.get("edit", {}), *case.get("write", {}), *case.get("write_base64", {})}
    found = []
    for source in discover(root)[0]:
        if source.path in touched:
            try:
                tree = parse_yaml((root / source.path).read_bytes(), source.path).tree
            except YamlLoadError:
                continue
            found.append((source.path, source.kind, to_plain(tree)))
    return found


@pytest.fixture(scope="module")
def golden_documents(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str, object]]:
    documents = []
    for case_path in CASES:
        case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
        root = tmp_path_factory.mktemp(case_path.stem)
        for folder in ("briefings", "seeds"):
            shutil.copytree(REPO / folder, root / folder)
        apply_case(root, case)
        flagged = {line.split(":")[0] for line in case["stdout"].splitlines() if line.endswith("[schema]")}
        for path, kind, data in _case_documents(root, case):
            documents.append((case_path.stem, path, "flagged" if path in flagged else "", kind, data))
    return documents


def test_ajv_agrees_on_every_file_of_the_golden_cases(golden_documents) -> None:
    verdicts = _verdicts([(kind, data) for *_, kind, data in golden_documents])
    disagreements = [
        (case, path, ajv_valid, our_valid)
        for (case, path, *_), (ajv_valid, our_valid) in zip(golden_documents, verdicts, strict=True)
        if ajv_valid != our_valid
    ]
    assert disagreements == []
    flagged = [verdict for (_, _, flag, *_), verdict in zip(golden_documents, verdicts, strict=True) if flag]
    assert flagged == [(False, False)] * len(flagged)
    schema_cases = {p.stem for p in CASES if "[schema]\n" in p.read_text(encoding="utf-8")}
    assert {case for case, _, flag, *_ in golden_documents if flag} == schema_cases
    assert len(schema_cases) >= 15


#: values that have told validators apart: Python's `$`, `\s` and `\d`, invisible text, limits
HOSTILE = [
    "x\n", "id\n", "en\n", "q1\n", "2\n", "Q1\n", "2023-07-13\n", "2023\n", "https://e.org\n",
    "seeds/000_12260c7031d92e22.txt\n", "\n", "\u200b", "\u00ad\u200d", "\ufeff", "\x1c", "\x85",
    "\u3000", "a\u200b", "0000", "1799", "1800", "2100", "2101", "2024-02-29", "2023-02-29",
    "2100-02-29", "2023/2022", "2023-07/2023-07-01", "https://e.org/\u200b", "https://e.org/é",
    "https:///x", "seeds/a b.txt", "seeds/\0.txt", "seeds/a\\b", "index", "index\n", "Q0",
    "Q1234567890123", "\u0661", "pt-BR", "x" * 101, "x" * 301, "x" * 2001, "e" * 36,
    "en-" + "a" * 33, "e\u0301" * 5, "12345",
]  # fmt: skip


def _mutations(seed: int, count: int) -> list[tuple[str, object]]:
    rng = random.Random(seed)
    bases = {
        "briefing": to_plain(parse_yaml((REPO / "briefings/macron-blocks-nato-tokyo-liaison-office.yml").read_bytes(), "b").tree),
        "actor": to_plain(parse_yaml((REPO / "briefings/actors/emmanuel-macron.yml").read_bytes(), "a").tree),
        "outlet": to_plain(parse_yaml((REPO / "briefings/outlets/agence-france-presse.yml").read_bytes(), "o").tree),
    }  # fmt: skip
    documents = []
    for _ in range(count):
        kind = rng.choice(sorted(bases))
        data = copy.deepcopy(bases[kind])
        _mutate(rng, data)
        documents.append((kind, data))
    return documents


def _mutate(rng: random.Random, data: object) -> None:
    """Replace one value, or rename one key, somewhere in the document by a hostile string."""
    places = list(_containers(data))
    container = rng.choice(places)
    keys = list(container) if isinstance(container, dict) else list(range(len(container)))
    if not keys:
        return
    key = rng.choice(keys)
    value = rng.choice(HOSTILE)
    if isinstance(container, dict) and rng.random() < 0.25:
        container[value] = container.pop(key)
    else:
        container[key] = value


def _containers(data: object):
    if isinstance(data, (dict, list)):
        yield data
        for value in data.values() if isinstance(data, dict) else data:
            yield from _containers(value)


def test_ajv_agrees_on_hostile_mutations_of_the_seed_files() -> None:
    documents = _mutations(seed=17, count=600)
    verdicts = _verdicts(documents)
    disagreements = [doc for doc, (a, o) in zip(documents, verdicts, strict=True) if a != o]
    assert disagreements == []
    # the sample exercises both outcomes, not only one
    assert 100 < sum(valid for valid, _ in verdicts) < 500


# -- what editors show -------------------------------------------------------------------------------


def editor(files: list[tuple[Path, str]]) -> dict:
    """yaml-language-server's diagnostics for each (path, text), as an editor would show them."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the editor check of the schemas (see README, Tests)"
    assert (REPO / "node_modules" / "yaml-language-server").is_dir(), "run `npm ci`"
    request = json.dumps({"files": [{"path": str(path), "text": text} for path, text in files]})
    done = subprocess.run(
        [node, str(REPO / "tests" / "editor_check.cjs")],
        input=request,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_editor_reads_every_modeline_from_the_files_beside_it_and_accepts_the_shipped_files() -> None:
    paths = sorted((REPO / "briefings").rglob("*.yml"))
    answer = editor([(path, path.read_text(encoding="utf-8")) for path in paths])
    assert answer["diagnostics"] == [[]] * len(paths)
    assert answer["requested"] == sorted((SCHEMA_DIR / name).as_uri() for name in ANNOTATION_SCHEMAS)


#: what editors cannot know: the calendar (a format), and files without a modeline
EDITOR_BLIND = re.compile(r"is not a date in the calendar|ends before it starts")
SCHEMA_PROBLEM = re.compile(r"^(?P<path>[^:]+):(?P<line>[0-9]+):[0-9]+: error: (?P<message>.*) \[schema\]$")


def test_the_editor_flags_every_line_our_validator_flags_in_the_golden_cases(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    files, expected = [], []
    for case_path in CASES:
        case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
        root = tmp_path_factory.mktemp(case_path.stem)
        for folder in ("briefings", "seeds", "build_tools/schema"):
            shutil.copytree(REPO / folder, root / folder)
        apply_case(root, case)
        ours: dict[str, list[tuple[int, str]]] = {}
        for found in map(SCHEMA_PROBLEM.match, case["stdout"].splitlines()):
            if found and not EDITOR_BLIND.search(found["message"]):
                ours.setdefault(found["path"], []).append((int(found["line"]), found["message"]))
        for path, problems in ours.items():
            text = (root / path).read_text(encoding="utf-8")
            if text.startswith("# yaml-language-server: $schema="):
                files.append((root / path, text))
                expected.append((case_path.stem, path, problems))
    unseen = []
    for (case, path, problems), shown in zip(expected, editor(files)["diagnostics"], strict=True):
        for number, message in problems:
            missing = re.search(r"missing required field '([^']+)'", message)
            if not any(
                d.startswith(f"{number}:") or (missing and f'Missing property "{missing[1]}"' in d)
                for d in shown
            ):
                unseen.append((case, path, number, message, shown))
    assert unseen == []
    assert len(files) >= 20
