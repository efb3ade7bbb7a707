"""The page's own words in the reader's language, and texts that exist in several languages.

A reader chooses a reading language (the original, English, or both side by side; see
`assets/briefings.js`), and it governs every page: each text that exists in English and in the
original is written in both, as alternatives the stylesheet shows or hides by the class on
`<html>`:

- `bf-en`: the English alternative of a text that also has an original;
- `bf-orig`: the original (non-English) alternative of a text that also has an English one;
- `bf-other`: any further language (a quote translated into a third language), shown only when
  both are.

The page's own words (`ui`: labels, dates, language names) are marked `bf-ui` too: they follow
the original and English readings, and are English in side-by-side reading, where only the
contributors' texts are doubled.

A text with a single language, or equal in every language ("NATO" / "NATO"), is written once and
always shown. Without JavaScript nothing is hidden: every alternative is shown, as in "both".

The page's own words (`UI`) exist in English and Indonesian; a page shows the Indonesian ones
beside the English when its original language is Indonesian (`Context.ui`), and English alone for
an original language the catalogue does not have.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TypedDict

from ..model import Localized, PartialDate
from . import html
from .labels import ENGLISH, MONTHS

#: languages the page's own words are written in, besides English
UI_LANGUAGES = ("id",)
MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
LANGUAGE_NAMES_ID = {
    "ar": "Arab", "de": "Jerman", "en": "Inggris", "es": "Spanyol", "fr": "Prancis",
    "id": "Indonesia", "it": "Italia", "ja": "Jepang", "ko": "Korea", "ms": "Melayu",
    "nl": "Belanda", "pt": "Portugis", "ru": "Rusia", "th": "Thai", "zh": "Tionghoa",
}  # fmt: skip

#: key -> {language: text}; `{n}`-style fields are filled by `ui(..., n=...)`; a pair is
#: (singular, plural) for counts
UI: dict[str, dict[str, str | tuple[str, str]]] = {
    "briefing": {"en": "Briefing", "id": "Taklimat"},
    "moved": {"en": "This briefing has moved", "id": "Taklimat ini telah pindah"},
    "moved-to": {"en": "It is now at", "id": "Sekarang ada di"},
    "story": {"en": "Story", "id": "Rangkaian berita"},
    "actor": {"en": "Actor", "id": "Tokoh"},
    "topic": {"en": "Topic", "id": "Topik"},
    "summary": {"en": "Summary", "id": "Ringkasan"},
    "key-quotes": {"en": "What they said", "id": "Apa kata mereka"},
    "whats-next": {"en": "What comes next", "id": "Selanjutnya"},
    "article": {"en": "Article", "id": "Artikel"},
    "quotes": {"en": "Quotes", "id": "Kutipan"},
    "actors": {"en": "Who is who", "id": "Para tokoh"},
    "events": {"en": "Dates in the article", "id": "Tanggal dalam artikel"},
    "related": {"en": "Related briefings", "id": "Taklimat terkait"},
    "about": {"en": "About the article", "id": "Tentang artikel ini"},
    "cite": {"en": "Cite this briefing", "id": "Kutip taklimat ini"},
    "read": {"en": "Read", "id": "Baca"},
    "reading-language": {"en": "Reading language", "id": "Bahasa bacaan"},
    "side-by-side": {"en": "Side by side", "id": "Berdampingan"},
    "in-article": {"en": "in the article", "id": "di artikel"},
    "quote-link": {"en": "Link to this quote", "id": "Tautan ke kutipan ini"},
    "all-quotes": {"en": ("All {n} quote", "All {n} quotes"), "id": "Semua {n} kutipan"},
    "outlet": {"en": "Outlet", "id": "Media"},
    "published": {"en": "Published", "id": "Terbit"},
    "language": {"en": "Language", "id": "Bahasa"},
    "credits": {"en": "Credits", "id": "Kredit"},
    "original-article": {"en": "Original article", "id": "Artikel asli"},
    "topics": {"en": "Topics", "id": "Topik"},
    "follow-actor": {"en": "Follow this actor", "id": "Ikuti tokoh ini"},
    "follow-story": {"en": "Follow this story", "id": "Ikuti rangkaian berita ini"},
    "follow-topic": {"en": "Follow this topic", "id": "Ikuti topik ini"},
    "follow-all": {"en": "Follow every briefing", "id": "Ikuti semua taklimat"},
    "previous-in-story": {"en": "Previous in this story", "id": "Sebelumnya dalam rangkaian ini"},
    "next-in-story": {"en": "Next in this story", "id": "Berikutnya dalam rangkaian ini"},
    "story-position": {"en": "{n} of {total} in the story", "id": "{n} dari {total} dalam rangkaian"},
    "newest-first": {"en": "newest first", "id": "terbaru lebih dulu"},
    "oldest-first": {"en": "oldest first", "id": "terlama lebih dulu"},
    "in-date-order": {"en": "in date order", "id": "urut tanggal"},
    "briefings-count": {"en": ("{n} briefing", "{n} briefings"), "id": "{n} taklimat"},
    "quotes-count": {"en": ("{n} quote", "{n} quotes"), "id": "{n} kutipan"},
    "events-count": {"en": ("{n} event", "{n} events"), "id": "{n} peristiwa"},
    "none-yet": {"en": "None yet.", "id": "Belum ada."},
    "no-related": {"en": "No related briefings yet.", "id": "Belum ada taklimat terkait."},
    "no-quotes": {"en": "No quotes yet.", "id": "Belum ada kutipan."},
    "no-events": {"en": "No dated events.", "id": "Tidak ada peristiwa bertanggal."},
    "person": {"en": "Person", "id": "Orang"},
    "organization": {"en": "Organization", "id": "Organisasi"},
    "state": {"en": "State", "id": "Negara"},
    "people": {"en": "People", "id": "Orang"},
    "organizations": {"en": "Organizations", "id": "Organisasi"},
    "states": {"en": "States", "id": "Negara"},
    "also-called": {"en": "Also called", "id": "Juga disebut"},
    "briefings": {"en": "Briefings", "id": "Taklimat"},
    "latest-briefings": {"en": "Latest briefings", "id": "Taklimat terbaru"},
    "stories": {"en": "Stories", "id": "Rangkaian berita"},
    "most-featured": {"en": "Most featured", "id": "Paling sering muncul"},
    "all-briefings": {"en": "All briefings", "id": "Semua taklimat"},
    "all-actors": {"en": "All actors", "id": "Semua tokoh"},
    "actors-index": {"en": "Actors", "id": "Tokoh"},
    "all-stories": {"en": "All stories", "id": "Semua rangkaian berita"},
    "timeline": {"en": "Timeline", "id": "Linimasa"},
    "coverage": {"en": "Coverage", "id": "Liputan"},
    "latest": {"en": "latest", "id": "terbaru"},
    "from": {"en": "from", "id": "dari"},
    "quote-from": {"en": "Quoted in", "id": "Dikutip dalam"},
    "day-not-stated": {"en": "day not stated", "id": "tanggal tidak disebut"},
    "month-not-stated": {"en": "month not stated", "id": "bulan tidak disebut"},
    "month-not-known": {"en": "Month not known", "id": "Bulan tidak diketahui"},
    "reason-editorial": {"en": "linked by an editor", "id": "ditautkan oleh editor"},
    "reason-story": {"en": "same story", "id": "rangkaian berita yang sama"},
    "reason-quoted": {"en": "both quote {names}", "id": "keduanya mengutip {names}"},
    "reason-featured": {"en": "both feature {names}", "id": "keduanya menampilkan {names}"},
    "reason-topics": {"en": "shared topics: {names}", "id": "topik yang sama: {names}"},
    "same-day": {"en": "published the same day", "id": "terbit pada hari yang sama"},
    "days-apart": {
        "en": ("published {n} day apart", "published {n} days apart"),
        "id": "terbit selang {n} hari",
    },
    "months-apart": {"en": "published about {n} months apart", "id": "terbit selang sekitar {n} bulan"},
    "within-a-month": {"en": "published within about a month", "id": "terbit dalam selang sekitar sebulan"},
    "and-more": {"en": ("{names} and {n} more", "{names} and {n} more"), "id": "{names} dan {n} lainnya"},
    "and": {"en": "{a} and {b}", "id": "{a} dan {b}"},
    "and-others": {"en": "{names} and more", "id": "{names} dan lainnya"},
    # the search page (render/search_page.py) and its script (assets/briefings-search.js)
    "quote": {"en": "Quote", "id": "Kutipan"},
    "kind": {"en": "Kind", "id": "Jenis"},
    "search": {"en": "Search", "id": "Pencarian"},
    "search-button": {"en": "Search", "id": "Cari"},
    "search-lede": {
        "en": "Briefings, quotes, actors and stories, in the language of each article and in English. "
        "Word forms are matched by their root in both languages:",
        "id": "Taklimat, kutipan, tokoh, dan rangkaian berita, dalam bahasa setiap artikel dan dalam "
        "bahasa Inggris. Bentuk kata dicocokkan menurut kata dasarnya dalam kedua bahasa:",
    },
    "search-words": {"en": "Words to find", "id": "Kata yang dicari"},
    "search-narrow": {"en": "Narrow the results", "id": "Persempit hasil"},
    "search-any": {"en": "Any", "id": "Semua"},
    "search-more": {"en": "More results", "id": "Hasil lainnya"},
    "search-loading": {"en": "Loading the search index\u2026", "id": "Memuat indeks pencarian\u2026"},
    "search-searching": {"en": "Searching\u2026", "id": "Mencari\u2026"},
    "search-count": {"en": ("{n} result.", "{n} results."), "id": "{n} hasil."},
    "search-best": {
        "en": "The best {n} results; more below.",
        "id": "{n} hasil teratas; selebihnya di bawah.",
    },
    "search-none": {"en": "No results.", "id": "Tidak ada hasil."},
    "search-failed": {"en": "Search failed: {error}", "id": "Pencarian gagal: {error}"},
    "search-unavailable": {
        "en": "Search is not available: {error}",
        "id": "Pencarian tidak tersedia: {error}",
    },
    "search-no-filters": {
        "en": "The filters are not available: {error}",
        "id": "Filter tidak tersedia: {error}",
    },
    "search-noscript": {
        "en": "Search runs in your browser and needs JavaScript. Without it, browse:",
        "id": "Pencarian berjalan di peramban Anda dan memerlukan JavaScript. Tanpanya, jelajahi:",
    },
    # outlets
    "outlets": {"en": "Outlets", "id": "Media"},
    "news-agency": {"en": "News agency", "id": "Kantor berita"},
    "newspaper": {"en": "Newspaper", "id": "Surat kabar"},
    "online": {"en": "Online outlet", "id": "Media daring"},
    "broadcaster": {"en": "Broadcaster", "id": "Lembaga penyiaran"},
    "news-agencies": {"en": "News agencies", "id": "Kantor berita"},
    "newspapers": {"en": "Newspapers", "id": "Surat kabar"},
    "online-outlets": {"en": "Online outlets", "id": "Media daring"},
    "broadcasters": {"en": "Broadcasters", "id": "Lembaga penyiaran"},
    "outlet-unidentified": {"en": "Outlet not identified", "id": "Media tidak teridentifikasi"},
    "identified-name": {"en": "named in the article", "id": "disebut dalam artikel"},
    "identified-dateline": {"en": "named in its dateline", "id": "disebut di baris tanggalnya"},
    "identified-signature": {"en": "known by its signature", "id": "dikenali dari tanda akhirnya"},
    "identified-unidentified": {
        "en": "the article does not say who published it",
        "id": "artikel tidak menyebut siapa yang menerbitkannya",
    },
    "country": {"en": "Country", "id": "Negara"},
    "languages": {"en": "Languages", "id": "Bahasa"},
    "website": {"en": "Website", "id": "Situs web"},
    "datelines": {"en": "Datelines", "id": "Baris tanggal"},
    "signatures": {"en": "Signatures", "id": "Tanda akhir"},
    "follow-outlet": {"en": "Follow this outlet", "id": "Ikuti media ini"},
    "outlet-credits": {"en": "Whom it credits", "id": "Yang dikutipnya"},
    "credited-by": {"en": "Credited by", "id": "Dikutip oleh"},
    "stories-covered": {"en": "Stories covered", "id": "Rangkaian berita yang diliput"},
    "credited-in": {
        "en": ("credited in {n} briefing", "credited in {n} briefings"),
        "id": "dikutip dalam {n} taklimat",
    },
    "unidentified-briefings": {"en": "Outlet not identified", "id": "Media tidak teridentifikasi"},
    # the story across outlets
    "compare": {"en": "Across outlets", "id": "Lintas media"},
    "outlets-count": {"en": ("{n} outlet", "{n} outlets"), "id": "{n} media"},
    "statements-count": {"en": ("{n} statement", "{n} statements"), "id": "{n} pernyataan"},
    "shared-count": {"en": "{n} reported by several", "id": "{n} dimuat beberapa taklimat"},
    "actors-by-briefing": {"en": "Actors in each briefing", "id": "Tokoh di tiap taklimat"},
    "statements-by-briefing": {"en": "Statements in each briefing", "id": "Pernyataan di tiap taklimat"},
    "actor-column": {"en": "Actor", "id": "Tokoh"},
    "statement-column": {"en": "Statement", "id": "Pernyataan"},
    "featured": {"en": "featured", "id": "ditampilkan"},
    "not-featured": {"en": "not featured", "id": "tidak ditampilkan"},
    "quoted-n": {"en": ("quoted once", "quoted {n} times"), "id": "dikutip {n} kali"},
    "reported": {"en": "reported", "id": "dimuat"},
    "not-reported": {"en": "not reported", "id": "tidak dimuat"},
    "in-several": {"en": "Reported by several briefings", "id": "Dimuat beberapa taklimat"},
    "in-one": {"en": "Reported by one briefing only", "id": "Hanya dimuat satu taklimat"},
    "same-statement": {"en": "The same statement, outlet by outlet", "id": "Pernyataan yang sama, per media"},
    "no-shared-statements": {
        "en": "No statement is reported by more than one briefing yet.",
        "id": "Belum ada pernyataan yang dimuat lebih dari satu taklimat.",
    },
    "reported-by": {
        "en": ("reported by {n} briefing", "reported by {n} briefings"),
        "id": "dimuat {n} taklimat",
    },
    "who-credits-whom": {"en": "Who credits whom", "id": "Siapa mengutip siapa"},
    "credits-verb": {"en": "credits", "id": "mengutip"},
    "credits-nobody": {
        "en": "credits no agency or outlet",
        "id": "tidak mengutip kantor berita atau media lain",
    },
    "column": {"en": "Briefing {n}", "id": "Taklimat {n}"},
    "compared-newest": {
        "en": "the {n} newest of {total} briefings",
        "id": "{n} taklimat terbaru dari {total}",
    },
    "and-n-more": {"en": ("and {n} more", "and {n} more"), "id": "dan {n} lainnya"},
    # the theme's navigation (mkdocs.yml's nav titles) and header search box: see `chrome_words`
    "home": {"en": "Home", "id": "Beranda"},
    "open-data": {"en": "Open data", "id": "Data terbuka"},
    "contributing": {"en": "Contributing", "id": "Berkontribusi"},
    "how-to-contribute": {"en": "How to contribute", "id": "Cara berkontribusi"},
    "annotation-format": {"en": "Annotation format", "id": "Format anotasi"},
    "search-the-briefings": {"en": "Search the briefings", "id": "Cari taklimat"},
    "table-of-contents": {"en": "Table of contents", "id": "Daftar isi"},
}

#: catalogue entries whose English is a navigation title of mkdocs.yml
NAV_TITLES = (
    "home", "briefings", "stories", "actors-index", "topics", "outlets", "timeline", "search",
    "open-data", "contributing", "how-to-contribute", "annotation-format",
)  # fmt: skip


class ChromeWords(TypedDict):
    nav: dict[str, dict[str, str]]  # English title -> language -> title
    search: dict[str, dict[str, str]]  # placeholder, label -> language -> words
    toc: dict[str, str]  # language -> the table of contents' title


def chrome_words() -> ChromeWords:
    """The words of the theme's own parts, which the pages do not render: navigation titles by
    their English, the header search box's and the table of contents' title.
    `assets/briefings.js` writes them as alternatives of the reading language (the theme writes
    the navigation from mkdocs.yml)."""

    def other(key: str) -> dict[str, str]:
        return {code: text for code, text in UI[key].items() if code != ENGLISH and isinstance(text, str)}

    nav = {str(UI[key][ENGLISH]): other(key) for key in NAV_TITLES}
    return {
        "nav": nav,
        "search": {"placeholder": other("search-button"), "label": other("search-the-briefings")},
        "toc": other("table-of-contents"),
    }


def ui_words(key: str, language: str, **fields: object) -> str:
    """The plain text of a catalogue entry in one language (English when it has none)."""
    entry = UI[key]
    template = entry.get(language, entry[ENGLISH])
    if isinstance(template, tuple):
        template = template[0] if fields.get("n") == 1 else template[1]
    return template.format(**fields)


@lru_cache(maxsize=4096)  # a list of a thousand briefings asks for the same words a thousand times
def ui(key: str, ui_language: str | None, **fields: object) -> str:
    """The page's own words as HTML: English, and the page's original language beside it."""
    english = ui_words(key, ENGLISH, **{k: v for k, v in fields.items()})
    if ui_language is None or ui_language not in UI_LANGUAGES:
        return html.text(english)
    texts = {ENGLISH: html.text(english), ui_language: html.text(ui_words(key, ui_language, **fields))}
    return alternatives_html(texts, css="bf-ui")


def alternatives_html(
    texts: Mapping[str, str], *, tag: str = "span", css: str = "", original: str | None = None
) -> str:
    """Already-encoded HTML per language, each marked as an alternative of the reading language.

    `original` is the page's original language: the alternative the "original" reading shows
    when a text has several non-English ones (else the first of them)."""
    codes = sorted(texts, key=lambda c: (c != ENGLISH, c != original, c))
    if not codes:
        return ""
    if len(codes) == 1:
        return _element(tag, css, codes[0], texts[codes[0]])
    if len(set(texts.values())) == 1:  # the same words in each language ("NATO"): written once,
        cls = f' class="{css}"' if css else ""  # in no language in particular
        return f"<{tag}{cls}>{texts[codes[0]]}</{tag}>"
    has_english = ENGLISH in texts
    originals = [code for code in codes if code != ENGLISH]
    parts = []
    for code in codes:
        if code == ENGLISH:
            role = "bf-en" if originals else ""
        elif code == originals[0]:
            role = "bf-orig" if has_english else ""
        else:
            role = "bf-other"
        parts.append(_element(tag, " ".join(c for c in ("bf-alt", role, css) if c), code, texts[code]))
    return "".join(parts)


def _element(tag: str, classes: str, code: str, content: str) -> str:
    cls = f' class="{classes.strip()}"' if classes.strip() else ""
    return f'<{tag}{cls} lang="{html.text(code)}">{content}</{tag}>'


def alternatives(
    texts: Localized, *, markdown: bool = False, tag: str = "span", css: str = "", original: str | None = None
) -> str:
    """A contributor's text in each of its languages (plain text, or Markdown fields)."""
    encode = html.markdown if markdown else html.text
    return alternatives_html(
        {code: encode(text) for code, text in texts.items()}, tag=tag, css=css, original=original
    )


def date_words(date: PartialDate, language: str) -> str:
    months = MONTHS_ID if language == "id" else MONTHS
    if date.day:
        return f"{date.day} {months[date.month - 1]} {date.year}"
    if date.month:
        return f"{months[date.month - 1]} {date.year}"
    return str(date.year)


@lru_cache(maxsize=8192)
def date_html(date: PartialDate, ui_language: str | None) -> str:
    """`13 July 2023` (and `13 Juli 2023` beside it on an Indonesian page)."""
    texts = {ENGLISH: html.text(date_words(date, ENGLISH))}
    if ui_language in UI_LANGUAGES:
        texts[ui_language] = html.text(date_words(date, ui_language))
    return alternatives_html(texts, css="bf-ui")


@lru_cache(maxsize=256)
def language_html(code: str, ui_language: str | None) -> str:
    """A language's name, e.g. `Indonesian` (and `Indonesia` on an Indonesian page)."""
    from .labels import language_name

    texts = {ENGLISH: html.text(language_name(code))}
    if ui_language == "id":
        texts["id"] = html.text(LANGUAGE_NAMES_ID.get(code.split("-")[0], language_name(code)))
    return alternatives_html(texts, css="bf-ui")
