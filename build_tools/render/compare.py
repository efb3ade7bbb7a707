"""The story across outlets, drawn (`compare.Comparison`): two tables at a glance (actors and
statements, one column a briefing, numbered as in the coverage list), each statement that several
briefings report with every outlet's wording and translation side by side, and who credits whom.

Tables scroll inside their own focusable region on a narrow screen, so the page never grows wider
than it; each cell says in words (for screen readers) what its symbol shows.
"""

from __future__ import annotations

from ..compare import ActorRow, Comparison, Statement
from ..model import Corpus, Quote
from . import html, urls
from .components import actor_link, display_quote, outlet_link, quote_texts, time_tag
from .i18n import alternatives, language_html
from .page import Context, Page

#: the longest statement shown in a table row, per language (the cards below show it whole)
ROW_TEXT = 90
#: the most rows of each group of a table, and the most statements shown outlet by outlet: the
#: rest are counted (a story page stays readable, and its size bounded, at any size of story)
MAX_ROWS = 30
MAX_STATEMENTS = 20
#: what a cell shows: not there, featured, quoted (with the number of quotes), reported
ABSENT, FEATURED, QUOTED, REPORTED = "\u2013", "\u25cf", "\u201c", "\u2713"


def add_comparison(page: Page, comparison: Comparison, corpus: Corpus, ctx: Context) -> None:
    """The three sections of the comparison, after the story's coverage list."""
    shared = [s for s in comparison.statements if s.shared]
    page.section("compare", ctx.words("compare"))
    counts = (
        ctx.words("briefings-count", n=len(comparison.briefings)),
        ctx.words("outlets-count", n=comparison.outlet_count),
        ctx.words("statements-count", n=len(comparison.statements)),
        ctx.words("shared-count", n=len(shared)),
    )
    if comparison.total > len(comparison.briefings):
        counts = (
            ctx.words("compared-newest", n=len(comparison.briefings), total=comparison.total),
            *counts[1:],
        )
    page.add(f'<p class="bf-list-note">{" · ".join(counts)}</p>')
    page.add(_actor_table(comparison, corpus, ctx))
    legend = (
        f"{FEATURED} {ctx.words('featured')} \u00b7 {QUOTED}2 {ctx.words('quoted-n', n=2)} \u00b7 "
        f"{ABSENT} {ctx.words('not-featured')}"
    )
    page.add(f'<p class="bf-legend">{legend}</p>')
    page.add(_statement_table(comparison, corpus, ctx))
    page.section("same-statement", ctx.words("same-statement"))
    page.add(_shared_statements(shared, corpus, ctx))
    page.section("credits", ctx.words("who-credits-whom"))
    page.add(_credits(comparison, corpus, ctx))


def column_number(number: int) -> str:
    """The badge that numbers a briefing in the coverage list and heads its column."""
    return f'<span class="bf-column" aria-hidden="true">{number}</span>'


def _head(comparison: Comparison, corpus: Corpus, first: str, ctx: Context) -> str:
    cells = [f'<th scope="col">{first}</th>']
    for number, slug in zip(comparison.numbers, comparison.briefings, strict=True):
        briefing = corpus.briefings[slug]
        outlet = _outlet_words(briefing.source.outlet, corpus, ctx)
        cells.append(
            f'<th scope="col">{column_number(number)}<span class="bf-visually-hidden">'
            f"{ctx.words('column', n=number)}: </span>"
            f'<span class="bf-column-label">{outlet}</span><span class="bf-visually-hidden">, '
            f"{time_tag(briefing.published, ctx)}</span></th>"
        )
    return f"<thead><tr>{''.join(cells)}</tr></thead>"


def _outlet_words(outlet_id: str | None, corpus: Corpus, ctx: Context) -> str:
    if outlet_id is None:
        return ctx.words("outlet-unidentified")
    outlet = corpus.outlets.get(outlet_id)
    return html.text(outlet.name if outlet else outlet_id)


def _table(key: str, head: str, groups: list[tuple[str, list[str]]], columns: int, ctx: Context) -> str:
    """A table in a region that scrolls sideways on its own (named by its caption); each group a
    tbody with a title row."""
    bodies = "".join(
        f'<tbody><tr class="bf-group"><th scope="colgroup" colspan="{columns + 1}">{title}</th></tr>'
        f"{''.join(rows[:MAX_ROWS])}{_more_row(len(rows) - MAX_ROWS, columns, ctx)}</tbody>"
        for title, rows in groups
        if rows
    )
    return (
        f'<div class="bf-scroll" role="region" tabindex="0" aria-labelledby="{key}">'
        f'<table class="bf-compare"><caption id="{key}">{ctx.words(key)}</caption>{head}{bodies}</table></div>'
    )


def _more_row(hidden: int, columns: int, ctx: Context) -> str:
    if hidden <= 0:
        return ""
    return (
        f'<tr class="bf-more-rows"><td colspan="{columns + 1}">{ctx.words("and-n-more", n=hidden)}</td></tr>'
    )


def _actor_table(comparison: Comparison, corpus: Corpus, ctx: Context) -> str:
    rows = {True: [], False: []}  # type: dict[bool, list[str]]
    for row in comparison.actors:
        rows[row.carried_by > 1].append(_actor_row(row, corpus, ctx))
    head = _head(comparison, corpus, ctx.words("actor-column"), ctx)
    groups = [(ctx.words("in-several"), rows[True]), (ctx.words("in-one"), rows[False])]
    return _table("actors-by-briefing", head, groups, len(comparison.briefings), ctx)


