"""Lighthouse on the seed site, as a reader on a phone gets it: the four category scores of the home
page, a briefing and the search page.

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--no-compress] [--keep DIR]

Builds the seed site with `mkdocs build --strict` for the address it is then served at (a free
port on 127.0.0.1, given to the build as its `site_url`, so that canonical links, feeds and
structured data are those of a published build), serves it there and runs Lighthouse (npm
`lighthouse`, from `npm ci`) in Debian's Chromium, headless, with Lighthouse's default mobile
preset (simulated slow 4G and a 4x slower CPU). The server compresses text with gzip as GitHub
Pages does (`--no-compress` serves it raw, as `python -m http.server` would). Nothing is fetched
from any other host: the site asks for nothing elsewhere (the browser tests check it) and
Chromium's own background requests are off. Each page is measured `--runs` times and the median
of each score is printed; the last line is one JSON object with every run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path(os.environ.get("BRIEFINGS_CHROMIUM", "/usr/bin/chromium"))
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "",
    "briefing": "briefings/macron-opposes-nato-office-in-japan/",
    "search": "search/",
}
#: what GitHub Pages compresses; everything else is served as it is
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _Handler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it and `compress` is on."""

    compress = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """What `send_head` returns: a file-like object `copyfile` reads the body from."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        chunk, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return chunk

    def close(self) -> None:
        self.data = b""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build(site: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFINGS_SITE_URL": site_url}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"the build failed:\n{done.stderr}")


def serve(site: Path, port: int, compress: bool) -> ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"compress": compress})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse(url: str, out: Path) -> dict[str, int]:
    """One Lighthouse run (mobile preset): the four category scores, 0-100."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=300)
    if done.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        sys.exit(f"lighthouse could not load {url}: {report['runtimeError']}")
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def failing_audits(out: Path) -> list[str]:
    """The audits that lost points, by category, for the report of the last run."""
    report = json.loads(out.read_text(encoding="utf-8"))
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(
                    f"{name}: {ref['id']} {audit['score']:.2f} {audit.get('displayValue', '')}".rstrip()
                )
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (the median is printed)")
    parser.add_argument("--no-compress", action="store_true", help="serve files without gzip")
    parser.add_argument("--keep", type=Path, help="keep the site and the JSON reports in this folder")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        sys.exit(f"{LIGHTHOUSE} not found: run `npm ci`")
    if not CHROMIUM.is_file():
        sys.exit(f"{CHROMIUM} not found: `apt-get install chromium`, or name another in BRIEFINGS_CHROMIUM")
    work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    try:
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        build(work / "site", base)
        server = serve(work / "site", port, not args.no_compress)
        runs: dict[str, list[dict[str, int]]] = {}
        try:
            for name, path in PAGES.items():
                runs[name] = [lighthouse(base + path, work / f"{name}-{n}.json") for n in range(args.runs)]
                medians = {c: statistics.median(run[c] for run in runs[name]) for c in CATEGORIES}
                print(f"{name:9} " + "  ".join(f"{c} {medians[c]:g}" for c in CATEGORIES), flush=True)
                for line in failing_audits(work / f"{name}-{args.runs - 1}.json"):
                    print(f"          {line}")
        finally:
            server.shutdown()
            server.server_close()
        print(json.dumps({"compressed": not args.no_compress, "runs": runs}))
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
