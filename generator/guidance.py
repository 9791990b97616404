"""The framework guidance as published: the project's copy of its text, read into blocks.

Each framework folder keeps the guidance text it was built from (criteria/<framework>/guidance.txt,
a byte-for-byte copy of the source). This module gives the framework page its headings, numbered
paragraphs, unnumbered text, bullet lists, tables and footnotes, one anchor per paragraph, and
the link stage the paragraphs every citation must name. The grammar is guidance_text.py's, the
same reader ingest uses, so what ingest reads as paragraph 38 is what the check and the page
call paragraph 38.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import guidance_text

FILE_NAME = "guidance.txt"
FURNITURE = guidance_text.FURNITURE  # the GOV.UK page's printing instructions start here
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


@lru_cache(maxsize=8)  # the link stage and the model read the same text in every build
def parse(text: str) -> Guidance:
    scanned = guidance_text.read(text)
    head = (scanned.title, scanned.updated.text.strip(), scanned.applies_to.text.strip())
    notes = tuple(Block("footnote", t, n) for n, t in enumerate(scanned.footnotes, start=1))
    return Guidance(*head, _blocks(scanned.content) + notes)


def _blocks(found: tuple[guidance_text.Block, ...]) -> tuple[Block, ...]:
    """The grammar's blocks as the page shows them: a bullet list as one block."""
    blocks: list[Block] = []
    for b in found:
        if b.kind == "bullet" and blocks and blocks[-1].kind == "bullets":
            last = blocks.pop()
            blocks.append(Block("bullets", rows=(*last.rows, (b.text,))))
        elif b.kind == "bullet":
            blocks.append(Block("bullets", rows=((b.text,),)))
        elif b.kind == "table":
            blocks.append(Block("table", rows=tuple(r.cells for r in b.rows)))
        else:
            blocks.append(Block(b.kind, b.text, b.para if b.kind == "para" else 0))
    return tuple(blocks)


def split_marks(text: str) -> list[str | int]:
    """Text with its footnote marks split out: 'a[footnote 1] b' -> ['a', 1, ' b']."""
    parts: list[str | int] = []
    for i, piece in enumerate(_FOOTNOTE_MARK.split(text)):
        if i % 2:
            parts.append(int(piece))
        elif piece:
            parts.append(piece)
    return parts
