"""Scan the guidance's lines into blocks, each knowing its heading, paragraph and Annex.

A block is a numbered paragraph, a heading, unnumbered text, a bullet or a table (its rows with
the line each came from). Tables are checked here: every row must have as many cells as the
header. Nothing else is interpreted: parse.py reads criteria and Annex A from the blocks and
rules.py the timetable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import Line, Refusal, Source

NUMBERED = re.compile(r"(\d+)\. (.+)")
ANNEX = re.compile(r"Annex ([A-Z])\b")
WEEK = re.compile(r"Week (\d)\b")
FURNITURE = "Print or save to PDF"  # GOV.UK's printing instructions; footnotes follow


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    at: int


@dataclass(frozen=True)
class Block:
    kind: str  # para | heading | text | bullet | table
    text: str
    at: int
    para: int  # this paragraph's number, or the last one before it (0 before the first)
    heading: str  # the last heading before it
    annex: str  # "A", "B" … when inside an annex, else ""
    week: int  # the last "Week N" heading's N, else 0
    rows: tuple[Row, ...] = ()  # tables: the header first

    @property
    def header(self) -> tuple[str, ...]:
        return self.rows[0].cells if self.rows else ()


@dataclass(frozen=True)
class Scanned:
    title: str
    updated: Line
    applies_to: str
    blocks: tuple[Block, ...]
    refusals: tuple[Refusal, ...]


def cells(line: str) -> tuple[str, ...] | None:
    """A table row's cells, or None when the line is not a row."""
    if not (line.endswith("|") and "|" in line[:-1]):
        return None
    return tuple(cell.strip() for cell in line[:-1].split("|"))


def _is_separator(found: tuple[str, ...]) -> bool:
    return all(cell and set(cell) <= {"-", ":"} for cell in found)


class _Scanner:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.refusals: list[Refusal] = []
        self.para, self.heading, self.annex, self.week = 0, "", "", 0
        self.table: list[Row] = []
        self.table_at = 0

    def block(self, kind: str, text: str, at: int, rows: tuple[Row, ...] = ()) -> None:
        ctx = (self.para, self.heading, self.annex, self.week)
        self.blocks.append(Block(kind, text, at, *ctx, rows=rows))

    def close_table(self) -> None:
        if not self.table:
            return
        header = self.table[0]
        for row in self.table[1:]:
            if len(row.cells) != len(header.cells):
                self.refusals.append(_cell_count(self.source.name, row, header))
        self.block("table", "", self.table_at, tuple(self.table))
        self.table = []

    def line(self, line: Line, bullet: bool) -> None:
        row = cells(line.text)
        if row is not None:
            if not _is_separator(row):
                self.table_at = self.table_at if self.table else line.at
                self.table.append(Row(row, line.at))
            return
        self.close_table()
        text = line.text.strip()
        if not text or text == "-":
            return
        if bullet:
            self.block("bullet", text, line.at)
        elif match := NUMBERED.fullmatch(text):
            self.para = int(match.group(1))
            self.block("para", match.group(2), line.at)
        elif text.endswith((":", ".")):
            self.block("text", text, line.at)
        else:
            self.heading_line(text, line.at)

    def heading_line(self, text: str, at: int) -> None:
        self.heading = text
        if annex := ANNEX.match(text):
            self.annex, self.week = annex.group(1), 0
        if week := WEEK.match(text):
            self.week = int(week.group(1))
        if text == FURNITURE:
            self.annex = ""
        self.block("heading", text, at)


def _cell_count(name: str, row: Row, header: Row) -> Refusal:
    first = row.cells[0][:40]
    return Refusal(
        name,
        row.at,
        f"this table row has {len(row.cells)} cells but the table's header (line {header.at}) "
        f"has {len(header.cells)}: check for a missing or extra '|' or tab in the row "
        f"starting '{first}'",
    )


def scan(source: Source) -> Scanned:
    lines = source.lines
    head = [*lines[:3], *(Line("", 0) for _ in range(3 - len(lines[:3])))]
    scanner = _Scanner(source)
    previous = ""
    for line in lines[3:]:
        scanner.line(line, bullet=previous == "-")
        previous = line.text.strip()
    scanner.close_table()
    return Scanned(
        head[0].text.strip(),
        head[1],
        head[2].text.strip().removeprefix("Applies to ").strip(),
        tuple(scanner.blocks),
        tuple(scanner.refusals),
    )
