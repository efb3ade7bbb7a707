"""Citations: BibTeX and CSL-JSON built from a briefing, each escaped for its own format."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess

import pytest

from build_tools.model import Briefing, PartialDate, Source
from build_tools.render import cite
from build_tools.validate import validate_repository

from .conftest import REPO

PAYLOAD = r"50% of {NATO} & co_op #1 $5 ^ ~ \end{document} }{ @misc{x,"


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return validate_repository(REPO).corpus.briefings["macron-opposes-nato-office-in-japan"]


def test_bibtex_entry_of_a_seed_briefing(briefing: Briefing) -> None:
    assert cite.bibtex(briefing, None, "informasiterpercaya.com", ("Agence France-Presse",)) == (
        "@online{macron-opposes-nato-office-in-japan,\n"
        "  title = {{Macron Menentang Kantor Penghubung NATO di Jepang}},\n"
        "  author = {{Agence France-Presse}},\n"
        "  organization = {informasiterpercaya.com},\n"
        "  date = {2023-07-13},\n"
        "  year = {2023},\n"
        "  langid = {indonesian},\n"
        "  note = {English title: Macron Opposes a NATO Liaison Office in Japan},\n"
        "}\n"
    )


PAGE = "https://example.org/briefings/macron-opposes-nato-office-in-japan/"
SOURCE = "https://example.com/news/2023/07/13/macron?id=1"


def test_the_briefing_page_is_the_url_when_the_site_address_is_known(briefing: Briefing) -> None:
    assert f"  url = {{{PAGE}}},\n" in cite.bibtex(briefing, PAGE)
    item = json.loads(cite.csl_json(briefing, PAGE))[0]
    assert item["URL"] == PAGE and "Original article" not in item["note"]


def test_the_outlets_address_goes_into_the_note_beside_the_page(briefing: Briefing) -> None:
    sourced = dataclasses.replace(briefing, source=dataclasses.replace(briefing.source, url=SOURCE))
    entry = cite.bibtex(sourced, PAGE)
    assert f"  url = {{{PAGE}}},\n" in entry
    assert r"Original article: https://example.com/news/2023/07/13/macron?id=1}," in entry
    item = json.loads(cite.csl_json(sourced, PAGE))[0]
    assert item["URL"] == PAGE and item["note"].endswith(f"Original article: {SOURCE}")
    local = json.loads(cite.csl_json(sourced))[0]  # a local build has no address of its own
    assert local["URL"] == SOURCE and "Original article" not in local["note"]


def _apa(*items: str) -> list[str]:
    """APA references of CSL-JSON citations, by citeproc-js (tests/citeproc_apa.cjs)."""
    found = shutil.which("node")
    assert found, "node not found: the citation test runs citeproc-js (npm ci installs it)"
    request = json.dumps([json.loads(item)[0] for item in items])
    done = subprocess.run(
        [found, str(REPO / "tests" / "citeproc_apa.cjs")], input=request, capture_output=True,
        text=True, cwd=REPO, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_apa_references_carry_the_briefings_address(briefing: Briefing) -> None:
    """APA prints the URL and drops the note: the page's address must be the URL."""
    sourced = dataclasses.replace(briefing, source=dataclasses.replace(briefing.source, url=SOURCE))
    partial = dataclasses.replace(briefing, published=PartialDate(2023, 7))
    names = ("informasiterpercaya.com", ("Agence France-Presse",))
    citations = (cite.csl_json(briefing, PAGE, *names), cite.csl_json(sourced, None, *names),
                 cite.csl_json(partial, PAGE, *names))  # fmt: skip
    assert _apa(*citations) == [
        f"Agence France-Presse. (2023, July 13). Macron Menentang Kantor Penghubung NATO di Jepang. informasiterpercaya.com. {PAGE}",
        f"Agence France-Presse. (2023, July 13). Macron Menentang Kantor Penghubung NATO di Jepang. informasiterpercaya.com. {SOURCE}",
        f"Agence France-Presse. (2023, July). Macron Menentang Kantor Penghubung NATO di Jepang. informasiterpercaya.com. {PAGE}",
    ]


def test_an_unidentified_outlet_is_not_cited_as_the_publisher(briefing: Briefing) -> None:
    assert "organization" not in cite.bibtex(briefing)
    assert "container-title" not in json.loads(cite.csl_json(briefing))[0]


def _braces_balance(text: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", text):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def test_bibtex_escapes_every_special_character(briefing: Briefing) -> None:
    hostile = dataclasses.replace(
        briefing,
        title=PAYLOAD,
        source=Source(outlet="x", url="https://example.org/a b/{x}\\y?q=1%2C&r=#frag"),
    )
    entry = cite.bibtex(hostile, None, PAYLOAD, (PAYLOAD, "AFP"))
    assert _braces_balance(entry)
    assert entry.count("\n@") == 0 and entry.startswith("@online{macron-opposes-nato-office-in-japan,\n")
    escaped = r"50\% of \{NATO\} \& co\_op \#1 \$5 \textasciicircum{} \textasciitilde{} \textbackslash{}end\{document\} \}\{ @misc\{x,"
    assert f"  title = {{{{{escaped}}}}},\n" in entry
    assert f"  author = {{{{{escaped}}} and {{AFP}}}},\n" in entry
    assert f"  organization = {{{escaped}}},\n" in entry
    assert "  url = {https://example.org/a%20b/%7Bx%7D%5Cy?q=1%2C&r=#frag},\n" in entry


def test_bibtex_keeps_partial_dates_partial(briefing: Briefing) -> None:
    entry = cite.bibtex(dataclasses.replace(briefing, published=PartialDate(2023, 7)))
    assert "  date = {2023-07},\n" in entry
    item = json.loads(cite.csl_json(dataclasses.replace(briefing, published=PartialDate(2023))))[0]
    assert item["issued"] == {"date-parts": [[2023]]}


def test_csl_json_round_trips_hostile_text(briefing: Briefing) -> None:
    text = PAYLOAD + ' "quoted" \\ \u2028 </script>\n'
    hostile = dataclasses.replace(briefing, title=text, source=Source(outlet=None))
    item = json.loads(cite.csl_json(hostile, None, text, (text,)))[0]
    assert item["title"] == item["container-title"] == text
    assert item["author"] == [{"literal": text}]
    assert "URL" not in item


def test_the_page_shows_citations_through_the_escaping_path(briefing: Briefing) -> None:
    from .site_helpers import site_of

    corpus = validate_repository(REPO).corpus
    hostile = dataclasses.replace(briefing, title=PAYLOAD + "<script>alert(1)</script>")
    corpus = dataclasses.replace(corpus, briefings={**corpus.briefings, briefing.slug: hostile})
    only = {f"briefings/{briefing.slug}.md"}
    body = next(site_of(corpus).pages(only)).html()[0]
    cite_block = body[body.index('<details class="bf-cite">') :]
    cite_block = cite_block[: cite_block.index("</details>")]
    assert "<script" not in cite_block and "{" not in cite_block.split("<code>", 1)[1]
