"""The story across outlets (issue 16), on the seed story with three held-out briefings from other
outlets (tests/fixtures/outlets/): which briefing carries which actors and statements, the same
statement grouped with each outlet's wording, what one outlet alone reported, who credits whom;
and the outlet pages."""

from __future__ import annotations

import html
import re

import pytest

from build_tools.compare import Comparison, compare_story
from build_tools.site import Site, build_site
from build_tools.statements import statement_groups

from .heldout import QUOTIDIEN, SEED_000, SEED_002, STORY, UNSIGNED, WIRE, heldout_repository


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = heldout_repository(tmp_path_factory.mktemp("heldout") / "repo")
    built = build_site(root)
    assert built.errors == () and built.site is not None, built.errors
    assert [p for p in built.problems if not p.is_error] == []  # every likely link is made
    return built.site


@pytest.fixture(scope="module")
def comparison(site: Site) -> Comparison:
    return compare_story(STORY, site.data.corpus, site.data.index)


def _page(site: Site, uri: str) -> str:
    return next(site.pages({uri})).html()[0]


def _text(fragment: str) -> str:
    """The words of a fragment as an English reader sees them: without the page's own words in
    Indonesian (the `bf-orig bf-ui` alternatives, which hold no other markup)."""
    english = re.sub(r'<span class="bf-alt bf-orig bf-ui" lang="id">[^<]*</span>', "", fragment)
    english = re.sub(r'<a class="headerlink"[^>]*>[^<]*</a>', "", english)
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", english)).split())
    return re.sub(r"\( | (?=[):,])", lambda m: m.group().strip(), words)


def test_the_columns_are_the_story_briefings_oldest_first(comparison: Comparison) -> None:
    assert comparison.briefings == (SEED_002, WIRE, SEED_000, QUOTIDIEN, UNSIGNED)
    assert comparison.outlets == ("islam-times", "example-wire", "informasiterpercaya-com",
                                  "le-quotidien-exemple", None)  # fmt: skip
    assert comparison.outlet_count == 5


def test_actor_rows_say_who_each_briefing_features_and_quotes(comparison: Comparison) -> None:
    rows = {row.actor: row.cells for row in comparison.actors}
    assert rows["emmanuel-macron"] == (2, 2, 2, 2, 1)  # quoted in every briefing
    assert rows["jens-stoltenberg"] == (None, 1, 4, 0, 1)  # featured, not quoted, by Le Quotidien
    assert rows["mao-ning"] == (1, None, None, None, None)  # only Islam Times
    assert comparison.actors[0].actor == "emmanuel-macron"  # the most widely carried first


def test_the_same_statement_is_grouped_across_outlets_and_languages(comparison: Comparison) -> None:
    shared = [s for s in comparison.statements if s.shared]
    assert [(s.speaker, s.briefings) for s in shared] == [
        ("emmanuel-macron", (WIRE, SEED_000, QUOTIDIEN, UNSIGNED)),
        ("emmanuel-macron", (WIRE, SEED_000, QUOTIDIEN)),
        ("jens-stoltenberg", (WIRE, SEED_000, UNSIGNED)),
    ]
    geography = {r.briefing: r.quote.text for r in shared[0].reports}
    assert geography == {
        WIRE: "Whatever people say, geography is stubborn,",
        SEED_000: "Apapun kata orang, geografi itu keras kepala,",
        QUOTIDIEN: "Quoi qu'on en dise, la géographie est têtue",
        UNSIGNED: "geografi itu keras kepala",
    }
    assert comparison.statements[: len(shared)] == tuple(shared)  # shared first, then one outlet's


def test_what_only_one_outlet_reported(comparison: Comparison) -> None:
    alone = {(s.briefings[0], s.reports[0].quote.id) for s in comparison.statements if not s.shared}
    assert (SEED_002, "no-bloc-confrontation") in alone and (SEED_000, "china-warheads-2035") in alone
    assert len(alone) == 8


def test_links_join_through_a_shared_quote(site: Site) -> None:
    groups = statement_groups(site.data.corpus.briefings)
    # Le Quotidien links to Example Wire, which links to the seed: all three are one statement
    assert groups[f"{QUOTIDIEN}#la-geographie-est-tetue"] == groups[f"{SEED_000}#geography-is-stubborn"]


