"""The documented limits: each at the limit and one past it, and what validation makes of the
quote limits (suggestions per file, occurrences that can be chosen)."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from build_tools.cli import main
from build_tools.limits import (
    MAX_ARTICLE_BYTES,
    MAX_OCCURRENCE,
    MAX_PARAGRAPH_CHARS,
    MAX_PARAGRAPHS,
    SUGGESTIONS_PER_FILE,
    check_article,
)
from build_tools.model import Problem
from build_tools.report import SHOWN_CHARS, TextReport

from .steps import step_limit

BRIEFING = "briefings/macron-opposes-nato-office-in-japan.yml"
ARTICLE = "seeds/000_12260c7031d92e22.txt"


# -- articles ------------------------------------------------------------------------------------


def test_an_article_of_exactly_the_maximum_size_passes() -> None:
    line = "x" * 999 + "\n"
    text = line * (MAX_ARTICLE_BYTES // len(line))
    text += "y" * (MAX_ARTICLE_BYTES - len(text))
    assert len(text.encode("utf-8")) == MAX_ARTICLE_BYTES
    assert check_article(text) == []


def test_an_article_one_byte_over_the_size_limit_is_refused_at_that_byte() -> None:
    line = "\u00e9" * 499 + "\n"  # 999 bytes
    text = line * (MAX_ARTICLE_BYTES // 999) + "\u00e9"  # 1,000 bytes past the last full line
    size = len(text.encode("utf-8"))
    assert size == MAX_ARTICLE_BYTES + 1
    [(offset, message)] = check_article(text)
    assert len(text[:offset].encode("utf-8")) <= MAX_ARTICLE_BYTES < len(text[: offset + 1].encode("utf-8"))
    assert offset == len(text) - 1
    assert message == (
        "article is 1,000,001 bytes, over the limit of 1,000,000; "
        "annotate a shorter article, or the part of it the briefing is about"
    )


def test_the_maximum_number_of_paragraphs_passes_and_one_more_is_refused_at_it() -> None:
    at_limit = "Paragraf.\n\n" * MAX_PARAGRAPHS
    assert check_article(at_limit) == []
    over = at_limit + "  Satu lagi.\n"
    assert check_article(over) == [
        (
            len(at_limit) + 2,
            (
                "article has 2,001 paragraphs (non-blank lines), over the limit of 2,000; "
                "annotate a shorter article, or the part of it the briefing is about"
            ),
        )
    ]


def test_a_paragraph_of_the_maximum_length_passes_and_one_character_more_is_refused() -> None:
    before = "Judul.\n"
    assert check_article(before + "a" * MAX_PARAGRAPH_CHARS + "\n") == []
    assert check_article(before + "a" * (MAX_PARAGRAPH_CHARS + 1) + "\n") == [
        (
            len(before),
            (
                "paragraph is 20,001 characters long, over the limit of 20,000; "
                "put each paragraph of the article on its own line"
            ),
        )
    ]


def test_every_paragraph_over_the_limit_is_reported_in_order() -> None:
    long = "b" * (MAX_PARAGRAPH_CHARS + 5)
    text = f"{long}\nshort\n{long}\n"
    assert [offset for offset, _ in check_article(text)] == [0, len(long) + 7]


# -- quotes --------------------------------------------------------------------------------------


def _set_quotes(root: Path, quotes: list[dict]) -> None:
    path = root / BRIEFING
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["quotes"] = quotes
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def _where(root: Path, key: str) -> str:
    """`line:column` of the value after `key` in the briefing's quotes."""
    lines = (root / BRIEFING).read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("quotes:"))
    line = next(n for n in range(start, len(lines)) if key in lines[n])
    return f"{line + 1}:{lines[line].index(key) + len(key) + 1}"


