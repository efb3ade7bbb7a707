"""Why two briefings are related, in words: `related.Reason` is data, this writes it."""

from __future__ import annotations

from ..model import Corpus
from ..related import Reason, ReasonKind
from . import html
from .i18n import alternatives_html, ui_words
from .labels import ENGLISH, actor_name, topic_title
from .page import Context

#: names a reason lists before saying how many more
MOST_ACTORS = 2
MOST_TOPICS = 3


def reason_words(reason: Reason, corpus: Corpus, language: str = ENGLISH) -> str:
    kind = reason.kind
    if kind is ReasonKind.EDITORIAL:
        return ui_words("reason-editorial", language)
    if kind is ReasonKind.STORY:
        return ui_words("reason-story", language)
    if kind is ReasonKind.QUOTED or kind is ReasonKind.FEATURED:
        key = "reason-quoted" if kind is ReasonKind.QUOTED else "reason-featured"
        names = [actor_name(corpus, x) for x in reason.ids]
        return ui_words(key, language, names=_listed(names, MOST_ACTORS, language, "and-more"))
    if kind is ReasonKind.TOPICS:
        names = [topic_title(corpus, t) for t in reason.ids]
        return ui_words("reason-topics", language, names=_listed(names, MOST_TOPICS, language, "and-others"))
    return _apart(reason, language)


def _listed(names: list[str], most: int, language: str, more_key: str) -> str:
    """`A and B`, `A, B and 2 more` (or `A, B, C and more`)."""
    shown, more = names[:most], len(names) - most
    if more > 0:
        return ui_words(more_key, language, names=", ".join(shown), n=more)
    if len(shown) == 2:
        return ui_words("and", language, a=shown[0], b=shown[1])
    return ", ".join(shown)


def _apart(reason: Reason, language: str) -> str:
    """How far apart two briefings were published, never more precisely than their dates."""
    days = reason.days
    if reason.exact and days == 0:
        return ui_words("same-day", language)
    if days < 45:
        return (
            ui_words("days-apart", language, n=days) if reason.exact else ui_words("within-a-month", language)
        )
    return ui_words("months-apart", language, n=round(days / 30))


def reason_html(reason: Reason, corpus: Corpus, ctx: Context) -> str:
    """A reason in the page's words, English and the page's own language."""
    texts = {ENGLISH: html.text(reason_words(reason, corpus))}
    if ctx.ui is not None:
        texts[ctx.ui] = html.text(reason_words(reason, corpus, ctx.ui))
    return alternatives_html(texts, css="bf-ui")
