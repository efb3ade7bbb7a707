"""Synthetic corpus for the benchmark: N valid briefings, their articles, actors, stories, topics.

Everything is deterministic from the seed. Articles are Indonesian-looking filler, one paragraph
per line; the English translation is a word-by-word gloss of the same paragraphs, so it is aligned
one to one. Quotes are clauses taken from the generated article (some elided with `...`, a few
repeated so that they need `occurrence`); a quote whose text does not occur exactly once verbatim
is counted with the project's own anchoring code. Actors, stories, topics and outlets are drawn
with a Zipf-Mandelbrot skew: a few appear in many briefings, most in a handful. Every outlet and
agency has its record; an article's dateline names its outlet (a few name none: unidentified),
and the lead names the agencies it credits.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import multiprocessing
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_tools.anchor import find_quote, normalize

try:  # the C emitter: same representer and resolver as yaml.safe_dump, many times faster
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """yaml.safe_dump's representer, without alias bookkeeping for our plain dicts, lists and str
    (the output is the same: safe_dump never writes aliases for them here)."""

    def represent_data(self, data):
        kind = type(data)
        if kind is str:
            return self.represent_str(data)
        self.alias_key = None
        if kind is dict:
            return self.represent_dict(data)
        if kind is list:
            return self.represent_list(data)
        return super().represent_data(data)


def _dump_text(data: dict, modeline: str) -> bytes:
    text = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120, default_flow_style=False
    )
    return (modeline + text).encode("utf-8")


def _write_batch(batch: list[tuple[str, object, str]]) -> int:
    """Write (path, YAML data or article text, modeline) entries; the bytes of YAML written."""
    written = 0
    for path, content, modeline in batch:
        if isinstance(content, str):
            raw = content.encode("utf-8")
        else:
            raw = _dump_text(content, modeline)  # type: ignore[arg-type]
            written += len(raw)
        with open(path, "wb") as out:
            out.write(raw)
    return written


class _Writer:
    """Dumps and writes files in a worker process while the main process keeps generating
    (the representer is pure Python), or inline on a single core. Output does not depend on it."""

    BATCH = 128

    def __init__(self, parallel: bool) -> None:
        workers = (os.cpu_count() or 1) - 1 if parallel else 0
        self.pool = multiprocessing.get_context("fork").Pool(min(workers, 3)) if workers > 0 else None
        self.batch: list[tuple[str, object, str]] = []
        self.pending: list = []
        self.inline_bytes = 0

    def add(self, path: Path, content: object, modeline: str = "") -> None:
        self.batch.append((str(path), content, modeline))
        if len(self.batch) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        if self.pool is None:
            self.inline_bytes += _write_batch(batch)
        else:
            self.pending.append(self.pool.apply_async(_write_batch, (batch,)))

    def close(self) -> int:
        """Wait for every write; the bytes of YAML written."""
        self._flush()
        total = self.inline_bytes + sum(result.get() for result in self.pending)
        if self.pool is not None:
            self.pool.close()
            self.pool.join()
        return total


MODELINE = "# yaml-language-server: $schema={}build_tools/schema/{}.schema.json\n"

# -- vocabulary: (Indonesian, English gloss) ------------------------------------------------------

WORDS = [
    ("pemerintah", "government"), ("mengatakan", "said"), ("bahwa", "that"), ("kebijakan", "policy"),
    ("ekonomi", "economy"), ("dalam", "in"), ("rapat", "meeting"), ("dengan", "with"), ("para", "the"),
    ("menteri", "ministers"), ("akan", "will"), ("terhadap", "towards"), ("kerja", "work"),
    ("sama", "together"), ("wilayah", "region"), ("keamanan", "security"), ("negara", "state"),
    ("pembangunan", "development"), ("masyarakat", "society"), ("sementara", "meanwhile"),
    ("itu", "that"), ("menurut", "according to"), ("laporan", "report"), ("pihak", "party"),
    ("tersebut", "the said"), ("upaya", "effort"), ("meningkatkan", "increase"),
    ("hubungan", "relations"), ("bilateral", "bilateral"), ("kawasan", "area"),
    ("perdagangan", "trade"), ("investasi", "investment"), ("anggaran", "budget"), ("tahun", "year"),
    ("depan", "next"), ("harga", "price"), ("bahan", "material"), ("bakar", "fuel"),
    ("presiden", "president"), ("rakyat", "people"), ("daerah", "district"), ("pemilihan", "election"),
    ("umum", "general"), ("partai", "party"), ("oposisi", "opposition"), ("juru", "expert"),
    ("bicara", "speak"), ("kementerian", "ministry"), ("luar", "foreign"), ("pertahanan", "defence"),
    ("kesehatan", "health"), ("pendidikan", "education"), ("bencana", "disaster"), ("banjir", "flood"),
    ("gempa", "earthquake"), ("infrastruktur", "infrastructure"), ("jalan", "road"), ("tol", "toll"),
    ("pelabuhan", "port"), ("bandara", "airport"), ("mendukung", "supports"), ("menolak", "rejects"),
    ("rencana", "plan"), ("baru", "new"), ("besar", "large"), ("kecil", "small"), ("cepat", "fast"),
    ("lambat", "slow"), ("penting", "important"), ("segera", "soon"), ("belum", "not yet"),
    ("sudah", "already"), ("masih", "still"), ("tidak", "not"), ("juga", "also"), ("namun", "however"),
    ("karena", "because"), ("sehingga", "so that"), ("agar", "so"), ("untuk", "for"), ("dari", "from"),
    ("kepada", "to"), ("oleh", "by"), ("pada", "on"), ("di", "at"), ("ke", "to"), ("yang", "which"),
    ("dan", "and"), ("atau", "or"), ("serta", "as well as"), ("antara", "between"), ("setelah", "after"),
    ("sebelum", "before"), ("selama", "during"), ("hari", "day"), ("minggu", "week"), ("bulan", "month"),
    ("lalu", "last"), ("kemarin", "yesterday"), ("pekan", "week"), ("pasar", "market"),
    ("saham", "shares"), ("bank", "bank"), ("sentral", "central"), ("suku", "rate"), ("bunga", "interest"),
    ("inflasi", "inflation"), ("pertumbuhan", "growth"), ("ekspor", "exports"), ("impor", "imports"),
    ("petani", "farmers"), ("nelayan", "fishermen"), ("buruh", "workers"), ("mahasiswa", "students"),
    ("demonstrasi", "demonstration"), ("polisi", "police"), ("tentara", "army"), ("latihan", "exercise"),
    ("militer", "military"), ("perbatasan", "border"), ("laut", "sea"), ("kapal", "ship"),
    ("pulau", "island"), ("energi", "energy"), ("listrik", "electricity"), ("batu", "stone"),
    ("bara", "coal"), ("nikel", "nickel"), ("tambang", "mine"), ("hutan", "forest"), ("iklim", "climate"),
    ("emisi", "emissions"), ("karbon", "carbon"), ("target", "target"), ("program", "programme"),
    ("bantuan", "aid"), ("sosial", "social"), ("warga", "residents"), ("kota", "city"),
    ("desa", "village"), ("provinsi", "province"), ("gubernur", "governor"), ("bupati", "regent"),
    ("dewan", "council"), ("perwakilan", "representatives"), ("undang-undang", "law"),
    ("revisi", "revision"), ("sidang", "session"), ("pengadilan", "court"), ("hakim", "judge"),
    ("jaksa", "prosecutor"), ("korupsi", "corruption"), ("kasus", "case"), ("penyelidikan", "inquiry"),
    ("diplomat", "diplomat"), ("kedutaan", "embassy"), ("konferensi", "conference"), ("pers", "press"),
    ("pernyataan", "statement"), ("resmi", "official"), ("sumber", "source"), ("data", "data"),
    ("survei", "survey"), ("persen", "percent"), ("triliun", "trillion"), ("miliar", "billion"),
    ("rupiah", "rupiah"), ("dolar", "dollar"), ("nilai", "value"), ("tukar", "exchange"),
]  # fmt: skip
GLOSS = dict(WORDS)
ID_WORDS = [w for w, _ in WORDS]

FIRST_NAMES = """Adi Agus Ahmad Andi Anita Ari Bambang Budi Citra Dedi Dewi Dian Eko Endang Fajar Fitri
Gita Hadi Hendra Indah Irfan Joko Kartika Lestari Made Maya Mega Nanda Novi Nur Putri Rahmat Ratna Reza
Rina Rudi Sari Setiawan Siti Sri Taufik Tri Wahyu Wati Yanti Yudi Yusuf Zainal Aisyah Bayu Cahya Dimas
Edi Farah Galih Hana Ilham Intan Kurnia Lukman Mira Nadia Oki Pandu Raka Sinta Tegar Umar Vina Wulan""".split()  # noqa: SIM905
LAST_NAMES = """Santoso Wibowo Susanto Hidayat Saputra Siregar Nasution Harahap Simanjuntak Lubis Kusuma
Pratama Wijaya Halim Gunawan Hartono Purnomo Setiadi Utomo Sulistyo Rahman Hakim Nugroho Prasetyo Suryadi
Firmansyah Hutapea Sitorus Tanjung Pohan Daulay Manurung Panjaitan Sembiring Ginting Tarigan Sinaga
Situmorang Tambunan Wahyudi Kurniawan Syahputra Maulana Ramadhan Irawan Permana Yulianto Darmawan Sutrisno
Hendrawan Anggraini Lestiani Marpaung Pakpahan Silalahi Napitupulu Batubara Rangkuti Matondang Surbakti
Sihombing Simatupang Pardede Hasibuan Ritonga Dalimunthe Pulungan Siagian Sianturi""".split()  # noqa: SIM905
ORG_HEADS = [
    ("Kementerian", "Ministry of"), ("Badan", "Agency for"), ("Komisi", "Commission for"),
    ("Lembaga", "Institute for"), ("Dewan", "Council for"), ("Yayasan", "Foundation for"),
    ("Asosiasi", "Association for"), ("Partai", "Party of"), ("Serikat", "Union for"),
    ("Pusat Studi", "Centre for the Study of"),
]  # fmt: skip
ORG_FIELDS = [
    ("Energi", "Energy"), ("Perdagangan", "Trade"), ("Kesehatan", "Health"), ("Pendidikan", "Education"),
    ("Pertahanan", "Defence"), ("Kelautan", "Maritime Affairs"), ("Pertanian", "Agriculture"),
    ("Keuangan", "Finance"), ("Lingkungan Hidup", "the Environment"), ("Perhubungan", "Transport"),
    ("Pariwisata", "Tourism"), ("Industri", "Industry"), ("Ketenagakerjaan", "Labour"),
    ("Pertambangan", "Mining"), ("Kebudayaan", "Culture"), ("Penanggulangan Bencana", "Disaster Relief"),
    ("Hak Asasi Manusia", "Human Rights"), ("Pemilu", "Elections"), ("Statistik", "Statistics"),
    ("Antikorupsi", "Anti-Corruption"),
]  # fmt: skip
SYLLABLES = "ka la ma na ra sa ta va do ri mo lu be en ar is ol un te zi po qu ne fa gi".split()  # noqa: SIM905
TOPICS = [
    ("economy", "Economy", "Ekonomi"), ("politics", "Politics", "Politik"), ("elections", "Elections", "Pemilu"),
    ("security", "Security", "Keamanan"), ("defence", "Defence", "Pertahanan"), ("diplomacy", "Diplomacy", "Diplomasi"),
    ("trade", "Trade", "Perdagangan"), ("energy", "Energy", "Energi"), ("mining", "Mining", "Pertambangan"),
    ("climate", "Climate", "Iklim"), ("environment", "Environment", "Lingkungan"), ("health", "Health", "Kesehatan"),
    ("education", "Education", "Pendidikan"), ("disasters", "Disasters", "Bencana"), ("law", "Law", "Hukum"),
    ("corruption", "Corruption", "Korupsi"), ("human-rights", "Human rights", "Hak asasi manusia"),
    ("labour", "Labour", "Ketenagakerjaan"), ("agriculture", "Agriculture", "Pertanian"),
    ("maritime", "Maritime affairs", "Kelautan"), ("infrastructure", "Infrastructure", "Infrastruktur"),
    ("transport", "Transport", "Transportasi"), ("finance", "Finance", "Keuangan"), ("tourism", "Tourism", "Pariwisata"),
    ("culture", "Culture", "Budaya"), ("religion", "Religion", "Agama"), ("technology", "Technology", "Teknologi"),
    ("media", "Media", "Media"), ("migration", "Migration", "Migrasi"), ("indo-pacific", "Indo-Pacific", "Indo-Pasifik"),
]  # fmt: skip
OUTLETS = """kabarnusantara.example harianpagi.example warta-kini.example suaramerdeka.example
beritasatu.example tempo-online.example lensaindonesia.example detikwarta.example kompasiana.example
antaranews.example jurnalpost.example metropolitan.example sinarharapan.example tribunwarta.example
republika.example medialokal.example pikiranrakyat.example jawapos.example okezone.example
liputanenam.example cnnindo.example viva-news.example merdeka-news.example idntimes.example
kumparan-news.example""".split()  # noqa: SIM905
AGENCIES = ["AFP", "Reuters", "AP", "Antara", "Xinhua", "Kyodo", "Bernama", "Bloomberg", "Financial Times"]
ROLES = [
    ("Announced the plan", "Mengumumkan rencana itu"), ("Opposes the plan", "Menentang rencana itu"),
    ("Quoted at the press conference", "Dikutip dalam konferensi pers"), ("Host of the meeting", "Tuan rumah rapat"),
    ("Under investigation", "Sedang diselidiki"), ("Source of the figures", "Sumber angka-angka"),
    ("Signed the agreement", "Menandatangani perjanjian"), ("Critic of the policy", "Pengkritik kebijakan itu"),
]  # fmt: skip
UNNAMED = [
    ("An unnamed official", "Seorang pejabat yang tidak disebutkan namanya"),
    ("A source familiar with the talks", "Sumber yang mengetahui pembicaraan"),
    ("A spokesperson who asked not to be named", "Juru bicara yang meminta namanya tidak disebut"),
]


@dataclass(eq=False)
class SynthActor:
    id: str
    name: str
    kind: str
    data: dict


@dataclass
class Stats:
    """What was generated, for the benchmark's report."""

    briefings: int = 0
    actors: int = 0
    stories: int = 0
    topics: int = 0
    quotes: int = 0
    elided_quotes: int = 0
    occurrence_quotes: int = 0
    events: int = 0
    paragraphs: int = 0
    article_bytes: int = 0
    yaml_bytes: int = 0
    top_actor_share: float = 0.0
    actors_in_one_briefing: int = 0


