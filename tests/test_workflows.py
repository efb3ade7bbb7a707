"""The contributor's loop: the GitHub workflows, the pre-commit hooks and the yamllint configuration.

Everything here runs offline. The workflows are checked against the SchemaStore schema that
`check-jsonschema` vendors (`--builtin-schema vendor.github-workflows`); the subprocesses get a
proxy that refuses every connection, so a check that tried to download anything would fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from build_tools.yamlstrict import parse_yaml

from .conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
PUBLISH = WORKFLOWS / "publish.yml"
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
    done = _check_jsonschema(schema, PULL_REQUEST, PUBLISH)
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


def test_actions_are_official_and_pinned_to_a_major_version() -> None:
    expected = {
        "actions/checkout": "v4",
        "actions/setup-python": "v5",
        "actions/upload-artifact": "v4",
        "actions/configure-pages": "v5",
        "actions/upload-pages-artifact": "v3",
        "actions/deploy-pages": "v4",
    }
    for path in (PULL_REQUEST, PUBLISH):
        for uses in _uses(_load(path)):
            name, _, version = uses.partition("@")
            assert expected.get(name) == version, f"{path.name}: {uses}"


# --- the maintainer-review job, run for real on a scratch repository ----------------------------


REVIEW_SCRIPT = _load(PULL_REQUEST)["jobs"]["maintainer-review"]["steps"][-1]["run"]
FLAGGED = [
    "mkdocs.yml",
    "build_tools/plugin.py",
    "build_tools/schema/briefing.schema.json",
    "pyproject.toml",
    "Makefile",
    ".github/workflows/pull-request.yml",
    ".ci/run",
    ".pre-commit-config.yaml",
    "tests/conftest.py",
    "hooks.py",
]
NOT_FLAGGED = [
    "briefings/topics.yml",
    "briefings/actors/new-actor.yml",
    "seeds/003_new.txt",
    "docs/format.md",
]
needs_git = pytest.mark.skipif(
    not (shutil.which("git") and shutil.which("bash")), reason="needs git and bash"
)


@pytest.fixture(scope="module")
def scratch_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A base commit, then one branch per path that changes only that path."""
    root = tmp_path_factory.mktemp("review")

    identity = ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]

    def git(*args: str) -> str:
        done = subprocess.run(["git", *identity, *args], cwd=root, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    git("init", "-q", "-b", "main")
    for path in [*FLAGGED, *NOT_FLAGGED]:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("base\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    base = git("rev-parse", "HEAD")
    for number, path in enumerate([*FLAGGED, *NOT_FLAGGED]):
        git("checkout", "-q", "-b", f"pr{number}", base)
        (root / path).write_text("changed\n", encoding="utf-8")
        git("commit", "-q", "-am", path)
    return root, base


def _review(root: Path, base: str, head: str) -> subprocess.CompletedProcess:
    head_sha = subprocess.run(
        ["git", "rev-parse", head], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()
    env = {
        **OFFLINE_ENV,
        "BASE_SHA": base,
        "HEAD_SHA": head_sha,
        "RUNNER_TEMP": str(root.parent),
        "GITHUB_STEP_SUMMARY": str(root.parent / f"summary-{head}.md"),
    }
    return subprocess.run(
        ["bash", "-c", REVIEW_SCRIPT],
        check=False,
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@needs_git
@pytest.mark.parametrize("path", FLAGGED)
def test_changes_to_build_code_need_a_maintainer(path: str, scratch_repo: tuple[Path, str]) -> None:
    root, base = scratch_repo
    done = _review(root, base, f"pr{FLAGGED.index(path)}")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "::error title=Maintainer review required::" in done.stdout
    assert "maintainer must review" in done.stdout
    assert f"  {path}\n" in done.stdout


@needs_git
@pytest.mark.parametrize("path", NOT_FLAGGED)
def test_changes_to_content_pass_the_review_job(path: str, scratch_repo: tuple[Path, str]) -> None:
    root, base = scratch_repo
    done = _review(root, base, f"pr{len(FLAGGED) + NOT_FLAGGED.index(path)}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout


def test_the_review_job_sees_the_whole_history() -> None:
    job = _load(PULL_REQUEST)["jobs"]["maintainer-review"]
    checkout = job["steps"][0]
    assert checkout["uses"] == "actions/checkout@v4"
    assert checkout["with"]["fetch-depth"] == "0"
    assert "git diff" in job["steps"][-1]["run"]


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
