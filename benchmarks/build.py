"""Ten thousand briefings: how much does the briefings pipeline cost on top of plain MkDocs?

    .venv/bin/python benchmarks/build.py --briefings 1000 [--seed 0] [--keep DIR] [--profile FILE]

1. Takes a snapshot of build_tools/ (so that the in-process run and both builds run the same code
   even if the working tree changes meanwhile) and synthesises N valid briefings
   (benchmarks/synth.py) into a project `yaml/`: briefings/, seeds/, the repository's docs/ and
   its mkdocs.yml, so the `briefings` plugin is on.
2. Runs the pipeline in-process on that project through its public entry point
   (`build_tools.site.build_site`, which times load, validate and link), then times render (every
   page, `Page.markdown()` of each, the feeds), the detail pages' HTML (the plugin's fast path),
   the open data (`Site.data_files()`) and search (the Pagefind bundles). Any validation problem stops the run before anything is
   timed.
3. Writes the same pages as plain Markdown into a second project `markdown/`: the same
   mkdocs.yml without the plugin, plus what the plugin adds (its stylesheet, script and other
   generated files, its theme overrides as custom_dir, and `not_in_nav` for the detail pages).
4. Builds each project once, each in a fresh `python -m mkdocs build --strict -q` subprocess, and
   reports wall time, CPU time and peak memory (wait4 rusage of that very process), pages per
   second, the size of the output and of the search index, and whether both sites have the same
   files with the same sizes (besides the search index: the repository's mkdocs.yml has no search
   plugin, so only the YAML build, through the briefings plugin, has one).

The last line printed is one JSON object with every figure. `--keep DIR` leaves DIR/yaml and
DIR/markdown for anyone to re-time (with the working tree's code); without it everything is
written to a temporary folder that is removed at the end. `--profile FILE` also runs the YAML
build once more under cProfile (not timed) and prints the top ten functions by cumulative and by
own time.
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml_env_tag

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PLUGIN = "briefings"
#: the plugin's search bundles (Pagefind), which only the YAML build has
SEARCH_BUNDLES = "pagefind"


class BenchmarkError(Exception):
    pass


# -- the code under test ------------------------------------------------------------------------


def snapshot_code(destination: Path) -> Path:
    """A copy of build_tools/ (with its schemas and assets) that this process and both builds
    import, so that edits to the working tree during a long run cannot mix code versions."""
    shutil.copytree(
        REPO / "build_tools", destination / "build_tools", ignore=shutil.ignore_patterns("__pycache__")
    )
    return destination


def code_version() -> dict[str, Any]:
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args], cwd=REPO, capture_output=True, text=True, check=False, timeout=30
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    changes = git("status", "--porcelain", "--", "build_tools", "mkdocs.yml", "docs")
    return {
        "commit": git("rev-parse", "--short=12", "HEAD"),
        "dirty": bool(changes) if changes is not None else None,
    }


# -- stage timing -----------------------------------------------------------------------------


@dataclass
class Pipeline:
    stage_s: dict[str, float]  # load, validate, link, render (pages + markdown() of every page), data, search
    pages_s: float
    markdown_s: float
    html_s: float  # the plugin's HTML fast path for detail pages
    pages: dict[str, str]  # src_uri -> Markdown
    in_nav: set[str]  # generated pages the navigation may list
    other_files: dict[str, bytes]  # generated files that are not pages (assets, feeds, open data)
    config_additions: dict[str, Any] = field(default_factory=dict)

    @property
    def total_s(self) -> float:
        return sum(self.stage_s.values())

    @property
    def generator_s(self) -> float:
        """What the plugin does inside a build: every stage but Python-Markdown's, which the
        fast path replaces with the HTML of detail pages."""
        stages = self.stage_s
        return (
            stages["load"]
            + stages["validate"]
            + stages["link"]
            + self.pages_s
            + self.html_s
            + stages["data"]
            + stages["search"]
        )


def run_pipeline(root: Path, site_dir: Path) -> Pipeline:
    """The pipeline on `root`, in this process, through its public entry point (`site.build_site`),
    each stage timed; the search index is written to `site_dir`."""
    from mkdocs.config import load_config

    from build_tools.report import format_all
    from build_tools.search import write_search_bundles
    from build_tools.site import BuildOptions, build_site

    config = load_config(str(root / "mkdocs.yml"))
    if PLUGIN not in config.plugins:
        raise BenchmarkError(f"the repository's mkdocs.yml does not enable the {PLUGIN} plugin")
    additions = plugin_config_additions(config)
    options = BuildOptions(config.use_directory_urls, config.site_url or None, config.site_name)
    built = build_site(root, options)
    if built.problems:  # warnings too: the synthetic corpus must be clean
        raise BenchmarkError(
            f"the synthetic corpus has {len(built.problems)} problems:\n"
            + format_all(built.problems[:50], root)
        )
    site = built.site
    assert site is not None

    start = time.perf_counter()
    rendered = list(site.pages())
    pages_s = time.perf_counter() - start
    start = time.perf_counter()
    pages = {page.src_uri: page.markdown() for page in rendered}
    markdown_s = time.perf_counter() - start
    in_nav = site.section_pages()
    start = time.perf_counter()
    for page in rendered:
        if page.src_uri not in in_nav:
            page.html()
    html_s = time.perf_counter() - start
    start = time.perf_counter()
    other_files = {feed.path: feed.content.encode("utf-8") for feed in site.feeds()}
    other_files |= {asset.path: asset.content.encode("utf-8") for asset in site.assets()}
    feeds_s = time.perf_counter() - start
    start = time.perf_counter()
    other_files |= {file.path: file.content for file in site.data_files()}
    data_s = time.perf_counter() - start
    del rendered
    start = time.perf_counter()
    write_search_bundles((d for _, docs in site.search_documents() for d in docs), site_dir)
    search_s = time.perf_counter() - start
    return Pipeline(
        stage_s={
            "load": built.timings["load"],
            "validate": built.timings["validate"],
            "link": built.timings["link"],
            "render": pages_s + markdown_s + feeds_s,
            "data": data_s,
            "search": search_s,
        },
        pages_s=pages_s,
        markdown_s=markdown_s,
        html_s=html_s,
        pages=pages,
        in_nav=in_nav,
        other_files=other_files,
        config_additions=additions,
    )


def plugin_config_additions(config: Any) -> dict[str, Any]:
    """What the plugin's on_config adds to the site's configuration (stylesheets, scripts, theme
    folders, `extra` values such as the navigation's words in the other language), which the
    markdown project must have too."""
    plugin = config.plugins[PLUGIN]

    def snapshot() -> dict[str, list[str]]:
        return {
            "extra_css": [str(x) for x in config.extra_css],
            "extra_javascript": [str(x) for x in config.extra_javascript],
            "theme_dirs": [str(x) for x in config.theme.dirs],
        }

    before = snapshot()
    extra_before = dict(config.extra)
    config = plugin.on_config(config) or config
    after = snapshot()
    additions: dict[str, Any] = {key: [x for x in after[key] if x not in before[key]] for key in after}
    additions["extra"] = {k: v for k, v in config.extra.items() if extra_before.get(k) != v}
    return additions


# -- the two projects -------------------------------------------------------------------------


def prepare_yaml_project(root: Path) -> None:
    """The generated briefings plus the repository's own mkdocs.yml and docs/."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")


def not_in_nav_patterns(pages: set[str], in_nav: set[str]) -> str:
    """gitignore-style patterns: every folder of detail pages, except the pages the nav lists."""
    hidden = pages - in_nav
    patterns: list[str] = []
    for folder in sorted({posixpath.dirname(uri) for uri in hidden}):
        if not folder:
            patterns.extend(f"/{uri}" for uri in sorted(hidden) if "/" not in uri)
            continue
        patterns.append(f"/{folder}/*")
        patterns.extend(f"!/{uri}" for uri in sorted(in_nav) if posixpath.dirname(uri) == folder)
    return "\n".join(patterns) + "\n"


def markdown_config(pipeline: Pipeline, project: Path) -> dict:
    """The repository's mkdocs.yml without the plugin, plus what the plugin adds to a build."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    plugins = config.get("plugins", [])
    if isinstance(plugins, dict):
        config["plugins"] = {k: v for k, v in plugins.items() if k != PLUGIN}
    else:
        config["plugins"] = [p for p in plugins if p != PLUGIN and not (isinstance(p, dict) and PLUGIN in p)]
    for key in ("extra_css", "extra_javascript"):
        if pipeline.config_additions.get(key):
            config[key] = list(config.get(key, [])) + pipeline.config_additions[key]
    if pipeline.config_additions.get("extra"):
        config["extra"] = {**config.get("extra", {}), **pipeline.config_additions["extra"]}
    theme_dirs = pipeline.config_additions.get("theme_dirs", [])
    if theme_dirs:
        theme = config.setdefault("theme", {})
        if len(theme_dirs) > 1 or theme.get("custom_dir"):
            raise BenchmarkError(
                f"cannot reproduce the plugin's theme folders {theme_dirs} with one custom_dir"
            )
        shutil.copytree(theme_dirs[0], project / "overrides")
        theme["custom_dir"] = "overrides"
    existing = config.get("not_in_nav", "")
    config["not_in_nav"] = (existing.rstrip("\n") + "\n" if existing else "") + not_in_nav_patterns(
        set(pipeline.pages), pipeline.in_nav
    )
    return config


class _ConfigLoader(yaml.SafeLoader):
    """safe_load, plus MkDocs' `!ENV` tag (site_url), resolved now as MkDocs would resolve it."""


_ConfigLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)


