"""Problems found in content files, reported as check-jsonschema does.

Each is one line: file:line: $.path: message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}"


class GenerationError(Exception):
    """Raised when content has problems; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: Iterable[Problem]) -> str:
    problems = tuple(problems)
    lines = [str(p) for p in problems]
    noun = "problem" if len(lines) == 1 else "problems"
    return "\n".join([*lines, f"{len(lines)} {noun} found."])


def json_path(parts: Iterable[object]) -> str:
    """Turn ("criteria", 3, "id") into $.criteria[3].id."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def display_path(path: Path, root: Path) -> str:
    """A file path relative to the project, as a maintainer would type it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
