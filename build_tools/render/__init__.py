"""Render stage: typed data and indexes -> one page (Markdown and HTML) per page kind and item.

One module per page kind, each declaring its `KIND` (`kind.PageKind`); `registry.PAGE_KINDS`
lists them. Contributor text passes through `html.text` (plain) or `html.markdown` (Markdown
fields) and nowhere else. Nothing here knows MkDocs.
"""

from __future__ import annotations

from .kind import PageKind, SiteData
from .page import Page
from .registry import PAGE_KINDS
from .urls import Links

__all__ = ["PAGE_KINDS", "Links", "Page", "PageKind", "SiteData"]
