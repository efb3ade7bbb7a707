"""The worst inputs of issue 17, timed: how long does `briefings validate` take on each, and what
does it say?

    .venv/bin/python benchmarks/hostile.py [--timeout 60] [--only NAME ...]

Each case edits a scratch copy of the repository's briefings/ and seeds/ as a hostile pull request
would, then runs `python -m build_tools --root COPY validate` in a fresh process (so that a case
that never ends is stopped at `--timeout` and reported as such). It prints one line per case: the
wall time, the exit status (1: the input is refused with located errors; 0: accepted) and the first
line the command printed; the last line is one JSON object with every figure. Cases refused by a
documented limit (docs/format.md, "Limits") come with the largest input the limit still allows,
so that what remains is timed too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BRIEFING = "briefings/macron-opposes-nato-office-in-japan.yml"
ACTOR = "briefings/actors/emmanuel-macron.yml"


@dataclass(frozen=True)
class Case:
    name: str
    item: str  # where issue 17 describes it
    setup: Callable[[Path], None]


def _edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (relative, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _title(value: str) -> Callable[[Path], None]:
    return lambda root: _edit(
        root, BRIEFING, "title: Macron Menentang Kantor Penghubung NATO di Jepang", f"title: {value}"
    )


def _big_article(root: Path, text: str, extra: str = "") -> None:
    """The briefing now cites seeds/big.txt (its translations would no longer align: dropped)."""
    (root / "seeds" / "big.txt").write_text(text, encoding="utf-8")
    path = root / BRIEFING
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("translations:")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" "))
    text = "\n".join(lines[:start] + lines[end:]).replace(
        "article: seeds/000_12260c7031d92e22.txt", "article: seeds/big.txt"
    )
    path.write_text(text.replace("quotes:\n", "quotes:\n" + extra, 1), encoding="utf-8")


def _quotes(count: int, text: str) -> str:
    quote = "  - text: {text}\n    speaker: emmanuel-macron\n    translations: {{en: x}}\n"
    return "".join(quote.format(text=text.format(i=i)) for i in range(count))


def _aliases(root: Path, actors: int, aliases: int) -> None:
    names = ", ".join(f"Macron {i}" for i in range(aliases))
    for n in range(actors):
        source = (root / ACTOR).read_text(encoding="utf-8")
        (root / f"briefings/actors/macron-{n}.yml").write_text(
            source.replace("aliases: [Macron]", f"aliases: [{names}]"), encoding="utf-8"
        )


HUNDRED_KB = "a " * 50_000 + "\n"
CASES = [
    Case("escaped-forbidden-characters", "1", _title('"Macron \\u202Egnp.exe\\u202C \\0 \\e[31m Jepang"')),
    Case("invisible-title", "1", lambda root: _edit(root, BRIEFING, "title: Macron Menentang Kantor Penghubung NATO di Jepang", 'title: "\\u200b"')),
    Case("trailing-newline-id-and-language", "2", lambda root: (
        _edit(root, BRIEFING, "  - id: geography-is-stubborn", '  - id: "geography-is-stubborn\\n"'),
        _edit(root, BRIEFING, "language: id\n", 'language: "id\\n"\n'))),
    Case("year-0000", "2", lambda root: _edit(root, BRIEFING, "published: 2023-07-13", 'published: "0000"')),
    Case("nul-in-article-path", "3", lambda root: _edit(root, BRIEFING, "article: seeds/000_12260c7031d92e22.txt", 'article: "seeds/x\\0.txt"')),
    Case("elided-quote-over-100-kb", "4", lambda root: _big_article(root, HUNDRED_KB, _quotes(1, "a ... a ... zzz"))),
    Case("2000-quotes-not-found", "4", lambda root: _big_article(root, HUNDRED_KB, _quotes(2000, "tidak ada {i}"))),
    Case("500-quotes-not-found (the limit)", "4", lambda root: _big_article(root, HUNDRED_KB, _quotes(493, "tidak ada {i}"))),
    Case("60000-combining-marks-in-a-title", "4", _title("e" + "\u0301" * 60_000)),
    Case("60000-combining-marks-in-the-article", "4", lambda root: _big_article(root, "e" + "\u0301" * 60_000 + "\n")),
    Case("20000-aliases", "4", lambda root: _aliases(root, 1, 20_000)),
    Case("200-actors-of-100-aliases (the limit)", "4", lambda root: _aliases(root, 200, 100)),
    Case("50-mb-article", "4", lambda root: _big_article(root, ("kata " * 20 + "\n") * 500_000)),
    Case("1-mb-summary", "4", lambda root: _edit(root, BRIEFING, "  en: >-\n    French President", "  en: >-\n    " + "x" * 1_000_000 + " French President")),
    Case("300-character-language-code", "4", lambda root: _edit(root, BRIEFING, "language: id\n", "language: en" + "-abcdefgh" * 33 + "\n")),
    Case("2-mb-of-nul-lines", "4", lambda root: (root / BRIEFING).write_bytes(b"x: a\x00b\n" * 240_000)),
]  # fmt: skip


def run_case(case: Case, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        root = Path(folder)
        for name in ("briefings", "seeds"):
            shutil.copytree(REPO / name, root / name)
        case.setup(root)
        command = [sys.executable, "-m", "build_tools", "--root", str(root), "validate"]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, env=env, check=False
            )
        except subprocess.TimeoutExpired:
            return {"case": case.name, "item": case.item, "seconds": None, "exit": None, "says": "timeout"}
        seconds = time.perf_counter() - started
        says = (done.stdout or done.stderr).splitlines()[0].replace(str(root), "")[:140]
        return {
            "case": case.name,
            "item": case.item,
            "seconds": round(seconds, 2),
            "exit": done.returncode,
            "says": says,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is stopped")
    parser.add_argument("--only", nargs="*", default=None, help="run only the cases of these names")
    args = parser.parse_args(argv)
    unknown = set(args.only or ()) - {c.name for c in CASES}
    if unknown:
        parser.error(f"no such case: {', '.join(sorted(unknown))}")
    chosen = [c for c in CASES if args.only is None or c.name in args.only]
    results = []
    for case in chosen:
        result = run_case(case, args.timeout)
        results.append(result)
        shown = "timeout" if result["seconds"] is None else f"{result['seconds']:6.2f} s"
        print(f"{shown:>9}  exit {result['exit']}  {case.name}: {result['says']}", flush=True)
    print(json.dumps({"timeout_s": args.timeout, "cases": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
