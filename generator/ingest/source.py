"""The guidance as ingest reads it: numbered lines in the shape of the framework's guidance.txt.

The grammar of those lines is guidance_text.py's (the one the framework page and check use).

Both readers (read_text for plain text, read_html for a page saved from the browser) turn what
they read into Lines in one shape: headings and paragraphs as lines, "-" before each bullet,
tables as "cell | cell |" rows with a "---|" row under the header. parse.py reads only this shape;
write.py keeps it as the new framework's guidance.txt. Each line remembers where it came from so
that a refusal can name the line of the file the maintainer gave.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..guidance_text import Line


@dataclass(frozen=True)
class Source:
    name: str  # the file as the maintainer named it
    lines: tuple[Line, ...]
    original: str | None = None  # the text as read, when it is already in guidance.txt's shape

    def text(self) -> str:
        """The guidance.txt to keep: the original when it needed no change, else the lines."""
        if self.original is not None:
            return self.original
        return "\n".join(line.text for line in self.lines) + "\n"


@dataclass(frozen=True)
class Refusal:
    """Something ingest cannot read, with where it is."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


__all__ = ["Line", "Refusal", "Source"]
