"""Who said each quote: a registry actor when the words around the quote name one, an attribution
to confirm otherwise. The speech verbs and the other word lists come from `words/`."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..anchor import find_quote, normalize
from ..model import Actor, Problem
from .actors import Candidates
from .layout import Layout
from .records import Guess, Mention, QuoteDraft
from .repository import TODO
from .words import Words, alternatives, words


@dataclass(frozen=True)
class _Patterns:
    after_name_first: re.Pattern[str]  # “…,” kata Macron / katanya / said Kishida
    after_subject_first: re.Pattern[str]  # “…,” Kishida said
    after_anywhere: re.Pattern[str]  # “…” demikian kata dia
    before_verb: re.Pattern[str]  # Stoltenberg mengatakan, “…”
    according_to: re.Pattern[str]  # menurut Budi, “…”
    unnamed: re.Pattern[str]  # sumber lain, analysts


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    w = words()
    after, before = alternatives(w.after_quote_verbs), alternatives(w.before_quote_verbs)
    pronouns = alternatives(w.subject_pronouns)
    subject = rf"(?:[A-Z][\w.'\u2019-]*\s+){{0,4}}[A-Z][\w.'\u2019-]*|{pronouns}"
    return _Patterns(
        after_name_first=re.compile(rf"^[\s,.;:!?]*(?P<verb>{after})(?P<nya>nya)?\b(?P<rest>[^.;!?]*)"),
        after_subject_first=re.compile(rf"^[\s,.;:!?]*(?P<subject>{subject})\s+(?:{before})\b"),
        after_anywhere=re.compile(rf"(?:^|[\s,])(?P<verb>{after})(?P<nya>nya)?\b(?P<rest>[^.;!?]*)"),
        before_verb=re.compile(rf"\b(?:{before})\b"),
        according_to=re.compile(
            rf"\b(?:{alternatives(w.according_to)})\s+(?P<rest>[^,.;:\u00b7]+)", re.IGNORECASE
        ),
        unnamed=re.compile(rf"\b(?:{alternatives(w.unnamed)})\b", re.IGNORECASE),
    )


def draft_quotes(
    layout: Layout, registry: dict[str, Actor], candidates: Candidates
) -> tuple[list[QuoteDraft], list[Problem]]:
    """Every quoted passage with its guessed speaker, and warnings for passages left out."""
    normalized = normalize(layout.text)
    guesser = _Speakers(layout, registry, candidates)
    drafts: list[QuoteDraft] = []
    warnings: list[Problem] = []
    last_paragraph = -2
    anchored: dict[str, dict[int, int]] = {}  # a quote's text -> where it starts -> which occurrence
    for index, paragraph in enumerate(layout.paragraphs):
        base = layout.offsets[index]
        for mark_start, inner_start, inner_end, mark_end in layout.quote_spans[index]:
            text = paragraph[inner_start:inner_end]
            start = base + inner_start
            if text not in anchored:  # the same words quoted again are looked for once
                found = find_quote(normalized, text).anchors
                anchored[text] = {a.start: number for number, a in enumerate(found, start=1)}
            starts = anchored[text]
            if start not in starts:  # cannot happen with the shared normalisation; keep it safe
                warnings.append(layout.problem(start, f"quoted text {text!r} does not anchor; left out"))
                continue
            occurrence = starts[start] if len(starts) > 1 else None
            guess = guesser.guess(index, mark_start, mark_end, last_paragraph == index - 1)
            drafts.append(
                QuoteDraft(
                    start, base + inner_end, text, layout.line_of(start), occurrence,
                    guess.speaker, guess.attribution, guess.how, guess.new_speaker,
                )
            )  # fmt: skip
            last_paragraph = index
    return drafts, warnings


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether offset falls in one of the sorted, disjoint spans."""
    at = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]


