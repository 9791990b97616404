"""Stage 1, load: read YAML files keeping line numbers.

Rejects what PyYAML lets through silently: duplicate keys, unquoted dates, anchors and aliases
(no content file needs them, and they allow "billion laughs" expansion), non-UTF-8 bytes and
empty files. Every problem is collected; nothing is raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from .problems import Problem, display_path, json_path

MAX_BYTES = 2_000_000
Lines = dict[tuple[object, ...], int]


@dataclass(frozen=True)
class Document:
    """A loaded YAML file: its data and the line where each value starts."""

    path: Path
    name: str  # as shown in messages, relative to the project
    data: Any
    lines: Lines = field(repr=False)
    first_line: str = ""

    def line_of(self, parts: tuple[object, ...]) -> int:
        """The line of the deepest known node on this path."""
        for end in range(len(parts), -1, -1):
            line = self.lines.get(tuple(parts[:end]))
            if line:
                return line
        return 1


# libyaml's parser when PyYAML was built with it (the PyPI wheels are): several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _first_alias_line(text: str) -> int | None:
    """The line of the first alias (0 if unknown), found from the events before composing."""
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            return _line(event.start_mark)
    return None


class _Mark(Protocol):
    """A parser position: yaml.Mark, or libyaml's own Mark class under CSafeLoader."""

    line: int


def _line(mark: _Mark | None) -> int:
    """A parser mark's 1-based line; 0 when the parser gave none."""
    return mark.line + 1 if mark else 0


class _Converter:
    """Turns a composed YAML node tree into plain Python, recording lines and problems."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: Lines = {}
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")

    def problem(self, node: yaml.Node, parts: tuple[object, ...], message: str) -> None:
        line = node.start_mark.line + 1
        self.problems.append(Problem(self.name, line, json_path(parts), message))

    def convert(self, node: yaml.Node, parts: tuple[object, ...]) -> Any:
        self.lines[parts] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, parts)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*parts, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, parts)

    def mapping(self, node: yaml.MappingNode, parts: tuple[object, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node, parts)
            if not isinstance(key, str):
                self.problem(key_node, parts, f"keys must be text, found {key!r}")
                key = str(key)
            if key in out:
                self.problem(
                    key_node,
                    (*parts, key),
                    f"duplicate key '{key}' (first given on line {first_line[key]}): "
                    "YAML keeps only the last one, so remove or rename one of them",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            out[key] = self.convert(value_node, (*parts, key))
        return out

    def scalar(self, node: yaml.Node, parts: tuple[object, ...]) -> Any:
        value = self.constructor.construct_object(node, deep=True)
        if isinstance(value, dt.date | dt.datetime):
            text = node.value
            self.problem(node, parts, f'unquoted date {text}: write it in quotes ("{text}")')
            return text
        return value


def load_file(path: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file. Returns the document (None if unusable) and its problems."""
    name = display_path(path, root)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, [Problem(name, 0, "$", f"file is larger than {MAX_BYTES} bytes")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        msg = f"not valid UTF-8 (byte 0x{raw[err.start]:02x}): save the file as UTF-8"
        return None, [Problem(name, line, "$", msg)]
    empty = Problem(name, 1, "$", "file is empty: expected a mapping of fields")
    if not text.strip() or _only_comments(text):
        return None, [empty]
    try:
        alias_line = _first_alias_line(text)
        if alias_line is not None:
            msg = "YAML anchors and aliases (&name, *name) are not allowed: write the values out"
            return None, [Problem(name, alias_line, "$", msg)]
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        line = _line(err.problem_mark or err.context_mark)
        what = " ".join(x for x in (err.context, err.problem) if x)
        return None, [Problem(name, line, "$", f"YAML syntax error: {what}")]
    if node is None:  # no document at all: the check above catches every case seen so far
        return None, [empty]
    converter = _Converter(name)
    data = converter.convert(node, ())
    if not isinstance(data, dict):
        found = type(data).__name__
        converter.problems.append(
            Problem(name, 1, "$", f"expected a mapping of fields at the top, found {found}")
        )
    first = text.splitlines()[0] if text else ""
    doc = Document(path, name, data, converter.lines, first)
    return doc, converter.problems


def _only_comments(text: str) -> bool:
    return all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


def content_files(content_dir: Path) -> Iterator[Path]:
    """Every YAML file under the content folder, in a stable order."""
    for path in sorted(content_dir.rglob("*")):
        if path.suffix in {".yml", ".yaml"} and path.is_file():
            yield path
