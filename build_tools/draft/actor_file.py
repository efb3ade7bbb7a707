"""`briefings actor new`: an actor file written from the command line, never over an existing one.

The file passes the strict loader and the JSON Schema as written; what a person still has to
write (the English description, when none is given) is a `TODO` value that `briefings validate`
refuses until it is replaced.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from ..model import Problem
from . import repository
from .records import DraftError, DraftExists, DraftUsageError
from .repository import DRAFT_RULE, TODO, is_slug

ACTOR_MODELINE = "# yaml-language-server: $schema=../../build_tools/schema/actor.schema.json"
KINDS = ("person", "organization", "state")
ACTORS_DIR = "briefings/actors"


def actor_text(name: str, kind: str, description_en: str | None, aliases: Sequence[str]) -> str:
    """The file's YAML: quoted values (JSON strings are YAML), the description a block scalar."""
    description = (
        description_en.strip() if description_en else f"{TODO}: who or what {name} is, in one sentence"
    )
    lines = [
        ACTOR_MODELINE,
        f"name: {json.dumps(name, ensure_ascii=False)}",
        f"kind: {kind}",
        "description:",
        "  en: >-",
        f"    {' '.join(description.split())}",
    ]
    if aliases:
        lines.append(f"aliases: [{', '.join(json.dumps(a, ensure_ascii=False) for a in aliases)}]")
    return "\n".join(lines) + "\n"


def write_actor(
    root: Path,
    actor_id: str,
    *,
    name: str,
    kind: str,
    description_en: str | None = None,
    aliases: Sequence[str] = (),
) -> Path:
    """Create briefings/actors/<actor_id>.yml; refuses (DraftExists) if anything is at that path."""
    _check(actor_id, name, kind, description_en, aliases)
    relative = f"{ACTORS_DIR}/{actor_id}.yml"
    text = actor_text(name, kind, description_en, list(dict.fromkeys(aliases)))
    problems = repository.schema_problems("actor", text, relative)
    if problems:
        raise DraftUsageError(f"the actor file would not be valid: {problems[0].message}", "--name")
    folder = root / ACTORS_DIR
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise DraftError(
            Problem(ACTORS_DIR, 1, 1, f"{ACTORS_DIR} is not a folder of the repository", DRAFT_RULE)
        )
    folder.mkdir(exist_ok=True)
    for existing in (relative, f"{ACTORS_DIR}/{actor_id}.yaml"):
        if (root / existing).exists() or (root / existing).is_symlink():
            raise DraftExists(_exists(existing))
    try:
        with open(root / relative, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise DraftExists(_exists(relative)) from None
    return root / relative


def _exists(path: str) -> Problem:
    message = f"{path} already exists; `briefings actor new` never overwrites a file: choose another ID"
    return Problem(path, 1, 1, message, DRAFT_RULE)


def _check(actor_id: str, name: str, kind: str, description_en: str | None, aliases: Sequence[str]) -> None:
    if not is_slug(actor_id):
        raise DraftUsageError(
            f"{actor_id!r} is not an id: lower-case letters, digits and hyphens, not 'index'", "ID"
        )
    if kind not in KINDS:
        raise DraftUsageError(f"{kind!r} is not a kind: {', '.join(KINDS)}", "--kind")
    for value, param in (
        (name, "--name"),
        (description_en or "x", "--description-en"),
        *((a, "--alias") for a in aliases),
    ):
        if not value.strip():
            raise DraftUsageError("must not be empty", param)
        if any(unicodedata.category(c).startswith("C") for c in value):
            raise DraftUsageError(f"{value!r} holds a control character or a line break", param)
    if name.strip() != name or any(a.strip() != a for a in aliases):
        raise DraftUsageError("a name starts and ends with a letter or a sign, not a space", "--name")
