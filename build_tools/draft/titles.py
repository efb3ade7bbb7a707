"""The title candidate: the headline when the article's first line is one, else the first
sentence read as a headline (titles before names left out, "X menegaskan bahwa Y" as "X: Y").
The proposed slug is made from it."""

from __future__ import annotations

import re

from .layout import Layout
from .names import Occurrence
from .words import alternatives, words

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_LONG = 14
_SHORTEST = 6
#: words that start a subordinate part of a sentence ("... di Manila untuk memprotes ...")
_CLAUSE_WORDS = frozenset(
    ("yang", "untuk", "karena", "setelah", "saat", "ketika", "meski", "meskipun", "walaupun", "sehingga",
     "agar", "sebagai", "selama", "sejak", "who", "which", "because", "after", "while", "although", "since")
)  # fmt: skip


def title_note(layout: Layout) -> str:
    if layout.headline:
        return "the article's first line, its headline; confirm"
    return "candidate from the first sentence, without titles; write the headline"


def title_candidate(layout: Layout, names: list[Occurrence]) -> str:
    if layout.headline:
        return layout.paragraphs[0].strip()
    start = layout.dateline[1]
    paragraph_end = layout.offsets[layout.lead] + len(layout.paragraphs[layout.lead])
    end = _SENTENCE_END.search(layout.text, start, paragraph_end)
    stop = end.start() if end else paragraph_end
    sentence = _speech_frame(_without_roles(layout.text, start, stop, names))
    if len(sentence.split()) > _LONG and "," in sentence:
        clause = sentence.split(",")[0].strip()
        if len(clause.split()) >= 4:
            sentence = clause
    return _shortened(sentence)


def _shortened(sentence: str) -> str:
    """A long sentence up to the first word that starts a subordinate part, after a few words:
    "... memanggil duta besar China di Manila untuk memprotes ..." stops before "untuk"."""
    parts = sentence.split()
    if len(parts) <= _LONG:
        return sentence
    for index in range(_SHORTEST, len(parts)):
        if parts[index].lower() in _CLAUSE_WORDS:
            return " ".join(parts[:index]).rstrip(",;:")
    return " ".join(parts[:_LONG])


def _without_roles(text: str, start: int, stop: int, names: list[Occurrence]) -> str:
    """The text between start and stop without the roles written before people's names."""
    kept, at = [], start
    for item in sorted(names, key=lambda o: o.role_start):
        if item.role and item.kind in ("person", "known") and start <= item.role_start and item.start <= stop:
            kept.append(text[at : item.role_start])
            at = item.start
    kept.append(text[at:stop])
    return " ".join("".join(kept).split())


def _speech_frame(sentence: str) -> str:
    """A speech verb after the subject becomes a colon: "Sari Wulandari menegaskan bahwa Indonesia
    ..." -> "Sari Wulandari: Indonesia ..."."""
    verbs = alternatives(words().before_quote_verbs)
    match = re.match(rf"^((?:[A-Z][\w'.-]*\s+){{1,4}})(?:{verbs})\s+(?:bahwa\s+|that\s+)?(\S.*)$", sentence)
    if not match:
        return sentence
    return f"{match.group(1).strip()}: {match.group(2)}"