class _Speakers:
    """Guesses speakers quote after quote. A registry actor is a speaker id; a new actor (one
    `briefings actor new` still has to create) is an attribution naming it."""

    def __init__(self, layout: Layout, registry: dict[str, Actor], candidates: Candidates) -> None:
        self.layout = layout
        self.registry = registry
        self.new = {actor.id: actor for actor in candidates.actors}
        self.mentions = sorted((*layout.mentions, *candidates.mentions), key=lambda m: m.start)
        quoted = sorted(
            (base + inner_start, base + inner_end)
            for base, spans in zip(layout.offsets, layout.quote_spans, strict=True)
            for _, inner_start, inner_end, _ in spans
        )
        #: people named outside quotes, for "katanya": a name inside a quote is not who speaks
        self.people = sorted(
            (m for m in self.mentions if m.person and not _inside(m.start, quoted)), key=lambda m: m.end
        )
        self.people_ends = [m.end for m in self.people]
        self.words: Words = words()
        self.patterns = _patterns()
        self.last_speaker: Guess | None = None

    def guess(self, index: int, mark_start: int, mark_end: int, follows_quote: bool) -> Guess:
        guess = self._guess(index, mark_start, mark_end, follows_quote)
        if guess.speaker or guess.new_speaker:
            self.last_speaker = guess
        return guess

    def _name(self, actor: str) -> str:
        return self.registry[actor].name if actor in self.registry else self.new[actor].name

    def _named(self, mention: Mention, how: str) -> Guess:
        """The guess for an actor named near the quote: its id, or the attribution naming a new one."""
        if mention.actor in self.registry:
            return Guess(mention.actor, None, how)
        actor = self.new[mention.actor]
        how += (
            f"; {actor.name} is not in briefings/actors/ yet: create it (below), then use speaker: {actor.id}"
        )
        return Guess(None, f"{TODO}: {actor.name}", how, actor.id)

    def _guess(self, index: int, mark_start: int, mark_end: int, follows_quote: bool) -> Guess:
        masked = self.layout.masked[index]
        base = self.layout.offsets[index]
        sentence_start, sentence_end = next(
            (s, e)
            for s, e in self.layout.sentence_spans[index]
            if s <= mark_start < e or s <= mark_start <= e
        )
        after = masked[mark_end:sentence_end]
        at = base + mark_start
        guess = self._after(after, at, base + mark_end) or self._before(
            masked[sentence_start:mark_start], at, base + sentence_start
        )
        if guess:
            return guess
        # 3. later in the sentence: "…" demikian kata dia
        match = self.patterns.after_anywhere.search(after)
        if match:
            return self._from_verb(match, at, base + mark_end + match.start("rest"))
        # 4. a quote that fills its paragraph goes on from the quote before
        rest = (masked[:mark_start] + masked[mark_end:]).strip(" .,;:")
        last = self.last_speaker
        if not rest and follows_quote and last:
            name = self._name(last.speaker or last.new_speaker or "")
            how = f"the paragraph is a quote: taken as {name}'s, like the one before"
            return Guess(last.speaker, last.attribution, how, last.new_speaker)
        return Guess(None, f"{TODO}: who said this?", "no speaker named near the quote")

    def _after(self, after: str, at: int, after_at: int) -> Guess | None:
        """1. right after the quote: "…," kata Macron / katanya / said Kishida / Kishida said"""
        match = self.patterns.after_name_first.match(after)
        if match:
            return self._from_verb(match, at, after_at + match.start("rest"))
        match = self.patterns.after_subject_first.match(after)
        if match:
            words = match.group().strip(" ,")
            return self._from_phrase(match.group("subject"), at, words, after_at + match.start("subject"))
        return None

    def _before(self, before: str, at: int, before_at: int) -> Guess | None:
        """2. before it, in the same sentence: "X mengatakan, “…”", "menurut X, “…”\""""
        verbs = list(self.patterns.before_verb.finditer(before))
        cues = list(self.patterns.according_to.finditer(before))
        if cues and (not verbs or cues[-1].start() > verbs[-1].start()):
            cue = cues[-1]
            phrase = self._cut_phrase(cue.group("rest"))
            return self._from_phrase(phrase, at, cue.group().strip(), before_at + cue.start("rest"))
        if verbs:
            verb = verbs[-1]
            subject, offset = self._subject(before[: verb.start()])
            words = f"{subject} {verb.group()}".strip()
            return self._from_phrase(subject, at, words, before_at + offset)
        return None

    def _from_verb(self, match: re.Match[str], at: int, rest_at: int) -> Guess:
        verb = match.group("verb") + (match.group("nya") or "")
        if match.group("nya"):
            return self._anaphora(verb, at)
        phrase = self._cut_phrase(match.group("rest"))
        return self._from_phrase(phrase, at, f"{verb} {phrase}".strip(), rest_at)

    def _from_phrase(self, phrase: str, at: int, words: str, phrase_at: int) -> Guess:
        """The actor a phrase names: a person first, else an unnamed source, else an organisation
        or a state; a pronoun or a role ("presiden") points back to the last person named."""
        phrase = self._trim_phrase(phrase)
        if not phrase:
            return self._anaphora(words, at)
        located = self.layout.text.find(phrase, phrase_at)
        named = [
            m for m in self.mentions if located >= 0 and m.start >= located and m.end <= located + len(phrase)
        ]
        people = [m for m in named if m.person]
        if people:
            best = max(people, key=lambda m: (m.actor in self.registry, m.end, m.end - m.start))
            return self._named(best, f"guessed from {words!r}")
        if self.patterns.unnamed.search(phrase):
            return Guess(None, f"{TODO}: {phrase}", f"unnamed source: {words!r}")
        if named:
            best = max(named, key=lambda m: (m.actor in self.registry, m.end, m.end - m.start))
            return self._named(best, f"guessed from {words!r}")
        if phrase.lower() in self.words.pronouns or self._is_role(phrase):
            return self._anaphora(words, at)
        return Guess(None, f"{TODO}: {phrase}", f"{phrase!r} is not in briefings/actors/ ({words!r})")

    def _anaphora(self, words: str, at: int) -> Guess:
        """The last person named before the quote (outside quotes), else the last speaker."""
        before = bisect.bisect_right(self.people_ends, at)
        if before:
            person = self.people[before - 1]
            name = self._name(person.actor)
            return self._named(person, f"{words!r} taken as the last person named before it, {name}")
        last = self.last_speaker
        if last:
            name = self._name(last.speaker or last.new_speaker or "")
            how = f"{words!r} taken as the last named speaker, {name}"
            return Guess(last.speaker, last.attribution, how, last.new_speaker)
        return Guess(None, f"{TODO}: {words}", f"{words!r} names nobody this draft can resolve")

    def _cut_phrase(self, rest: str) -> str:
        """The words after a speech verb, up to a comma or a word that starts something else; a
        title goes on with the name after its comma ("kata Direktur Eksekutif Walhi, Rahayu Lestari")."""
        piece = re.split(r"[,.;:!?()\u00b7\"\u201c\u201d]", rest, maxsplit=1)[0]
        if piece.split() and piece.split()[0].lower() in self.words.title_words:
            tail = re.match(r",\s*[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,3}", rest[len(piece) :])
            if tail:
                piece = rest[: len(piece) + tail.end()]
        kept: list[str] = []
        for word in piece.split():
            if word.lower() in self.words.phrase_stops:
                break
            kept.append(word)
        return " ".join(kept)

    def _trim_phrase(self, phrase: str) -> str:
        kept = phrase.strip(" ,.;:").split()
        while kept and kept[-1].lower() in self.words.auxiliaries:
            kept.pop()
        while kept and kept[0].lower() in self.words.leading_connectors:
            kept.pop(0)
        return " ".join(kept)

    def _subject(self, before_verb: str) -> tuple[str, int]:
        """The subject of a speech verb: the words before it, after the last comma (unless those
        are a relative clause), and the offset where they start."""
        pieces = [(m.start(), m.group()) for m in re.finditer(r"[^,]+", before_verb)]
        for offset, piece in reversed(pieces):
            stripped = piece.strip()
            if not stripped:
                continue
            if stripped.split()[0].lower() in self.words.relative_pronouns:
                continue
            return stripped, offset + (len(piece) - len(piece.lstrip()))
        return "", 0

    def _is_role(self, phrase: str) -> bool:
        """A description that points back to someone named earlier: "presiden", "Kepala aliansi itu",
        "the president", "the alliance chief"."""
        parts = phrase.split()
        if not parts or len(parts) > 5:
            return False
        if any(w[:1].isupper() for w in parts[1:]):
            return False
        lowered = [w.lower() for w in parts]
        return lowered[-1] in self.words.demonstratives or lowered[0] in self.words.role_words