def _validate(root: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["--root", str(root), "validate"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, [line for line in result.output.splitlines() if line.startswith(BRIEFING)]


def test_quotes_not_found_get_suggestions_up_to_the_limit_then_one_note(repo_copy: Path) -> None:
    quotes = [
        {"text": f"Kutipan nomor {n} tidak ada", "speaker": "emmanuel-macron", "translations": {"en": "x"}}
        for n in range(SUGGESTIONS_PER_FILE + 7)
    ]
    _set_quotes(repo_copy, quotes)
    code, lines = _validate(repo_copy)
    assert code == 1
    suggested = [line for line in lines if "closest passage (" in line]
    assert len(suggested) == SUGGESTIONS_PER_FILE
    assert lines[-1].endswith(
        f"7 more quotes not found in {ARTICLE} (closest passages are shown for the first "
        f"{SUGGESTIONS_PER_FILE}); fix those and validate again [quote]"
    )
    assert len(lines) == SUGGESTIONS_PER_FILE + 1


def test_an_occurrence_beyond_the_ones_that_can_be_chosen_is_refused(repo_copy: Path) -> None:
    article = repo_copy / ARTICLE
    text = article.read_text(encoding="utf-8").rstrip("\n") + "\n"
    article.write_text(text + "Ya.\n" * (MAX_OCCURRENCE + 5), encoding="utf-8")
    first = text.count("\n") + 1
    quote = {"text": "Ya.", "speaker": "emmanuel-macron", "translations": {"en": "Yes."}}
    _set_quotes(repo_copy, [{**quote, "occurrence": str(MAX_OCCURRENCE)}])
    code, lines = _validate(repo_copy)
    assert not [line for line in lines if "[quote]" in line]  # the last one that can be chosen
    _set_quotes(repo_copy, [{**quote, "occurrence": str(MAX_OCCURRENCE + 1)}])
    code, lines = _validate(repo_copy)
    assert code == 1
    assert [line for line in lines if "[quote]" in line] == [
        (
            f"{BRIEFING}:{_where(repo_copy, 'occurrence: ')}: error: occurrence 101 asked for, but only the first 100 of a quote's 105 "
            "occurrences can be chosen; quote a longer passage [quote]"
        )
    ]
    _set_quotes(repo_copy, [quote])
    code, lines = _validate(repo_copy)
    assert [line for line in lines if "[quote]" in line] == [
        (
            f"{BRIEFING}:{_where(repo_copy, 'text: ')}: error: quote occurs 105 times in {ARTICLE} (lines {', '.join(str(first + n) for n in range(5))}); "
            'add occurrence: "1" to "100" to say which one is meant [quote]'
        )
    ]


# -- the report ----------------------------------------------------------------------------------


def test_the_report_reads_each_file_once(tmp_path: Path) -> None:
    source = tmp_path / "a.yml"
    source.write_text("title: x\nsummary: y\n", encoding="utf-8")
    report = TextReport(tmp_path)
    first = report.format(Problem("a.yml", 2, 10, "bad", "rule"))
    source.unlink()  # what the report shows now comes from its one reading
    assert report.format(Problem("a.yml", 2, 10, "bad", "rule")) == first
    assert first == "a.yml:2:10: error: bad [rule]\n    summary: y\n             ^"


def test_thousands_of_problems_in_one_file_are_formatted_in_linear_work(tmp_path: Path) -> None:
    lines = [f"  - text: kutipan {n}" for n in range(10_000)]
    (tmp_path / "a.yml").write_text("quotes:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    problems = [Problem("a.yml", n + 2, 11, "quote not found", "quote") for n in range(10_000)]
    report = TextReport(tmp_path)
    with step_limit(100 * len(problems)):
        shown = [report.format(p) for p in problems]
    assert shown[-1].splitlines()[1] == "      - text: kutipan 9999"


def test_a_long_offending_line_is_shown_around_the_column(tmp_path: Path) -> None:
    line = "quotes: [" + ", ".join(f"{{text: q{n}}}" for n in range(20_000)) + "]"
    (tmp_path / "a.yml").write_text(line + "\n", encoding="utf-8")
    column = line.index("q12345") + 1
    shown = TextReport(tmp_path).format(Problem("a.yml", 1, column, "quote not found", "quote"))
    head, source, caret = shown.splitlines()
    assert head == f"a.yml:1:{column}: error: quote not found [quote]"
    assert len(source) <= 4 + SHOWN_CHARS + 6
    assert source.startswith("    ...") and source.endswith("...")
    assert source[len(caret) - 1 : len(caret) + 5] == "q12345"
    assert caret.strip() == "^"
