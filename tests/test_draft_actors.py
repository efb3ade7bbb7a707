"""`briefings new`: new actors (names without titles, guessed kinds, states, regions, partial
names), the commands that create them (`briefings actor new`), the title and slug, and
translation placeholders that take a pasted paragraph."""

from __future__ import annotations

import os
import shlex
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from build_tools.cli import main
from build_tools.draft import Draft, make_draft
from build_tools.validate import validate_repository

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 1, 1)

ARTICLE = """\
JAKARTA, contoh.co.id || Menteri Luar Negeri Retno Marsudi menegaskan bahwa Indonesia tidak akan mengirim pasukan ke Myanmar. Hal itu disampaikan dalam pertemuan ASEAN di Jakarta, Rabu (14/8/2024).
Duta Besar Jepang untuk Indonesia Kanasugi Kenji bertemu dengan Komisi I DPR pada Juli lalu untuk membahas keamanan di Asia Tenggara, Eropa dan Indo-Pasifik.
\u201cKami menghormati sikap ASEAN,\u201d kata Kanasugi.
Juru bicara Kementerian Luar Negeri China Mao Ning mengatakan Tiongkok mendukung upaya itu. \u201cKami siap membantu,\u201d ujar Mao.
Dana Moneter Internasional (IMF) memperkirakan ekonomi kawasan tumbuh tahun depan, dan IMF akan merilis laporan pada Januari mendatang.
Delegasi Myanmar tiba di Bangkok pekan lalu setelah transit di Kamboja, sementara Thailand belum memberikan tanggapan.
"""


def _copy_repo(target: Path) -> Path:
    target.mkdir(parents=True)
    for folder in ("briefings", "seeds"):
        shutil.copytree(REPO / folder, target / folder)
    return target


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Draft]:
    root = _copy_repo(tmp_path_factory.mktemp("actors") / "repo")
    (root / "seeds" / "asean.txt").write_text(ARTICLE, encoding="utf-8")
    return root, make_draft(root, "seeds/asean.txt", today_is=TODAY)


def _candidates(draft: Draft) -> dict[str, tuple[str, str, str | None, tuple[str, ...]]]:
    return {c.name: (c.id, c.kind, c.role, c.aliases) for c in draft.new_actors}


# -- names, roles and kinds ------------------------------------------------------------------------


def test_the_title_goes_to_the_role_not_the_name(drafted: tuple[Path, Draft]) -> None:
    candidates = _candidates(drafted[1])
    assert candidates["Retno Marsudi"] == ("retno-marsudi", "person", "Menteri Luar Negeri", ())
    assert candidates["Kanasugi Kenji"] == (
        "kanasugi-kenji", "person", "Duta Besar Jepang untuk Indonesia", (),
    )  # fmt: skip
    assert not [name for name in candidates if "Luar Negeri" in name or name.startswith("Indonesia ")]


def test_kinds_are_guessed_from_cues_and_the_list_of_states(drafted: tuple[Path, Draft]) -> None:
    candidates = _candidates(drafted[1])
    assert candidates["Indonesia"][:2] == ("indonesia", "state")
    assert candidates["Myanmar"][:2] == ("myanmar", "state")
    assert candidates["ASEAN"][:2] == ("asean", "organization")
    assert candidates["Komisi I DPR"][:2] == ("komisi-i-dpr", "organization")


def test_an_acronym_in_parentheses_is_the_same_organisation(drafted: tuple[Path, Draft]) -> None:
    candidates = _candidates(drafted[1])
    assert candidates["Dana Moneter Internasional"] == ("imf", "organization", None, ("IMF",))
    assert "IMF" not in candidates


def test_regions_and_places_are_not_actors(drafted: tuple[Path, Draft]) -> None:
    names = set(_candidates(drafted[1]))
    assert not names & {"Asia Tenggara", "Eropa", "Indo-Pasifik", "Jakarta", "Bangkok"}


def test_a_state_named_only_as_a_place_is_not_proposed(drafted: tuple[Path, Draft]) -> None:
    """ "di Bangkok", "di Kamboja": where the delegation went; Thailand is proposed for what it did."""
    candidates = _candidates(drafted[1])
    assert candidates["Thailand"] == ("thailand", "state", None, ())
    assert "Cambodia" not in candidates


