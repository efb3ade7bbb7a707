"""The outlet rules of one briefing: what in the article identifies its outlet, and whom it credits.

An outlet on the site is only ever one the article supports. A briefing says how its article
identifies the outlet (`source.identified`): by its name, its dateline or its signature, quoting
the text; that text must be one the outlet's record lists for that way (`OutletMarks.marks`) and must
occur in the article, found as a quote is found (`anchor.find_quote`: the same normalisation, on
word boundaries). A dateline opens the article (its first two paragraphs: a headline may come
first), a signature closes it (its last paragraph). An article that names no outlet is
`unidentified`, and the site says so: an outlet is never borrowed from another briefing.

Every credited agency or outlet must be named in the article too: its name, an alias, one of its
datelines or signatures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .anchor import NormalizedText, find_quote, quote_parts
from .load import OUTLETS_DIR, LoadedFile
from .model import Article, IdentifiedBy, Source, TextQuoteAnchor
from .yamlstrict import JsonPath

#: how many paragraphs from the start a dateline may be in (the first may be a headline)
DATELINE_PARAGRAPHS = 2
_WAY = {
    IdentifiedBy.NAME: "name",
    IdentifiedBy.DATELINE: "dateline",
    IdentifiedBy.SIGNATURE: "signature",
}


@dataclass(frozen=True)
class Finding:
    """A problem with the briefing's source, placed at `where` in its file."""

    where: JsonPath
    message: str


@dataclass(frozen=True)
class OutletMarks:
    """What identifies an outlet in an article, from its file's summary (`load.summarize`): its
    name and aliases, and its datelines and signatures."""

    id: str
    names: tuple[str, ...]
    datelines: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return f"{OUTLETS_DIR}/{self.id}.yml"

    def marks(self, by: IdentifiedBy) -> tuple[str, ...]:
        if by is IdentifiedBy.NAME:
            return self.names
        if by is IdentifiedBy.DATELINE:
            return self.datelines
        if by is IdentifiedBy.SIGNATURE:
            return self.signatures
        return ()


def outlet_marks(files: Iterable[LoadedFile]) -> dict[str, OutletMarks]:
    """The marks of each outlet file: the summary's names, and its `dateline:` and `signature:`
    entries."""
    found = {}
    for file in files:
        refs = file.summary.refs
        kinds = {
            kind: tuple(r.partition(":")[2] for r in refs if r.startswith(f"{kind}:"))
            for kind in ("dateline", "signature")
        }
        found[file.source.id] = OutletMarks(
            file.source.id, file.summary.names, kinds["dateline"], kinds["signature"]
        )
    return found


def check_identification(
    source: Source, outlet: OutletMarks | None, article: Article, text: NormalizedText
) -> tuple[TextQuoteAnchor | None, list[Finding]]:
    """Where the article shows its outlet, or what is wrong with what the briefing says of it.

    `outlet` is the record of `source.outlet` (None when unknown or when its file has errors:
    those are reported elsewhere)."""
    identified = source.identified
    if identified.by is IdentifiedBy.UNIDENTIFIED or identified.text is None or outlet is None:
        return None, []
    where: JsonPath = ["source", "identified", "text"]
    way = _WAY[identified.by]
    listed = outlet.marks(identified.by)
    if _normal(identified.text) not in {_normal(mark) for mark in listed}:
        return None, [Finding(where, _not_listed(identified.text, way, outlet, listed))]
    anchors = find_quote(text, identified.text, suggest=False).anchors
    if not anchors:
        message = (
            f"the {way} {identified.text!r} is not in {article.path}; quote it exactly as the article "
            "writes it, or say unidentified when nothing in the text identifies the outlet"
        )
        return None, [Finding(where, message)]
    return _placed(identified.by, identified.text, anchors, article, where)


def _placed(
    by: IdentifiedBy, mark: str, anchors: tuple[TextQuoteAnchor, ...], article: Article, where: JsonPath
) -> tuple[TextQuoteAnchor | None, list[Finding]]:
    """The occurrence that identifies the outlet: a dateline's first, a signature's last."""
    paragraphs = article.paragraphs
    if by is IdentifiedBy.DATELINE:
        first = anchors[0]
        limit = paragraphs[min(DATELINE_PARAGRAPHS, len(paragraphs)) - 1].end
        if first.start >= limit:
            message = (
                f"the dateline {mark!r} is not at the start of {article.path} (its first two paragraphs)"
            )
            return None, [Finding(where, message)]
        return first, []
    if by is IdentifiedBy.SIGNATURE:
        last = anchors[-1]
        if last.start < paragraphs[-1].start:
            message = (
                f"the signature {mark!r} does not close {article.path} (it is not in its last paragraph)"
            )
            return None, [Finding(where, message)]
        return last, []
    return anchors[0], []


def _not_listed(mark: str, way: str, outlet: OutletMarks, listed: tuple[str, ...]) -> str:
    kind = {"name": "name or aliases", "dateline": "datelines", "signature": "signatures"}[way]
    known = ", ".join(repr(m) for m in listed) if listed else "none"
    return (
        f"{mark!r} is not a {way} of the outlet '{outlet.id}': {outlet.path} lists as its {kind}: "
        f"{known}; add it there if the outlet writes it so"
    )


def check_credits(
    source: Source, outlets: Mapping[str, OutletMarks], article: Article, text: NormalizedText
) -> list[Finding]:
    """Every credit names another outlet that the article itself names."""
    findings = []
    for index, credit in enumerate(source.credits):
        where: JsonPath = ["source", "credits", index]
        if credit == source.outlet:
            findings.append(Finding(where, f"'{credit}' is the article's own outlet; credits are others"))
            continue
        outlet = outlets.get(credit)
        if outlet is None:
            continue  # unknown ids and outlets with errors are reported on their own
        marks = (*outlet.names, *outlet.datelines, *outlet.signatures)
        if not any(find_quote(text, mark, suggest=False).anchors for mark in marks if quote_parts(mark)):
            names = ", ".join(repr(m) for m in marks)
            message = (
                f"credit '{credit}': {article.path} does not name it ({names}); credit only the "
                "agencies and outlets the article cites"
            )
            findings.append(Finding(where, message))
    return findings


def _normal(mark: str) -> str:
    return " ".join(quote_parts(mark))
