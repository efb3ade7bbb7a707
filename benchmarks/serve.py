"""Live preview at scale: how long after saving a briefing does `mkdocs serve` show the change?

    .venv/bin/python benchmarks/serve.py --briefings 1000 [--edits 5] [--full] [--move-a-date]

Synthesises N briefings (benchmarks/synth.py) with the repository's mkdocs.yml and docs/, starts
`mkdocs serve --dirty` (`--full`: plain `mkdocs serve`, which rebuilds everything) on a free
loopback port and waits for the first build, then for the first search index (built in the
background). Then, for each edit, it rewrites one briefing's English summary and polls that
briefing's page over HTTP every 50 ms until the new text is served: the time from the save to the
new page is what a maintainer waits for (MkDocs' file watcher, the rebuild and the write). Saves
are `--pause` seconds apart, as a person's are; the search index, rebuilt in the background after
each save, may still be running then (at 10,000 briefings it takes about half a minute, on one
core at a lower priority), as it would be for the maintainer. It also reports what MkDocs logged: the
rebuild time and how many pages were regenerated. The last line is one JSON object with every
figure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_until(predicate, timeout: float, step: float = 0.05) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(step)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--briefings", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=5, help="how many saves to time (default 5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--full", action="store_true", help="plain `mkdocs serve` instead of --dirty")
    parser.add_argument(
        "--pause", type=float, default=10.0,
        help="seconds between saves (default 10): the search index is rebuilt in the background meanwhile",
    )  # fmt: skip
    parser.add_argument(
        "--move-a-date", action="store_true",
        help="each save also moves one of the briefing's event dates (the timeline and indexes change)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import synth

    work = Path(tempfile.mkdtemp(prefix="briefings-serve-"))
    process = None
    try:
        synth.generate(work, args.briefings, args.seed)
        shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
        shutil.copytree(REPO / "docs", work / "docs")
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        log_path = work / "serve.log"
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        if not args.full:
            command.append("--dirty")
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                command,
                cwd=work,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
        slugs = sorted(p.stem for p in (work / "briefings").glob("*.yml") if p.stem != "topics")
        first_page = f"{url}briefings/{slugs[0]}/"
        started = wait_until(lambda: fetch(first_page) is not None, 900, step=0.5)
        if started is None:
            print(log_path.read_text()[-3000:], file=sys.stderr)
            return 1
        print(f"{args.briefings} briefings: first build and start in {started:.1f} s", flush=True)
        # the first search index is built in the background (at 10,000 briefings, half a minute):
        # the edits are timed once it is there, as in a preview that has been open a while
        search_ready = wait_until(lambda: "briefings: search index of" in log_path.read_text(), 600, step=0.5)
        if search_ready is not None:
            print(f"first search index ready {search_ready:.1f} s after that", flush=True)
        time.sleep(args.pause)  # let the watcher settle
        waits, rebuilds, regenerated = [], [], []
        for number in range(args.edits):
            slug = slugs[(number * 97 + 11) % len(slugs)]
            source = work / "briefings" / f"{slug}.yml"
            marker = f"Edited summary number {number} for the preview benchmark"
            text = source.read_text(encoding="utf-8")
            edited, count = re.subn(r"(?m)^  en: .*$", f"  en: {marker}", text, count=1)
            if count != 1:
                print(f"cannot find the English summary in {source}", file=sys.stderr)
                return 1
            if args.move_a_date:  # to the day the article was published: a date the checks accept
                published = re.search(r"(?m)^published: '?([\d-]+)'?$", edited)
                day = published[1] if published else ""
                edited, moved = re.subn(r"(?m)^- date: .*$", f"- date: '{day}'", edited, count=1)
                if not (day and moved):
                    print(f"cannot find an event date in {source}", file=sys.stderr)
                    return 1
            lines_before = log_path.read_text().count("Documentation built in")
            source.write_text(edited, encoding="utf-8")
            page = f"{url}briefings/{slug}/"
            waited = wait_until(lambda page=page, marker=marker: marker in (fetch(page) or ""), 300)
            if waited is None:
                print(log_path.read_text()[-3000:], file=sys.stderr)
                return 1
            wait_until(
                lambda before=lines_before: log_path.read_text().count("Documentation built in") > before, 60
            )
            log = log_path.read_text()
            rebuilds.append(float(re.findall(r"Documentation built in ([\d.]+) seconds", log)[-1]))
            counts = re.findall(r"briefings: (\d+) of (\d+) pages regenerated", log)
            regenerated.append(int(counts[-1][0]) if counts and not args.full else None)
            waits.append(waited)
            print(
                f"edit {number + 1}: {slug}: page shows the edit {waited:.2f} s after the save; "
                f"MkDocs rebuild {rebuilds[-1]:.2f} s"
                + (f", {regenerated[-1]} pages regenerated" if regenerated[-1] is not None else ""),
                flush=True,
            )
            time.sleep(args.pause)
        figures = {
            "briefings": args.briefings,
            "mode": "serve" if args.full else "serve --dirty",
            "edit": "summary and an event date" if args.move_a_date else "summary",
            "start_s": round(started, 2),
            "search_ready_s": round(search_ready, 2) if search_ready is not None else None,
            "save_to_page_s": [round(w, 3) for w in waits],
            "save_to_page_median_s": round(statistics.median(waits), 3),
            "rebuild_s": rebuilds,
            "pages_regenerated": regenerated,
        }
        print(
            f"median save-to-page {figures['save_to_page_median_s']:.2f} s, max {max(waits):.2f} s "
            f"({figures['mode']}, {args.briefings} briefings)"
        )
        print(json.dumps(figures))
        return 0
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
