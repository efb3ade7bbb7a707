"""The plugin's theme templates stay minimal copies of Material's (no browser needed)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import material

OVERRIDES = Path(str(resources.files("build_tools") / "assets" / "overrides"))
MATERIAL = Path(material.__file__).parent / "templates"


def _body(template: str) -> list[str]:
    """The template without its leading Jinja comment."""
    lines = template.splitlines()
    end = next(i for i, line in enumerate(lines) if line.rstrip().endswith("-#}"))
    return lines[end + 1 :]


def test_search_partial_differs_from_materials_only_by_the_dialog_name() -> None:
    ours = _body((OVERRIDES / "partials" / "search.html").read_text("utf-8"))
    theirs = _body((MATERIAL / "partials" / "search.html").read_text("utf-8"))
    assert len(ours) == len(theirs)
    changed = [(a, b) for a, b in zip(ours, theirs) if a != b]
    assert changed == [
        (
            '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
            '<div class="md-search" data-md-component="search" role="dialog">',
        )
    ], "Material's search partial changed: copy it again into build_tools/assets/overrides/partials/"


def test_main_template_only_adds_to_the_head() -> None:
    main = (OVERRIDES / "main.html").read_text("utf-8")
    assert '{% extends "base.html" %}' in main
    assert main.count("{% block ") == 1 and "{% block extrahead %}" in main and "{{ super() }}" in main
