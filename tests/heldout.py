"""The held-out briefings of the seed story (tests/fixtures/outlets/): a scratch repository with
the seed briefings and these three more, from outlets the seeds do not cover."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures" / "outlets"
STORY = "nato-tokyo-liaison-office"
WIRE = "example-wire-macron-defends-opposition"
QUOTIDIEN = "quotidien-macron-maintient-son-opposition"
UNSIGNED = "unsigned-stoltenberg-office-still-discussed"
SEED_000 = "macron-opposes-nato-office-in-japan"
SEED_002 = "macron-blocks-nato-tokyo-liaison-office"


def heldout_repository(root: Path) -> Path:
    """The repository's annotations, articles and site configuration, plus the held-out ones:
    their articles in seeds/, their briefings and outlets in briefings/."""
    root.mkdir(parents=True, exist_ok=True)
    for folder in ("briefings", "seeds", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for article in (FIXTURES / "articles").iterdir():
        shutil.copy(article, root / "seeds" / article.name)
    shutil.copytree(FIXTURES / "briefings", root / "briefings", dirs_exist_ok=True)
    return root
