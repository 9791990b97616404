"""Stage 2, validate: check every loaded document against its JSON Schema.

A file's schema is chosen by its name (criteria.yml -> criteria.schema.json); every file in an
examples/ folder is a worked example (example.schema.json). Every error in every
file is reported, best match first within each place, with a message a maintainer can act on.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, relevance
from referencing import Registry, Resource

from . import markdown_check
from .load import Document, walk
from .problems import Problem, json_path

SCHEMA_DIR = Path(__file__).parent / "schemas"
MODELINE = "# yaml-language-server: $schema="
EXAMPLES = "examples"  # a framework's folder of worked examples, one file per example
EXAMPLE_SCHEMA = "example.schema.json"
SCHEMA_BASE = "https://jtai-ready.example/schemas/"  # every schema's address, for $ref between them


def schema_name(doc_path: Path) -> str:
    if doc_path.parent.name == EXAMPLES:
        return EXAMPLE_SCHEMA
    if doc_path.stem == "example":
        return ""  # examples live in examples/, one file per example named by its ID
    return f"{doc_path.stem}.schema.json"


def kind_of(doc_path: Path) -> str:
    """The kind of content file, named as in the data contract: 'criteria.yml', 'example.yml'."""
    return schema_name(doc_path).removesuffix(".schema.json") + ".yml"


@cache
def validator_for(name: str) -> Draft202012Validator | None:
    path = SCHEMA_DIR / name
    if not name or not path.is_file():
        return None
    schema = json.loads(path.read_text(encoding="utf-8"))
    # The schemas are the generator's own code: tests/test_schemas_valid.py checks each against
    # the JSON Schema metaschema, so a build need not (a third of a second on every build).
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@cache
def _registry() -> Registry:
    """Every schema under SCHEMA_DIR at SCHEMA_BASE + its path, so "../x.schema.json" resolves."""
    return Registry().with_resources(
        (
            SCHEMA_BASE + path.relative_to(SCHEMA_DIR).as_posix(),
            Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))),
        )
        for path in sorted(SCHEMA_DIR.rglob("*.schema.json"))
    )


def check_data(where: str, name: str, data: Any) -> list[Problem]:
    """Every way `data` breaks the schema SCHEMA_DIR/name, each as a Problem at `where`."""
    if validator_for(name) is None:
        return [Problem(where, 0, "$", f"no schema {name} in {SCHEMA_DIR.name}/")]
    return [Problem(where, 0, json_path(parts), msg) for parts, msg in check_located(name, data)]


def check_located(name: str, data: Any) -> list[tuple[tuple[object, ...], str]]:
    """Every way `data` breaks the schema SCHEMA_DIR/name: where (keys and indexes) and what,
    best match first (the caller turns a place into a line)."""
    validator = validator_for(name)
    if validator is None:
        raise FileNotFoundError(SCHEMA_DIR / name)
    errors = sorted(validator.iter_errors(data), key=relevance)
    return [place for err in errors for place in located(err)]


def located(err: ValidationError) -> list[tuple[tuple[object, ...], str]]:
    """Where each problem in one schema error is, and what it is: an unknown field is given at
    its own place (one problem per field), anything else at the value that is wrong."""
    err = _deepest(err)
    parts = tuple(err.absolute_path)
    schema = err.schema if isinstance(err.schema, Mapping) else {}
    if err.validator == "additionalProperties" and isinstance(err.instance, Mapping):
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(allowed))
        return [((*parts, key), unknown_field(key, allowed)) for key in extra]
    return [(parts, explain(err))]


def unknown_field(key: str, allowed: list[str]) -> str:
    """'unknown field 'agency': did you mean 'agencies'? Allowed fields: …'"""
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f": did you mean '{close[0]}'?" if close else ";"
    return f"unknown field '{key}'{hint} allowed fields: {', '.join(allowed)}"


def known_kinds() -> list[str]:
    names = [
        p.name.removesuffix(".schema.json") + ".yml"
        for p in SCHEMA_DIR.glob("*.json")
        if p.name != EXAMPLE_SCHEMA
    ]
    return [*sorted(names), f"{EXAMPLES}/<example-id>.yml"]


def validate(doc: Document) -> list[Problem]:
    """Every problem with one document: its modeline and every schema error."""
    name = schema_name(doc.path)
    validator = validator_for(name)
    if validator is None:
        kinds = ", ".join(known_kinds())
        return [Problem(doc.name, 1, "$", f"unknown kind of file: expected one of {kinds}")]
    problems = _check_modeline(doc, name)
    errors = sorted(validator.iter_errors(doc.data), key=relevance)
    found = [problem for err in errors for problem in _to_problems(doc, err)]
    problems += found
    reported = {json_path(err.absolute_path) for err in errors} | {p.path for p in found}
    problems += [p for p in check_dates(doc) if p.path not in reported]
    problems += [p for p in markdown_check.check(doc, _schema(validator)) if p.path not in reported]
    return problems


def _schema(validator: Draft202012Validator) -> Mapping[str, Any]:
    schema = validator.schema
    return schema if isinstance(schema, Mapping) else {}


def with_markdown_declared(doc: Document) -> Document:
    """The document as templates should see it: its Markdown fields as Markup (not escaped),
    every other text as plain text (escaped). For a document validate() found no problem in."""
    validator = validator_for(schema_name(doc.path))
    return markdown_check.declare_markdown(doc, _schema(validator)) if validator else doc


ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ISO_DAY_OR_MONTH = re.compile(r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")


def check_dates(doc: Document) -> list[Problem]:
    """Text shaped like a date (YYYY-MM-DD) is a real calendar date, and a range given as
    `date` and `end` does not end before it starts. The schemas check only the shape."""
    problems = []
    for parts, value in walk(doc.data):
        if isinstance(value, str) and ISO_DAY.match(value) and not _real_day(value):
            msg = f'{_describe(value)} is not a real date: write YYYY-MM-DD, like "2026-05-04"'
            problems.append(Problem(doc.name, doc.line_of(parts), json_path(parts), msg))
        elif isinstance(value, dict) and _ends_before_start(value.get("date"), value.get("end")):
            where = (*parts, "end")
            msg = f"the range ends ({value['end']}) before it starts ({value['date']})"
            problems.append(Problem(doc.name, doc.line_of(where), json_path(where), msg))
    return problems


def _real_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _ends_before_start(start: Any, end: Any) -> bool:
    """Compared at the coarser of the two: a month ends before a day only if it is earlier."""
    if not all(isinstance(x, str) and ISO_DAY_OR_MONTH.match(x) for x in (start, end)):
        return False
    size = min(len(start), len(end))
    return bool(end[:size] < start[:size])


def _check_modeline(doc: Document, name: str) -> list[Problem]:
    if doc.first_line.startswith(MODELINE) and doc.first_line.endswith("/" + name):
        return []
    depth = len(doc.path.parent.relative_to(_content_root(doc.path)).parts) + 1
    want = MODELINE + "../" * depth + "generator/schemas/" + name
    return [Problem(doc.name, 1, "$", f"first line should be the editor hint: {want}")]


def _content_root(path: Path) -> Path:
    for parent in path.parents:
        if parent.name == "criteria":
            return parent
    return path.parent


def _to_problems(doc: Document, err: ValidationError) -> list[Problem]:
    return [
        Problem(doc.name, doc.field_line(parts), json_path(parts), message)
        for parts, message in located(err)
    ]


def _deepest(err: ValidationError) -> ValidationError:
    """For anyOf/oneOf, the most relevant branch says more than 'is not valid under any'."""
    while err.context:
        err = min(err.context, key=relevance)
    return err


def explain(err: ValidationError) -> str:
    """A plain message for the common mistakes, falling back on jsonschema's own."""
    # Any JSON value: jsonschema types these "... | Unset" for errors made by hand, but every
    # error from iter_errors has them set.
    value: Any = err.instance
    expected: Any = err.validator_value
    kind = err.validator
    schema = err.schema if isinstance(err.schema, Mapping) else {}
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(schema.get("properties", {})))
        return unknown_field(", ".join(extra), sorted(schema.get("properties", {})))
    if kind == "required":
        missing = [k for k in expected if k not in value]
        return f"missing required field {_names(missing)}"
    if kind == "dependentRequired":  # fields that only make sense together
        pairs = [
            (k, [d for d in deps if d not in value]) for k, deps in expected.items() if k in value
        ]
        return "; ".join(
            f"'{k}' needs {_names(missing)} beside it: add {'it' if len(missing) == 1 else 'them'}"
            f" or take '{k}' out"
            for k, missing in pairs
            if missing
        )
    if kind == "type":
        return f"expected {_type_words(expected)}, found {_describe(value)}"
    if kind == "pattern":  # the plain hint first; the regular expression last, for experts
        hint = schema.get("description", "").strip().rstrip(".")
        if expected.startswith("^[0-9]{4}-"):
            form = (
                "YYYY-MM-DD, or YYYY-MM for a month" if expected.endswith(")?$") else "YYYY-MM-DD"
            )
            plain = f'is not a date written {form}: write it in quotes, like "2026-05-04"'
            return f"{_describe(value)} {plain} (pattern {expected})"
        plain = f"{_describe(value)} is not in the expected form"
        return f"{plain}: {hint} (pattern {expected})" if hint else f"{plain} (pattern {expected})"
    if kind == "enum":
        options = ", ".join(repr(x) for x in expected)
        return f"{_describe(value)} is not one of {options}"
    if kind in {"minItems", "minLength"} and not value:
        return "must not be empty"
    if kind == "maxItems":
        return f"has {len(value)} items: at most {expected} allowed"
    if kind == "minLength":
        return f"{_describe(value)} is too short: write at least {expected} characters"
    if kind == "format" and expected == "date":
        return f'{_describe(value)} is not a real date: write YYYY-MM-DD, like "2026-05-04"'
    return err.message


def _names(keys: Iterable[str]) -> str:
    return ", ".join(f"'{k}'" for k in keys)


def _type_words(types: str | list[str]) -> str:
    words = {
        "string": "text",
        "integer": "a whole number",
        "array": "a list",
        "object": "a mapping of fields",
        "boolean": "true or false",
        "number": "a number",
        "null": "nothing",
    }
    types = [types] if isinstance(types, str) else types
    return " or ".join(words.get(t, t) for t in types)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    kind = "a whole number" if isinstance(value, int) else type(value).__name__
    if isinstance(value, str):
        kind = "text"
    shown = repr(value) if len(repr(value)) < 60 else repr(value)[:57] + "...'"
    return f"{kind} {shown}"
