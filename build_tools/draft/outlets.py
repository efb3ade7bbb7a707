"""The outlet of a draft, from what the article shows, and the outlets it credits.

In this order: a signature of a registry outlet in the last paragraph (`[IT/r]`), a dateline of
one in the first two (`informasiterpercaya.com ||`), then the name or agency a leading dateline
gives (`JAKARTA (ANTARA) -`), matched to a registry outlet by its name or an alias, or else
proposed as a new outlet record. An article that shows none of these is drafted as unidentified:
an outlet is never guessed from anything but the text. Marks are found as validation finds them
(`repository.find_quote`), so a recognised outlet validates as drafted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import IdentifiedBy, Outlet
from .actors import cited
from .layout import Layout, dateline_mark
from .records import CreditDrafts, OutletDraft
from .repository import find_quote, normalize, slugify

#: a dateline is in the article's first paragraphs (a headline may come first)
DATELINE_PARAGRAPHS = 2


def draft_outlet(layout: Layout, outlets: dict[str, Outlet]) -> OutletDraft:
    text = normalize(layout.text)
    paragraphs = layout.article.paragraphs
    last_start = paragraphs[-1].start if paragraphs else 0
    lead_end = paragraphs[min(DATELINE_PARAGRAPHS, len(paragraphs)) - 1].end if paragraphs else 0
    for outlet in sorted(outlets.values(), key=lambda o: o.id):
        for mark in outlet.signatures:
            if any(a.start >= last_start for a in find_quote(text, mark).anchors):
                how = f"signed {mark!r} at the end of the article: a signature of {outlet.path}"
                return OutletDraft(outlet.id, IdentifiedBy.SIGNATURE, mark, how)
        for mark in outlet.datelines:
            if any(a.start < lead_end for a in find_quote(text, mark).anchors):
                how = f"the dateline {mark!r} opens the article: a dateline of {outlet.path}"
                return OutletDraft(outlet.id, IdentifiedBy.DATELINE, mark, how)
    return _from_dateline(layout, outlets)


def _from_dateline(layout: Layout, outlets: dict[str, Outlet]) -> OutletDraft:
    found = dateline_mark(layout.paragraphs[layout.lead]) if layout.paragraphs else None
    if found is None:
        how = (
            "nothing in the article matches the signature, dateline or name of an outlet in "
            "briefings/outlets/: if the text shows its outlet, add the outlet there and say how"
        )
        return OutletDraft(None, IdentifiedBy.UNIDENTIFIED, None, how)
    name, mark = found
    outlet = _named(name, outlets.values())
    if outlet is not None:
        how = f"the dateline {mark!r} names it; add {mark!r} to the datelines of {outlet.path} and say: by dateline"
        return OutletDraft(outlet.id, IdentifiedBy.NAME, name, how)
    proposed = slugify(name) or "outlet"
    how = (
        f"the dateline {mark!r} names {name!r}, which briefings/outlets/ does not know: write "
        f"briefings/outlets/{proposed}.yml (name, kind, description, datelines: [{mark!r}]) first"
    )
    return OutletDraft(proposed, IdentifiedBy.DATELINE, mark, how, known=False)


def _named(name: str, outlets: Iterable[Outlet]) -> Outlet | None:
    wanted = name.casefold()
    return next((o for o in outlets if wanted in {n.casefold() for n in (o.name, *o.aliases)}), None)


def draft_credits(
    layout: Layout, outlets: dict[str, Outlet], cited_names: Iterable[str], own: str | None
) -> CreditDrafts:
    """The outlets the article cites as its source ("dilansir kantor berita AFP"): registry ones
    named after a credit cue, and the names `actors.credits` found, matched to a registry outlet
    where one has that name or alias."""
    ids: dict[str, str] = {}
    for outlet in sorted(outlets.values(), key=lambda o: o.id):
        for name in (outlet.name, *outlet.aliases):
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", layout.text):
                if cited(layout, match.start()) and outlet.id != own:
                    ids.setdefault(outlet.id, f"{name!r}, line {layout.line_of(match.start())}")
    unknown: list[str] = []
    for name in cited_names:
        named = _named(name, outlets.values())
        if named is None:
            unknown.append(name)
        elif named.id != own:
            ids.setdefault(named.id, repr(name))
    return CreditDrafts(tuple(ids), tuple(ids.values()), tuple(unknown))
