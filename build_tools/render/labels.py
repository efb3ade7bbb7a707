"""Display labels in plain English, defined once: language names, dates at their precision, the
names of actors, stories and topics, plural forms. (The page's own words in the reader's
language are `i18n`; why two briefings are related is `reasons`.)"""

from __future__ import annotations

import calendar

from ..model import Briefing, Corpus, Localized, PartialDate

ENGLISH = "en"
LANGUAGE_NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French",
    "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean", "ms": "Malay",
    "nl": "Dutch", "no": "Norwegian", "pt": "Portuguese", "ru": "Russian", "th": "Thai",
    "tl": "Tagalog", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip
MONTHS = tuple(calendar.month_name)[1:]


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code.split("-")[0], code)


def english(texts: Localized) -> str:
    """The English text, else the first one given."""
    return texts.get(ENGLISH) or next(iter(texts.values()), "")


def format_date(date: PartialDate) -> str:
    """`13 July 2023`, `July 2023` or `2023`: never more precise than what is known."""
    if date.day:
        return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    if date.month:
        return f"{MONTHS[date.month - 1]} {date.year}"
    return str(date.year)


def month_label(month: int) -> str:
    return MONTHS[month - 1] if month else "Month not known"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 briefing`, `2 briefings`."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def actor_name(corpus: Corpus, actor_id: str) -> str:
    actor = corpus.actors.get(actor_id)
    return actor.name if actor else actor_id


#: what feeds, search results and citations say of a briefing whose article names no outlet
UNIDENTIFIED_OUTLET = "Outlet not identified"


def outlet_name(corpus: Corpus, outlet_id: str | None) -> str:
    """The outlet's name (its id if unknown), or that the article does not say."""
    if outlet_id is None:
        return UNIDENTIFIED_OUTLET
    outlet = corpus.outlets.get(outlet_id)
    return outlet.name if outlet else outlet_id


def briefing_outlet(corpus: Corpus, briefing: Briefing) -> str:
    return outlet_name(corpus, briefing.source.outlet)


def story_title(corpus: Corpus, story_id: str) -> str:
    story = corpus.stories.get(story_id)
    return english(story.title) if story else story_id


def topic_title(corpus: Corpus, topic_id: str) -> str:
    topic = corpus.topics.get(topic_id)
    return english(topic.title) if topic else topic_id
