r"""Strict YAML: bytes -> a tree of text nodes that remember where they were written.

The parser is PyYAML's (libyaml's CParser when present, the pure-Python one otherwise); we read
its *events* and build our own tree, so that one pass can reject what makes YAML surprising
(anchors, aliases, merge keys, tags, duplicate keys, several documents, deep nesting) and keep
every scalar as the text the contributor typed. A plain scalar that YAML 1.1 tools would read as a
boolean, null or number is rejected rather than silently converted: quoting it is the fix.

Character rules hold for the raw text (comments included) and again for every double-quoted value,
whose escapes (`\0`, `\e`, `\u202E`, ...) make characters the raw text does not show. A file's size
is bounded before it is decoded, and every check here is linear in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Union

import yaml

from .characters import character_findings, listed, value_findings
from .explain import quoted_start_fix
from .model import Position, Problem

MAX_DEPTH = 12
MAX_FILE_BYTES = 2_000_000

try:  # libyaml is much faster; both parsers feed the same event handling below
    from yaml import CSafeLoader as _FastLoader

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = yaml.SafeLoader
    HAVE_LIBYAML = False

_RESOLVER = yaml.resolver.Resolver()
_TYPED_TAGS = {
    "tag:yaml.org,2002:bool": "the boolean {}",
    "tag:yaml.org,2002:null": "null (no value)",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
}
#: plain scalars that YAML 1.2 (the editors' yaml-language-server) reads as numbers, 1.1 does not
_YAML12_NUMBER = re.compile(
    r"^(?:[-+]?[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+|0o[0-7]+|[-+]?\.[0-9]+[eE][-+]?[0-9]+)$"
)
#: first characters of a plain scalar that YAML 1.1 (PyYAML's implicit resolvers) or 1.2 (numbers
#: such as .5e3 or 0o17) may read as something other than text
_MAYBE_TYPED = frozenset(c for c in _RESOLVER.yaml_implicit_resolvers if c) | frozenset("+-.0123456789")
_TAB_MESSAGE = "tab character: use spaces (YAML indentation cannot use tabs; write \\t in a quoted value)"


@dataclass(frozen=True)
class YamlScalar:
    value: str
    position: Position
    plain: bool = False


@dataclass(frozen=True)
class YamlMapping:
    entries: tuple[tuple[YamlScalar, YamlNode], ...]
    position: Position

    def get(self, key: str) -> tuple[YamlScalar, YamlNode] | None:
        for entry in self.entries:
            if entry[0].value == key:
                return entry
        return None


@dataclass(frozen=True)
class YamlSequence:
    items: tuple[YamlNode, ...]
    position: Position


YamlNode = Union[YamlScalar, YamlMapping, YamlSequence]  # noqa: UP007 (a runtime alias)
PlainData = Union[str, dict[str, Any], list[Any]]  # noqa: UP007


class YamlLoadError(Exception):
    """The bytes cannot be read as YAML at all; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.message for p in problems))
        self.problems = problems


def to_plain(node: YamlNode) -> PlainData:
    """The tree as dicts, lists and strings (what the JSON Schema validates)."""
    if isinstance(node, YamlScalar):
        return node.value
    if isinstance(node, YamlSequence):
        return [to_plain(item) for item in node.items]
    return {key.value: to_plain(value) for key, value in node.entries}


#: a place in a tree: the keys and list indexes from its root, as JSON Schema errors give them
JsonPath = list[str | int]


def locate(root: YamlNode, path: Sequence[str | int], *, key: bool = False) -> Position:
    """Position of the node at a JSON path (or of its key), falling back to the deepest parent."""
    node: YamlNode = root
    position = root.position
    for step in path:
        if isinstance(node, YamlMapping) and isinstance(step, str) and node.get(step):
            # get() is Optional, and checked just above; mypy cannot narrow a repeated call
            key_node, node = node.get(step)  # type: ignore[misc]
            position = key_node.position if key and step == path[-1] else node.position
        elif isinstance(node, YamlSequence) and isinstance(step, int) and step < len(node.items):
            node = node.items[step]
            position = node.position
        else:
            break
    return position


@dataclass(frozen=True)
class ParsedYaml:
    """A document's tree, and the strictness problems found in it (duplicate keys, aliases,
    tags, unquoted booleans...). The tree is usable even when there are problems, so that the
    schema can still report everything else in the same run."""

    tree: YamlNode
    problems: tuple[Problem, ...]


def too_large(path: str, size: int) -> Problem:
    message = f"file too large: {size:,} bytes (at most {MAX_FILE_BYTES:,}); shorten it"
    return _problem(path, Position(1, 1), message, "size")


