"""The worst inputs of issue 17, timed: how long does `briefings validate` take on each, and what
does it say? And where it accepts them, how long does `mkdocs build --strict` take?

    .venv/bin/python benchmarks/hostile.py [--timeout 60] [--only NAME ...] [--no-build] [--code DIR]

Each case edits a scratch copy of the repository (briefings/, seeds/, docs/, mkdocs.yml) as a
hostile pull request would, then runs `python -m build_tools --root COPY validate` in a fresh
process (so that a case that never ends is stopped at `--timeout` and reported as such), and when
validation passes, `python -m mkdocs build --strict` the same way (not with `--no-build`). It
prints one line per case: the wall time, the exit status (1: the input is refused with located
errors; 0: accepted) and the first line the command printed, then the build's; the last line is
one JSON object with every figure. Cases refused by a documented limit (docs/format.md, "Limits")
come with the largest input the limit still allows, so that what remains is timed too.
`--code DIR` imports build_tools from DIR instead (an export of an older commit, to compare:
`git archive COMMIT build_tools | tar -x -C DIR`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    """The briefing now cites seeds/big.txt (its translations would no longer align: dropped; and
    the big text names no outlet: unidentified, crediting none)."""
    (root / "seeds" / "big.txt").write_text(text, encoding="utf-8")
    path = root / BRIEFING
    lines = [
        "  identified: {by: unidentified}" if line.startswith("  identified:") else line
        for line in path.read_text(encoding="utf-8").split("\n")
        if not line.startswith(("  outlet:", "  credits:"))
    ]
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


def _seed_article() -> str:
    return (REPO / "seeds" / "000_12260c7031d92e22.txt").read_text(encoding="utf-8")


def _copies(root: Path, count: int, extra: Callable[[int], str]) -> None:
    """`count` more briefings like the seed one (slugs hostile-N), each with `extra(N)` quotes first."""
    source = (root / BRIEFING).read_text(encoding="utf-8")
    for n in range(count):
        text = source.replace("quotes:\n", "quotes:\n" + extra(n), 1)
        (root / f"briefings/hostile-{n}.yml").write_text(text, encoding="utf-8")


def _unknown_actor_ids(root: Path) -> None:
    """1,000 actors, and 10 briefings naming 186 actor ids each that are none of them."""
    source = (root / ACTOR).read_text(encoding="utf-8")
    for n in range(1_000):
        (root / f"briefings/actors/actor-number-{n}.yml").write_text(source, encoding="utf-8")
    unknown = "".join(f"  - actor-numbr-{n}\n" for n in range(186))  # 200 actors at most
    text = (root / BRIEFING).read_text(encoding="utf-8").replace("actors:\n", "actors:\n" + unknown, 1)
    for n in range(10):
        (root / f"briefings/hostile-{n}.yml").write_text(text, encoding="utf-8")


def _aliases_over_their_name(root: Path) -> None:
    """200 actors of 100 aliases sharing the first word Macron, over an article saying Macron
    10,000 times (before the seed text, so that its quotes are still found)."""
    _aliases(root, 200, 100)
    _big_article(root, ("Macron " * 100 + "\n") * 100 + _seed_article())


#: 100 KB of text in five paragraphs (one is at most 20,000 characters: the article limit)
HUNDRED_KB = ("a " * 9_999 + "\n") * 5
#: 60,000 combining marks on three letters, each run as long as a paragraph may be
SIXTY_THOUSAND_MARKS = ("e" + "\u0301" * 19_998 + "\n") * 3
AMBIGUOUS = "Kata kunci akhir."
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
    Case("60000-combining-marks-in-the-article", "4", lambda root: _big_article(root, SIXTY_THOUSAND_MARKS)),
    Case("20000-aliases", "4", lambda root: _aliases(root, 1, 20_000)),
    Case("200-actors-of-100-aliases (the limit)", "4", lambda root: _aliases(root, 200, 100)),
    Case("50-mb-article", "4", lambda root: _big_article(root, ("kata " * 20 + "\n") * 500_000)),
    Case("1-mb-summary", "4", lambda root: _edit(root, BRIEFING, "  en: >-\n    French President", "  en: >-\n    " + "x" * 1_000_000 + " French President")),
    Case("300-character-language-code", "4", lambda root: _edit(root, BRIEFING, "language: id\n", "language: en" + "-abcdefgh" * 33 + "\n")),
    Case("2-mb-of-nul-lines", "4", lambda root: (root / BRIEFING).write_bytes(b"x: a\x00b\n" * 240_000)),
    # beyond the list: what the limits still allow, through the build where it validates
    Case("9860-quotes-not-found-in-20-files", "4", lambda root: _copies(root, 20, lambda n: _quotes(493, f"tidak ada {n} {{i}}"))),
    Case("60000-marks-of-two-classes-in-the-article", "4", lambda root: _big_article(root, ("a" + "\u0316\u0301" * 9_999 + "\n") * 3 + _seed_article())),
    Case("493-ambiguous-quotes-after-500000-empty-lines", "4", lambda root: _big_article(root, "\n" * 500_000 + f"{AMBIGUOUS}\n{AMBIGUOUS}\n", _quotes(493, AMBIGUOUS))),
    Case("1860-unknown-actor-ids-against-1000-actors", "4", _unknown_actor_ids),
    Case("20000-aliases-sharing-a-word-over-10000-mentions", "4", _aliases_over_their_name),
    Case("article-just-under-1-mb", "4", lambda root: _big_article(root, ("Pemerintah menyatakan rencana itu masih dibahas. " * 20 + "\n") * 960 + _seed_article())),
]  # fmt: skip


def run_case(case: Case, timeout: float, code: Path = REPO, build: bool = True) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        root = Path(folder)
        for name in ("briefings", "seeds", "docs"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        case.setup(root)
        result: dict[str, Any] = {"case": case.name, "item": case.item}
        command = ["-m", "build_tools", "--root", str(root), "validate"]
        result.update(_timed(command, root, timeout, code))
        if build and result["exit"] == 0:
            site = ["-f", str(root / "mkdocs.yml"), "-d", str(root / "site")]
            built = _timed(["-m", "mkdocs", "build", "--strict", "-q", *site], root, timeout, code)
            result.update({f"build_{key}": value for key, value in built.items()})
        return result


def _timed(args: list[str], root: Path, timeout: float, code: Path) -> dict[str, Any]:
    """Seconds (None past the timeout), exit status and first line of `python ARGS`; at the
    timeout its whole process group is killed (mkdocs runs Pagefind as a child)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(code)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        cwd=root, start_new_session=True,  # not here: `python -m` would import this checkout's code
    )  # fmt: skip
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return {"seconds": None, "exit": None, "says": "timeout"}
    seconds = time.perf_counter() - started
    lines = (stdout or stderr or "(no output)").splitlines() or ["(no output)"]
    return {
        "seconds": round(seconds, 2),
        "exit": process.returncode,
        "says": lines[0].replace(str(root), "")[:140],
    }


def _shown(result: dict[str, Any], prefix: str = "") -> str:
    seconds = result[f"{prefix}seconds"]
    shown = "timeout" if seconds is None else f"{seconds:6.2f} s"
    return f"{shown:>9}  exit {result[f'{prefix}exit']}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is stopped")
    parser.add_argument("--only", nargs="*", default=None, help="run only the cases of these names")
    parser.add_argument("--no-build", action="store_true", help="do not build the cases validate accepts")
    parser.add_argument("--code", type=Path, default=REPO, help="import build_tools from DIR instead")
    args = parser.parse_args(argv)
    unknown = set(args.only or ()) - {c.name for c in CASES}
    if unknown:
        parser.error(f"no such case: {', '.join(sorted(unknown))}")
    chosen = [c for c in CASES if args.only is None or c.name in args.only]
    results = []
    for case in chosen:
        result = run_case(case, args.timeout, args.code.resolve(), not args.no_build)
        results.append(result)
        print(f"{_shown(result)}  {case.name}: {result['says']}", flush=True)
        if "build_exit" in result:
            print(f"{_shown(result, 'build_')}  {case.name} (mkdocs build --strict): {result['build_says']}")
    print(json.dumps({"timeout_s": args.timeout, "code": str(args.code), "cases": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
