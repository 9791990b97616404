"""Read what the guidance says into typed facts: title, date, criteria and Annex A.

The evaluation criteria are the rows of every table whose first column holds EC numbers (EC1,
EC2 …), and every line or list item that begins with one ("EC1: Agencies …"), each with the
paragraph before it. Annex A's tables (between an
"Annex A" heading and the next annex) become sections: numbered tables ("Number | Item |
Description") give items A-<number>; tables of child-level lists ("List | ILACS list number |
Additional fields") give items A-list-<n>; any other table gives A-<section>-<row>. Each section's
deadline is the nearest "By 5pm on Tuesday in week 1" before it under the same week heading.
Every problem is returned; nothing is raised.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..guidance_text import Block, Scanned, scan
from . import rules
from .defaults import slug
from .rules import SENTENCE_END
from .source import Refusal, Source

EC = re.compile(r"EC[0-9]+")
EC_LINE = re.compile(r"(EC[0-9]+)\s*[:.–—-]?\s+(\S.*)")  # 'EC1: Agencies work together …'

LIST_NUMBER = re.compile(r"List (\d+)\b")
DEADLINE = re.compile(
    r"\b[Bb]y (\d{1,2})(?:[:.](\d{2}))?\s*(am|pm) on (Monday|Tuesday|Wednesday|Thursday|Friday)"
    r"(?: in week (\d))?"
)


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    para: int
    at: int

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(s.strip() for s in SENTENCE_END.split(self.text) if s.strip())


@dataclass(frozen=True)
class Deadline:
    week: int
    weekday: str = ""
    time: str = ""
    para: int = 0  # the paragraph that gives it; 0 when none was found
    stated: bool = False  # said of this table: in its own paragraph, or one giving what is "below"


@dataclass(frozen=True)
class Item:
    id: str
    number: str  # as printed; "" when the table has no number column
    item: str  # the "Item" column, or "" when the table has none
    description: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    para: int
    intro: str
    deadline: Deadline
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Parsed:
    title: str
    version_date: str
    applies_to: str
    paragraphs: dict[int, str]
    criteria: tuple[Criterion, ...]
    sections: tuple[Section, ...]
    rules: rules.Rules
    inspectorates: tuple[tuple[str, str, int], ...]  # (name, full name, paragraph)
    unread: tuple[str, ...]  # what ingest saw but did not read, for the checklist


def parse(source: Source) -> Parsed | tuple[Refusal, ...]:
    scanned = scan(source.lines)
    refusals = [Refusal(source.name, f.at, f.message) for f in scanned.flaws]
    date = _date(scanned, source.name, refusals)
    criteria = _criteria(scanned.blocks, source.name, refusals)
    sections = _annex_a(scanned.blocks, source.name, refusals)
    if not any(b.kind == "para" for b in scanned.blocks):
        msg = "no numbered paragraphs found: expected lines like '1. This guidance is for …'"
        refusals.append(Refusal(source.name, 0, msg))
    found = rules.read(scanned.blocks)
    if refusals:
        return tuple(sorted(set(refusals), key=lambda r: (r.line == 0, r.line, r.message)))
    paragraphs = {b.para: b.text for b in scanned.blocks if b.kind == "para"}
    unread = _unread(scanned.blocks)
    inspectorates = _inspectorates(scanned.blocks)
    return Parsed(
        scanned.title,
        date,
        scanned.applies_to.text.strip().removeprefix("Applies to ").strip(),
        paragraphs,
        criteria,
        sections,
        found,
        inspectorates,
        unread,
    )


def _inspectorates(blocks: tuple[Block, ...]) -> tuple[tuple[str, str, int], ...]:
    """The bullets after 'carried out by inspectors from:': 'Care Quality Commission (CQC)'."""
    out: list[tuple[str, str, int]] = []
    for i, block in enumerate(blocks):
        if block.kind == "para" and block.text.endswith("inspectors from:"):
            for bullet in blocks[i + 1 :]:
                if bullet.kind != "bullet":
                    break
                match = re.fullmatch(r"(.+?) \(([A-Za-z]+)\)", bullet.text)
                name, full = (match.group(2), match.group(1)) if match else (bullet.text,) * 2
                out.append((name, full, block.para))
            break
    return tuple(out)


def _date(scanned: Scanned, name: str, refusals: list[Refusal]) -> str:
    words = scanned.updated.text.strip().split(" ", 1)
    try:
        return dt.datetime.strptime(words[-1], "%d %B %Y").date().isoformat()
    except ValueError:
        msg = "the second line should give the guidance's date, like 'Updated 22 September 2023'"
        refusals.append(Refusal(name, scanned.updated.at or 2, msg))
        return ""


def _criteria(
    blocks: tuple[Block, ...], name: str, refusals: list[Refusal]
) -> tuple[Criterion, ...]:
    """From every criteria table, and from lines and list items that begin with the number."""
    found: dict[str, Criterion] = {}
    tables = [b for b in blocks if b.kind == "table" and _is_criteria(b)]
    rows = [(r.cells[0], r.cells[1:2], r.at, t.para) for t in tables for r in t.rows[1:]]
    for block in blocks:
        if block.kind != "table" and (match := EC_LINE.fullmatch(block.text)):
            rows.append((match.group(1), (match.group(2),), block.at, block.para))
    if not rows:
        msg = "no evaluation criteria found: expected a table whose first column holds EC1, EC2 …"
        refusals.append(Refusal(name, 0, msg + " or lines and list items like 'EC1: Agencies …'"))
    for ec, text, at, para in rows:
        if not EC.fullmatch(ec):
            msg = f"'{ec[:30]}' in the criteria table is not an EC number like EC1"
            refusals.append(Refusal(name, at, msg))
        elif ec in found:
            msg = f"{ec} is given twice (first on line {found[ec].at}): EC numbers are unique"
            refusals.append(Refusal(name, at, msg))
        elif text:
            found[ec] = Criterion(ec, text[0], para, at)
    return tuple(found.values())


def _is_criteria(table: Block) -> bool:
    first = table.header[0] if table.header else ""
    body = [r.cells[0] for r in table.rows[1:]]
    return first.upper().startswith("EC") or (bool(body) and all(EC.fullmatch(c) for c in body))


def _annex_a(blocks: tuple[Block, ...], name: str, refusals: list[Refusal]) -> tuple[Section, ...]:
    sections: list[Section] = []
    seen: dict[str, int] = {}
    for i, table in enumerate(blocks):
        if table.kind != "table" or table.annex != "A" or len(table.rows) < 2:
            continue
        if _is_criteria(table) or rules.is_rule_table(table):
            continue
        section_id = _unique(slug(table.heading) or f"table-{table.at}", {s.id for s in sections})
        items = _items(table, section_id)
        for item, row in zip(items, table.rows[1:], strict=True):
            if item.id in seen:
                msg = f"Annex A item {item.id} is given twice (first on line {seen[item.id]})"
                refusals.append(Refusal(name, row.at, msg))
            seen.setdefault(item.id, row.at)
        intro = next((b.text for b in blocks[:i] if b.kind == "para" and b.para == table.para), "")
        deadline = _deadline(blocks[:i], table)
        sections.append(Section(section_id, table.heading, table.para, intro, deadline, items))
    return tuple(sections)


def _items(table: Block, section_id: str) -> tuple[Item, ...]:
    header = [h.lower() for h in table.header]
    rows = [r.cells for r in table.rows[1:]]
    if header[:1] == ["number"] and len(header) >= 3:
        return tuple(Item(f"A-{c[0]}", c[0], c[1], c[-1]) for c in rows)
    if header[:1] == ["list"] and len(header) >= 2:
        return tuple(_list_item(c, n) for n, c in enumerate(rows, start=1))
    return tuple(
        Item(f"A-{section_id}-{n}", "", c[0] if len(c) > 1 else "", c[-1])
        for n, c in enumerate(rows, start=1)
    )


def _list_item(row: tuple[str, ...], n: int) -> Item:
    number = LIST_NUMBER.search(row[1])
    fields = tuple(q.strip() for q in re.findall(r"[^?]+\?", row[2])) if len(row) > 2 else ()
    if len(row) > 2 and not fields and row[2]:
        fields = (row[2],)
    return Item(f"A-list-{number.group(1) if number else n}", row[1], "", row[0], fields)


def _deadline(before: tuple[Block, ...], table: Block) -> Deadline:
    """The nearest 'By 5pm on Tuesday in week 1' before the table under the same week heading."""
    for block in reversed(before):
        if block.kind == "heading" and block.week != table.week:
            break
        match = DEADLINE.search(block.text) if block.kind == "para" else None
        if match:
            hour, minute, half, day, week = match.groups()
            clock = int(hour) % 12 + (12 if half == "pm" else 0)
            when = int(week) if week else table.week or 1
            stated = block.para == table.para or "below" in block.text
            return Deadline(when, day.lower(), f"{clock:02d}:{minute or '00'}", block.para, stated)
    return Deadline(table.week or 1)


def _unread(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    paras = sorted({b.para for b in blocks if b.kind == "bullet" and b.annex == "A"})
    if not paras:
        return ()
    listed = ", ".join(str(p) for p in paras)
    return (f"Annex A bullet lists (under paragraphs {listed}) are not read: add them by hand",)


def _unique(wanted: str, taken: set[str]) -> str:
    n, found = 1, wanted
    while found in taken:
        n += 1
        found = f"{wanted}-{n}"
    return found
