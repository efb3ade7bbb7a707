"""Errors that show the fix (`build_tools.explain`): the words that differ in a misquote, the
paragraph a translation lacks or has in excess, a value that starts with a quotation mark."""

from __future__ import annotations

import pytest
import yaml

from build_tools.explain import (
    clip_around,
    first_difference,
    missing_paragraph,
    quote_differences,
    quoted_start_fix,
)
from build_tools.validate import validate_repository
from build_tools.yamlstrict import YamlLoadError, parse_yaml

from .conftest import REPO


def test_the_differing_words_are_named() -> None:
    assert quote_differences(
        "Apa pun kata orang, geografi itu sangat keras kepala,",
        "Apapun kata orang, geografi itu keras kepala,",
    ) == ("the article has 'Apapun' where you wrote 'Apa pun' and no 'sangat'")
    assert quote_differences("geografi keras kepala", "geografi itu keras kepala") == (
        "the article has 'itu', which you left out"
    )
    assert quote_differences("same words", "same words") == ""
    many = quote_differences("a b c d e f g h", "a x c y e z g w")
    assert many.endswith("(1 more difference)")


def test_a_long_passage_is_clipped_around_its_first_difference() -> None:
    article = " ".join(f"kata{n}" for n in range(60)) + " berbeda akhir"
    yours = " ".join(f"kata{n}" for n in range(60)) + " sama akhir"
    shown = clip_around(article, first_difference(yours, article))
    assert "berbeda" in shown and shown.startswith("...") and len(shown) <= 126


@pytest.mark.parametrize(
    "slug", ["macron-opposes-nato-office-in-japan", "macron-blocks-nato-tokyo-liaison-office"]
)
def test_a_missing_or_extra_translated_paragraph_is_found(slug: str) -> None:
    briefing = validate_repository(REPO).corpus.briefings[slug]
    original = briefing.article.paragraph_texts()
    body = list(briefing.translations["en"].body)
    missing = [missing_paragraph(original, body[:i] + body[i + 1 :]) == (i, True) for i in range(len(body))]
    extra = [
        missing_paragraph(original, [*body[:i], "An added sentence of the translation.", *body[i:]])
        == (i, False)
        for i in range(len(body))
    ]
    # where two neighbouring paragraphs look alike either may be named; most must be exact
    assert sum(missing) >= 0.8 * len(body), missing
    assert sum(extra) >= 0.8 * len(body), extra


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ('  - "Kami menolak," kata dia.', '"Kami menolak," kata dia.'),
        ("title: 'Kami' kata dia", "'Kami' kata dia"),
        ("    - \"Ini 'kutipan'\" katanya", "\"Ini 'kutipan'\" katanya"),
    ],
)
def test_a_value_starting_with_a_quotation_mark_gets_a_line_that_works(line: str, value: str) -> None:
    column, fixed = quoted_start_fix(line)
    assert line[column:] == value
    listed = line.lstrip().startswith("-")
    corrected = yaml.safe_load(f"body:\n{fixed}\n" if listed else f"{fixed}\n")
    assert corrected == ({"body": [value]} if listed else {"title": value})  # the text as meant
    document = f"body:\n{line}\n" if listed else f"{line}\n"
    with pytest.raises(YamlLoadError) as raised:
        parse_yaml(document.encode(), "x.yml")
    (problem,) = raised.value.problems
    assert "must be quoted as a whole" in problem.message and fixed.strip() in problem.message
    assert problem.column == column + 1


@pytest.mark.parametrize(
    "line", ['  - "Kami menolak, kata dia."', "  - Kami menolak.", '  - "Kami" # a comment']
)
def test_lines_that_are_fine_get_no_fix(line: str) -> None:
    assert quoted_start_fix(line) is None
