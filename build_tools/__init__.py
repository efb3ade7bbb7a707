"""Annotated news briefings: a static site generator over MkDocs and Material."""

__version__ = "0.1.0"