def test_the_story_page_shows_which_outlet_carried_which_quote_and_actor(site: Site) -> None:
    body = _page(site, f"stories/{STORY}.md")
    tables = re.findall(r'<table class="bf-compare">.*?</table>', body)
    assert len(tables) == 2
    head = _text(re.search(r"<thead>.*?</thead>", tables[0]).group())
    outlets = ("Islam Times", "Example Wire", "informasiterpercaya.com", "Le Quotidien Exemple")
    for outlet in (*outlets, "Outlet not identified"):
        assert outlet in head
    macron = next(row for row in re.findall(r"<tr>.*?</tr>", tables[0]) if "Emmanuel Macron" in row)
    assert _text(macron).count("quoted 2 times") == 4 and "quoted once" in _text(macron)
    statements = _text(tables[1])
    assert statements.index("Reported by several briefings") < statements.index(
        "Reported by one briefing only"
    )
    assert f"../../briefings/{QUOTIDIEN}/#quote-la-geographie-est-tetue" in tables[1]


def test_each_outlet_wording_and_translation_side_by_side(site: Site) -> None:
    body = _page(site, f"stories/{STORY}.md")
    section = body[body.index('id="same-statement"') : body.index('id="credits"')]
    first = section[: section.index('<section class="bf-statement"', section.index("bf-statement") + 1)]
    cards = re.findall(r'<figure class="bf-quote bf-report">.*?</figure>', first)
    assert len(cards) == 4
    french = next(card for card in cards if 'lang="fr"' in card)
    assert "Quoi qu&#39;on en dise" in french and "Whatever people say" in french
    assert "Le Quotidien Exemple" in _text(french) and "French" in _text(french)


def test_who_credits_whom(site: Site) -> None:
    body = _page(site, f"stories/{STORY}.md")
    credits = _text(body[body.index('<ul class="bf-credits">') :].split("</ul>")[0])
    assert "Islam Times · June 2023 — credits Financial Times" in credits
    assert "Le Quotidien Exemple · 13 July 2023 — credits Agence France-Presse" in credits
    assert "Outlet not identified · 14 July 2023 — credits no agency or outlet" in credits


def test_outlet_pages_list_their_briefings_and_credits(site: Site) -> None:
    afp = _text(_page(site, "outlets/agence-france-presse.md"))
    assert "Credited by informasiterpercaya.com 1 briefing Le Quotidien Exemple 1 briefing" in afp
    wire = _page(site, "outlets/example-wire.md")
    assert f'href="../../briefings/{WIRE}/"' in wire
    assert "(Example Wire) -" in _text(wire)
    index = _text(_page(site, "outlets/index.md"))
    assert "News agencies" in index and "Outlet not identified" in index
    assert "Stoltenberg Tegaskan Kantor NATO di Tokyo Masih Dibahas" in index  # the unidentified one


def test_an_unidentified_outlet_is_shown_as_such(site: Site) -> None:
    text = _text(_page(site, f"briefings/{UNSIGNED}.md"))
    assert "Outlet not identified (the article does not say who published it)" in text


def test_seed_002_names_islam_times_and_how(site: Site) -> None:
    body = _page(site, f"briefings/{SEED_002}.md")
    assert "informasiterpercaya" not in _text(body[: body.index('id="summary"')])  # the byline
    assert "Islam Times (known by its signature: [IT/r])" in _text(body)


def test_a_long_story_is_compared_on_its_newest_briefings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Columns, rows and cards are bounded: the story page of a story of any length stays usable."""
    import sys

    from build_tools.compare import MAX_COLUMNS
    from build_tools.render.compare import MAX_ROWS

    from .conftest import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import synth
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    root = tmp_path_factory.mktemp("long")
    synth.generate(root, 120, seed=3)
    built = build_site(root)
    assert built.site is not None
    data = built.site.data
    story = max(data.index.by_story, key=lambda s: len(data.index.by_story[s]))
    thread = data.index.by_story[story]
    assert len(thread) > MAX_COLUMNS
    comparison = compare_story(story, data.corpus, data.index)
    assert comparison.briefings == thread[-MAX_COLUMNS:] and comparison.total == len(thread)
    assert comparison.numbers == tuple(range(len(thread) - MAX_COLUMNS + 1, len(thread) + 1))
    body = _page(built.site, f"stories/{story}.md")
    assert f"the {MAX_COLUMNS} newest of {len(thread)} briefings" in _text(body)
    for table in re.findall(r'<table class="bf-compare">.*?</table>', body):
        for group in re.findall(r"<tbody>.*?</tbody>", table):
            assert len(re.findall(r'<th scope="row">', group)) <= MAX_ROWS