def parse_yaml(data: bytes, path: str, *, fast: bool = True) -> ParsedYaml:
    """Parse one strict-YAML document; raise YamlLoadError when there is no tree to speak of."""
    if len(data) > MAX_FILE_BYTES:
        raise YamlLoadError([too_large(path, len(data))])
    text = _decode(data, path)
    bad = _raw_text_problems(text, path)
    if bad:
        raise YamlLoadError(bad)
    builder = _TreeBuilder(path)
    loader_class = _FastLoader if fast else yaml.SafeLoader
    try:
        builder.consume(_events(text, loader_class))
    except yaml.MarkedYAMLError as error:
        raise YamlLoadError([*builder.problems, _syntax_problem(path, text, error)]) from error
    except yaml.YAMLError as error:  # unmarked parser errors are rare; still no traceback
        problem = _problem(path, Position(1, 1), f"invalid YAML: {error}", "syntax")
        raise YamlLoadError([*builder.problems, problem]) from error
    if builder.fatal or builder.root is None:
        empty = _problem(path, Position(1, 1), "the file is empty", "document")
        raise YamlLoadError(builder.problems or [empty])
    return ParsedYaml(builder.root, tuple(builder.problems))


def _events(text: str, loader_class: type) -> Iterator[yaml.Event]:
    loader = loader_class(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _decode(data: bytes, path: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        head = data[: error.start].decode("utf-8")  # valid up to the bad byte; CR breaks lines too
        position = _offset_position([0, *(m.end() for m in _LINE_BREAK.finditer(head))], len(head))
        message = f"the file is not valid UTF-8 (byte 0x{data[error.start]:02X}); save it with UTF-8 encoding"
        raise YamlLoadError([_problem(path, position, message, "encoding")]) from error
    return text.removeprefix("\ufeff")


def _raw_text_problems(text: str, path: str) -> list[Problem]:
    """Forbidden characters, tabs and long runs of combining marks, at their exact positions."""
    found = character_findings(text)
    found += listed(  # one per line: both parsers disagree on where tabs are allowed, so none are
        (m.start(1), _TAB_MESSAGE, "tabs")
        for m in re.finditer(r"(?:^|(?<=\r))[^\t\r\n]*(\t)", text, re.MULTILINE)
    )
    if not found:
        return []
    line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
    return sorted(_problem(path, _offset_position(line_starts, o), m, rule) for o, m, rule in found)


def _offset_position(line_starts: list[int], offset: int) -> Position:
    """Line and column as YAML counts them (CR LF, CR and LF each end a line), given the offsets
    where lines start."""
    line = bisect_right(line_starts, offset)
    return Position(line, offset - line_starts[line - 1] + 1)


def _show(text: str) -> str:
    """Text quoted for a message, escaped if it would not print as one line."""
    return f"'{text}'" if text.isprintable() else repr(text)


def _syntax_problem(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    lines = _LINE_BREAK.split(text)
    line_text = lines[mark.line] if mark and mark.line < len(lines) else ""
    column = mark.column if mark else 0
    problem, context = _same_words(str(error.problem), str(error.context or ""), line_text, column)
    if "unknown escape" in problem:  # libyaml points at the backslash, PyYAML after it
        column = line_text.rfind("\\", 0, column + 1) if "\\" in line_text[: column + 1] else column
    message = f"invalid YAML: {problem}"
    if context:
        message += f" ({context}"
        if error.context_mark and mark and error.context_mark.line != mark.line:
            message += f" at line {error.context_mark.line + 1}"
        message += ")"
    line = mark.line + 1 if mark else 1
    if line > len(lines):  # the end of a file without a final line break: its last line's end
        line, column = len(lines), len(lines[-1])
    fix = quoted_start_fix(line_text)
    if fix is not None:  # the parser's words would not say what happened: say it
        start, fixed = fix
        message = (
            "a value that starts with a quotation mark must be quoted as a whole (YAML took the mark "
            f"for the start of a quoted value that ends before the line does); write the line as: {fixed.strip()}"
        )
        return _problem(path, Position(line, start + 1), message, "syntax")
    return _problem(path, Position(line, column + 1), message + _syntax_hint(problem), "syntax")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: the pure-Python parser words some errors differently from libyaml: report them libyaml's way
_SAME_PROBLEM = [
    (re.compile(r"^mapping values are not allowed here$"), "mapping values are not allowed in this context"),
    (re.compile(r"^expected (.+), but got '<stream end>'$"), r"did not find expected \1"),
    (re.compile(r"^expected <block end>, but found .*$"), "did not find expected '-' indicator"),
    (re.compile(r"^found unknown escape character.*$"), "found unknown escape character"),
]
_SAME_CONTEXT = {
    "while scanning a double-quoted scalar": "while parsing a quoted scalar",
    "while scanning a single-quoted scalar": "while parsing a quoted scalar",
}


def _same_words(problem: str, context: str, line_text: str, column: int) -> tuple[str, str]:
    for pattern, replacement in _SAME_PROBLEM:
        problem = pattern.sub(replacement, problem)
    if problem.startswith("found character") and "cannot start any token" in problem:
        char = line_text[column : column + 1]
        problem = f"found character {char!r} that cannot start any token" if char else problem
    return problem, _SAME_CONTEXT.get(context, context)


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "; a value containing ': ' must be quoted"
    if "could not find expected ':'" in problem or "expected ':'" in problem:
        return "; each line of a mapping needs 'key: value'"
    if "found character" in problem and "cannot start any token" in problem:
        return "; quote the value"
    return ""


def _problem(path: str, position: Position, message: str, rule: str) -> Problem:
    return Problem(path, position.line, position.column, message, rule)


class _TreeBuilder:
    """Turns parser events into YamlNodes, collecting every strictness problem on the way."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.root: YamlNode | None = None
        self._stack: list[tuple[list[YamlNode], Position, bool]] = []  # (children, position, is_mapping)
        self._documents = 0
        self.fatal = False

    def consume(self, events: Iterator[yaml.Event]) -> None:
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self._documents += 1
                if self._documents > 1:
                    self._report(event, "only one document per file is allowed; remove '---'", "document")
                    self.fatal = True
                    return
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._check_anchor_and_tag(event)
                if len(self._stack) >= MAX_DEPTH:
                    self._report(event, f"nesting deeper than {MAX_DEPTH} levels", "depth")
                    self.fatal = True
                    return
                self._stack.append(([], _position(event), isinstance(event, yaml.MappingStartEvent)))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                children, position, is_mapping = self._stack.pop()
                self._attach(self._collection(children, position, is_mapping))
            elif isinstance(event, yaml.ScalarEvent):
                self._check_anchor_and_tag(event)
                self._attach(self._scalar(event))
            elif isinstance(event, yaml.AliasEvent):
                self._report(event, f"alias '*{event.anchor}' is not allowed; write the value out", "alias")
                self._attach(YamlScalar("", _position(event)))

    def _scalar(self, event: yaml.ScalarEvent) -> YamlScalar:
        plain = event.style is None or event.style == ""
        node = YamlScalar(event.value, _position(event), plain)
        if plain and event.tag is None:
            self._check_plain_scalar(node)
        if event.style == '"':
            self._check_escaped_characters(node)
        return node

    def _check_escaped_characters(self, node: YamlScalar) -> None:
        """The raw text was clean, so any character problem here was written with escapes: it is
        reported at the value, worded as the raw-text check words it."""
        for message in value_findings(node.value):
            self._report_at(node.position, message, "characters")

    def _check_plain_scalar(self, node: YamlScalar) -> None:
        if node.value == "":
            self._report_at(node.position, "empty value: write the text, or remove the key", "empty")
            return
        if node.value[0] not in _MAYBE_TYPED:  # most values: text that no YAML tool reads otherwise
            return
        tag = _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False))
        if tag == "tag:yaml.org,2002:str" and _YAML12_NUMBER.match(node.value):
            tag = "tag:yaml.org,2002:float"  # a number to YAML 1.2 readers such as editors
        if tag == "tag:yaml.org,2002:merge":
            self._report_at(node.position, "merge keys ('<<') are not allowed; write the keys out", "merge")
        elif tag in _TYPED_TAGS:
            truth = "true" if node.value.lower() in ("y", "yes", "true", "on") else "false"
            self._report_at(
                node.position,
                f"{node.value} would be read as {_TYPED_TAGS[tag].format(truth)} by YAML tools; "
                f'quote it if you mean the text: "{node.value}"',
                "quoted-strings",
            )

    def _collection(self, children: list[YamlNode], position: Position, is_mapping: bool) -> YamlNode:
        if not is_mapping:
            return YamlSequence(tuple(children), position)
        entries: list[tuple[YamlScalar, YamlNode]] = []
        seen: dict[str, Position] = {}
        for key, value in zip(children[::2], children[1::2], strict=False):
            if not isinstance(key, YamlScalar):
                self._report_at(key.position, "a key must be text, not a list or mapping", "key")
                continue
            if key.value in seen:
                first = seen[key.value]
                self._report_at(
                    key.position,
                    f"duplicate key {_show(key.value)} (first defined at line {first.line}); "
                    "merge the two or remove one",
                    "key-duplicates",
                )
                continue
            seen[key.value] = key.position
            entries.append((key, value))
        return YamlMapping(tuple(entries), position)

    def _attach(self, node: YamlNode) -> None:
        if self._stack:
            self._stack[-1][0].append(node)
        else:
            self.root = node

    def _check_anchor_and_tag(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            self._report(event, f"anchor '&{event.anchor}' is not allowed; write the value out", "anchor")
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self._report(event, f"tag '{shown}' is not allowed; quote the value instead", "tag")

    def _report(self, event: yaml.Event, message: str, rule: str) -> None:
        self._report_at(_position(event), message, rule)

    def _report_at(self, position: Position, message: str, rule: str) -> None:
        self.problems.append(_problem(self.path, position, message, rule))


def _position(event: yaml.Event) -> Position:
    mark = event.start_mark
    return Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