def test_a_part_of_a_name_is_the_actor_already_found(drafted: tuple[Path, Draft]) -> None:
    draft = drafted[1]
    speakers = {q.text: (q.speaker, q.attribution, q.new_speaker) for q in draft.quotes}
    assert speakers["Kami siap membantu,"] == ("mao-ning", None, None)
    assert speakers["Kami menghormati sikap ASEAN,"] == (None, "TODO: Kanasugi Kenji", "kanasugi-kenji")
    assert not {"Mao", "Kanasugi"} & set(_candidates(draft))


def test_a_registry_state_under_another_name_is_that_actor(drafted: tuple[Path, Draft]) -> None:
    draft = drafted[1]
    assert "china" in draft.actors
    assert "Tiongkok" not in _candidates(draft)
    assert "- china  # 'China', line 4" in draft.text


def test_a_registry_state_named_first_under_another_name_says_so(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path / "repo")
    (root / "seeds" / "tiongkok.txt").write_text("Tiongkok menolak rencana itu, Senin (5/6/2023).\n", "utf-8")
    draft = make_draft(root, "seeds/tiongkok.txt", today_is=TODAY)
    assert draft.actors == ("china",)
    assert (
        "  - china  # 'Tiongkok', line 1 (a name from the list of states: add it to the aliases of china)"
        in draft.text
    )


def test_relative_dates_are_resolved_with_their_precision(drafted: tuple[Path, Draft]) -> None:
    dates = {d.resolved.found.text: d.resolved.span.iso() for d in drafted[1].dates if d.resolved.span}
    assert dates == {
        "Rabu (14/8/2024)": "2024-08-14",
        "Juli lalu": "2024-07",
        "tahun depan": "2025",
        "Januari mendatang": "2025-01",
        "pekan lalu": "2024-08-05/2024-08-11",
    }


# -- title and slug --------------------------------------------------------------------------------


def test_the_title_is_the_first_sentence_without_titles_and_speech_verb(drafted: tuple[Path, Draft]) -> None:
    draft = drafted[1]
    assert draft.title == "Retno Marsudi: Indonesia tidak akan mengirim pasukan ke Myanmar"
    assert draft.slug == "retno-marsudi-indonesia-tidak-mengirim-pasukan"


def test_a_headline_on_the_first_line_is_the_title(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path / "repo")
    article = "Indonesia Tolak Kirim Pasukan ke Myanmar\n" + ARTICLE
    (root / "seeds" / "headline.txt").write_text(article, encoding="utf-8")
    draft = make_draft(root, "seeds/headline.txt", today_is=TODAY)
    assert draft.title == "Indonesia Tolak Kirim Pasukan ke Myanmar"
    assert draft.slug == "indonesia-tolak-kirim-pasukan-myanmar"
    assert "# the article's first line, its headline; confirm" in draft.text
    assert '  identified: {by: dateline, text: "contoh.co.id ||"}' in draft.text  # on the second line
    assert "Tolak Kirim" not in " ".join(c.name for c in draft.new_actors)


# -- the commands that create the new actors -------------------------------------------------------


def _commands(draft: Draft) -> list[list[str]]:
    prefix = "#     .venv/bin/briefings "
    return [shlex.split(line[len(prefix) :]) for line in draft.text.splitlines() if line.startswith(prefix)]


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_the_draft_lists_a_ready_to_run_command_per_new_actor(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path / "repo")
    (root / "seeds" / "asean.txt").write_text(ARTICLE, encoding="utf-8")
    draft = make_draft(root, "seeds/asean.txt", today_is=TODAY)
    commands = _commands(draft)
    assert len(commands) == len(draft.new_actors)
    assert ["actor", "new", "retno-marsudi", "--name", "Retno Marsudi", "--kind", "person"] in commands
    assert '#     then in actors: - {id: retno-marsudi, role: {id: "Menteri Luar Negeri"}}' in draft.text
    for command in commands:
        status, out, err = _run(root, *command)
        assert status == 0, out + err
    problems = [p for p in validate_repository(root).problems if p.path.startswith("briefings/actors/")]
    # each new file holds one thing for a person to write: its description
    assert len(problems) == len(commands)
    assert {p.message for p in problems} == {"draft value: confirm or replace it"}
    # drafted again, the article's actors are now registry actors
    again = make_draft(root, "seeds/asean.txt", slug="again", today_is=TODAY)
    assert again.new_actors == ()
    assert {"retno-marsudi", "indonesia", "asean", "imf", "komisi-i-dpr"} <= set(again.actors)
    speakers = {q.text: q.speaker for q in again.quotes}
    assert speakers["Kami menghormati sikap ASEAN,"] == "kanasugi-kenji"


