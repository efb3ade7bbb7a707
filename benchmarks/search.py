"""Search at scale: how many bytes does a reader download for a query on an N-briefing site?

    .venv/bin/python benchmarks/search.py --briefings 10000 [--project DIR]

Builds the search bundles of N synthetic briefings (benchmarks/synth.py; or of an existing
project, e.g. one kept by `build.py --keep`) exactly as the plugin does, puts them into the seed
site (built with MkDocs, for its search page and assets), serves that on a loopback port and runs
typical queries in Debian's Chromium through Playwright: words of briefing titles in Indonesian,
words of English summaries, actor names and two-word phrases, all taken from the corpus. For each
query it records the bytes the browser fetched (response bodies, as served, uncompressed), by part
of the index (word index chunks, result fragments, filters, index metadata, runtime), and the
number of results. The first query also loads each language's Pagefind runtime (WebAssembly) and
index metadata; the others reuse them, as a reader's next query does. The last line is one JSON
object with every figure.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CHROMIUM = Path(os.environ.get("BRIEFINGS_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def typical_queries(corpus, count: int, seed: int) -> list[tuple[str, str]]:
    """(query, kind) pairs drawn from the corpus: what a reader of it would type."""
    rng = random.Random(seed)
    briefings = sorted(corpus.briefings.values(), key=lambda b: b.slug)
    actors = sorted(corpus.actors.values(), key=lambda a: a.id)

    def word(text: str) -> str:
        words = [w.strip(".,;:!?\"'()") for w in text.split()]
        return rng.choice([w for w in words if len(w) > 4] or words)

    queries = []
    for number in range(count):
        briefing = rng.choice(briefings)
        kind = ("title word (original)", "summary word (English)", "actor name", "phrase (original)")[
            number % 4
        ]
        if number % 4 == 0:
            queries.append((word(briefing.title), kind))
        elif number % 4 == 1:
            queries.append((word(briefing.summary.get("en", briefing.title)), kind))
        elif number % 4 == 2:
            queries.append((rng.choice(actors).name, kind))
        else:
            words = briefing.title.split()
            start = rng.randrange(max(1, len(words) - 1))
            queries.append((" ".join(words[start : start + 2]), kind))
    return queries


#: what a request fetches, by the folder or name of Pagefind's file
PARTS = (("index", "/index/"), ("fragment", "/fragment/"), ("filter", "/filter/"), ("meta", ".pf_meta"),
         ("runtime", "wasm."), ("runtime", "pagefind"))  # fmt: skip


def by_part(fetched: list[tuple[str, int]]) -> dict[str, int]:
    """Bytes fetched by part of the index: word index chunks, result fragments, filters, the index
    metadata (a list of every document), the runtime (Pagefind's script and WebAssembly), other."""
    parts: dict[str, int] = {}
    for url, size in fetched:
        if size < 0:  # no body (Playwright reports -1 and the like)
            continue
        part = next((name for name, marker in PARTS if marker in url), "other")
        parts[part] = parts.get(part, 0) + size
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--briefings", type=int, default=1000)
    parser.add_argument(
        "--project", type=Path, help="an existing project (briefings/, seeds/) instead of a synthetic one"
    )
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    sys.path.insert(1, str(HERE))
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    from build_tools.search import write_search_bundles
    from build_tools.site import build_site

    work = Path(tempfile.mkdtemp(prefix="briefings-search-"))
    try:
        project = args.project
        if project is None:
            import synth

            project = work / "project"
            synth.generate(project, args.briefings, args.seed)
        site = work / "site"
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
            check=False, cwd=REPO, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        start = time.perf_counter()
        built = build_site(project)
        if built.site is None:
            print(f"{len(built.errors)} problems in {project}", file=sys.stderr)
            return 1
        documents = built.site.search_documents()
        bundles = write_search_bundles((d for _, docs in documents for d in docs), site)
        built_s = time.perf_counter() - start
        corpus = built.site.data.corpus
        briefings = len(corpus.briefings)
        print(
            f"{briefings} briefings: {bundles.documents} search documents in {', '.join(bundles.languages)}, "
            f"{bundles.bytes / 2**20:.1f} MiB of bundles (validate, link and index: {built_s:.1f} s)",
            flush=True,
        )
        queries = typical_queries(corpus, args.queries, args.seed)

        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
            page = browser.new_page()
            fetched: list[tuple[str, int]] = []
            page.on("requestfinished", lambda r: fetched.append((r.url, r.sizes()["responseBodySize"])))
            page.on("pageerror", lambda error: print(f"  page error: {error}", file=sys.stderr))
            page.on(
                "console",
                lambda m: print(f"  console: {m.text}", file=sys.stderr) if m.type == "warning" else None,
            )
            page.goto(base + "search/")
            page.wait_for_selector("form.bf-search[data-bf-ready]", timeout=120_000)
            page.wait_for_load_state("networkidle")  # what the page fetches by itself before a query
            page_load = sum(size for _, size in fetched)
            for query, kind in queries:
                fetched.clear()
                page.fill("#bf-query", query)
                page.press("#bf-query", "Enter")
                try:
                    page.wait_for_function(
                        "() => /result|No results/.test(document.querySelector('.bf-search-status').textContent)",
                        timeout=120_000,
                    )
                except PlaywrightTimeout:
                    status = page.text_content(".bf-search-status")
                    raise SystemExit(
                        f"query {query!r} gave no answer in 120 s; the page says {status!r}"
                    ) from None
                shown = page.locator(".bf-search-result").count()
                parts = by_part(fetched)
                total = sum(parts.values())
                rows.append(
                    {"query": query, "kind": kind, "bytes": total, "parts": parts, "results_shown": shown}
                )
                detail = ", ".join(f"{name} {size:,}" for name, size in parts.items())
                print(
                    f"  {total:>9,} B  {shown:>2} results shown  {kind:<24} {query!r:34} ({detail})",
                    flush=True,
                )
            browser.close()
        server.shutdown()
        sizes = [row["bytes"] for row in rows]
        later = sizes[1:] or sizes
        figures = {
            "briefings": briefings,
            "documents": bundles.documents,
            "bundle_bytes": bundles.bytes,
            "search_page_load_bytes": page_load,
            "first_query_bytes": sizes[0],
            "query_bytes_median": int(statistics.median(later)),
            "query_bytes_max": max(later),
            "queries_with_results": sum(1 for row in rows if row["results_shown"]),
            "queries": rows,
        }
        print(
            f"search page with the index loaded: {page_load:,} B; first query {sizes[0]:,} B; "
            f"later queries median {figures['query_bytes_median']:,} B, max {figures['query_bytes_max']:,} B; "
            f"{figures['queries_with_results']}/{len(rows)} queries with results"
        )
        print(json.dumps(figures))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
