"""Read Annex A (between an "Annex A" heading and the next annex) into sections of items.

- Tables: numbered tables ("Number | Item | Description") give items A-<number>; tables of
  child-level lists ("List | ILACS list number | Additional fields") give items A-list-<n>; any
  other table gives A-<paragraph>-<n>, as lists and paragraphs do.
- Bullet lists under a numbered paragraph: each bullet is an item, verbatim. A line ending in ":"
  inside the list ("The police force should share:"), or a heading after it (up to the next
  numbered paragraph or week heading), starts a new section for the same paragraph;
  a bullet that starts in lower case and ends in ":" takes the bullets after it as its fields.
  When the paragraph's last sentence starts "For each" ("For each child, this report should
  include:"), the bullets are the fields of one item: the paragraph.
- A numbered paragraph that asks for something ("should provide", "should also share") with no
  table or list of its own, and not "below", is one item: the paragraph.
Each section's deadline is the last "By 5pm on Tuesday in week 1" of its own paragraph, or else
of the nearest paragraph before it under the same week heading. Duplicate item IDs are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..guidance_text import Block
from . import rules
from .defaults import slug
from .source import Refusal

EC = re.compile(r"EC[0-9]+")
LIST_NUMBER = re.compile(r"List (\d+)\b")
DEADLINE = re.compile(
    r"\b[Bb]y (\d{1,2})(?:[:.](\d{2}))?\s*(am|pm) on (Monday|Tuesday|Wednesday|Thursday|Friday)"
    r"(?: in week (\d))?"
)
ASKS = re.compile(r"\bshould (?:also )?(?:provide|share)\b")
FOR_EACH = re.compile(r"(?:^|(?<=[.)]) )For each [^.]*:$")


@dataclass(frozen=True)
class Deadline:
    week: int
    weekday: str = ""
    time: str = ""
    para: int = 0  # the paragraph that gives it; 0 when none was found
    stated: bool = (
        False  # said of this section: in its own paragraph, or one giving what is "below"
    )


@dataclass(frozen=True)
class Item:
    id: str
    number: str  # as printed; "" when the table has no number column
    item: str  # the "Item" column, or "" when there is none
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


def is_criteria(table: Block) -> bool:
    first = table.header[0] if table.header else ""
    body = [r.cells[0] for r in table.rows[1:]]
    return first.upper().startswith("EC") or (bool(body) and all(EC.fullmatch(c) for c in body))


class _Reader:
    def __init__(self, blocks: tuple[Block, ...], name: str) -> None:
        self.blocks, self.name = blocks, name
        self.found: list[tuple[int, Section, tuple[int, ...]]] = []  # (position, section, lines)
        self.refusals: list[Refusal] = []

    def add(
        self, at: int, title: str, para: int, items: tuple[Item, ...], lines: tuple[int, ...]
    ) -> None:
        taken = {s.id for _, s, _ in self.found}
        section_id = _unique(slug(title, 40) or f"para-{para}", taken)
        before = sum(len(s.items) for _, s, _ in self.found if s.para == para)
        items = tuple(
            Item(i.id or f"A-{para}-{n}", i.number, i.item, i.description, i.fields)
            for n, i in enumerate(items, start=before + 1)
        )
        intro = self.paragraph(para)
        deadline = _deadline(self.blocks[: at + 1], para, self.blocks[at].week)
        self.found.append((at, Section(section_id, title, para, intro, deadline, items), lines))

    def paragraph(self, para: int) -> str:
        return next((b.text for b in self.blocks if b.kind == "para" and b.para == para), "")

    def table(self, at: int, table: Block) -> None:
        if len(table.rows) < 2 or is_criteria(table) or rules.is_rule_table(table):
            return
        lines = tuple(r.at for r in table.rows[1:])
        self.add(at, table.heading or f"table-{table.at}", table.para, _items(table), lines)

    def sections(self) -> tuple[Section, ...]:
        seen: dict[str, int] = {}
        for _, section, lines in sorted(self.found, key=lambda f: f[0]):
            for item, line in zip(section.items, lines, strict=True):
                if item.id in seen:
                    msg = f"Annex A item {item.id} is given twice (first on line {seen[item.id]})"
                    self.refusals.append(Refusal(self.name, line, msg))
                seen.setdefault(item.id, line)
        return tuple(s for _, s, _ in sorted(self.found, key=lambda f: f[0]))


def read(blocks: tuple[Block, ...], name: str, refusals: list[Refusal]) -> tuple[Section, ...]:
    reader = _Reader(blocks, name)
    for at, block in enumerate(blocks):
        if block.annex != "A":
            continue
        if block.kind == "table":
            reader.table(at, block)
        elif block.kind == "para":
            _paragraph(reader, at)
    found = reader.sections()
    refusals += reader.refusals
    return found


def _paragraph(reader: _Reader, at: int) -> None:
    """The bullet lists under a numbered paragraph, or the paragraph itself when it asks."""
    blocks, para = reader.blocks, reader.blocks[at]
    end = next(
        (i for i in range(at + 1, len(blocks)) if blocks[i].kind in {"para", "heading"}),
        len(blocks),
    )
    body = blocks[at + 1 : end]
    # Its lists may go on under headings of their own, up to the next paragraph, week or annex.
    last = next((i for i in range(end, len(blocks)) if _ends_lists(blocks[i], para)), len(blocks))
    if not any(b.kind in {"bullet", "table"} for b in body):
        if ASKS.search(para.text) and "below" not in para.text:
            reader.add(at, para.heading, para.para, (Item("", "", "", para.text),), (para.at,))
        return
    if FOR_EACH.search(para.text) and body and body[0].kind == "bullet":
        bullets = _run(body)
        fields = tuple(b.text for b in bullets)
        reader.add(at, para.heading, para.para, (Item("", "", "", para.text, fields),), (para.at,))
        return
    _lists(reader, at, blocks[at + 1 : last])


def _ends_lists(block: Block, para: Block) -> bool:
    return block.kind == "para" or block.annex != para.annex or block.week != para.week


def _run(body: tuple[Block, ...]) -> tuple[Block, ...]:
    n = next((i for i, b in enumerate(body) if b.kind != "bullet"), len(body))
    return body[:n]


def is_subheading(block: Block) -> bool:
    starts_upper = block.text[:1].isupper()
    return block.text.endswith(":") and (block.kind == "text" or starts_upper)


def _lists(reader: _Reader, at: int, body: tuple[Block, ...]) -> None:
    para = reader.blocks[at]
    title = para.heading
    items: list[Item] = []
    lines: list[int] = []
    first = True

    def flush() -> None:
        nonlocal items, lines, first
        if items:
            name = title if first or title != para.heading else f"{title} {len(reader.found)}"
            reader.add(at, name, para.para, tuple(items), tuple(lines))
            first = False
        items, lines = [], []

    i = 0
    while i < len(body):
        block = body[i]
        if block.kind == "table":
            flush()
        elif is_subheading(block) or block.kind == "heading":
            flush()
            title = block.text.rstrip(":").strip()
        elif block.kind == "bullet" and block.text.endswith(":"):
            fields = _run(body[i + 1 :])
            fields = fields[: next((n for n, f in enumerate(fields) if is_subheading(f)), None)]
            items.append(Item("", "", "", block.text, tuple(f.text for f in fields)))
            lines.append(block.at)
            i += len(fields)
        elif block.kind == "bullet":
            items.append(Item("", "", "", block.text))
            lines.append(block.at)
        else:
            flush()
        i += 1
    flush()


def _items(table: Block) -> tuple[Item, ...]:
    header = [h.lower() for h in table.header]
    rows = [r.cells for r in table.rows[1:]]
    if header[:1] == ["number"] and len(header) >= 3:
        return tuple(Item(f"A-{c[0]}", c[0], c[1], c[-1]) for c in rows)
    if header[:1] == ["list"] and len(header) >= 2:
        return tuple(_list_item(c, n) for n, c in enumerate(rows, start=1))
    return tuple(Item("", "", c[0] if len(c) > 1 else "", c[-1]) for c in rows)


def _list_item(row: tuple[str, ...], n: int) -> Item:
    number = LIST_NUMBER.search(row[1])
    fields = tuple(q.strip() for q in re.findall(r"[^?]+\?", row[2])) if len(row) > 2 else ()
    if len(row) > 2 and not fields and row[2]:
        fields = (row[2],)
    return Item(f"A-list-{number.group(1) if number else n}", row[1], "", row[0], fields)


def _deadline(before: tuple[Block, ...], para: int, week: int) -> Deadline:
    """The last 'By 5pm on Tuesday in week 1' of the nearest paragraph that gives one, looking
    back from the section under the same week heading."""
    for block in reversed(before):
        if block.kind == "heading" and block.week != week:
            break
        found = list(DEADLINE.finditer(block.text)) if block.kind == "para" else []
        if found:
            hour, minute, half, day, in_week = found[-1].groups()
            clock = int(hour) % 12 + (12 if half == "pm" else 0)
            when = int(in_week) if in_week else week or 1
            stated = block.para == para or "below" in block.text
            return Deadline(when, day.lower(), f"{clock:02d}:{minute or '00'}", block.para, stated)
    return Deadline(week or 1)


def _unique(wanted: str, taken: set[str]) -> str:
    n, found = 1, wanted
    while found in taken:
        n += 1
        found = f"{wanted}-{n}"
    return found