def _actor_row(row: ActorRow, corpus: Corpus, ctx: Context) -> str:
    cells = [f'<th scope="row">{actor_link(row.actor, corpus, ctx)}</th>']
    for cell in row.cells:
        if cell is None:
            cells.append(f'<td class="bf-absent">{_mark(ABSENT, ctx.words("not-featured"))}</td>')
        elif cell == 0:
            cells.append(f'<td class="bf-present">{_mark(FEATURED, ctx.words("featured"))}</td>')
        else:
            symbol = f"{QUOTED}{cell}"
            cells.append(
                f'<td class="bf-present bf-quoted">{_mark(symbol, ctx.words("quoted-n", n=cell))}</td>'
            )
    return f"<tr>{''.join(cells)}</tr>"


def _mark(symbol: str, words: str) -> str:
    return (
        f'<span aria-hidden="true">{html.text(symbol)}</span><span class="bf-visually-hidden">{words}</span>'
    )


def _statement_table(comparison: Comparison, corpus: Corpus, ctx: Context) -> str:
    rows = {True: [], False: []}  # type: dict[bool, list[str]]
    for statement in comparison.statements:
        rows[statement.shared].append(_statement_row(statement, comparison, corpus, ctx))
    head = _head(comparison, corpus, ctx.words("statement-column"), ctx)
    groups = [(ctx.words("in-several"), rows[True]), (ctx.words("in-one"), rows[False])]
    return _table("statements-by-briefing", head, groups, len(comparison.briefings), ctx)


def _statement_row(statement: Statement, comparison: Comparison, corpus: Corpus, ctx: Context) -> str:
    # the wording of a briefing in the page's original language, if one reports it, and its translation
    first = next(
        (r for r in statement.reports if corpus.briefings[r.briefing].language == ctx.original),
        statement.reports[0],
    )
    texts = {
        code: html.clip(display_quote(text), ROW_TEXT) for code, text in first.quote.translations.items()
    }
    language = corpus.briefings[first.briefing].language
    texts[language] = html.clip(display_quote(first.quote.text), ROW_TEXT)
    label = f"{_speaker(statement, corpus, ctx)}: <q>{alternatives(texts, original=language)}</q>"
    cells = [f'<th scope="row">{label}</th>']
    for slug in comparison.briefings:
        report = next((r for r in statement.reports if r.briefing == slug), None)
        if report is None:
            cells.append(f'<td class="bf-absent">{_mark(ABSENT, ctx.words("not-reported"))}</td>')
        else:
            link = ctx.link(
                urls.briefing(slug),
                _mark(REPORTED, ctx.words("reported")),
                f"quote-{report.quote.id}",
                "bf-cell-link",
            )
            cells.append(f'<td class="bf-present">{link}</td>')
    return f"<tr>{''.join(cells)}</tr>"


def _speaker(statement: Statement, corpus: Corpus, ctx: Context) -> str:
    if statement.speaker:
        return actor_link(statement.speaker, corpus, ctx)
    return f'<span class="bf-attribution">{html.text(statement.attribution or "")}</span>'


def _shared_statements(shared: list[Statement], corpus: Corpus, ctx: Context) -> str:
    if not shared:
        return f'<p class="bf-empty">{ctx.words("no-shared-statements")}</p>'
    figures = []
    for statement in shared[:MAX_STATEMENTS]:
        cards = "".join(_report_card(r.briefing, r.quote, corpus, ctx) for r in statement.reports)
        figures.append(
            f'<section class="bf-statement"><p class="bf-statement-who">{_speaker(statement, corpus, ctx)} '
            f'<span class="bf-meta">{ctx.words("reported-by", n=len(statement.briefings))}</span></p>'
            f'<div class="bf-reports">{cards}</div></section>'
        )
    if len(shared) > MAX_STATEMENTS:
        figures.append(f'<p class="bf-more">{ctx.words("and-n-more", n=len(shared) - MAX_STATEMENTS)}</p>')
    return "".join(figures)


def _report_card(slug: str, quote: Quote, corpus: Corpus, ctx: Context) -> str:
    briefing = corpus.briefings[slug]
    meta = (
        f"{outlet_link(briefing.source.outlet, corpus, ctx)} \u00b7 {time_tag(briefing.published, ctx)} "
        f"\u00b7 {language_html(briefing.language, ctx.ui)}"
    )
    link = ctx.link(urls.briefing(slug), ctx.words("in-article"), f"text-{quote.id}", "bf-in-article")
    return (
        f'<figure class="bf-quote bf-report">{quote_texts(quote, briefing.language, ctx)}'
        f"<figcaption>{meta} \u00b7 {link}</figcaption></figure>"
    )


def _credits(comparison: Comparison, corpus: Corpus, ctx: Context) -> str:
    items = []
    for number, slug, credits in zip(
        comparison.numbers, comparison.briefings, comparison.credits, strict=True
    ):
        briefing = corpus.briefings[slug]
        who = f"{column_number(number)} {outlet_link(briefing.source.outlet, corpus, ctx)} \u00b7 {time_tag(briefing.published, ctx)}"
        if credits:
            credited = ", ".join(outlet_link(c, corpus, ctx) for c in credits)
            items.append(f"<li>{who} \u2014 {ctx.words('credits-verb')} {credited}</li>")
        else:
            items.append(f"<li>{who} \u2014 {ctx.words('credits-nobody')}</li>")
    return f'<ul class="bf-credits">{"".join(items)}</ul>'
