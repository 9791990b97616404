"""Stage 1, load: read YAML files keeping line numbers.

Rejects what PyYAML lets through silently: duplicate keys, unquoted dates, anchors and aliases
(no content file needs them, and they allow "billion laughs" expansion), non-UTF-8 bytes and
empty files. Before anything is composed, the event stream is read once to refuse aliases, nesting
deeper than MAX_DEPTH (deep nesting overflows the composer's stack) and tags other than YAML's
plain ones (`!include` and the like); symbolic links are refused so that no file from outside the
content folder is published. Every problem is collected; nothing is raised.
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
MAX_DEPTH = 32  # the real content nests 6 deep
# Explicit tags that only say what an untagged value already is; any other tag is refused.
PLAIN_TAGS = frozenset(
    {None, "!"}
    | {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}
)
Lines = dict[tuple[object, ...], int]


@dataclass(frozen=True)
class Document:
    """A loaded YAML file: its data and the line where each value starts."""

    path: Path
    name: str  # as shown in messages, relative to the project
    data: Any
    lines: Lines = field(repr=False)
    first_line: str = ""
    key_lines: Lines = field(default_factory=dict, repr=False)  # where each field's name is

    def field_line(self, parts: tuple[object, ...]) -> int:
        """The line of a field's own name (its value may start on a later line)."""
        return self.key_lines.get(parts) or self.line_of(parts)

    def line_of(self, parts: tuple[object, ...]) -> int:
        """The line of the deepest known node on this path."""
        for end in range(len(parts), -1, -1):
            line = self.lines.get(tuple(parts[:end]))
            if line:
                return line
        return 1


ALIAS_MESSAGE = "YAML anchors and aliases (&name, *name) are not allowed: write the values out"
DEPTH_MESSAGE = (
    f"nested more than {MAX_DEPTH} levels deep: content files need far fewer, "
    "so look for brackets or indentation that never close"
)
SYMLINK_MESSAGE = (
    "is a symbolic link: content files must be real files inside the content folder, "
    "so copy the file in instead"
)

# libyaml's parser when PyYAML was built with it (the PyPI wheels are): several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _stream_problem(text: str) -> tuple[int, str] | None:
    """The line of the first alias, unknown tag or too-deep nesting, and what is wrong, found
    from the event stream before anything is composed (composing is recursive, so a deep file
    would crash it)."""
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        line = _line(event.start_mark)
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.AliasEvent):
            return line, ALIAS_MESSAGE
        if tag not in PLAIN_TAGS:
            return line, f"unknown YAML tag {tag}: content files use no tags"
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return line, DEPTH_MESSAGE
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
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
        self.key_lines: Lines = {}
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
            self.key_lines[(*parts, key)] = first_line[key]
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
    if _linked(path.absolute(), root.absolute()):
        return None, [Problem(_as_found(path, root), 0, "$", SYMLINK_MESSAGE)]
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
        refused = _stream_problem(text)
        if refused is not None:
            line, msg = refused
            return None, [Problem(name, line, "$", msg)]
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        line = _line(err.problem_mark or err.context_mark)
        what = " ".join(x for x in (err.context, err.problem) if x)
        hint = _syntax_hint(err.problem or "", text.split("\n")[line - 1 : line])
        return None, [Problem(name, line, "$", f"YAML syntax error: {what}{hint}")]
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
    doc = Document(path, name, data, converter.lines, first, converter.key_lines)
    return doc, converter.problems


# What PyYAML says when a line is indented more or less than the lines around it.
INDENTATION_ERRORS = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
)


def _syntax_hint(problem: str, line: list[str]) -> str:
    """A plain hint for the syntax errors bad indentation causes."""
    indent = line[0][: len(line[0]) - len(line[0].lstrip())] if line else ""
    if "\t" in indent:
        return ": this line's indentation uses a tab; indent with spaces only"
    if any(text in problem for text in INDENTATION_ERRORS):
        return (
            ": check the indentation of this line and the one above (fields at the same level "
            "start in the same column, indented with spaces), or put text containing ': ' in quotes"
        )
    return ""


def _as_found(path: Path, root: Path) -> str:
    """A link's path relative to the project, as found rather than where it points."""
    path, root = path.absolute(), root.absolute()
    return (path.relative_to(root) if path.is_relative_to(root) else path).as_posix()


def _linked(path: Path, root: Path) -> bool:
    """Whether the file, or a folder between it and the project root, is a symbolic link."""
    inside = [p for p in path.parents if p != root and p.is_relative_to(root)]
    return any(place.is_symlink() for place in (path, *inside))


def _only_comments(text: str) -> bool:
    return all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


def walk(value: Any, parts: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], Any]]:
    """Every value in loaded data with its path, the data itself first."""
    yield parts, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, (*parts, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from walk(child, (*parts, i))


def content_files(content_dir: Path) -> Iterator[Path]:
    """Every YAML file under the content folder, in a stable order, and every linked folder (its
    files are not read: load_file refuses it, rather than skip it without a word)."""
    for path in sorted(content_dir.rglob("*")):
        yaml_file = path.suffix in {".yml", ".yaml"} and (path.is_file() or path.is_symlink())
        if yaml_file or (path.is_symlink() and path.is_dir()):
            yield path
