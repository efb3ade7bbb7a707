"""`briefings new` and outlets (issue 16): the outlet is recognised by a registry signature at the
end of the article or a registry dateline at its start, or by the name a dateline gives; a
dateline naming an outlet the registry lacks proposes its record; anything else is unidentified,
never guessed. Credits are the registry outlets the article cites."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from build_tools.draft import make_draft
from build_tools.validate import validate_repository

from .conftest import REPO

TODAY = date(2024, 7, 1)
BODY = (
    "Presiden Prancis Emmanuel Macron menolak rencana NATO membuka kantor di Tokyo, Kamis (13/7/2023).\n"
    "“Geografi itu keras kepala,” kata Macron.\n"
)
REUTERS = """\
name: Reuters
kind: news-agency
description: {en: International news agency.}
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    target.mkdir()
    for folder in ("briefings", "seeds"):
        shutil.copytree(REPO / folder, target / folder)
    return target


def _draft(root: Path, article: str, name: str = "article") -> str:
    (root / "seeds" / f"{name}.txt").write_text(article, encoding="utf-8")
    return make_draft(root, f"seeds/{name}.txt", slug=name, today_is=TODAY).text


def _source(text: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index("source:")
    return [line for line in lines[start + 1 :] if line.startswith("  ")][:4]


def test_a_registry_signature_at_the_end_identifies_the_outlet(root: Path) -> None:
    source = _source(_draft(root, BODY + "Kantor itu masih dibahas.[IT/r]\n"))
    assert source[0].startswith("  outlet: islam-times  # signed '[IT/r]' at the end of the article")
    assert source[1] == '  identified: {by: signature, text: "[IT/r]"}'


def test_a_signature_inside_the_article_does_not(root: Path) -> None:
    source = _source(_draft(root, "Seperti dikutip [IT/r], " + BODY))
    assert source[0].startswith("  identified: {by: unidentified}  # nothing in the article matches")


def test_a_registry_dateline_at_the_start_identifies_the_outlet(root: Path) -> None:
    source = _source(_draft(root, "PARIS (AFP) - " + BODY))
    assert source[0].startswith("  outlet: agence-france-presse  # the dateline '(AFP)' opens the article")
    assert source[1] == '  identified: {by: dateline, text: "(AFP)"}'


def test_the_name_a_dateline_gives_is_matched_by_name_or_alias(root: Path) -> None:
    (root / "briefings" / "outlets" / "reuters.yml").write_text(REUTERS, encoding="utf-8")
    source = _source(_draft(root, "LONDON (Reuters) - " + BODY))
    assert source[0].startswith("  outlet: reuters  # the dateline '(Reuters) -' names it; add '(Reuters) -'")
    assert source[1] == '  identified: {by: name, text: "Reuters"}'


def test_an_outlet_the_registry_lacks_is_proposed_and_waits_for_its_file(root: Path) -> None:
    text = _draft(root, "JAKARTA, harianbaru.id || " + BODY)
    source = _source(text)
    assert source[0].startswith("  outlet: \"TODO: harianbaru-id\"  # the dateline 'harianbaru.id ||' names")
    assert "write briefings/outlets/harianbaru-id.yml" in source[0]
    assert source[1] == '  identified: {by: dateline, text: "harianbaru.id ||"}'


def test_an_article_that_shows_no_outlet_is_unidentified_and_validates_so(root: Path) -> None:
    text = _draft(root, BODY)
    assert "outlet:" not in "\n".join(_source(text))
    (root / "briefings" / "article.yml").write_text(text.replace("TODO: ", ""), encoding="utf-8")
    problems = [p for p in validate_repository(root).problems if p.path == "briefings/article.yml"]
    assert problems == []


def test_credits_are_registry_outlets_the_article_cites_never_its_own(root: Path) -> None:
    (root / "briefings" / "outlets" / "reuters.yml").write_text(REUTERS, encoding="utf-8")
    article = (
        "PARIS (AFP) - " + BODY + "Dilansir kantor berita Reuters, kabar itu dibantah. Dilansir AFP juga.\n"
    )
    source = _source(_draft(root, article))
    assert source[2].startswith("  # credits: [reuters]  # cited in the article ('Reuters', line 3)")


def test_a_cited_name_with_no_outlet_file_is_said(root: Path) -> None:
    text = _draft(root, "PARIS (AFP) - " + BODY + "Dilansir kantor berita Xinhua, Beijing membantah.\n")
    assert "  # also cited, with no file in briefings/outlets/ yet: 'Xinhua'" in text
