"""The plugin hands MkDocs the HTML of generated pages directly. It must be what Python-Markdown
(with the site's toc extension) makes of the same pages' Markdown, so the fast path changes
nothing a reader sees and `briefings build --markdown` stays the faithful source."""

from __future__ import annotations

import re

import markdown
import pytest

from build_tools.link import build_index
from build_tools.render import Links, render_site
from build_tools.validate import validate_repository

from .conftest import REPO

_BETWEEN_TAGS = re.compile(r">\s+<")


def _pages():
    corpus = validate_repository(REPO).corpus
    return render_site(corpus, build_index(corpus), Links())


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.src_uri)
def test_fast_html_equals_python_markdown(page) -> None:
    body = page.markdown().split("---\n", 2)[2]
    converter = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"permalink": True}})
    slow = converter.convert(body)
    fast, toc = page.html()
    assert _BETWEEN_TAGS.sub("><", fast) == _BETWEEN_TAGS.sub("><", slow)
    slow_toc = [(t["level"], t["id"], t["name"]) for t in converter.toc_tokens]
    assert [(t.level, t.id, t.label) for t in toc] == slow_toc
