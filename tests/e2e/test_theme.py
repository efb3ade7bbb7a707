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


def test_header_differs_from_materials_only_by_the_search_form() -> None:
    """Material's search button and dialog (which need its search plugin) give way to a form that
    opens the site's search page; every other line is Material's."""
    ours = _body((OVERRIDES / "partials" / "header.html").read_text("utf-8"))
    theirs = _body((MATERIAL / "partials" / "header.html").read_text("utf-8"))
    start = next(i for i, line in enumerate(theirs) if '"material/search" in config.plugins' in line)
    end = next(i for i, line in enumerate(theirs) if "config.repo_url" in line)
    assert ours[:start] == theirs[:start], (
        "Material's header changed: copy it again into build_tools/assets/overrides/partials/"
    )
    tail = len(theirs) - end
    assert ours[-tail:] == theirs[end:], (
        "Material's header changed: copy it again into build_tools/assets/overrides/partials/"
    )
    form = "\n".join(ours[start:-tail])
    assert 'role="search"' in form and 'name="q"' in form and "search_page | url" in form
    assert "{% include" in form and "magnify.svg" in form and "config.plugins" not in form


def test_main_template_only_adds_to_the_head_and_to_the_scripts() -> None:
    """Two blocks, each Material's own first: the head (feeds, sharing card, JSON-LD) and the
    scripts at the end of the body (the page's own, after every page's)."""
    main = (OVERRIDES / "main.html").read_text("utf-8")
    assert '{% extends "base.html" %}' in main
    blocks = [part.split("%}", 1) for part in main.split("{% block ")[1:]]
    assert [name.strip() for name, _ in blocks] == ["extrahead", "scripts"]
    assert all(body.lstrip().startswith("{{ super() }}") for _, body in blocks)