class _BlockDumper(yaml.SafeDumper):
    """safe_dump, with multi-line text (the not_in_nav patterns) as a literal block."""


_BlockDumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
    ),
)


def prepare_markdown_project(root: Path, pipeline: Pipeline) -> None:
    docs = root / "docs"
    shutil.copytree(REPO / "docs", docs)
    files: list[tuple[str, bytes]] = [(uri, text.encode("utf-8")) for uri, text in pipeline.pages.items()]
    for src_uri, content in [*files, *pipeline.other_files.items()]:
        target = docs / src_uri
        if target.exists():
            raise BenchmarkError(f"docs/{src_uri} clashes with a generated file")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    header = f"# Generated by benchmarks/build.py: the repository's mkdocs.yml without the {PLUGIN} plugin\n"
    body = yaml.dump(
        markdown_config(pipeline, root), Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=120
    )
    (root / "mkdocs.yml").write_text(header + body, encoding="utf-8")


# -- builds -----------------------------------------------------------------------------------


@dataclass
class Build:
    wall_s: float
    cpu_s: float
    peak_mib: float  # the build process or any process it ran, whichever was largest
    process_peak_mib: float  # the build process alone (MkDocs, the plugin)
    child_peak_mib: float  # its largest child process (Pagefind), 0 without one
    site_bytes: int
    site_files: int
    html_files: int
    search_index_bytes: int
    listing: dict[str, int]  # relative path -> size, to check that both builds publish the same site


