"""The command line: help texts, the entry points, and no traceback whatever the input."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from build_tools.cli import main, run
from build_tools.validate import validate_repository

REPO = Path(__file__).resolve().parent.parent
CONSOLE_SCRIPT = REPO / ".venv" / "bin" / "briefings"


@pytest.fixture(scope="module")
def ok_line() -> str:
    corpus = validate_repository(REPO).corpus
    stories = len(corpus.stories)
    return (
        f"{len(corpus.briefings)} briefings, {len(corpus.actors)} actors, {len(corpus.outlets)} outlets, "
        f"{stories} {'story' if stories == 1 else 'stories'}: OK\n"
    )


def test_ok_line_counts_are_the_shipped_ones(ok_line: str) -> None:
    actors = len(list((REPO / "briefings" / "actors").glob("*.yml")))
    outlets = len(list((REPO / "briefings" / "outlets").glob("*.yml")))
    assert ok_line == f"2 briefings, {actors} actors, {outlets} outlets, 1 story: OK\n"


# -- help ------------------------------------------------------------------------------------------


def _first_sentence(help_text: str | None) -> str:
    assert help_text and help_text.strip(), "missing help text"
    return help_text.strip().split("\n")[0].split(" (")[0]


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_group_help(flag: str) -> None:
    result = CliRunner().invoke(main, [flag])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ")
    assert _first_sentence(main.help) in result.output
    for name in main.commands:
        assert name in result.output
    assert "--root" in result.output


def test_there_is_at_least_the_validate_command() -> None:
    assert "validate" in main.commands


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help(name: str) -> None:
    command = main.commands[name]
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: main {name}" in result.output
    assert _first_sentence(command.help) in result.output
    assert command.get_short_help_str().strip()
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"option {param.name} of {name} has no help"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_through_run(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Usage: briefings {name}")
    assert _first_sentence(main.commands[name].help) in out


def test_run_group_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Usage: briefings ")
    assert _first_sentence(main.help) in out


# -- running validate ------------------------------------------------------------------------------


def test_cli_runner_validate_ok(ok_line: str) -> None:
    result = CliRunner().invoke(main, ["--root", str(REPO), "validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ok_line
    assert result.stderr == ""


def test_run_validate_ok(ok_line: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--root", str(REPO), "validate"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (ok_line, "")


def _subprocess(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    return subprocess.run(args, check=False, cwd=cwd, capture_output=True, text=True, env=env, timeout=60)


def test_python_dash_m_validate_from_the_repository_root(ok_line: str) -> None:
    done = _subprocess([sys.executable, "-m", "build_tools", "validate"], REPO)
    assert (done.returncode, done.stdout, done.stderr) == (0, ok_line, "")


def test_console_script_behaves_the_same(ok_line: str) -> None:
    assert CONSOLE_SCRIPT.is_file() and os.access(CONSOLE_SCRIPT, os.X_OK)
    done = _subprocess([str(CONSOLE_SCRIPT), "validate"], REPO)
    assert (done.returncode, done.stdout, done.stderr) == (0, ok_line, "")
    # the repository root is found from a sub-folder too
    done = _subprocess([str(CONSOLE_SCRIPT), "validate"], REPO / "briefings" / "actors")
    assert (done.returncode, done.stdout, done.stderr) == (0, ok_line, "")
    done = _subprocess([str(CONSOLE_SCRIPT), "--help"], REPO)
    assert done.returncode == 0 and done.stdout.startswith("Usage: briefings ")


# -- garbage in, no traceback out ----------------------------------------------------------------------


def _garbage(kind: str, rng: random.Random) -> bytes:
    if kind == "bytes":
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
    if kind == "yamlish":
        alphabet = "ab:- \n'\"[]{}&*!|>#%@`,?\t0123456789~.\u00e9\U0001f600\x07\u202e"
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 200))).encode("utf-8")
    if kind == "wrong-shapes":
        return rng.choice(
            [
                b"- a\n- b\n",
                b"just text\n",
                b"article: [a, {b: c}]\nactors: {x: y}\nquotes: text\n",
                b"title: {en: [1]}\nsummary: []\n",
                b"{a: b}\n",
                b"[]\n",
                b"'2023'\n",
            ]
        )
    raise AssertionError(kind)


def _fill_with_garbage(root: Path, kind: str, seed: int) -> int:
    rng = random.Random(seed)
    files = sorted((root / "briefings").rglob("*.yml"))
    for path in files:
        path.write_bytes(_garbage(kind, rng))
    return len(files)


@pytest.mark.parametrize("kind", ["bytes", "yamlish", "wrong-shapes"])
def test_no_traceback_on_garbage_in_every_file(
    kind: str, repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = _fill_with_garbage(repo_copy, kind, seed=len(kind))
    for output_format in ("text", "github"):
        status = run(["--root", str(repo_copy), "validate", "--format", output_format])
        captured = capsys.readouterr()
        assert status == 1
        assert "Traceback" not in captured.out + captured.err
        assert captured.err.startswith(tuple(str(n) for n in range(1, 10)))
        assert " errors in " in captured.err
        files = int(captured.err.split(" in ")[1].split()[0])
        assert files == count  # every file is reported
        assert "OK" not in captured.out


def test_no_traceback_on_garbage_through_cli_runner_and_subprocess(repo_copy: Path) -> None:
    _fill_with_garbage(repo_copy, "bytes", seed=7)
    result = CliRunner().invoke(main, ["--root", str(repo_copy), "validate"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    done = _subprocess([sys.executable, "-m", "build_tools", "validate"], repo_copy)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.startswith("briefings/")
