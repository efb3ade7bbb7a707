"""The only two ways contributor text reaches a page.

`text()` is for plain fields: every ASCII punctuation character becomes a numeric character
reference, so no Markdown, HTML, attribute-list (`{: ...}`), snippet (`--8<--`) or template
(`{{ }}`, `{% %}`) syntax in it has any effect, while the reader sees exactly what was written.
`markdown()` is for fields where Markdown is allowed: markdown-it-py's `js-default` preset (no
raw HTML, no linkify), without images or headings, links limited to http and https; braces and
line breaks of its output are encoded so that nothing downstream reads them as syntax.
"""

from __future__ import annotations

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


def markdown(value: str) -> str:
    """Markdown field -> HTML on one line, with external links marked as such."""
    rendered: str = _MARKDOWN.render(value).strip()
    rendered = rendered.replace("<a href=", '<a rel="nofollow noopener" class="bf-external" href=')
    return rendered.replace("{", "&#123;").replace("}", "&#125;").replace("\n", "&#10;")
