"""The article as the draft reads it: language, dateline, title candidate, and per paragraph its
quotes, its sentences and the registry actors it names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Actor, ActorKind, Article, Problem
from .quotes import find_quotes, mask_quotes, sentences
from .records import Mention, QuoteSpan

_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'\u2019-]*[A-Z])(?:\s*\((?P<agency>[^)]{1,40})\))?"
    r"(?:\s*,\s*(?P<outlet>[\w-]+(?:\.[\w-]+)+))?\s*(?:\|\||[-\u2013\u2014:])\s+"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, list[tuple[str, float]]]:
    """The article's language (ISO 639-1 code) and the best candidates with probabilities."""
    ranked = [(code, float(p)) for code, p in _identifier().rank(text)[:3]]
    return ranked[0][0], ranked


def split_dateline(paragraph: str) -> tuple[int, str | None]:
    """Length of a leading dateline ("AMERIKA SERIKAT, informasiterpercaya.com || ") and the
    outlet it names, if any."""
    match = _DATELINE.match(paragraph)
    if not match or len(re.sub(r"[^A-Z]", "", match.group("place"))) < 2:
        return 0, None
    return match.end(), match.group("outlet")


def title_candidate(paragraph: str) -> str:
    """The first sentence, or its first clause when the sentence is long."""
    end = _SENTENCE_END.search(paragraph)
    sentence = paragraph[: end.start()] if end else paragraph
    sentence = sentence.strip()
    if len(sentence.split()) > 14 and "," in sentence:
        clause = sentence.split(",")[0].strip()
        if len(clause.split()) >= 4:
            sentence = clause
    return sentence


@dataclass(frozen=True)
class Layout:
    """One article, read: offsets are code points into `article.text`."""

    relative: str
    article: Article
    paragraphs: tuple[str, ...]
    offsets: tuple[int, ...]
    dateline: tuple[int, int]  # absolute span of the dateline, (0, 0) when there is none
    outlet: str | None
    quote_spans: tuple[tuple[QuoteSpan, ...], ...]
    masked: tuple[str, ...]  # each paragraph with the inside of its quotes blanked out
    sentence_spans: tuple[tuple[tuple[int, int], ...], ...]  # per paragraph, relative to it
    mentions: tuple[Mention, ...]

    @property
    def text(self) -> str:
        return self.article.text

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def column_of(self, offset: int) -> int:
        return offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def problem(self, offset: int, message: str, severity: str = "warning") -> Problem:
        return Problem(
            self.relative, self.line_of(offset), self.column_of(offset), message, "draft", severity
        )

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """Absolute span of the sentence holding `offset`."""
        for index, start in enumerate(self.offsets):
            end = start + len(self.paragraphs[index])
            if start <= offset <= end:
                for s, e in self.sentence_spans[index]:
                    if s <= offset - start <= e:
                        return start + s, start + e
                return start, end
        return offset, offset

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]


def read_layout(relative: str, article: Article, registry: dict[str, Actor]) -> Layout:
    paragraphs = tuple(article.paragraph_texts())
    offsets = tuple(p.start for p in article.paragraphs)
    dateline_end, outlet = split_dateline(paragraphs[0]) if paragraphs else (0, None)
    dateline = (offsets[0], offsets[0] + dateline_end) if paragraphs else (0, 0)
    quote_spans = tuple(tuple(find_quotes(paragraph)) for paragraph in paragraphs)
    masked = tuple(mask_quotes(p, list(q)) for p, q in zip(paragraphs, quote_spans, strict=True))
    return Layout(
        relative=relative,
        article=article,
        paragraphs=paragraphs,
        offsets=offsets,
        dateline=dateline,
        outlet=outlet,
        quote_spans=quote_spans,
        masked=masked,
        sentence_spans=tuple(tuple(sentences(m)) for m in masked),
        mentions=tuple(find_mentions(article.text, registry, dateline)),
    )


def find_mentions(text: str, registry: dict[str, Actor], dateline: tuple[int, int]) -> list[Mention]:
    """Every registry name and alias in the text, on word boundaries, outside the dateline."""
    found: list[Mention] = []
    for actor in registry.values():
        for name in dict.fromkeys((actor.name, *actor.aliases)):
            pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
            for match in pattern.finditer(text):
                if dateline[0] <= match.start() < dateline[1]:
                    continue  # "AMERIKA SERIKAT, outlet ||" is where it was written, not an actor
                found.append(
                    Mention(match.start(), match.end(), actor.id, name, actor.kind is ActorKind.PERSON)
                )
    return sorted(found, key=lambda m: (m.start, -m.end))
