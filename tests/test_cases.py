"""Golden cases: one YAML file per bad (or good) input, with the exact CLI output expected.

Each case edits a scratch copy of the repository (string replacements in real files, optionally
repeated, new files, deleted files, symbolic links), runs the CLI in-process and compares stdout, stderr and the exit
status. `pytest tests/test_cases.py --update-goldens` rewrites the expectations.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
import yaml

from build_tools.cli import run

CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))


class _LiteralDumper(yaml.SafeDumper):
    pass


def _literal(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_LiteralDumper.add_representer(str, _literal)


def apply_case(root: Path, case: dict) -> None:
    for relative, replacements in case.get("edit", {}).items():
        path = root / relative
        text = path.read_text(encoding="utf-8")
        for old, new, *times in replacements:  # [old, new], or [old, new, N]: N copies of new after old
            assert text.count(old) == 1, f"case setup: {old!r} must occur once in {relative}"
            text = text.replace(old, old + new * times[0] if times else new)
        path.write_text(text, encoding="utf-8")
    for relative, text in case.get("write", {}).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    for relative, encoded in case.get("write_base64", {}).items():
        (root / relative).write_bytes(base64.b64decode(encoded))
    for relative in case.get("delete", []):
        (root / relative).unlink()
    for relative, target in case.get("symlink", {}).items():
        os.symlink(target, root / relative)


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_golden_case(case_path: Path, repo_copy: Path, capsys, update_goldens: bool) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    apply_case(repo_copy, case)
    cwd = Path.cwd()
    os.chdir(repo_copy)  # relative PATH arguments are taken from the repository root
    try:
        status = run(["--root", str(repo_copy), *case.get("args", ["validate"])])
    finally:
        os.chdir(cwd)
    captured = capsys.readouterr()
    actual = {
        "exit": status,
        "stdout": captured.out.replace(str(repo_copy), "<root>"),
        "stderr": captured.err.replace(str(repo_copy), "<root>"),
    }
    if update_goldens:
        case.update(actual)
        case_path.write_text(
            yaml.dump(case, Dumper=_LiteralDumper, sort_keys=False, allow_unicode=True, width=1000),
            encoding="utf-8",
        )
        return
    assert {key: case.get(key) for key in actual} == actual


def test_there_are_cases() -> None:
    assert len(CASES) >= 20
