"""`briefings new` measured: precision and recall of the draft's quotes, speakers, dates, actors and
actor kinds, on articles written for the tests (`tests/fixtures/draft-articles/`, each with a
hand-made `.expected.yml`) and on the two seed articles (against their hand-made briefings).

`pytest tests/test_draft_articles.py -s` prints the table. What is counted:
- quotes: the quoted text (normalised as quotes are anchored);
- speakers: a quote found with the right speaker (a registry id, a new actor's name, or an unnamed
  source); precision is over the found quotes for which the draft proposes someone;
- dates: (line, value) of each dated expression; on the seeds, the set of values, since their
  briefings do not say which words each date comes from;
- actors: registry ids and new actors' names (a second proposal for the same actor is wrong);
- kinds: new actors whose name and kind are both right.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

from build_tools.anchor import normalize
from build_tools.draft import Draft, make_draft
from build_tools.validate import validate_repository

REPO = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "fixtures" / "draft-articles"
NEW_ARTICLES = sorted(path.stem for path in ARTICLES.glob("*.txt"))
SEEDS = {
    "000_12260c7031d92e22": "macron-opposes-nato-office-in-japan",
    "002_1ee619b8e0dfa870": "macron-blocks-nato-tokyo-liaison-office",
}
TODAY = date(2026, 1, 1)
CATEGORIES = ("quotes", "speakers", "dates", "actors", "kinds")
#: what the drafts reach, minus a small margin: (precision, recall) per category
FLOORS = {
    "new articles": {
        "quotes": (0.95, 0.95), "speakers": (0.93, 0.93), "dates": (0.95, 0.95),
        "actors": (0.92, 0.94), "kinds": (0.9, 0.92),
    },
    "000_12260c7031d92e22": {
        "quotes": (0.95, 0.95), "speakers": (0.95, 0.95), "dates": (0.95, 0.45),
        "actors": (0.95, 0.9), "kinds": (0.95, 0.95),
    },
    "002_1ee619b8e0dfa870": {
        "quotes": (0.95, 0.95), "speakers": (0.95, 0.95), "dates": (0.95, 0.95),
        "actors": (0.95, 0.95), "kinds": (0.95, 0.95),
    },
}  # fmt: skip


@dataclass(frozen=True)
class Annotation:
    """What one article holds, as a person annotated it or as the draft proposes it."""

    quotes: dict[str, str | None]  # normalised text -> speaker label (None: no guess)
    dates: Counter[tuple[int, str]]  # (line, value); line 0 when unknown
    registry: frozenset[str]
    new: tuple[tuple[frozenset[str], str], ...]  # (normalised names, kind)


@dataclass(frozen=True)
class Score:
    found: int  # proposed and right
    proposed: int
    expected: int

    @property
    def precision(self) -> float:
        return self.found / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.found + other.found, self.proposed + other.proposed, self.expected + other.expected)


def _text(text: str) -> str:
    return normalize(text, keep_lines=False).text.strip()


def _name(text: str) -> str:
    return " ".join(text.replace(".", " ").split()).casefold()


def _expected(name: str) -> Annotation:
    data = yaml.safe_load((ARTICLES / f"{name}.expected.yml").read_text(encoding="utf-8"))
    return Annotation(
        quotes={_text(q["text"]): _label(q["speaker"]) for q in data["quotes"]},
        dates=Counter((d["line"], d["date"]) for d in data["dates"]),
        registry=frozenset(data["actors"]["registry"]),
        new=tuple(
            (frozenset(_name(n) for n in [a["name"], *a.get("aliases", [])]), a["kind"])
            for a in data["actors"]["new"]
        ),
    )


def _label(speaker: str) -> str:
    if speaker.startswith("new: "):
        return "new: " + _name(speaker[5:])
    return speaker


def _seed_expected(seed: str) -> Annotation:
    gold = validate_repository(REPO).corpus.briefings[SEEDS[seed]]
    return Annotation(
        quotes={_text(q.text): q.speaker or "unnamed" for q in gold.quotes},
        dates=Counter((0, event.date.iso()) for event in gold.dates),
        registry=frozenset(role.id for role in gold.actors),
        new=(),
    )


def _drafted(draft: Draft, lines: bool) -> Annotation:
    return Annotation(
        quotes={_text(q.text): _speaker_label(q.speaker, q.attribution, q.how) for q in draft.quotes},
        dates=Counter(
            (item.line if lines else 0, item.resolved.span.iso())
            for item in draft.dates
            if item.resolved.span is not None
        ),
        registry=frozenset(draft.actors),
        new=tuple((frozenset(_name(n) for n in (c.name, *c.aliases)), c.kind) for c in draft.new_actors),
    )


def _speaker_label(speaker: str | None, attribution: str | None, how: str) -> str | None:
    if speaker:
        return speaker
    if how.startswith("unnamed source"):
        return "unnamed"
    if attribution and attribution.startswith("TODO: ") and attribution != "TODO: who said this?":
        return "new: " + _name(attribution[len("TODO: ") :])
    return None


def _score(expected: Annotation, drafted: Annotation) -> dict[str, Score]:
    found_quotes = set(expected.quotes) & set(drafted.quotes)
    guessed = [q for q in found_quotes if drafted.quotes[q] is not None]
    right_speakers = sum(drafted.quotes[q] == expected.quotes[q] for q in guessed)
    dates_found = sum((expected.dates & drafted.dates).values())
    new_found, kinds_found = _match_new(expected.new, drafted.new)
    registry_found = len(expected.registry & drafted.registry)
    return {
        "quotes": Score(len(found_quotes), len(drafted.quotes), len(expected.quotes)),
        "speakers": Score(right_speakers, len(guessed), len(expected.quotes)),
        "dates": Score(dates_found, sum(drafted.dates.values()), sum(expected.dates.values())),
        "actors": Score(
            registry_found + new_found,
            len(drafted.registry) + len(drafted.new),
            len(expected.registry) + len(expected.new),
        ),
        "kinds": Score(kinds_found, len(drafted.new), len(expected.new)),
    }


def _match_new(
    expected: tuple[tuple[frozenset[str], str], ...], drafted: tuple[tuple[frozenset[str], str], ...]
) -> tuple[int, int]:
    """How many proposed new actors are expected ones (each expected one counted once), and how
    many of those have the right kind."""
    taken: set[int] = set()
    kinds = 0
    for names, kind in drafted:
        for index, (gold_names, gold_kind) in enumerate(expected):
            if index not in taken and names & gold_names:
                taken.add(index)
                kinds += kind == gold_kind
                break
    return len(taken), kinds


def _repository(target: Path) -> Path:
    target.mkdir(parents=True)
    for folder in ("briefings", "seeds"):
        shutil.copytree(REPO / folder, target / folder)
    for article in ARTICLES.glob("*.txt"):
        shutil.copy(article, target / "seeds" / article.name)
    for slug in SEEDS.values():  # each seed is drafted as if it had no briefing yet
        (target / "briefings" / f"{slug}.yml").unlink()
    return target


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Draft]]]:
    root = _repository(tmp_path_factory.mktemp("articles") / "repo")
    drafts = {name: make_draft(root, f"seeds/{name}.txt", slug=name, today_is=TODAY) for name in NEW_ARTICLES}
    for seed in SEEDS:
        drafts[seed] = make_draft(root, f"seeds/{seed}.txt", slug=f"seed-{seed[:3]}", today_is=TODAY)
    yield root, drafts


@pytest.fixture(scope="module")
def scores(drafted: tuple[Path, dict[str, Draft]]) -> dict[str, dict[str, Score]]:
    drafts = drafted[1]
    result = {name: _score(_expected(name), _drafted(drafts[name], lines=True)) for name in NEW_ARTICLES}
    for seed in SEEDS:
        result[seed] = _score(_seed_expected(seed), _drafted(drafts[seed], lines=False))
    return result


def _total(scores: dict[str, dict[str, Score]]) -> dict[str, Score]:
    rows = [scores[name] for name in NEW_ARTICLES]
    return {c: sum((row[c] for row in rows), Score(0, 0, 0)) for c in CATEGORIES}


def _table(scores: dict[str, dict[str, Score]]) -> str:
    header = f"{'article':26}" + "".join(f"{c + ' P/R':>15}" for c in CATEGORIES)
    lines = [header, "-" * len(header)]
    rows = [*((n, scores[n]) for n in NEW_ARTICLES), ("new articles", _total(scores))]
    rows += [(seed, scores[seed]) for seed in SEEDS]
    for name, row in rows:
        cells = "".join(f"{row[c].precision:>8.2f}/{row[c].recall:.2f}" for c in CATEGORIES)
        lines.append(f"{name:26}{cells}")
        if name == "new articles":
            counts = "  ".join(f"{c} {row[c].found}/{row[c].proposed}/{row[c].expected}" for c in CATEGORIES)
            lines.append(f"{'  (right/proposed/expected)':26}{counts}")
            lines.append("-" * len(header))
    return "\n".join(lines)


def test_new_articles_are_there() -> None:
    assert len(NEW_ARTICLES) >= 4
    for name in NEW_ARTICLES:
        assert (ARTICLES / f"{name}.expected.yml").is_file(), name


def test_expected_annotations_match_their_articles() -> None:
    """Every expected quote is in its article, on a line that holds the dated expression."""
    for name in NEW_ARTICLES:
        text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
        expected = _expected(name)
        for quote in expected.quotes:
            assert quote in _text(text), (name, quote)
        assert all(1 <= line <= len(text.splitlines()) for line, _ in expected.dates), name


@pytest.mark.parametrize("name", NEW_ARTICLES)
def test_the_publication_date_is_read_from_the_lead(
    name: str, drafted: tuple[Path, dict[str, Draft]]
) -> None:
    expected = yaml.safe_load((ARTICLES / f"{name}.expected.yml").read_text(encoding="utf-8"))
    assert drafted[1][name].published == expected["published"]


@pytest.mark.parametrize("name", NEW_ARTICLES)
def test_the_draft_is_refused_until_confirmed_then_valid(
    name: str, drafted: tuple[Path, dict[str, Draft]]
) -> None:
    """Strict YAML that yamllint accepts; `briefings validate` refuses only its TODO values, and
    nothing once they are confirmed (speakers the registry lacks are attributions until then)."""
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    root, draft = drafted[0], drafted[1][name]
    assert list(linter.run(draft.text, YamlLintConfig(file=str(REPO / ".yamllint.yml")))) == []
    path = root / draft.path
    try:
        path.write_text(draft.text, encoding="utf-8")
        problems = [p for p in validate_repository(root).problems if p.path == draft.path]
        assert problems and {p.rule for p in problems} == {"draft"}
        path.write_text(draft.text.replace("TODO: ", ""), encoding="utf-8")
        left = [p.message for p in validate_repository(root).problems if p.path == draft.path]
        # a dateline's outlet that briefings/outlets/ does not know waits for its file
        outlet = re.search(r'  outlet: "TODO: ([a-z0-9-]+)"', draft.text)
        if outlet:
            unknown = f"unknown outlet '{outlet.group(1)}'"
            if draft.actors:  # (else a schema error stops validation before the ids are looked up)
                assert [m for m in left if m.startswith(unknown)] != []
            left = [m for m in left if not m.startswith(unknown)]
        if draft.actors:
            assert left == []
        else:  # no registry actor: `actors` waits for the ids of the new ones
            assert len(left) == 1 and "got 'an id from briefings/actors/" in left[0]
    finally:
        path.unlink()


def test_precision_and_recall(scores: dict[str, dict[str, Score]]) -> None:
    print("\n" + _table(scores))
    rows = {"new articles": _total(scores), **{seed: scores[seed] for seed in SEEDS}}
    for name, floors in FLOORS.items():
        for category, (precision, recall) in floors.items():
            score = rows[name][category]
            assert score.precision >= precision, f"{name}: {category} precision {score.precision:.2f}"
            assert score.recall >= recall, f"{name}: {category} recall {score.recall:.2f}"
