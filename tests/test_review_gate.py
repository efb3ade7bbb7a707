"""The maintainer-review gate (.github/scripts/review-gate.sh), run for real on a scratch repository.

Every case is a branch off one base commit; the gate compares the two as the pull-request workflow
does. Only added or edited plain files among the annotations and articles pass.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

GATE = REPO / ".github" / "scripts" / "review-gate.sh"
GATE_IN_REPO = ".github/scripts/review-gate.sh"
PULL_REQUEST = REPO / ".github" / "workflows" / "pull-request.yml"
IDENTITY = ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]

BASE_FILES = [
    "mkdocs.yml",
    "pyproject.toml",
    "Makefile",
    "README.md",
    "package.json",
    "package-lock.json",
    ".pre-commit-config.yaml",
    ".ci/run",
    ".github/workflows/pull-request.yml",
    "build_tools/plugin.py",
    "build_tools/schema/briefing.schema.json",
    "tests/conftest.py",
    "docs/contributing.md",
    "docs/format.md",
    "briefings/macron.yml",
    "briefings/topics.yml",
    "briefings/actors/france.yml",
    "briefings/stories/nato.yml",
    "briefings/outlets/afp.yml",
    "seeds/000_12260c7031d92e22.txt",
]


@dataclass(frozen=True)
class Scratch:
    root: Path
    base: str

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *IDENTITY, *args], cwd=self.root, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def pull_request(self, change: Callable[[Path], None], gitlink: str | None = None) -> str:
        """A branch off the base with `change` applied to the work tree (and a submodule entry
        at `gitlink`); returns its head commit."""
        self.git("checkout", "-q", "--detach", self.base)
        self.git("clean", "-qfdx")
        change(self.root)
        self.git("add", "-A")
        if gitlink:
            self.git("update-index", "--add", "--cacheinfo", f"160000,{self.base},{gitlink}")
        self.git("commit", "-q", "--allow-empty", "-m", "pull request")
        return self.git("rev-parse", "HEAD")

    def review(self, head: str, gate: Path = GATE) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["bash", str(gate), self.base, head],
            cwd=self.root,
            env={**os.environ, "GITHUB_STEP_SUMMARY": str(self.root.parent / "summary.md")},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Scratch:
    root = tmp_path_factory.mktemp("gate") / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    for path in BASE_FILES:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("base\n", encoding="utf-8")
    (root / GATE_IN_REPO).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(GATE, root / GATE_IN_REPO)
    repo = Scratch(root, "")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "base")
    return Scratch(root, repo.git("rev-parse", "HEAD"))


# --- changes as a pull request would make them -------------------------------------------------


def write(path: str, text: str = "changed\n") -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")

    return change


def delete(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


def symlink(path: str, target: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / path).unlink(missing_ok=True)
        (root / path).symlink_to(target)

    return change


def executable(path: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        write(path)(root)
        (root / path).chmod(0o755)

    return change


def together(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        for one in changes:
            one(root)

    return change


OUTSIDE = "not an annotation or article"
FLAGGED = {
    # what issue 17 found reported as "changes no build code"
    "package.json": (write("package.json", '{"scripts": {"postinstall": "id"}}'), "package.json", OUTSIDE),
    "package-lock.json": (write("package-lock.json"), "package-lock.json", OUTSIDE),
    ".npmrc": (write(".npmrc", "ignore-scripts=false\n"), ".npmrc", OUTSIDE),
    "pytest.ini": (write("pytest.ini", "[pytest]\naddopts = --collect-only\n"), "pytest.ini", OUTSIDE),
    "conftest.py": (write("conftest.py"), "conftest.py", OUTSIDE),
    "tests/conftest.py": (write("tests/conftest.py"), "tests/conftest.py", OUTSIDE),
    ".pyc": (
        write("build_tools/__pycache__/cli.cpython-311.pyc"),
        "build_tools/__pycache__/cli.cpython-311.pyc",
        OUTSIDE,
    ),
    ".pyc among annotations": (write("briefings/validate.pyc"), "briefings/validate.pyc", OUTSIDE),
    "docs/contributing.md": (
        write("docs/contributing.md", "<script>alert(1)</script>\n"),
        "docs/contributing.md",
        OUTSIDE,
    ),
    "docs/format.md": (write("docs/format.md"), "docs/format.md", OUTSIDE),
    "new docs page": (write("docs/about.md"), "docs/about.md", OUTSIDE),
    # what the deny-list already caught
    "mkdocs.yml": (write("mkdocs.yml"), "mkdocs.yml", OUTSIDE),
    "pyproject.toml": (write("pyproject.toml"), "pyproject.toml", OUTSIDE),
    "Makefile": (write("Makefile"), "Makefile", OUTSIDE),
    "workflow": (write(".github/workflows/pull-request.yml"), ".github/workflows/pull-request.yml", OUTSIDE),
    "the gate itself": (write(GATE_IN_REPO, "exit 0\n"), GATE_IN_REPO, OUTSIDE),
    ".ci/run": (write(".ci/run"), ".ci/run", OUTSIDE),
    "pre-commit": (write(".pre-commit-config.yaml"), ".pre-commit-config.yaml", OUTSIDE),
    "plugin": (write("build_tools/plugin.py"), "build_tools/plugin.py", OUTSIDE),
    "schema": (
        write("build_tools/schema/briefing.schema.json"),
        "build_tools/schema/briefing.schema.json",
        OUTSIDE,
    ),
    # anything new or unknown
    "new file at the top": (write("hooks.py"), "hooks.py", OUTSIDE),
    ".gitattributes": (write(".gitattributes", "*.yml filter=x\n"), ".gitattributes", OUTSIDE),
    "README.md": (write("README.md"), "README.md", OUTSIDE),
    ".yaml": (write("briefings/new.yaml"), "briefings/new.yaml", OUTSIDE),
    "unknown folder": (write("briefings/drafts/new.yml"), "briefings/drafts/new.yml", OUTSIDE),
    "nested folder": (write("briefings/actors/x/new.yml"), "briefings/actors/x/new.yml", OUTSIDE),
    "seed not .txt": (write("seeds/new.md"), "seeds/new.md", OUTSIDE),
    "seed in a folder": (write("seeds/more/new.txt"), "seeds/more/new.txt", OUTSIDE),
    "upper-case folder": (write("Briefings/new.yml"), "Briefings/new.yml", OUTSIDE),
    "hidden annotation": (write("briefings/.new.yml"), "briefings/.new.yml", OUTSIDE),
    # deletions, links and modes among the annotations and articles
    "deleted actor": (delete("briefings/actors/france.yml"), "briefings/actors/france.yml", "deleted"),
    "deleted article": (delete("seeds/000_12260c7031d92e22.txt"), "seeds/000_12260c7031d92e22.txt", "deleted"),
    "new symbolic link": (symlink("briefings/x.yml", "../mkdocs.yml"), "briefings/x.yml", "symbolic link"),
    "link out of the tree": (symlink("seeds/passwd.txt", "/etc/passwd"), "seeds/passwd.txt", "symbolic link"),
    "file became a link": (symlink("briefings/topics.yml", "actors/france.yml"), "briefings/topics.yml", "symbolic link"),
    "executable article": (
        executable("seeds/000_12260c7031d92e22.txt"),
        "seeds/000_12260c7031d92e22.txt",
        "file mode 100755",
    ),
    "new executable annotation": (executable("briefings/run.yml"), "briefings/run.yml", "file mode 100755"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(FLAGGED))
def test_every_change_but_annotations_and_articles_needs_a_maintainer(case: str, scratch: Scratch) -> None:
    change, path, reason = FLAGGED[case]
    done = scratch.review(scratch.pull_request(change))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "::error title=Maintainer review required::" in done.stdout
    assert flagged(done.stdout) == [(path, reason)], done.stdout


def test_a_submodule_among_the_annotations_is_flagged(scratch: Scratch) -> None:
    done = scratch.review(scratch.pull_request(lambda root: None, gitlink="briefings/sub.yml"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert flagged(done.stdout) == [("briefings/sub.yml", "submodule")]


PASSING = {
    "edited briefing": write("briefings/macron.yml"),
    "new briefing": write("briefings/new-briefing.yml"),
    "topics": write("briefings/topics.yml"),
    "new actor": write("briefings/actors/new-actor.yml"),
    "new story": write("briefings/stories/new-story.yml"),
    "new outlet": write("briefings/outlets/new-outlet.yml"),
    "new article": write("seeds/003_1ee619b8e0dfa870.txt"),
    "several at once": together(
        write("briefings/new.yml"), write("seeds/new.txt"), write("briefings/actors/france.yml")
    ),
    "nothing changed": lambda root: None,
}


@pytest.mark.parametrize("case", sorted(PASSING))
def test_annotation_and_article_changes_pass(case: str, scratch: Scratch) -> None:
    done = scratch.review(scratch.pull_request(PASSING[case]))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout
    assert "changes only annotations" in done.stdout


def test_only_the_files_that_need_review_are_listed(scratch: Scratch) -> None:
    change = together(write("briefings/new.yml"), write("package.json"), delete("briefings/stories/nato.yml"))
    done = scratch.review(scratch.pull_request(change))
    assert done.returncode == 1
    assert sorted(flagged(done.stdout)) == [
        ("briefings/stories/nato.yml", "deleted"),
        ("package.json", OUTSIDE),
    ]
    summary = (scratch.root.parent / "summary.md").read_text(encoding="utf-8")
    assert "package.json  (not an annotation or article)" in summary


ODD_NAMES = {
    "space": ("briefings/a b.yml", "briefings/a\\ b.yml"),
    "newline": ("seeds/a\nb.txt", "$'seeds/a\\nb.txt'"),
    "leading dash": ("briefings/-rf.yml", "briefings/-rf.yml"),
    "leading dashes at the top": ("--help", "--help"),
    "forged workflow command": ("seeds/x\n::warning::all clear.txt", "$'seeds/x\\n::warning::all clear.txt'"),
    "escape sequence": ("seeds/\x1b[31mred.txt", "$'seeds/\\E[31mred.txt'"),
}


@pytest.mark.parametrize("case", sorted(ODD_NAMES))
def test_odd_file_names_are_flagged_and_printed_safely(case: str, scratch: Scratch) -> None:
    name, printed = ODD_NAMES[case]
    done = scratch.review(scratch.pull_request(together(write(name), write("briefings/new.yml"))))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"  {printed}  ({OUTSIDE})\n" in done.stdout
    assert "briefings/new.yml" not in done.stdout
    # nothing the pull request named can act as a workflow command: they are all printed while
    # commands are stopped, each on a line of its own
    token = re.search(r"^::stop-commands::(\w+)$", done.stdout, flags=re.MULTILINE)
    assert token and len(token.group(1)) == 32
    commands = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert commands[:2] == [f"::stop-commands::{token.group(1)}", f"::{token.group(1)}::"]
    assert commands[2].startswith("::error title=Maintainer review required::")
    assert len(commands) == 3


def test_the_gate_refuses_to_run_without_two_commits(scratch: Scratch) -> None:
    for args in ([], [scratch.base], [scratch.base, "HEAD"], [scratch.base, "-p"]):
        done = subprocess.run(
            ["bash", str(GATE), *args], cwd=scratch.root, capture_output=True, text=True, check=False
        )
        assert done.returncode == 1
        assert done.stdout.startswith("::error title=Maintainer review required::"), done.stdout


def test_an_unknown_commit_fails_the_gate(scratch: Scratch) -> None:
    done = scratch.review("0" * 40)
    assert done.returncode == 1
    assert "Could not list the files this pull request changes" in done.stdout


# --- the workflow runs the base branch's gate ---------------------------------------------------


def _workflow_step() -> dict:
    workflow = yaml.load(PULL_REQUEST.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    job = workflow["jobs"]["maintainer-review"]
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"] == {"fetch-depth": "0", "persist-credentials": "false"}
    step = job["steps"][-1]
    assert step["env"] == {
        "BASE_SHA": "${{ github.event.pull_request.base.sha }}",
        "HEAD_SHA": "${{ github.event.pull_request.head.sha }}",
    }
    return step


def _run_step(scratch: Scratch, head: str) -> subprocess.CompletedProcess:
    """The step's script as GitHub's runner runs it (bash -e -o pipefail)."""
    runner_temp = scratch.root.parent / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    env = {**os.environ, "BASE_SHA": scratch.base, "HEAD_SHA": head, "RUNNER_TEMP": str(runner_temp)}
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _workflow_step()["run"]],
        cwd=scratch.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_workflow_runs_the_gate_of_the_base_branch(scratch: Scratch) -> None:
    assert _run_step(scratch, scratch.pull_request(write("briefings/new.yml"))).returncode == 0
    flagged_done = _run_step(scratch, scratch.pull_request(write("package.json")))
    assert flagged_done.returncode == 1
    assert flagged(flagged_done.stdout) == [("package.json", OUTSIDE)]
    # a pull request that rewrites the gate to let everything through is judged by the old gate
    relaxed = together(write(GATE_IN_REPO, "exit 0\n"), write("package.json"))
    done = _run_step(scratch, scratch.pull_request(relaxed))
    assert done.returncode == 1
    assert sorted(flagged(done.stdout)) == [(GATE_IN_REPO, OUTSIDE), ("package.json", OUTSIDE)]


def test_the_workflow_fails_when_the_base_branch_has_no_gate(scratch: Scratch) -> None:
    head = scratch.pull_request(write("briefings/new.yml"))
    without_gate = Scratch(scratch.root, scratch.pull_request(delete(GATE_IN_REPO)))
    done = _run_step(without_gate, head)
    assert done.returncode == 1
    assert "::error title=Maintainer review required::The base branch has no review gate" in done.stdout


def flagged(stdout: str) -> list[tuple[str, str]]:
    """(path, reason) of each file the gate listed; paths as printed (%q) for plain names."""
    found = re.findall(r"^  (.+)  \((.+)\)$", stdout, flags=re.MULTILINE)
    return [(path, reason.split(" (")[0]) for path, reason in found]
