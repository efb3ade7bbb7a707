"""Names in an article that the registry does not know, read from chains of tokens (`tokens.py`).

A title starts a role and the capitalised words after the
role are a person's name ("Menteri Luar Negeri Malaysia Ahmad Farid Ismail": role "Menteri Luar
Negeri Malaysia", name "Ahmad Farid Ismail"); an organisation cue starts an organisation's name
("Kementerian Luar Negeri Filipina"); states come from the list of states; regions, places,
events, documents and calendar words are never actors. `actors.py` puts the occurrences together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import names as date_names
from .layout import Layout, is_locative
from .tokens import Token, chains, is_capitalised, tokens_between
from .words import State, states, words

_DATED = re.compile(r",\s*(\w+)")
_APPOSITION = re.compile(r",\s*([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,3})(?=\s*[,.;:!?]|\s*$)")
_SHORT_FORM = re.compile(r"\s*\(\s*([A-Z][\w-]{1,15})\s*\)")
#: classes that end an organisation's name when a person's name follows: "... AS Daniel Brooks"
_TERMINATORS = ("state", "known", "acronym", "institution")
#: what an organisation's name may hold after its cue word
_ORG_PARTS = ("org", "office", "name", "numeral", "region", "state", "known", "acronym", "place", "institution")  # fmt: skip
#: what a place's or an event's name may hold: "Beting Second Thomas", "Gedung Parlemen"
_PLACE_PARTS = ("name", "office", "numeral", "place", "org", "region")
_ROLE_PARTS = (
    "title",
    "office",
    "org",
    "known",
    "state",
    "acronym",
    "institution",
    "region",
    "numeral",
    "generic",
)


@dataclass(frozen=True)
class Occurrence:
    """A name found in the text, with what it probably is and why."""

    start: int
    end: int
    name: str
    #: person | organization | state | single (one word, resolved later) | known (a registry person's
    #: role) | thing (the short form of an event or a document: not an actor wherever it is written)
    kind: str
    why: str
    role: str | None = None
    role_start: int = 0  # where the role starts in the text
    state: State | None = None
    alias: str | None = None  # the short form written right after it: "Badan Keamanan Laut (Bakamla)"
    locative: bool = False


def find_names(layout: Layout) -> list[Occurrence]:
    """Every name occurrence of the body (the headline is left out: it capitalises every word)."""
    found: list[Occurrence] = []
    lowercase = frozenset(re.findall(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*", layout.text))
    for index in range(layout.lead, len(layout.paragraphs)):
        base = layout.offsets[index]
        start = layout.dateline[1] if index == layout.lead else base
        end = base + len(layout.paragraphs[index])
        starts = {base + s for s, _ in layout.sentence_spans[index]}
        tokens = tokens_between(layout, start, end, starts, lowercase)
        for chain in chains(layout.text, tokens):
            found.extend(_Segmenter(layout.text, chain, lowercase).occurrences())
    return found


# -- segments ----------------------------------------------------------------------------------


class _Segmenter:
    """Reads one chain of tokens left to right into occurrences."""

    def __init__(self, text: str, chain: list[Token], lowercase: frozenset[str]) -> None:
        self.text = text
        self.chain = chain
        self.lowercase = lowercase
        self.found: list[Occurrence] = []

    def occurrences(self) -> list[Occurrence]:
        i = 0
        while i < len(self.chain):
            i = self._step(i)
        return self.found

    def _step(self, i: int) -> int:
        token = self.chain[i]
        if token.cls == "title":
            return self._role(i)
        if token.cls == "org" and is_capitalised(token):
            return self._organization(i, None)
        if token.cls == "institution" and not self._names_follow(i + 1):
            return self._organization(i, None)
        if token.cls in ("place", "thing") and is_capitalised(token):
            return self._skip_name(i + 1)
        if token.cls == "name":
            return self._name(i, None)
        self._single(token)
        return i + 1

    def _single(self, token: Token, inside_org: bool = False) -> None:
        """A state, an acronym or an institution on its own."""
        if token.cls == "state" and not inside_org:
            locative = is_locative(self.text, token.start) or self._dated_place(token.end)
            why = "a capital standing for its state" if token.capital else "in the list of states"
            state = next(s for s in states() if s.name == token.ref)
            self.found.append(
                Occurrence(token.start, token.end, token.text, "state", why, state=state, locative=locative)
            )
        elif token.cls == "acronym":
            self.found.append(Occurrence(token.start, token.end, token.text, "organization", "an acronym"))
        elif token.cls == "institution":
            why = "an institution known by this name"
            self.found.append(Occurrence(token.start, token.end, token.text, "organization", why))

    def _dated_place(self, end: int) -> bool:
        """A place followed by the day something happened there: "..., Jakarta, Senin (9/9/2024)"."""
        after = _DATED.match(self.text, end)
        return after is not None and (
            after.group(1).lower() in date_names().weekdays or after.group(1).isdigit()
        )

    def _skip_name(self, i: int) -> int:
        """Past the name of a place or a thing; its short form in parentheses is a thing too."""
        while i < len(self.chain) and self.chain[i].cls in _PLACE_PARTS and is_capitalised(self.chain[i]):
            i += 1
        if i < len(self.chain) and self.chain[i].cls == "alias":
            token = self.chain[i]
            self.found.append(
                Occurrence(token.start, token.end, token.text, "thing", "the short form of a thing")
            )
            i += 1
        return i

    def _role(self, i: int) -> int:
        """A title, what goes on with it, then the name of the person who holds it."""
        j = i
        while j < len(self.chain):
            token = self.chain[j]
            if token.person:  # "Presiden Prancis Emmanuel Macron": a registry person's role
                self._known_role(self.chain[i:j], token)
                return j + 1
            in_role = token.cls in (*_ROLE_PARTS, "alias") or (
                token.cls == "connector" and j + 1 < len(self.chain)
            )
            if not (in_role or (token.cls == "name" and self._named_after(j))):
                break
            j += 1
        names_end = j
        while names_end < len(self.chain) and self.chain[names_end].cls in ("name", "particle", "numeral"):
            names_end += 1
        role_tokens = self.chain[i:j]
        if names_end == j or not any(is_capitalised(t) for t in role_tokens + self.chain[j:names_end]):
            for token in role_tokens:
                self._single(token)
            return max(j, i + 1)
        if names_end - j == 1 and names_end == len(self.chain) and self._apposition(role_tokens, j):
            return names_end
        return self._person(role_tokens, j, names_end)

    def _apposition(self, role_tokens: list[Token], j: int) -> bool:
        """One word after the title names where the person works, and the name follows after a
        comma: "Direktur Eksekutif Walhi, Rahayu Lestari"."""
        token = self.chain[j]
        match = _APPOSITION.match(self.text, token.end)
        if not match:
            return False
        role = self._span([*role_tokens, token])
        self.found.append(
            Occurrence(token.start, token.end, token.text, "organization", f"named in the title {role!r}")
        )
        start = match.start(1)
        why = f"after the title {role!r}"
        self.found.append(
            Occurrence(
                start, start + len(match.group(1)), match.group(1), "person", why, role, role_tokens[0].start
            )
        )
        return True

    def _named_after(self, j: int) -> bool:
        """Whether the name words at j still belong to a role (an organisation, or an office the
        word lists do not know: "Menteri Sumber Daya Australia Claire Whitmore"): a state, an
        acronym or a registry name comes after them, and then a person's name."""
        for k in range(j, len(self.chain) - 1):
            if self.chain[k].cls in (*_TERMINATORS, "alias"):
                return self.chain[k + 1].cls in ("name", "alias") and (
                    self.chain[k + 1].cls == "name" or self._named_after(k + 1)
                )
            if self.chain[k].cls not in _ORG_PARTS:
                return False
        return False

    def _person(self, role_tokens: list[Token], j: int, names_end: int) -> int:
        names = self.chain[j:names_end]
        org_at = next((k for k, t in enumerate(role_tokens) if t.cls == "org"), None)
        extra = 0
        if org_at is not None and not any(t.cls in (*_TERMINATORS, "alias") for t in role_tokens[org_at:]):
            extra = len(names) - 2  # "Kepala Badan Pengawas Nuklir Rafael Grossi": the org keeps the rest
        elif role_tokens[-1].cls == "connector" and len(names) > 2:
            extra = 1  # "Menteri Perladangan dan Komoditas Azlan Yusof": the portfolio goes on
        if extra > 0:
            role_tokens, names = role_tokens + names[:extra], names[extra:]
        role = self._span(role_tokens)
        for token in role_tokens:
            self._single(token, inside_org=org_at is not None and token.start > role_tokens[org_at].start)
        if org_at is not None:
            self._org_in_role(role_tokens[org_at:])
        self._emit_person(names, f"after the title {role!r}", role, role_tokens[0].start)
        return names_end

    def _known_role(self, role_tokens: list[Token], person: Token) -> None:
        for token in role_tokens:
            self._single(token)
        if role_tokens:
            role = self._span(role_tokens)
            self.found.append(
                Occurrence(
                    person.start, person.end, person.text, "known", person.ref, role, role_tokens[0].start
                )
            )

    def _org_in_role(self, tokens: list[Token]) -> None:
        """The organisation named in a role ("Juru Bicara Kementerian Luar Negeri Indonesia"),
        unless it is a part of one named after it ("Departemen Asia dan Pasifik IMF")."""
        alias = next((t.text for t in tokens if t.cls == "alias"), None)
        tokens = [t for t in tokens if t.cls != "alias"]
        while tokens and tokens[-1].cls == "connector":
            tokens = tokens[:-1]
        if (
            tokens
            and tokens[-1].cls not in ("acronym", "institution")
            and not (tokens[-1].cls == "known" and len(tokens) == 1)
        ):
            why = f"{tokens[0].text!r} names an organisation"
            name = self._span(tokens)
            self.found.append(
                Occurrence(tokens[0].start, tokens[-1].end, name, "organization", why, alias=alias)
            )

    def _organization(self, i: int, role: str | None) -> int:
        j = i + 1
        while j < len(self.chain):
            token = self.chain[j]
            if token.cls == "connector" and j + 1 < len(self.chain) and self._joins_org(j):
                j += 1
                continue
            if token.cls not in _ORG_PARTS or not is_capitalised(token):
                break
            if token.cls in _TERMINATORS and self._names_follow(j + 1):
                j += 1
                break
            j += 1
        tokens = self.chain[i:j]
        if tokens[-1].cls == "acronym":
            self._single(tokens[-1])
        why = f"{tokens[0].text!r} names an organisation"
        name = self._span(tokens)
        alias = self._alias(tokens[-1].end)
        self.found.append(Occurrence(tokens[0].start, tokens[-1].end, name, "organization", why, alias=alias))
        if j < len(self.chain) and self.chain[j].cls == "alias":
            j += 1
        if j < len(self.chain) and self._names_follow(j):
            return self._name(j, name)
        return j

    def _joins_org(self, j: int) -> bool:
        """Whether the connector at j goes on with an organisation's name: "untuk", "bagi" do;
        "dan" does before a word of the name ("Kamar Dagang dan Industri Indonesia"), not before
        another organisation, a state or a person's name ("Bank Dunia dan IMF")."""
        if self.chain[j].text.lower() != "dan":
            return True
        after = self.chain[j + 1 : j + 3]
        return after[0].cls in ("name", "office") and not (len(after) == 2 and after[1].cls == "name")

    def _names_follow(self, j: int) -> bool:
        return sum(1 for t in self.chain[j : j + 2] if t.cls == "name") == 2

    def _name(self, i: int, role: str | None) -> int:
        j = i
        while j < len(self.chain) and (
            self.chain[j].cls in ("name", "numeral")
            or (
                self.chain[j].cls == "particle"
                and j + 1 < len(self.chain)
                and self.chain[j + 1].cls == "name"
            )
        ):
            j += 1
        names = self.chain[i:j]
        if len(names) > 1 and names[-1].text.lower().rstrip(".") in words().organization_suffixes:
            why = f"{names[-1].text!r} ends the name of a company"
            self.found.append(
                Occurrence(names[0].start, names[-1].end, self._span(names), "organization", why)
            )
        elif len(names) == 1:
            token = names[0]
            self.found.append(Occurrence(token.start, token.end, token.text, "single", ""))
        elif sum(t.text.lower() in self.lowercase for t in names) * 2 <= len(names):
            why = (
                f"after {role!r}" if role else "capitalised words, with no sign of an organisation or a state"
            )
            self._emit_person(names, why, role)
        return j

    def _emit_person(self, names: list[Token], why: str, role: str | None, role_start: int = 0) -> None:
        name = self._span(names)
        self.found.append(Occurrence(names[0].start, names[-1].end, name, "person", why, role, role_start))

    def _span(self, tokens: list[Token]) -> str:
        end = tokens[-1].end
        if tokens[-1].cls == "alias":
            end = self.text.index(")", end) + 1
        return self.text[tokens[0].start : end]

    def _alias(self, end: int) -> str | None:
        """A short form in parentheses right after a name: "Dana Moneter Internasional (IMF)"."""
        match = _SHORT_FORM.match(self.text, end)
        return match.group(1) if match else None
