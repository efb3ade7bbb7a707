"""Command line: `briefings validate | ...`. The only place that knows about exit codes.

Exit status: 0 everything valid, 1 content errors (all of them printed), 2 usage errors.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from .check import check_repository
from .model import Problem
from .report import TextReport, format_github, format_text


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds a briefings/ folder."""
    for folder in (start, *start.parents):
        if (folder / "briefings").is_dir():
            return folder
    return None


def _selected(problems: Sequence[Problem], root: Path, paths: Sequence[Path]) -> list[Problem]:
    if not paths:
        return list(problems)
    return [p for p in problems if _under(root / p.path, paths)]


def _under(path: Path, selection: Sequence[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == s or s in resolved.parents for s in selection)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Repository root (default: the nearest folder with a briefings/ folder).",
)
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Annotated news briefings: check annotations and build the site."""
    ctx.obj = root


def _root(ctx: click.Context) -> Path:
    root = ctx.obj or find_root(Path.cwd())
    if root is None:
        raise click.UsageError("no briefings/ folder here or above; run inside the repository or pass --root")
    return Path(root).resolve()


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="github prints workflow commands that annotate the pull request's lines.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to keep what unchanged files answered (default: BRIEFINGS_CACHE_DIR, else ~/.cache/briefings).",
)
@click.option("--no-cache", is_flag=True, help="Read and check every file again, and keep nothing.")
@click.pass_context
def validate(
    ctx: click.Context, paths: tuple[Path, ...], output_format: str, cache_dir: Path | None, no_cache: bool
) -> None:
    """Check briefings, actors, stories and topics (default: everything under briefings/).

    Files that have not changed since the last run are not read again: their problems are kept in a
    cache outside the repository, keyed by their contents and this program's version."""
    root = _root(ctx)
    selection = [p.resolve() for p in paths]
    for path in selection:
        if path != root and root not in path.parents:
            raise click.BadParameter(f"{path} is outside the repository {root}", param_hint="PATH")
    result = check_repository(root, cache_dir, use_cache=not no_cache)
    problems = _selected(result.problems, root, selection)
    report = TextReport(root)
    for problem in problems:
        click.echo(format_github(problem) if output_format == "github" else report.format(problem))
    errors = [p for p in problems if p.is_error]
    if errors:
        files = len({p.path for p in errors})
        click.echo(f"{_count(len(errors), 'error', 'errors')} in {_count(files, 'file', 'files')}", err=True)
        ctx.exit(1)
    counts = result.counts
    click.echo(
        ", ".join(
            _count(counts[kind], one, many)
            for kind, one, many in (
                ("briefing", "briefing", "briefings"),
                ("actor", "actor", "actors"),
                ("outlet", "outlet", "outlets"),
                ("story", "story", "stories"),
            )
        )
        + ": OK"
    )


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


@main.command()
@click.option(
    "--markdown",
    "markdown_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Write every generated page as Markdown into this folder (new, or one written by this command).",
)
@click.pass_context
def build(ctx: click.Context, markdown_dir: Path) -> None:
    """Validate, then write the generated pages as plain Markdown (what the plugin feeds MkDocs)."""
    from .markdown_output import MarkdownOutputError, check_markdown_folder, write_markdown_site
    from .site import build_site

    root = _root(ctx)
    try:
        check_markdown_folder(markdown_dir)  # before validating: a bad folder is said at once
    except MarkdownOutputError as error:
        raise click.BadParameter(str(error), param_hint="--markdown") from None
    built = build_site(root)
    if built.site is None:
        report = TextReport(root)
        for problem in built.errors:
            click.echo(report.format(problem))
        ctx.exit(1)
        return
    try:
        count = write_markdown_site(
            markdown_dir, ((page.src_uri, page.markdown()) for page in built.site.pages())
        )
    except MarkdownOutputError as error:
        raise click.BadParameter(str(error), param_hint="--markdown") from None
    click.echo(f"{count} pages written to {markdown_dir}")