def test_actor_new_writes_a_file_that_validates_once_its_todo_is_written(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path / "repo")
    status, out, err = _run(
        root, "actor", "new", "philippines", "--name", "Philippines", "--kind", "state",
        "--alias", "Filipina", "--alias", "Manila",
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert out == (
        "briefings/actors/philippines.yml: actor 'philippines' written; replace its TODO values, "
        "then add its id to a briefing\n"
    )
    path = root / "briefings" / "actors" / "philippines.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../build_tools/schema/actor.schema.json\n")
    assert yaml.safe_load(text) == {
        "name": "Philippines",
        "kind": "state",
        "description": {"en": "TODO: who or what Philippines is, in one sentence"},
        "aliases": ["Filipina", "Manila"],
    }
    [problem] = [
        p for p in validate_repository(root).problems if p.path == "briefings/actors/philippines.yml"
    ]
    assert (problem.line, problem.message) == (5, "draft value: confirm or replace it")
    path.write_text(text.replace("TODO: who or what Philippines is, in one sentence", "A state."), "utf-8")
    assert [
        p for p in validate_repository(root).problems if p.path == "briefings/actors/philippines.yml"
    ] == []


def test_actor_new_with_a_description_is_valid_at_once(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path / "repo")
    name = 'Budi "Bud" Santoso: analis'
    status, out, err = _run(
        root, "actor", "new", "budi-santoso", "--name", name, "--kind", "person",
        "--description-en", "An analyst; he writes #hashtags: and 'quotes'.",
    )  # fmt: skip
    assert status == 0, out + err
    assert "replace its TODO values" not in out
    data = yaml.safe_load((root / "briefings" / "actors" / "budi-santoso.yml").read_text(encoding="utf-8"))
    assert data["name"] == name
    assert data["description"] == {"en": "An analyst; he writes #hashtags: and 'quotes'."}
    assert validate_repository(root).errors == ()


def test_actor_new_never_overwrites(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path / "repo")
    existing = root / "briefings" / "actors" / "nato.yml"
    before = existing.read_bytes()
    status, out, err = _run(root, "actor", "new", "nato", "--name", "NATO", "--kind", "organization")
    assert status == 1
    assert out == ""
    assert err.startswith(
        "briefings/actors/nato.yml:1:1: error: briefings/actors/nato.yml already exists; "
        "`briefings actor new` never overwrites a file: choose another ID [draft]"
    )
    assert existing.read_bytes() == before
    os.symlink(root / "elsewhere.yml", root / "briefings" / "actors" / "dangling.yml")
    status, _, err = _run(root, "actor", "new", "dangling", "--name", "X", "--kind", "person")
    assert status == 1
    assert not (root / "elsewhere.yml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Not An Id", "--name", "X", "--kind", "person"], "'Not An Id' is not an id"),
        (["index", "--name", "X", "--kind", "person"], "'index' is not an id"),
        (["x", "--name", "", "--kind", "person"], "must not be empty"),
        (["x", "--name", " X", "--kind", "person"], "not a space"),
        (["x", "--name", "X\nkind: state", "--kind", "person"], "holds a control character or a line break"),
        (["x", "--name", "X", "--kind", "country"], "'country' is not one of"),
        (["x", "--name", "X", "--kind", "person", "--alias", ""], "must not be empty"),
        (["x", "--kind", "person"], "Missing option '--name'"),
    ],
)
def test_actor_new_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    root = _copy_repo(tmp_path / "repo")
    before = sorted(p.name for p in (root / "briefings" / "actors").iterdir())
    status, out, err = _run(root, "actor", "new", *args)
    assert status == 2
    assert message in err
    assert "Traceback" not in out + err
    assert sorted(p.name for p in (root / "briefings" / "actors").iterdir()) == before


# -- translation placeholders ----------------------------------------------------------------------


def test_a_pasted_paragraph_that_opens_with_a_quotation_mark_validates(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path / "repo")
    (root / "briefings" / "macron-opposes-nato-office-in-japan.yml").unlink()
    draft = make_draft(root, "seeds/000_12260c7031d92e22.txt", slug="pasted", today_is=TODAY)
    text = draft.text.replace("TODO: translate paragraph 6\n", '"Kami menolak," kata dia.\n')
    text = text.replace("TODO: translate paragraph 7\n", "\u201cKami: #menolak\u201d, kata dia.\n")
    assert text != draft.text
    (root / draft.path).write_text(text.replace("TODO: ", ""), encoding="utf-8")
    result = validate_repository(root)
    assert [p for p in result.problems if p.path == draft.path] == []
    body = result.corpus.briefings["pasted"].translations["en"].body
    assert body[5:7] == ('"Kami menolak," kata dia.', "\u201cKami: #menolak\u201d, kata dia.")


