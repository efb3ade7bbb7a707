"""The JSON Schemas (draft 2020-12) as the one source of structural rules, and their messages.

The same files in `build_tools/schema/` serve editors through the `yaml-language-server` modeline;
here they are run with `jsonschema`, every error is kept (not just the first), and each is turned
into a `path:line:col` problem worded for a contributor, with a did-you-mean where one exists.

Each schema's `$id` is `https://briefings.invalid/schema/<file>`: an absolute address, so that the
relative `$ref`s between the files resolve the same way in every validator, under the `.invalid`
top-level domain, which never resolves (RFC 6761), so that nothing is ever fetched from it. Both
validators here are given the files from the package; `meta.schema.json` declares the extension
keywords and formats they use.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
import jsonschema
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .model import Problem
from .suggest import closest, did_you_mean, position
from .yamlstrict import PlainData, YamlNode, locate, to_plain

KINDS = ("briefing", "actor", "story", "topics", "outlet")
SCHEMA_DIR = resources.files(__package__) / "schema"
SCHEMA_BASE = "https://briefings.invalid/schema/"


def schema_text(name: str) -> str:
    return (SCHEMA_DIR / name).read_text(encoding="utf-8")


def schema_names() -> list[str]:
    return sorted(p.name for p in SCHEMA_DIR.iterdir() if p.name.endswith(".schema.json"))


@cache
def registry() -> Registry:
    """Every schema file under its `$id`: `$ref`s between them resolve from memory."""
    found = [
        (SCHEMA_BASE + name, Resource.from_contents(json.loads(schema_text(name)), DRAFT202012))
        for name in schema_names()
    ]
    return Registry().with_resources(found).crawl()


@cache
def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_text(f"{kind}.schema.json"))
    return jsonschema.Draft202012Validator(schema, registry=registry(), format_checker=_format_checker())


@cache
def _fast_validator(kind: str) -> Callable[[object], object]:
    schema = json.loads(schema_text(f"{kind}.schema.json"))
    # fastjsonschema knows draft 7 by name; our schemas use no keyword that draft 7 lacks
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(
        schema,
        # fastjsonschema opens any address it has no handler for with urllib: serve ours, refuse the rest
        handlers={scheme: own_schema for scheme in ("https", "http", "file", "")},
        formats={name: _as_predicate(check) for name, check in _FORMAT_CHECKS.items()},
        use_default=False,
    )


def own_schema(uri: str) -> dict[str, Any]:
    """The schema file whose `$id` is `uri` (a fragment aside); LookupError for any other address."""
    name = uri.split("#")[0].removeprefix(SCHEMA_BASE)
    if not uri.startswith(SCHEMA_BASE) or name not in schema_names():
        raise LookupError(f"{uri} is not one of the annotation schemas")
    schema: dict[str, Any] = json.loads(schema_text(name))
    return schema


def _as_predicate(check: Callable[[object], bool]) -> Callable[[object], bool]:
    def predicate(value: object) -> bool:
        try:
            return check(value)
        except ValueError:
            return False

    return predicate


#: the shape the schemas' patterns allow (their messages cover the rest), in groups
_PARTIAL_DATE = re.compile(
    r"(1[89][0-9]{2}|20[0-9]{2}|2100)(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?"
)


def _is_calendar_date(value: object) -> bool:
    """Beyond the pattern: the day exists in the calendar (no 2023-02-30)."""
    match = _PARTIAL_DATE.fullmatch(value) if isinstance(value, str) else None
    if match and match.group(3):
        try:
            datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            raise ValueError(f"{value} is not a date in the calendar") from None
    return True


def _is_calendar_interval(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = value.split("/")
    for part in parts:
        _is_calendar_date(part)
    keys = [tuple(int(n or 0) for n in m.groups()) for m in map(_PARTIAL_DATE.fullmatch, parts) if m]
    if len(keys) == 2 and keys[1] < keys[0]:
        raise ValueError(f"the interval {value} ends before it starts")
    return True


def check_schema(kind: str, root: YamlNode, path: str, data: PlainData | None = None) -> list[Problem]:
    """Every structural problem of one document, located at the offending node or key (`data` is
    the tree as plain data, when the caller has it already).

    A compiled validator (fastjsonschema) answers first; only a document it rejects goes through
    `jsonschema`, which is many times slower but reports every error, not just the first."""
    data = to_plain(root) if data is None else data
    try:
        _fast_validator(kind)(data)
        return []
    except fastjsonschema.JsonSchemaValueException:
        pass
    errors = list(_validator(kind).iter_errors(data))
    meant = _meant_names(errors)
    problems = {
        problem
        for error in errors
        if not _explained(error, meant)
        for problem in _problems(error, root, path)
    }
    return sorted(problems)


def _meant_names(errors: Iterable[ValidationError]) -> dict[tuple[Any, ...], set[str]]:
    """For each object, the field names its misspelt keys were meant to be (`speeker`: speaker)."""
    meant: dict[tuple[Any, ...], set[str]] = {}
    for error in errors:
        if error.validator == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for name in _unexpected_keys(error):
                if (found := closest(name, allowed)) is not None:
                    meant.setdefault(tuple(error.absolute_path), set()).add(found)
    return meant


def _explained(error: ValidationError, meant: dict[tuple[Any, ...], set[str]]) -> bool:
    """One error for one mistake: a field said to be missing (or one of a choice of fields) is
    not reported again when a misspelt key of the same object was meant to be it."""
    names = meant.get(tuple(error.absolute_path), set())
    if not names or error.validator not in ("required", "oneOf", "anyOf"):
        return False
    if error.validator == "required":
        return any(name not in error.instance and name in names for name in error.validator_value)
    wording = str(error.schema.get("x-messages", {}).get(error.validator, ""))
    return any(f"'{name}'" in wording for name in names)


def _problems(error: ValidationError, root: YamlNode, path: str) -> Iterable[Problem]:
    where = list(error.absolute_path)
    keyword = error.validator
    if keyword == "additionalProperties":
        for name in _unexpected_keys(error):
            position = locate(root, [*where, name], key=True)
            yield Problem(path, position.line, position.column, _unknown_key(name, error.schema), "schema")
        return
    if "propertyNames" in error.schema_path:  # jsonschema reports the inner keyword
        position = locate(root, [*where, error.instance], key=True)
        yield Problem(path, position.line, position.column, _invalid_key(error), "schema")
        return
    position = locate(root, where)
    yield Problem(path, position.line, position.column, _message(error, where), "schema")


def _message(error: ValidationError, where: Sequence[Any]) -> str:
    keyword, expected, instance = error.validator, error.validator_value, error.instance
    field = _field_name(where)
    custom = error.schema.get("x-messages", {}).get(keyword)
    if custom:
        return f"{field}: {custom}"
    if keyword == "required":
        missing = next(name for name in expected if name not in instance)
        described = error.schema.get("properties", {}).get(missing, {}).get("description")
        return f"{field}: missing required field '{missing}'" + (f" ({described})" if described else "")
    if keyword == "pattern":
        wanted = error.schema.get("patternErrorMessage", f"text matching {expected}")
        return f"{field}: expected {wanted}, got {_show(instance)}"
    if keyword == "type":
        return f"{field}: expected {_type_name(expected)}, got {_describe(instance)}"
    if keyword == "enum":
        hint = did_you_mean(str(instance), [str(v) for v in expected])
        options = ", ".join(str(v) for v in expected)
        return f"{field}: expected one of {options}, got {_show(instance)}{hint}"
    if keyword == "format" and error.cause is not None:
        return f"{field}: {error.cause}"
    if keyword == "minItems":
        return f"{field}: needs at least {expected} entr{'y' if expected == 1 else 'ies'}"
    if keyword == "maxLength":
        return f"{field}: too long: {len(instance):,} characters (at most {expected:,}); shorten it"
    if keyword in ("maxItems", "maxProperties"):
        return f"{field}: too many entries: {len(instance):,} (at most {expected:,}); remove some"
    if keyword == "minProperties":
        return f"{field}: needs at least one language, e.g. en: ..."
    if keyword == "uniqueItems":
        return f"{field}: lists the same entry twice"
    return f"{field}: {error.message}"


def _unexpected_keys(error: ValidationError) -> list[str]:
    allowed = error.schema.get("properties", {})
    return [key for key in error.instance if key not in allowed]


def _unknown_key(name: str, schema: dict[str, Any]) -> str:
    allowed = list(schema.get("properties", {}))
    hint = did_you_mean(name, allowed)
    return f"unknown field {_show(name)}{hint or '; expected one of: ' + ', '.join(allowed)}"


def _invalid_key(error: ValidationError) -> str:
    wanted = error.schema.get("patternErrorMessage", "a valid name")
    key = str(error.instance)
    if error.validator == "maxLength":
        return f"key {_show(key)} is too long: {len(key):,} characters (at most {error.validator_value}); shorten it"
    hint = (
        f"; did you mean '{key.lower()}'?" if re.match(error.schema.get("pattern", "$^"), key.lower()) else ""
    )
    return f"key {_show(key)} is not allowed here; expected {wanted}{hint}"


def _field_name(where: Sequence[Any]) -> str:
    """`dates[3].date (the 4th date)`: the path as the file reads, and the last list position as
    people count."""
    if not where:
        return "top level"
    name = ""
    counted = ""
    for at, step in enumerate(where):
        step = step if isinstance(step, int) or step.isprintable() else repr(step)
        if isinstance(step, int):
            name += f"[{step}]"
            list_name = str(where[at - 1]) if at else ""
            counted = position(list_name, step).split(" (")[0]
        else:
            name += f".{step}" if name else str(step)
    return f"{name} ({counted})" if counted else name


def _type_name(expected: Any) -> str:
    names = {"object": "a mapping (key: value lines)", "array": "a list", "string": "text"}
    if isinstance(expected, list):
        return " or ".join(names.get(e, str(e)) for e in expected)
    return names.get(expected, str(expected))


def _describe(instance: Any) -> str:
    if isinstance(instance, dict):
        return "a mapping"
    if isinstance(instance, list):
        return "a list"
    return f"the text {_show(instance)}"


def _show(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


_FORMAT_CHECKS: dict[str, Callable[[object], bool]] = {
    "partial-date": _is_calendar_date,
    "partial-date-or-interval": _is_calendar_interval,
}


@cache
def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())
    for name, check in _FORMAT_CHECKS.items():
        checker.checks(name, raises=ValueError)(check)
    return checker