class _Skewed:
    """Draws from `items` with Zipf-Mandelbrot weights 1/(rank+q)^s (rank 1 is the most common)."""

    def __init__(self, items: list, s: float, q: float) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(1.0 / (rank + q) ** s for rank in range(1, len(items) + 1)))

    def draw(self, rng: random.Random):
        return self.items[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]

    def sample(self, rng: random.Random, k: int) -> list:
        """Up to `k` distinct items (duplicates of a draw are dropped, as in real annotations)."""
        return list(dict.fromkeys(self.draw(rng) for _ in range(k)))


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Generator:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.stats = Stats()

    # -- text ---------------------------------------------------------------------------------

    def clause(self, lo: int = 6, hi: int = 16) -> tuple[str, str]:
        """A run of words and its gloss (lower case, no punctuation)."""
        words = self.rng.choices(ID_WORDS, k=self.rng.randint(lo, hi))
        return " ".join(words), " ".join(GLOSS[w] for w in words)

    def sentence(self, names: list[str]) -> tuple[str, str]:
        id_text, en_text = self.clause()
        roll = self.rng.random()
        if names and roll < 0.25:
            name = self.rng.choice(names)
            return f"Menurut {name}, {id_text}.", f"According to {name}, {en_text}."
        if names and roll < 0.4:
            name = self.rng.choice(names)
            return f"{name} mengatakan {id_text}.", f"{name} said {en_text}."
        return _cap(id_text) + ".", _cap(en_text) + "."

    # -- the corpus ---------------------------------------------------------------------------

    def write(self, root: Path) -> Stats:
        self.writer = _Writer(parallel=self.n >= 200)  # a worker process is not worth it below
        try:
            self._write(root)
        finally:
            self.stats.yaml_bytes = self.writer.close()
        return self.stats

    def _write(self, root: Path) -> None:
        rng, n = self.rng, self.n
        for folder in ("briefings/actors", "briefings/stories", "briefings/outlets", "seeds"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        actors = self._actors(max(30, int(n * 0.3)))
        story_ids = self._stories(root, max(1, round(n / 20)))
        self._topics(root)
        self._outlets(root)
        actor_draw = _Skewed(actors, s=1.1, q=2.5)
        story_draw = _Skewed(story_ids, s=1.0, q=3.0)
        topic_draw = _Skewed([t[0] for t in TOPICS], s=0.9, q=1.0)
        outlet_draw = _Skewed(OUTLETS, s=1.0, q=1.0)

        # who is in which briefing: skewed draws, then every actor at least once (a long tail)
        cast: list[list[SynthActor]] = [actor_draw.sample(rng, rng.randint(2, 9)) for _ in range(n)]
        used = {a.id for members in cast for a in members}
        for actor in actors:
            if actor.id not in used:
                cast[rng.randrange(n)].append(actor)
        counts: dict[str, int] = {}
        for members in cast:
            for a in members:
                counts[a.id] = counts.get(a.id, 0) + 1
        self.stats.top_actor_share = round(max(counts.values()) / n, 3)
        self.stats.actors_in_one_briefing = sum(1 for c in counts.values() if c == 1)
        for actor in actors:
            self._dump(root / f"briefings/actors/{actor.id}.yml", actor.data, "../../")
        self.stats.actors = len(actors)

        slugs: list[str] = []
        for i in range(n):
            story: str | None
            if i < len(story_ids):
                story = story_ids[i]  # every story has at least one briefing
            else:
                story = story_draw.draw(rng) if rng.random() < 0.75 else None
            slug = self._briefing(root, i, cast[i], story, topic_draw, outlet_draw, slugs)
            slugs.append(slug)
        self.stats.briefings = n

    def _dump(self, path: Path, data: dict, up: str) -> None:
        kind = {"actors": "actor", "stories": "story", "outlets": "outlet"}.get(path.parent.name, "briefing")
        if path.name == "topics.yml":
            kind = "topics"
        self.writer.add(path, data, MODELINE.format(up, kind))

    def _unique(self, taken: set[str], make) -> str:
        for _ in range(50):
            name = make()
            if name not in taken:
                taken.add(name)
                return name
        base = make()
        for number in itertools.count(2):
            if f"{base} {number}" not in taken:
                taken.add(f"{base} {number}")
                return f"{base} {number}"
        raise AssertionError("unreachable")

    def _actors(self, count: int) -> list[SynthActor]:
        rng = self.rng
        names: set[str] = set()
        ids: set[str] = set()
        result = []
        for _ in range(count):
            roll = rng.random()
            if roll < 0.6:
                kind = "person"
                name = self._unique(names, lambda: f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
                description = {
                    "en": f"Indonesian public figure; {GLOSS[rng.choice(ID_WORDS)]} {GLOSS[rng.choice(ID_WORDS)]}.",
                    "id": f"Tokoh publik Indonesia; {rng.choice(ID_WORDS)} {rng.choice(ID_WORDS)}.",
                }
            elif roll < 0.9:
                kind = "organization"
                head, fld = rng.choice(ORG_HEADS), rng.choice(ORG_FIELDS)
                place = _cap("".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))))
                name = self._unique(names, lambda h=head, f=fld, p=place: f"{h[0]} {f[0]} {p}")
                description = {"en": f"{head[1]} {fld[1]} of {place}.", "id": f"{head[0]} {fld[0]} {place}."}
            else:
                kind = "state"
                name = self._unique(
                    names, lambda: _cap("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))) + "ia"
                )
                description = {"en": f"State in the fictional benchmark world; capital {name} City."}
            actor_id = _slugify(name)
            while actor_id in ids or actor_id == "index":
                actor_id += "-x"
            ids.add(actor_id)
            data: dict = {"name": name, "kind": kind, "description": description}
            if kind == "person" and rng.random() < 0.5:
                data["aliases"] = [name.split()[-1]]
            if rng.random() < 0.3:
                data["wikidata"] = f"Q{rng.randint(1, 99_999_999)}"
            result.append(SynthActor(actor_id, name, kind, data))
        rng.shuffle(result)  # kinds mixed across the ranks of the skew
        return result

    def _stories(self, root: Path, count: int) -> list[str]:
        ids = []
        for number in range(1, count + 1):
            id_title, en_title = self.clause(3, 6)
            story_id = f"{_slugify(id_title)[:40].strip('-')}-{number}"
            summary = [self.sentence([]) for _ in range(self.rng.randint(2, 4))]
            data = {
                "title": {"en": _cap(en_title), "id": _cap(id_title)},
                "summary": {"en": " ".join(s[1] for s in summary), "id": " ".join(s[0] for s in summary)},
            }
            self._dump(root / f"briefings/stories/{story_id}.yml", data, "../../")
            ids.append(story_id)
        self.stats.stories = count
        return ids

    def _outlets(self, root: Path) -> None:
        for name in OUTLETS:
            data = {"name": name, "kind": "online", "description": {"en": "Indonesian news website (benchmark)."},
                    "languages": ["id"], "datelines": [f"{name} ||"]}  # fmt: skip
            self._dump(root / f"briefings/outlets/{_slugify(name)}.yml", data, "../../")
        for name in AGENCIES:
            kind = "newspaper" if name == "Financial Times" else "news-agency"
            data = {"name": name, "kind": kind, "description": {"en": "News agency (benchmark)."}}
            self._dump(root / f"briefings/outlets/{_slugify(name)}.yml", data, "../../")

    def _topics(self, root: Path) -> None:
        data = {topic_id: {"title": {"en": en, "id": id_}} for topic_id, en, id_ in TOPICS}
        self._dump(root / "briefings/topics.yml", data, "../")
        self.stats.topics = len(TOPICS)

    # -- one briefing -------------------------------------------------------------------------

    def _published(self) -> tuple[str, tuple[int, int, int]]:
        rng = self.rng
        year = rng.choices(range(2014, 2025), weights=range(1, 12))[0]
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        roll = rng.random()
        if roll < 0.85:
            return f"{year}-{month:02d}-{day:02d}", (year, month, day)
        if roll < 0.95:
            return f"{year}-{month:02d}", (year, month, 15)
        return f"{year}", (year, 7, 1)

    def _event_date(self, around: tuple[int, int, int]) -> str:
        rng = self.rng
        # at most 9 years back: older years must be written in the article (validate warns)
        year = max(1990, around[0] - min(9, int(rng.expovariate(0.7))))
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        roll = rng.random()
        if roll < 0.55:
            return f"{year}-{month:02d}-{day:02d}"
        if roll < 0.75:
            return f"{year}-{month:02d}"
        if roll < 0.87:
            return f"{year}"
        if roll < 0.95:  # a span of days within the month
            day = min(day, 27)
            end = rng.randint(day + 1, 28)
            return f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{end:02d}"
        # an interval ends at most a year after publication: later years must be written in the
        # article (validate warns), and the generated text never writes them
        end_year = min(year + rng.randint(0, 2), around[0] + 1)
        end_month = rng.randint(month if end_year == year else 1, 12)
        return f"{year}-{month:02d}/{end_year}-{end_month:02d}"

    def _briefing(self, root, index, members, story, topic_draw, outlet_draw, earlier) -> str:
        rng, stats = self.rng, self.stats
        names = [a.name for a in members]
        speakers = [a for a in members if a.kind == "person"] or members
        outlet = outlet_draw.draw(rng)
        signed = rng.random() < 0.95  # the rest name no outlet: unidentified
        credits = (
            list(dict.fromkeys(rng.choices(AGENCIES, k=rng.randint(1, 2)))) if rng.random() < 0.3 else []
        )

        # the article: dateline, narrative paragraphs, quote paragraphs (clause + speaker)
        paragraphs: list[tuple[str, str]] = []
        quotable: list[tuple[str, str, SynthActor | None]] = []  # (id clause, en clause, speaker)
        count = rng.randint(4, 14)
        for number in range(count):
            if number > 0 and rng.random() < 0.3:
                speaker = rng.choice(speakers)
                id_clause, en_clause = self.clause(7, 18)
                id_clause, en_clause = _cap(id_clause) + ",", _cap(en_clause) + ","
                paragraphs.append(
                    (f"“{id_clause}” kata {speaker.name}.", f"“{en_clause}” said {speaker.name}.")
                )
                quotable.append((id_clause, en_clause, speaker))
                continue
            parts = [self.sentence(names) for _ in range(rng.randint(2, 4))]
            id_par, en_par = " ".join(p[0] for p in parts), " ".join(p[1] for p in parts)
            if number == 0:
                place = rng.choice(["JAKARTA", "SURABAYA", "MEDAN", "MAKASSAR", "DENPASAR", "BANDUNG"])
                if signed:
                    id_par, en_par = f"{place}, {outlet} || {id_par}", f"{place}, {outlet} || {en_par}"
                if credits:
                    id_par += f" Dilansir {' dan '.join(credits)}."
                    en_par += f" As reported by {' and '.join(credits)}."
            elif rng.random() < 0.3:
                clause = parts[-1]
                quotable.append((clause[0], clause[1], None))  # a sentence quoted from an unnamed source
            paragraphs.append((id_par, en_par))
        repeated = None
        if quotable and rng.random() < 0.04:  # the same words twice: the quote needs `occurrence`
            repeated = rng.choice([q for q in quotable if q[2] is not None] or quotable)
            paragraphs.append(
                (f"Ia kembali menegaskan: “{repeated[0]}”", f"He stressed again: “{repeated[1]}”")
            )
        article = "\n".join(p[0] for p in paragraphs) + "\n"
        seed_name = f"seeds/{index:05d}_{rng.getrandbits(64):016x}.txt"
        self.writer.add(root / seed_name, article)
        stats.paragraphs += len(paragraphs)
        stats.article_bytes += len(article.encode("utf-8"))

        id_title, en_title = self.clause(4, 8)
        slug = f"{_slugify(' '.join(id_title.split()[:5]))}-{index}"
        date_text, date_key = self._published()

        data: dict = {"article": seed_name, "language": "id", "title": _cap(id_title), "published": date_text}
        source: dict = {"outlet": _slugify(outlet), "identified": {"by": "dateline", "text": f"{outlet} ||"}}
        if not signed:
            source = {"identified": {"by": "unidentified"}}
        if rng.random() < 0.6 and signed:  # an address would name the outlet
            source["url"] = f"https://{outlet}/berita/{date_key[0]}/{slug}"
        if credits:
            source["credits"] = [_slugify(agency) for agency in credits]
        data["source"] = source
        if story:
            data["story"] = story
        data["topics"] = topic_draw.sample(rng, rng.randint(1, 4))

        summary = [self.sentence(names) for _ in range(rng.randint(2, 4))]
        id_summary, en_summary = " ".join(s[0] for s in summary), " ".join(s[1] for s in summary)
        if rng.random() < 0.2:  # some Markdown in the summary fields
            link = f"https://{outlet}/berita/{index}"
            id_summary += f" Baca [laporan lengkap]({link}) dan **pernyataan resmi**."
            en_summary += f" Read the [full report]({link}) and the **official statement**."
        data["summary"] = {"en": en_summary, "id": id_summary}
        data["translations"] = {"en": {"title": _cap(en_title), "body": [p[1] for p in paragraphs]}}

        entries: list = []
        for actor in members:
            if rng.random() < 0.4:
                en_role, id_role = rng.choice(ROLES)
                entries.append({"id": actor.id, "role": {"en": en_role, "id": id_role}})
            else:
                entries.append(actor.id)
        data["actors"] = entries

        quotes = self._quotes(article, quotable, repeated, index)
        if quotes:
            data["quotes"] = quotes
        dates = []
        for _ in range(rng.choices(range(7), weights=[2, 3, 4, 4, 3, 2, 1])[0]):
            id_event, en_event = self.sentence(names[:3])
            event: dict = {"date": self._event_date(date_key), "event": {"en": en_event, "id": id_event}}
            involved = list(dict.fromkeys(rng.choices([a.id for a in members], k=rng.randint(0, 3))))
            if involved:
                event["actors"] = involved
            dates.append(event)
        if dates:
            data["dates"] = dates
            stats.events += len(dates)
        if earlier and rng.random() < 0.04:
            data["related"] = list(dict.fromkeys(rng.choices(earlier, k=rng.randint(1, 2))))

        self._dump(root / f"briefings/{slug}.yml", data, "../")
        return slug

    def _quotes(self, article: str, quotable, repeated, index: int) -> list[dict]:
        rng, stats = self.rng, self.stats
        if not quotable:
            return []
        normalized = functools.cache(lambda: normalize(article))
        chosen = rng.sample(quotable, k=min(len(quotable), rng.randint(0, 4)))
        if repeated is not None and repeated not in chosen:
            chosen.append(repeated)
        quotes, ids = [], set()
        for number, (id_clause, en_clause, speaker) in enumerate(chosen, start=1):
            text, translation = id_clause, en_clause
            words = id_clause.split()
            elided = len(words) >= 10 and rng.random() < 0.15
            if elided:  # first words ... last words, translated the same way
                en_words = [GLOSS.get(w.strip(",.").lower(), w) for w in words]
                text = " ".join(words[:4]) + " ... " + " ".join(words[-3:])
                translation = " ".join(en_words[:4]) + " ... " + " ".join(en_words[-3:])
            # plain clauses hold no typographic quotes or odd spaces: when the raw text occurs once,
            # it is found exactly once; otherwise ask the project's own anchoring code
            found = (
                1 if not elided and article.count(text) == 1 else len(find_quote(normalized(), text).anchors)
            )
            entry: dict = {}
            if index % 2 == 0:  # half the briefings name their quotes, the others use q1, q2, ...
                quote_id = f"{_slugify(' '.join(words[:3]))}-{number}"
                if quote_id in ids:
                    continue
                ids.add(quote_id)
                entry["id"] = quote_id
            entry["text"] = text
            if found == 0:
                raise AssertionError(f"generator bug: quote {text!r} not in its article")
            if found > 1:
                entry["occurrence"] = str(rng.randint(1, found))
                stats.occurrence_quotes += 1
            if speaker is not None:
                entry["speaker"] = speaker.id
            else:
                entry["attribution"] = rng.choice(UNNAMED)[0]
            entry["translations"] = {"en": translation}
            if rng.random() < 0.3:
                id_context, en_context = self.sentence([])
                entry["context"] = {"en": en_context, "id": id_context}
            quotes.append(entry)
            stats.elided_quotes += elided
        stats.quotes += len(quotes)
        return quotes


def generate(root: Path, n: int, seed: int = 0) -> Stats:
    """Write N briefings (and their actors, stories, topics and articles) under `root`."""
    return Generator(n, seed).write(root)
