"""Platform guard: MkDocs 1.x is frozen and Material announces its end of life; ProperDocs is a
drop-in MkDocs 1.x fork. The seed site must build with it too, with the same content, so that a
switch is one line."""

from __future__ import annotations

from pathlib import Path

from .conftest import REPO
from .site_helpers import build_site, content_of

PAGES = [
    "briefings/macron-opposes-nato-office-in-japan/index.html",
    "actors/emmanuel-macron/index.html",
    "stories/nato-tokyo-liaison-office/index.html",
    "timeline/index.html",
    "index.html",
]


def test_seed_site_builds_with_properdocs_and_matches_mkdocs(tmp_path: Path) -> None:
    done = build_site(REPO, tmp_path / "pd", tool="properdocs")
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    reference = build_site(REPO, tmp_path / "mk")
    assert reference.returncode == 0, reference.stderr
    for page in PAGES:
        ours = content_of((tmp_path / "pd" / page).read_text(encoding="utf-8"))
        theirs = content_of((tmp_path / "mk" / page).read_text(encoding="utf-8"))
        assert ours == theirs, page
