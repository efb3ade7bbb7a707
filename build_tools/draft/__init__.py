"""`briefings new`: a first draft of a briefing, made from its article.

The draft holds what a machine can find: the language (py3langid), a title candidate, every quoted
passage with a guessed speaker (`speakers.py`), every date expression resolved against the
publication date (`dates.py`, `resolve.py`), the registry actors the article names and candidate
new ones (`names.py`, `actors.py`), with the `briefings actor new` command that creates the
chosen ones (`actor_file.py`). Everything a person must write or confirm holds a value starting with
`TODO` (`validate.draft_value_problems` refuses them), and every guess carries a comment saying
where it came from (`output.py`). Word lists are data files, one per language (`words/`).

The package reads the repository only through `repository.py`. Nothing is ever overwritten: files
are created with O_EXCL. Library errors are typed: `DraftUsageError` (a bad argument), `DraftError`
(the content or the repository refuses).
"""

from __future__ import annotations

from .actor_file import write_actor
from .layout import detect_language
from .make import make_draft, write_draft
from .output import MODELINE
from .records import Draft, DraftError, DraftExists, DraftUsageError

__all__ = [
    "MODELINE",
    "Draft",
    "DraftError",
    "DraftExists",
    "DraftUsageError",
    "detect_language",
    "make_draft",
    "write_actor",
    "write_draft",
]
