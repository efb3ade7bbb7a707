"""Valid markup of our own: the Nu HTML Checker (npm `vnu-jar`, run with the machine's Java) over
every HTML page of a published build, once (it is slow to start). The theme's own messages are
listed below by their exact text, each with the markup of Material's it is about; any other
message, error or warning, fails the test."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: Material 9.7's messages, not ours to fix: exact text -> what every extract it is reported on holds
THEME_MESSAGES = {
    # the drawer and search toggles (`<input class="md-toggle" type="checkbox" autocomplete="off">`)
    "Attribute \u201cautocomplete\u201d is only allowed when the input type is \u201ccolor\u201d, "
    "\u201cdate\u201d, \u201cdatetime-local\u201d, \u201cemail\u201d, \u201chidden\u201d, \u201cmonth\u201d, "
    "\u201cnumber\u201d, \u201cpassword\u201d, \u201crange\u201d, \u201csearch\u201d, \u201ctel\u201d, "
    "\u201ctext\u201d, \u201ctime\u201d, \u201curl\u201d, or \u201cweek\u201d.": 'class="md-toggle"',
    # the navigation's section labels
    "Bad value \u201c\u201d for attribute \u201ctabindex\u201d on element \u201clabel\u201d: "
    "The empty string is not a valid integer.": 'class="md-nav__link"',
    # the table of contents' title on pages kept out of the navigation
    "The value of the \u201cfor\u201d attribute of the \u201clabel\u201d element must be the ID of a "
    "non-hidden form control.": 'class="md-nav__title" for="__toc"',
}


def _check(site: Path) -> list[dict[str, object]]:
    java = shutil.which("java")
    assert java, "java not found: the Nu HTML Checker needs it (apt-get install default-jre-headless)"
    assert VNU.is_file(), f"{VNU} not found: run `npm ci` (make test does)"
    done = subprocess.run(
        [java, "-jar", str(VNU), "--skip-non-html", "--format", "json", str(site)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    messages: list[dict[str, object]] = json.loads(done.stderr)["messages"]
    return messages


def test_the_nu_html_checker_finds_nothing_in_our_markup(published_site: Path) -> None:
    messages = _check(published_site)
    ours = [
        f"{str(m.get('url', '')).rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['type']}: {m['message']}\n"
        f"    {str(m.get('extract', '')).strip()}"
        for m in messages
        if m["message"] not in THEME_MESSAGES
    ]
    assert ours == [], "\n".join(ours)
    for message in messages:  # each theme message is about the theme's markup only
        assert THEME_MESSAGES[str(message["message"])] in str(message.get("extract", "")), message
    checked = {str(m.get("url")) for m in messages}
    assert len(checked) > 30  # every page was read (each has the theme's toggles)
