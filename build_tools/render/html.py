"""The only two ways contributor text reaches a page.

`text()` is for plain fields: every ASCII punctuation character becomes a numeric character
reference, so no Markdown, HTML, attribute-list (`{: ...}`), snippet (`--8<--`) or template
(`{{ }}`, `{% %}`) syntax in it has any effect, while the reader sees exactly what was written.
`markdown()` is for fields where Markdown is allowed: markdown-it-py's `js-default` preset (no
raw HTML, no linkify), without images or headings, links limited to http and https; braces and
line breaks of its output are encoded so that nothing downstream reads them as syntax.
"""

from __future__ import annotations

import functools
import re
import string

from markdown_it import MarkdownIt

_PUNCTUATION = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
_PUNCTUATION[ord("\n")] = "&#10;"
_PUNCTUATION[ord("\r")] = ""
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def text(value: str) -> str:
    """Plain text as inert HTML: displays exactly `value`, means nothing to any parser."""
    return value.translate(_PUNCTUATION)


def _markdown_parser() -> MarkdownIt:
    parser = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})
    parser.disable(["image", "heading", "lheading", "html_block", "html_inline"], ignoreInvalid=True)
    # markdown-it-py's documented way to replace the link check and the renderer's rules, which
    # its types declare as a method and do not list on the renderer protocol
    parser.validateLink = lambda url: bool(_SAFE_URL.match(url.strip()))  # type: ignore[method-assign]
    rules = parser.renderer.rules  # type: ignore[attr-defined]
    # text and code go through the same encoding as plain fields, so nothing in them is syntax
    rules["text"] = lambda tokens, i, *_: text(tokens[i].content)
    rules["code_inline"] = lambda tokens, i, *_: f"<code>{text(tokens[i].content)}</code>"
    rules["code_block"] = rules["fence"] = lambda tokens, i, *_: (
        f"<pre><code>{text(tokens[i].content)}</code></pre>"
    )
    return parser


_MARKDOWN = _markdown_parser()


#: Markdown fields rendered before: a briefing's summary is shown on its page and as a teaser on
#: its story's, actors', topics' and year pages, and a preview renders the same fields on every rebuild
_RENDERED = 65_536


@functools.lru_cache(maxsize=_RENDERED)
def markdown(value: str) -> str:
    """Markdown field -> HTML on one line, with external links marked as such."""
    rendered: str = _MARKDOWN.render(value).strip()
    rendered = rendered.replace("<a href=", '<a rel="nofollow noopener" class="bf-external" href=')
    return rendered.replace("{", "&#123;").replace("}", "&#125;").replace("\n", "&#10;")


@functools.lru_cache(maxsize=_RENDERED)
def plain_text(value: str) -> str:
    """The words of a Markdown field without its syntax (for teasers and descriptions)."""
    words: list[str] = []
    for token in _MARKDOWN.parseInline(" ".join(value.split())):
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
    return "".join(words).strip()


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def clip(value: str, limit: int) -> str:
    """`value` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-\u2013\u2014") + "\u2026"


def teaser(markdown_text: str, limit: int = 220) -> str:
    """The first sentence of a Markdown field, as plain text, clipped at a word boundary."""
    words = plain_text(markdown_text)
    first = _SENTENCE_END.split(words, maxsplit=1)[0]
    return clip(first, limit)