@main.command()
@click.argument("article", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--slug",
    help="File name of the new briefing, without .yml (default: made from the title candidate, unique).",
)
@click.option(
    "--published",
    metavar="DATE",
    help="Publication date YYYY, YYYY-MM or YYYY-MM-DD (default: the most precise date of the first paragraphs).",
)
@click.pass_context
def new(ctx: click.Context, article: str, slug: str | None, published: str | None) -> None:
    """Draft a briefing from an article in seeds/ (briefings/<slug>.yml, never over an existing file).

    The draft lists the article's quotes (with guessed speakers), dates (resolved against the
    publication date), language, title candidate and actors. Every value starting with TODO must be
    confirmed or replaced by a person; comments say where each guess comes from.
    """
    from .draft import DraftError, DraftUsageError, make_draft, write_draft

    root = _root(ctx)
    try:
        draft = make_draft(root, article, slug=slug, published=published, cwd=Path.cwd())
        write_draft(root, draft)
    except DraftUsageError as error:
        raise click.BadParameter(str(error), param_hint=error.param) from None
    except DraftError as error:
        click.echo(format_text(error.problem, root), err=True)
        ctx.exit(1)
    for warning in draft.warnings:
        click.echo(format_text(warning, root), err=True)
    click.echo(
        f"{draft.path}: draft with {len(draft.quotes)} quotes, {len(draft.dates)} dates and "
        f"{len(draft.actors)} actors; confirm or replace every TODO value, then run `briefings validate`"
    )


@main.group()
def actor() -> None:
    """Create actor files in briefings/actors/ (the commands a draft lists for its new actors)."""


@actor.command("new")
@click.argument("actor_id", metavar="ID")
@click.option("--name", required=True, help="The usual name (states: in English; the others as written).")
@click.option(
    "--kind", required=True, type=click.Choice(["person", "organization", "state"]), help="What it is."
)
@click.option(
    "--description-en", metavar="TEXT", help="Who or what it is, in English (default: a TODO to write)."
)
@click.option(
    "--alias", "aliases", multiple=True, metavar="NAME", help="Another name articles use; repeatable."
)
@click.pass_context
def actor_new(
    ctx: click.Context,
    actor_id: str,
    name: str,
    kind: str,
    description_en: str | None,
    aliases: tuple[str, ...],
) -> None:
    """Write briefings/actors/ID.yml (never over an existing file); its TODO values must be replaced."""
    from .draft import DraftError, DraftUsageError, write_actor

    root = _root(ctx)
    try:
        path = write_actor(
            root, actor_id, name=name, kind=kind, description_en=description_en, aliases=aliases
        )
    except DraftUsageError as error:
        raise click.BadParameter(str(error), param_hint=error.param) from None
    except DraftError as error:
        click.echo(format_text(error.problem, root), err=True)
        ctx.exit(1)
    todo = "; replace its TODO values" if description_en is None else ""
    click.echo(
        f"{path.relative_to(root).as_posix()}: actor {actor_id!r} written{todo}, then add its id to a briefing"
    )


@main.command()
@click.option(
    "--base",
    required=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A checkout of the branch the change is compared with.",
)
@click.pass_context
def diff(ctx: click.Context, base: Path) -> None:
    """What the repository changes from BASE, as Markdown (a pull request's job summary): the
    briefings, actors, stories and topics added, changed or removed, the quotes added with where
    they were found, and the pages of the site that change."""
    from .diff import repository_diff, summary_markdown

    click.echo(summary_markdown(repository_diff(base.resolve(), _root(ctx))), nl=False)


def run(argv: Sequence[str] | None = None) -> int:
    """Entry point usable from tests: returns the exit status instead of exiting."""
    try:
        status = main.main(
            args=list(argv) if argv is not None else None, prog_name="briefings", standalone_mode=False
        )
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Abort:
        return 1
    return status if isinstance(status, int) else 0


def entry_point() -> None:
    sys.exit(run())
