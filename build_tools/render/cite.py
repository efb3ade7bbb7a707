"""Citations of a briefing's article as reported, in BibTeX (biblatex `@online`) and CSL-JSON.

Both are plain text built from the briefing's data, each escaped for its own format here (BibTeX's
special characters, JSON's string escapes); the page then shows them through `html.text` like any
other contributor text.

What is cited is the article as the briefing page presents it (original, translation and notes):
when the site's address is known, the page's address is the citation's URL (BibTeX `url`, CSL
`URL`, which every style prints, APA included), and the outlet's own address, where known, goes
into the note; a local build, which has no address of its own, cites the outlet's address.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from ..model import Briefing
from .labels import ENGLISH, language_name

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_BIBTEX_TABLE = str.maketrans(_BIBTEX_SPECIAL)
#: characters kept as they are in a URL field (the rest is percent-encoded: braces, backslash, space)
_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


def bibtex_text(value: str) -> str:
    """A value for a braced BibTeX field: special characters escaped, whitespace on one line."""
    return " ".join(value.split()).translate(_BIBTEX_TABLE)


def bibtex_url(value: str) -> str:
    """URLs are verbatim in biblatex: percent-encode what could unbalance the braces instead."""
    return quote(value.strip(), safe=_URL_SAFE)


def _english_title(briefing: Briefing) -> str | None:
    title = briefing.title_in(ENGLISH)
    return title if title != briefing.title else None


def _url(briefing: Briefing, page_url: str | None) -> str | None:
    """The briefing page's address, else the outlet's."""
    return page_url or briefing.source.url


def _note(briefing: Briefing, page_url: str | None) -> str:
    parts = []
    if english_title := _english_title(briefing):
        parts.append(f"English title: {english_title}")
    if page_url and briefing.source.url:
        parts.append(f"Original article: {briefing.source.url}")
    return ". ".join(parts)


def bibtex(
    briefing: Briefing, page_url: str | None = None, outlet: str | None = None, credits: tuple[str, ...] = ()
) -> str:
    """A biblatex `@online` entry keyed by the briefing's slug (a validated slug: a safe key);
    `outlet` and `credits` are names (no organization when the article names no outlet)."""
    published = briefing.published
    fields = [
        ("title", "{" + bibtex_text(briefing.title) + "}"),  # double braces: no case changes
        ("author", " and ".join("{" + bibtex_text(c) + "}" for c in credits)),
        ("organization", bibtex_text(outlet) if outlet else ""),
        ("date", published.iso()),
        ("year", str(published.year)),
        ("langid", bibtex_text(language_name(briefing.language).lower())),
        ("url", bibtex_url(url) if (url := _url(briefing, page_url)) else ""),
        ("note", bibtex_text(_note(briefing, page_url))),
    ]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@online{{{briefing.slug},\n{body}}}\n"


def csl_json(
    briefing: Briefing, page_url: str | None = None, outlet: str | None = None, credits: tuple[str, ...] = ()
) -> str:
    """A one-item CSL-JSON array (the input format of citeproc and Zotero); `outlet` and `credits`
    as for `bibtex`."""
    published = briefing.published
    parts = [published.year, published.month, published.day]
    item: dict[str, object] = {
        "id": briefing.slug,
        "type": "article-newspaper",
        "title": briefing.title,
        **({"container-title": outlet} if outlet else {}),
        "issued": {"date-parts": [[p for p in parts if p]]},
        "language": briefing.language,
    }
    if credits:
        item["author"] = [{"literal": credit} for credit in credits]
    if url := _url(briefing, page_url):
        item["URL"] = url
    if note := _note(briefing, page_url):
        item["note"] = note
    fields = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items())
    return "[\n  {\n" + fields + "\n  }\n]\n"  # one field a line, values on one line
