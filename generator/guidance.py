"""The framework guidance as published: parse the project's copy of its text into blocks.

Each framework folder keeps the guidance text it was built from (criteria/<framework>/guidance.txt,
a byte-for-byte copy of the source). This module reads it into headings, numbered paragraphs,
unnumbered text, bullet lists, tables and footnotes, so that the framework page can show it in full
with one anchor per paragraph, and the link stage can check that every cited paragraph exists.

The text's shape (as saved from GOV.UK): the title, update date and "Applies to" on the first three
lines; "N. text" for a numbered paragraph; "-" on its own line before each bullet; tables as
"cell | cell |" rows; the page's printing instructions from "Print or save to PDF"; and then the
footnotes as bullets ending in " ↩". Needs nothing but the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "guidance.txt"
FURNITURE = "Print or save to PDF"  # the GOV.UK page's printing instructions start here
BACKLINK = " ↩"
_NUMBERED = re.compile(r"(\d+)\. (.*)")
_FOOTNOTE_MARK = re.compile(r"\[footnote (\d+)\]")


@dataclass(frozen=True)
class Block:
    kind: str  # heading | para | text | bullets | table | footnote
    text: str = ""
    number: int = 0  # paragraph or footnote number
    rows: tuple[tuple[str, ...], ...] = ()  # bullets: one cell per row; table: header first


@dataclass(frozen=True)
class Guidance:
    title: str
    updated: str
    applies_to: str
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> dict[int, str]:
        return {b.number: b.text for b in self.blocks if b.kind == "para"}

    @property
    def passages(self) -> dict[int, str]:
        """Each paragraph's whole text: its own line, then the bullets, tables and unnumbered
        text under it, up to the next numbered paragraph or heading."""
        out: dict[int, list[str]] = {}
        current: list[str] | None = None
        for b in self.blocks:
            if b.kind == "para":
                current = out.setdefault(b.number, [b.text])
            elif b.kind in ("heading", "footnote"):
                current = None
            elif current is not None:
                current += [b.text] if b.kind == "text" else [" ".join(r) for r in b.rows]
        return {n: "\n".join(lines) for n, lines in out.items()}

    @property
    def footnotes(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "footnote")


def read(folder: Path) -> Guidance | None:
    """The guidance kept in a framework folder, or None when the folder has none."""
    path = folder / FILE_NAME
    return parse(path.read_text(encoding="utf-8")) if path.is_file() else None


def parse(text: str) -> Guidance:
    lines = text.split("\n")
    title, updated, applies_to = [*lines, "", "", ""][:3]
    return Guidance(title, updated, applies_to, _without_furniture(_blocks(lines[3:])))


def _blocks(lines: list[str]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == "-":
            bullet = lines[i + 1] if i + 1 < len(lines) else ""
            _add_bullet(blocks, bullet)
            i += 2
            continue
        if _is_table_row(line):
            _add_row(blocks, line)
        elif match := _NUMBERED.fullmatch(line):
            blocks.append(Block("para", match.group(2), int(match.group(1))))
        elif line.strip():
            kind = "text" if line.endswith((":", ".")) else "heading"
            blocks.append(Block(kind, line))
        i += 1
    return tuple(blocks)


def _add_bullet(blocks: list[Block], text: str) -> None:
    if blocks and blocks[-1].kind == "bullets":
        last = blocks.pop()
        blocks.append(Block("bullets", rows=(*last.rows, (text,))))
    else:
        blocks.append(Block("bullets", rows=((text,),)))


def _is_table_row(line: str) -> bool:
    return line.endswith("|") and ("|" in line[:-1])


def _add_row(blocks: list[Block], line: str) -> None:
    cells = tuple(c.strip() for c in line[:-1].split("|"))
    if all(set(c) <= {"-"} for c in cells):
        return  # the Markdown separator row under a table's header
    if blocks and blocks[-1].kind == "table":
        last = blocks.pop()
        blocks.append(Block("table", rows=(*last.rows, cells)))
    else:
        blocks.append(Block("table", rows=(cells,)))


def _without_furniture(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Drop the printing instructions; the bullets ending in ' ↩' after them are footnotes."""
    cut = next(
        (i for i, b in enumerate(blocks) if b.kind == "heading" and b.text == FURNITURE),
        len(blocks),
    )
    notes = [
        row[0].removesuffix(BACKLINK)
        for b in blocks[cut:]
        if b.kind == "bullets"
        for row in b.rows
        if row[0].endswith(BACKLINK)
    ]
    footnotes = tuple(Block("footnote", text, n) for n, text in enumerate(notes, start=1))
    return blocks[:cut] + footnotes


def split_marks(text: str) -> list[str | int]:
    """Text with its footnote marks split out: 'a[footnote 1] b' -> ['a', 1, ' b']."""
    parts: list[str | int] = []
    for i, piece in enumerate(_FOOTNOTE_MARK.split(text)):
        if i % 2:
            parts.append(int(piece))
        elif piece:
            parts.append(piece)
    return parts
