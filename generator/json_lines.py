"""JSON read with line numbers: each value's line, so a problem in a hand-edited JSON file (such
as assessment/apps.json) is reported as file:line, and a syntax error as a Problem, never a
traceback."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .problems import Problem

_SPACE = re.compile(r"\s*")
_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class Located:
    value: Any
    lines: dict[tuple[object, ...], int]  # path of each value (keys, indexes) -> its line

    def line(self, parts: tuple[object, ...]) -> int:
        """The line of the value at `parts`, or of its nearest parent that exists (a value the
        schema wants but the file lacks is reported where it should be)."""
        while parts not in self.lines:
            parts = parts[:-1]
        return self.lines[parts]


def read(text: str, shown: str) -> Located | Problem:
    """The parsed JSON with every value's line, or one Problem naming the syntax error."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        return Problem(shown, err.lineno, "$", f"not valid JSON: {err.msg} (column {err.colno})")
    lines: dict[tuple[object, ...], int] = {}
    _walk(text, _skip(text, 0), (), lines)
    return Located(value, lines)


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _walk(
    text: str, at: int, parts: tuple[object, ...], lines: dict[tuple[object, ...], int]
) -> int:
    """Record the line of the value starting at `at` and of everything in it; return its end."""
    lines[parts] = text.count("\n", 0, at) + 1
    if text[at] == "{":
        return _members(text, at, parts, lines)
    if text[at] == "[":
        return _items(text, at, parts, lines)
    return _DECODER.raw_decode(text, at)[1]


def _members(
    text: str, at: int, parts: tuple[object, ...], lines: dict[tuple[object, ...], int]
) -> int:
    at = _skip(text, at + 1)
    while text[at] != "}":
        key, at = _DECODER.raw_decode(text, at)
        at = _skip(text, _skip(text, at) + 1)  # past the colon
        at = _skip(text, _walk(text, at, (*parts, key), lines))
        if text[at] == ",":
            at = _skip(text, at + 1)
    return at + 1


def _items(
    text: str, at: int, parts: tuple[object, ...], lines: dict[tuple[object, ...], int]
) -> int:
    at, index = _skip(text, at + 1), 0
    while text[at] != "]":
        at = _skip(text, _walk(text, at, (*parts, index), lines))
        index += 1
        if text[at] == ",":
            at = _skip(text, at + 1)
    return at + 1