def build_command(project: Path, site: Path) -> list[str]:
    config = str(project / "mkdocs.yml")
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site)]


def build_env(code: Path | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(code), os.environ.get("PYTHONPATH")) if p)
    return env


#: Runs a command and writes its wall time and rusage as JSON. A child's ru_maxrss on Linux starts
#: from the RSS of the process that forked it (the pre-exec image counts), so the builds are
#: started from this small launcher rather than from the benchmark, which holds the whole corpus.
_LAUNCHER = """
import json, os, sys, time
report, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawn(command[0], command, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(report, "w") as out:
    json.dump({"wall": wall, "maxrss_kib": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime}, out)
sys.exit(os.waitstatus_to_exitcode(status))
"""

#: Runs `python -m mkdocs ...` and, when it exits, writes the peak RSS of this very process and
#: of its largest child (Pagefind runs as one): wait4 alone reports the larger of the two.
_MEASURED = """
import atexit, json, resource, runpy, sys
report = sys.argv[1]
sys.argv = ["mkdocs", *sys.argv[2:]]

def dump():
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(report, "w") as out:
        json.dump({"own_maxrss_kib": own, "children_maxrss_kib": children}, out)

atexit.register(dump)
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


def run_build(project: Path, site: Path, logs: Path, code: Path) -> Build:
    """One `mkdocs build --strict` in a fresh process: wall time, CPU time and peak RSS of exactly
    that process (measured by a small launcher, see _LAUNCHER)."""
    out_path, err_path = logs / f"{project.name}.stdout", logs / f"{project.name}.stderr"
    report = logs / f"{project.name}.rusage.json"
    own_report = logs / f"{project.name}.own-rusage.json"
    python, dash_m, mkdocs, *arguments = build_command(project, site)
    assert (dash_m, mkdocs) == ("-m", "mkdocs")
    measured = [python, "-c", _MEASURED, str(own_report), *arguments]
    command = [sys.executable, "-c", _LAUNCHER, str(report), *measured]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        done = subprocess.run(command, check=False, cwd=project, env=build_env(code), stdout=out, stderr=err)
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    if (
        done.returncode != 0
        or "WARNING" in stderr
        or "ERROR" in stderr
        or not report.is_file()
        or not own_report.is_file()
    ):
        raise BenchmarkError(
            f"mkdocs build of {project} failed (exit status {done.returncode}):\n{stderr[-4000:]}"
        )
    usage = json.loads(report.read_text(encoding="utf-8"))
    own_usage = json.loads(own_report.read_text(encoding="utf-8"))
    files = [p for p in site.rglob("*") if p.is_file()]
    sizes = {p: p.stat().st_size for p in files}
    pagefind = site / SEARCH_BUNDLES
    lunr = site / "search" / "search_index.json"  # Material's search, if mkdocs.yml enables it
    return Build(
        wall_s=usage["wall"],
        cpu_s=usage["cpu"],
        peak_mib=usage["maxrss_kib"] / 1024,  # KiB on Linux
        process_peak_mib=own_usage["own_maxrss_kib"] / 1024,
        child_peak_mib=own_usage["children_maxrss_kib"] / 1024,
        site_bytes=sum(sizes.values()),
        site_files=len(files),
        html_files=sum(1 for p in files if p.suffix == ".html"),
        search_index_bytes=sum(size for p, size in sizes.items() if p.is_relative_to(pagefind))
        + (lunr.stat().st_size if lunr.is_file() else 0),
        listing={p.relative_to(site).as_posix(): size for p, size in sizes.items()},
    )


_AROUND_TAGS = re.compile(rb"\s*([<>])\s*")
_SPACE = re.compile(rb"\s+")


def _comparable(path: Path) -> bytes:
    """A published file without white space next to `<` and `>` and with runs of it collapsed; the
    search index with its entries in a fixed order (the two builds add the pages in another order)."""
    data = path.read_bytes()
    if path.name == "search_index.json":
        index = json.loads(data)
        index["docs"] = sorted(index.get("docs", []), key=lambda doc: json.dumps(doc, sort_keys=True))
        data = json.dumps(index, sort_keys=True).encode("utf-8")
        data = data.replace(b"\\n", b" ")
    return _SPACE.sub(b" ", _AROUND_TAGS.sub(rb"\1", data))


#: the page's table of contents, and the skip link and the navigation's toggle for it that
#: Material adds when it has one
_TOC = re.compile(
    rb'<a href="#[^"]*" class="md-skip">.*?</a>|<nav class="md-nav md-nav--secondary".*?</nav>'
    rb'|<label class="md-nav__link md-nav__link--active" for="__toc">.*?</label>',
    re.DOTALL,
)


def content_differences(site_a: Path, site_b: Path, paths: list[str]) -> tuple[list[str], list[str]]:
    """Of `paths` (files whose presence or size differs), those that differ beyond white space, and
    of these the ones that differ only in the table of contents: the plugin lists the headings
    written as HTML blocks (in two languages), which plain MkDocs passes through unlisted."""
    different, toc_only = [], []
    for path in paths:
        a, b = site_a / path, site_b / path
        if not (a.is_file() and b.is_file()):
            different.append(path)
            continue
        comparable_a, comparable_b = _comparable(a), _comparable(b)
        if comparable_a != comparable_b:
            different.append(path)
            if _TOC.sub(b"", comparable_a) == _TOC.sub(b"", comparable_b):
                toc_only.append(path)
    return different, toc_only


#: frames of the command line around the build, left out of the profile summary
_LAUNCHER_FRAMES = ("runpy", "<string>", "click/core.py", "mkdocs/__main__.py", "cProfile.py")


def profile_build(project: Path, site: Path, output: Path, code: Path, top: int = 10) -> dict[str, list[str]]:
    """The YAML build once more under cProfile (in a subprocess): the `top` functions by
    cumulative and by own time, leaving out the launcher frames around mkdocs' build()."""
    command = build_command(project, site)
    command[1:3] = ["-m", "cProfile", "-o", str(output), "-m", "mkdocs"]
    done = subprocess.run(
        command, check=False, cwd=project, env=build_env(code), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BenchmarkError(f"profiled build failed:\n{done.stderr[-4000:]}")
    stats = pstats.Stats(str(output)).stats  # type: ignore[attr-defined]
    entries = [
        (where, row)
        for where, row in stats.items()
        if not any(frame in where[0] for frame in _LAUNCHER_FRAMES) and "builtins.exec" not in where[2]
    ]

    def describe(where, row) -> str:
        filename, line, function = where
        _, calls, own, cumulative, _ = row
        short = filename.replace(str(code) + "/", "").replace(str(REPO) + "/", "").split("site-packages/")[-1]
        return f"{cumulative:8.2f} s cum {own:7.2f} s own {calls:>9} calls  {short}:{line}({function})"

    return {
        order: [describe(w, r) for w, r in sorted(entries, key=lambda e: e[1][index], reverse=True)[:top]]
        for order, index in (("cumulative", 3), ("own", 2))
    }


# -- report -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--briefings", type=int, required=True, help="how many briefings to synthesise")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the synthetic corpus (default 0)")
    parser.add_argument("--keep", type=Path, help="leave the two projects in DIR/yaml and DIR/markdown")
    parser.add_argument(
        "--profile", type=Path, help="also profile the YAML build; cProfile stats to this file"
    )
    args = parser.parse_args(argv)
    if args.briefings < 1:
        parser.error("--briefings must be at least 1")

    if args.keep:
        work = args.keep.resolve()
        for name in ("yaml", "markdown"):
            if (work / name).exists() and any((work / name).iterdir()):
                parser.error(
                    f"{work / name} exists and is not empty; remove it or choose another --keep folder"
                )
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="briefings-bench-"))
    scratch = Path(tempfile.mkdtemp(prefix="briefings-bench-scratch-"))
    try:
        code = snapshot_code(scratch / "code")
        sys.path.insert(0, str(code))  # before anything imports build_tools
        sys.path.insert(1, str(HERE))
        return _run(args, work / "yaml", work / "markdown", scratch, code)
    except BenchmarkError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run(args, yaml_root: Path, markdown_root: Path, scratch: Path, code: Path) -> int:
    import synth

    n = args.briefings
    version = code_version()

    def say(text: str = "") -> None:
        print(text, flush=True)

    start = time.perf_counter()
    stats = synth.generate(yaml_root, n, args.seed)
    generate_s = time.perf_counter() - start
    prepare_yaml_project(yaml_root)
    say(
        f"synthesised {stats.briefings} briefings, {stats.actors} actors, {stats.stories} stories, "
        f"{stats.topics} topics, {stats.quotes} quotes ({stats.elided_quotes} elided, "
        f"{stats.occurrence_quotes} with occurrence), {stats.events} events in {generate_s:.2f} s "
        f"(seed {args.seed}; {stats.yaml_bytes / 2**20:.1f} MiB of YAML, {stats.article_bytes / 2**20:.1f} MiB of articles)"
    )
    say(
        f"actor skew: the most frequent actor is in {stats.top_actor_share:.0%} of the briefings, "
        f"{stats.actors_in_one_briefing} actors are in exactly one"
    )
    dirty = " with uncommitted changes" if version["dirty"] else ""
    say(f"code under test: build_tools of {version['commit'] or 'unknown commit'}{dirty} (snapshot)")

    pipeline = run_pipeline(
        yaml_root, scratch / "site-pipeline"
    )  # raises (so nothing is timed) if the corpus does not validate
    say(f"build_site: no problems in {yaml_root}")
    pipeline_peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    start = time.perf_counter()
    prepare_markdown_project(markdown_root, pipeline)
    write_markdown_s = time.perf_counter() - start
    docs_pages = sum(1 for _ in (REPO / "docs").rglob("*.md"))
    pages = len(pipeline.pages) + docs_pages

    logs = scratch / "logs"
    logs.mkdir()
    say(f"building {pages} pages twice (a fresh mkdocs process each) ...")
    loads = [os.getloadavg()[0]]  # other work on the machine skews wall times; CPU times less so
    yaml_build = run_build(yaml_root, scratch / "site-yaml", logs, code)
    say(f"  yaml     build: {yaml_build.wall_s:8.2f} s")
    loads.append(os.getloadavg()[0])
    markdown_build = run_build(markdown_root, scratch / "site-markdown", logs, code)
    say(f"  markdown build: {markdown_build.wall_s:8.2f} s")
    loads.append(os.getloadavg()[0])

    profile_rows: dict[str, list[str]] = {}
    if args.profile:
        say("profiling the yaml build (not timed) ...")
        profile_rows = profile_build(yaml_root, scratch / "site-profile", args.profile.resolve(), code)

    def pages_and_assets(listing: dict[str, int]) -> dict[str, int]:
        return {path: size for path, size in listing.items() if not path.startswith(SEARCH_BUNDLES + "/")}

    same_output = pages_and_assets(yaml_build.listing) == pages_and_assets(markdown_build.listing)
    paths = set(pages_and_assets(yaml_build.listing)) | set(pages_and_assets(markdown_build.listing))
    differing = sorted(p for p in paths if yaml_build.listing.get(p) != markdown_build.listing.get(p))
    different_content, toc_only = content_differences(
        scratch / "site-yaml", scratch / "site-markdown", differing
    )
    ratio = yaml_build.wall_s / markdown_build.wall_s
    total = pipeline.total_s
    stages = pipeline.stage_s
    largest = sorted(pipeline.pages.items(), key=lambda item: len(item[1]), reverse=True)[:3]
    markdown_bytes = sum(len(text.encode("utf-8")) for text in pipeline.pages.values())
    share = pipeline.generator_s / yaml_build.wall_s

    say()
    say(f"briefings: {n}   pages: {pages} ({len(pipeline.pages)} generated + {docs_pages} from docs/)")
    for label, build in (
        ("yaml build (plugin on):   ", yaml_build),
        ("markdown build (plain md):", markdown_build),
    ):
        say(
            f"{label} {build.wall_s:8.2f} s wall, {build.cpu_s:8.2f} s cpu, peak {build.peak_mib:7.1f} MiB, "
            f"{pages / build.wall_s:7.1f} pages/s"
        )
    say(
        f"peak memory of the yaml build: the MkDocs process {yaml_build.process_peak_mib:.1f} MiB, "
        f"its largest child (Pagefind, indexing one language) {yaml_build.child_peak_mib:.1f} MiB"
    )
    say(f"ratio yaml/markdown: {ratio:.2f}   difference: {yaml_build.wall_s - markdown_build.wall_s:.2f} s")
    say(
        f"pipeline stages, in-process on the same corpus ({total:.2f} s; peak RSS {pipeline_peak_mib:.1f} MiB):"
    )
    for name, seconds in stages.items():
        say(
            f"  {name:<14} {seconds:8.2f} s  {seconds / total:6.1%} of the stages  "
            f"{seconds / yaml_build.wall_s:6.1%} of the yaml build"
        )
    say(
        f"    render = pages {pipeline.pages_s:.2f} s + Page.markdown() {pipeline.markdown_s:.2f} s + feeds; "
        f"detail pages' HTML (the plugin's fast path) {pipeline.html_s:.2f} s"
    )
    say(
        f"generator share of the yaml build: {share:.0%} (load, validate, link, pages, their HTML, the "
        f"open data and the search index: {pipeline.generator_s:.2f} s of {yaml_build.wall_s:.2f} s;"
        " in the build the search index runs beside MkDocs' page writing, so this overstates it)"
    )
    say(
        f"generated Markdown: {markdown_bytes / 2**20:.1f} MiB; largest pages: "
        + ", ".join(f"{uri} ({len(text.encode('utf-8')) / 2**10:.0f} KiB)" for uri, text in largest)
    )
    say(
        f"synthesis (this script, not part of either build): {generate_s:.2f} s; "
        f"writing the markdown project: {write_markdown_s:.2f} s"
    )
    for label, build in (("yaml build):    ", yaml_build), ("markdown build):", markdown_build)):
        say(
            f"output ({label} {build.site_bytes / 2**20:8.1f} MiB in {build.site_files} files "
            f"({build.html_files} html); search index {build.search_index_bytes / 2**20:.1f} MiB"
        )
    say(
        f"search index (Pagefind, yaml build only: the markdown build's mkdocs.yml has no search): "
        f"built in {stages['search']:.2f} s in-process, {yaml_build.search_index_bytes / 2**20:.1f} MiB"
    )
    if same_output:
        say("besides the search index, both builds publish the same files with the same sizes")
    else:
        say(
            f"NOTE: besides the search index, {len(differing)} of {len(paths)} published files differ in presence or size between the "
            f"two builds, e.g. {', '.join(differing[:3])}; {len(different_content)} of them differ beyond "
            "white space next to tags"
            + (f": {', '.join(different_content[:5])}" if different_content else "")
            + (
                f"; {len(toc_only)} of these only in the table of contents (the plugin also lists the "
                "headings written as HTML blocks, plain MkDocs does not)"
                if toc_only
                else ""
            )
        )
    say(f"load average (1 min) before / between / after the builds: {', '.join(f'{x:.2f}' for x in loads)}")
    for order, rows in profile_rows.items():
        say(f"top {len(rows)} by {order} time, profiled yaml build (cProfile stats in {args.profile}):")
        for row in rows:
            say("  " + row)
    if args.keep:
        say(f"kept: {yaml_root} and {markdown_root}; re-time either (with the working tree's code) with")
        say(f"  NO_MKDOCS_2_WARNING=1 {' '.join(build_command(yaml_root, Path('/tmp/site')))}")

    def r(value: float | None, digits: int = 3) -> float | None:
        return None if value is None else round(value, digits)

    figures = {
        "briefings": n,
        "seed": args.seed,
        "commit": version["commit"],
        "dirty": version["dirty"],
        "pages": pages,
        "generated_pages": len(pipeline.pages),
        "actors": stats.actors,
        "stories": stats.stories,
        "topics": stats.topics,
        "quotes": stats.quotes,
        "events": stats.events,
        "generate_s": r(generate_s),
        "yaml_build_s": r(yaml_build.wall_s),
        "markdown_build_s": r(markdown_build.wall_s),
        "ratio": r(ratio),
        "yaml_cpu_s": r(yaml_build.cpu_s),
        "markdown_cpu_s": r(markdown_build.cpu_s),
        "peak_mib": r(yaml_build.peak_mib, 1),
        "markdown_peak_mib": r(markdown_build.peak_mib, 1),
        "build_process_peak_mib": r(yaml_build.process_peak_mib, 1),
        "search_indexer_peak_mib": r(yaml_build.child_peak_mib, 1),
        "pipeline_peak_mib": r(pipeline_peak_mib, 1),
        "yaml_pages_per_s": r(pages / yaml_build.wall_s, 1),
        "markdown_pages_per_s": r(pages / markdown_build.wall_s, 1),
        "load_s": r(stages["load"]),
        "validate_s": r(stages["validate"]),
        "link_s": r(stages["link"]),
        "render_s": r(stages["render"]),
        "data_s": r(stages["data"]),
        "search_s": r(stages["search"]),
        "pages_s": r(pipeline.pages_s),
        "markdown_s": r(pipeline.markdown_s),
        "html_s": r(pipeline.html_s),
        "pipeline_s": r(total),
        "stage_share": {name: round(seconds / total, 4) for name, seconds in stages.items()},
        "generator_share": round(share, 4),
        "site_bytes": yaml_build.site_bytes,
        "site_files": yaml_build.site_files,
        "search_index_bytes": yaml_build.search_index_bytes,
        "markdown_site_bytes": markdown_build.site_bytes,
        "markdown_site_files": markdown_build.site_files,
        "markdown_search_index_bytes": markdown_build.search_index_bytes,
        "same_output": same_output,
        "differing_files": len(differing),
        "differing_beyond_whitespace": len(different_content),
        "differing_only_in_toc": len(toc_only),
        "loadavg": [round(x, 2) for x in loads],
        "markdown_bytes": markdown_bytes,
        "largest_page_bytes": len(largest[0][1].encode("utf-8")) if largest else 0,
        "synth": asdict(stats),
    }
    say(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