# -- how names are read, one case each -------------------------------------------------------------


def _draft_of(tmp_path: Path, text: str) -> Draft:
    root = _copy_repo(tmp_path / "repo")
    (root / "seeds" / "case.txt").write_text(f"JAKARTA, contoh.id || Senin (9/9/2024). {text}\n", "utf-8")
    return make_draft(root, "seeds/case.txt", today_is=TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a portfolio the word lists do not know, before a state
        ("Menteri Sumber Daya Australia Claire Whitmore tiba.", ("Claire Whitmore", "person", "Menteri Sumber Daya Australia")),
        # pe-...-an and ke-...-an words are portfolios, "dan" goes on with the title
        ("Menteri Perladangan dan Komoditas Azlan Yusof tiba.", ("Azlan Yusof", "person", "Menteri Perladangan dan Komoditas")),
        # an organisation's short form in parentheses inside a role
        (
            "Ketua Umum Gabungan Pengusaha Kelapa Sawit Indonesia (Gapki) Rina Kusuma tiba.",
            ("Rina Kusuma", "person", "Ketua Umum Gabungan Pengusaha Kelapa Sawit Indonesia (Gapki)"),
        ),
        # the name after a comma, the organisation in the title
        ("Hal itu dikatakan Direktur Eksekutif Walhi, Rahayu Lestari.", ("Rahayu Lestari", "person", "Direktur Eksekutif Walhi")),
        ("Hal itu dikatakan Direktur Eksekutif Walhi, Rahayu Lestari.", ("Walhi", "organization", None)),
        ("PT Aneka Tambang Tbk (Antam) menolak.", ("PT Aneka Tambang Tbk", "organization", None)),
        ("Kamar Dagang dan Industri Indonesia (Kadin) menolak.", ("Kamar Dagang dan Industri Indonesia", "organization", None)),
        ("Bulan Sabit Merah Mesir menolak.", ("Bulan Sabit Merah Mesir", "organization", None)),
        ("Ia bertemu Budi Santoso di Sulawesi Tenggara.", ("Budi Santoso", "person", None)),
    ],
)  # fmt: skip
def test_names_roles_and_kinds(tmp_path: Path, text: str, expected: tuple[str, str, str | None]) -> None:
    draft = _draft_of(tmp_path, text)
    found = {c.name: (c.name, c.kind, c.role) for c in draft.new_actors}
    assert found.get(expected[0]) == expected, found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Ia bertemu Budi Santoso di Sulawesi Tenggara.", "Sulawesi Tenggara"),  # a province
        ("Regulasi Deforestasi Uni Eropa (EUDR) berlaku. EUDR ditolak.", "EUDR"),  # a document's short form
        ("Konferensi Tingkat Tinggi (KTT) dimulai.", "Konferensi Tingkat Tinggi"),
        ("Delegasi tiba di Swiss pada pagi hari.", "Switzerland"),  # a state only as a place
        ("Rapat digelar di kantor Kementerian Keuangan, Jakarta, Senin (9/9/2024).", "Indonesia"),
        ("Kapal melintas di Laut China Selatan dan Asia Tenggara.", "Laut China Selatan"),
    ],
)
def test_what_is_not_an_actor(tmp_path: Path, text: str, absent: str) -> None:
    draft = _draft_of(tmp_path, text)
    assert absent not in {name for c in draft.new_actors for name in (c.name, *c.aliases)}


def test_a_hostile_article_is_drafted_as_strict_yaml(tmp_path: Path) -> None:
    """Thousands of names, quotes and brackets in one paragraph: still a draft the strict loader
    reads, whose values are the article's words, quoted."""
    from build_tools.yamlstrict import parse_yaml

    noise = " ".join(
        f'Menteri {n}a{n} Abc{n} (X{n}) kata "Q: #{n}" \u201cA{n},\u201d ujar Abc{n} [KN/sw] {{{{ x }}}}'
        for n in range(250)  # one paragraph just under the limit of 20,000 characters
    )
    draft = _draft_of(tmp_path, noise)
    assert parse_yaml(draft.text.encode("utf-8"), "hostile.yml").problems == ()
    assert len(draft.quotes) == 500
