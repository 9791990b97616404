"""The one reader of a guidance text: lines in, blocks out, each knowing its line and context.

Used alike by the framework page and the link check (guidance.py) and by ingest (ingest/parse.py,
ingest/rules.py; ingest/read_html.py first turns a saved HTML page into lines of this shape).

The grammar, as GOV.UK's page copies out of the browser:
- the title, the update date and "Applies to" on the first three lines;
- "N. text" is a numbered paragraph (spaces before it are ignored);
- "-" on its own line comes before each bullet;
- "cell | cell |" is a table row, and so are tab-separated cells (a copy from the browser); a row
  whose cells are all dashes and colons ("---|:--|") is the separator under a header, and a table
  row must have as many cells as its header;
- any other line ending in ":" or "." is unnumbered text; any other line is a heading. A heading
  starting "Annex A" opens that annex, "Week 2" that week;
- from the heading "Print or save to PDF" on is the page's furniture; the footnotes follow in it
  as bullets ending " ↩".
Needs nothing but the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBERED = re.compile(r"(\d+)\. (.+)")
ANNEX = re.compile(r"Annex ([A-Z])\b")
WEEK = re.compile(r"Week (\d)\b")
FURNITURE = "Print or save to PDF"  # GOV.UK's printing instructions; footnotes follow
BACKLINK = " ↩"


@dataclass(frozen=True)
class Line:
    text: str
    at: int  # the line in the file read, from 1


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
class Flaw:
    """Something in the text that breaks the grammar, at its line."""

    at: int
    message: str


@dataclass(frozen=True)
class Scanned:
    title: str
    updated: Line
    applies_to: Line
    blocks: tuple[Block, ...]
    flaws: tuple[Flaw, ...]

    @property
    def content(self) -> tuple[Block, ...]:
        """The blocks before the page's furniture."""
        cut = next((i for i, b in enumerate(self.blocks) if _is_furniture(b)), len(self.blocks))
        return self.blocks[:cut]

    @property
    def footnotes(self) -> tuple[str, ...]:
        """The bullets ending ' ↩' in the furniture, without the arrow."""
        rest = self.blocks[len(self.content) :]
        return tuple(
            b.text.removesuffix(BACKLINK.strip()).rstrip()
            for b in rest
            if b.kind == "bullet" and b.text.endswith(BACKLINK.strip())
        )


def _is_furniture(block: Block) -> bool:
    return block.kind == "heading" and block.text == FURNITURE


def cells(line: str) -> tuple[str, ...] | None:
    """A "|" table row's cells, or None when the line is not a row."""
    line = line.strip()
    if not (line.endswith("|") and "|" in line[:-1]):
        return None
    return tuple(cell.strip() for cell in line[:-1].split("|"))


def is_separator(row: tuple[str, ...]) -> bool:
    """The Markdown row under a table's header: every cell dashes and colons."""
    return all(cell and set(cell) <= {"-", ":"} and "-" in cell for cell in row)


def table_row(found: list[str] | tuple[str, ...]) -> str:
    return " | ".join(cell.strip() for cell in found) + " |"


def separator(count: int) -> str:
    return "---|" * count


def lines_of(text: str) -> tuple[Line, ...]:
    """The text's lines, numbered; tab-separated rows become "|" rows with a separator row
    under the first row of each table. Trailing spaces and blank lines at the end are dropped."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    in_tabs = False
    for at, line in enumerate(text.split("\n"), start=1):
        if "\t" in line and line.strip():
            found = line.strip("\n").rstrip("\t").split("\t")
            lines.append(Line(table_row(found), at))
            if not in_tabs:
                lines.append(Line(separator(len(found)), at))
            in_tabs = True
            continue
        in_tabs = False
        lines.append(Line(line.rstrip(), at))
    while lines and not lines[-1].text:
        lines.pop()
    return tuple(lines)


class _Scanner:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.flaws: list[Flaw] = []
        self.para, self.heading, self.annex, self.week = 0, "", "", 0
        self.table: list[Row] = []

    def block(self, kind: str, text: str, at: int, rows: tuple[Row, ...] = ()) -> None:
        ctx = (self.para, self.heading, self.annex, self.week)
        self.blocks.append(Block(kind, text, at, *ctx, rows=rows))

    def close_table(self) -> None:
        if not self.table:
            return
        header = self.table[0]
        for row in self.table[1:]:
            if len(row.cells) != len(header.cells):
                self.flaws.append(_cell_count(row, header))
        self.block("table", "", header.at, tuple(self.table))
        self.table = []

    def line(self, line: Line, bullet: bool) -> None:
        row = cells(line.text)
        if row is not None:
            if not is_separator(row):
                self.table.append(Row(row, line.at))
            return
        self.close_table()
        text = line.text.strip()
        if not text or (text == "-" and not bullet):
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


def _cell_count(row: Row, header: Row) -> Flaw:
    first = row.cells[0][:40]
    return Flaw(
        row.at,
        f"this table row has {len(row.cells)} cells but the table's header (line {header.at}) "
        f"has {len(header.cells)}: check for a missing or extra '|' or tab in the row "
        f"starting '{first}'",
    )


def scan(lines: tuple[Line, ...]) -> Scanned:
    """Blocks from lines (lines_of's, or read_html's)."""
    head = [*lines[:3], *(Line("", 0) for _ in range(3 - len(lines[:3])))]
    scanner = _Scanner()
    previous = ""
    for line in lines[3:]:
        bullet = previous == "-"
        scanner.line(line, bullet)
        previous = "" if bullet else line.text.strip()
    scanner.close_table()
    return Scanned(
        head[0].text.strip(), head[1], head[2], tuple(scanner.blocks), tuple(scanner.flaws)
    )


def read(text: str) -> Scanned:
    return scan(lines_of(text))
