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
from . import annex, focus, rules
from .annex import EC, Section, is_criteria, is_subheading
from .rules import SENTENCE_END
from .source import Refusal, Source

EC_LINE = re.compile(r"(EC[0-9]+)\s*[:.–—-]?\s+(\S.*)")  # 'EC1: Agencies work together …'


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
class Parsed:
    title: str
    version_date: str
    applies_to: str
    paragraphs: dict[int, str]
    criteria: tuple[Criterion, ...]
    sections: tuple[Section, ...]
    rules: rules.Rules
    focus: tuple[focus.Focus, ...]
    inspectorates: tuple[tuple[str, str, int], ...]  # (name, full name, paragraph)
    unread: tuple[str, ...]  # what ingest saw but did not read, for the checklist


def parse(source: Source) -> Parsed | tuple[Refusal, ...]:
    scanned = scan(source.lines)
    refusals = [Refusal(source.name, f.at, f.message) for f in scanned.flaws]
    date = _date(scanned, source.name, refusals)
    criteria = _criteria(scanned.blocks, source.name, refusals)
    sections = annex.read(scanned.blocks, source.name, refusals)
    if not any(b.kind == "para" for b in scanned.blocks):
        msg = "no numbered paragraphs found: expected lines like '1. This guidance is for …'"
        refusals.append(Refusal(source.name, 0, msg))
    found = rules.read(scanned.blocks)
    if refusals:
        return tuple(sorted(set(refusals), key=lambda r: (r.line == 0, r.line, r.message)))
    paragraphs = {b.para: b.text for b in scanned.blocks if b.kind == "para"}
    unread = _unread(scanned.blocks, sections)
    inspectorates = _inspectorates(scanned.blocks)
    return Parsed(
        scanned.title,
        date,
        scanned.applies_to.text.strip().removeprefix("Applies to ").strip(),
        paragraphs,
        criteria,
        sections,
        found,
        focus.read(scanned.blocks),
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
    tables = [b for b in blocks if b.kind == "table" and is_criteria(b)]
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


def _unread(blocks: tuple[Block, ...], sections: tuple[Section, ...]) -> tuple[str, ...]:
    """What ingest saw but did not read: letter timescales not given in working days after
    fieldwork, and Annex A bullets under no numbered paragraph or after a line it could not
    place."""
    rows = rules.unread_timescales(blocks)
    timescales = (
        f"letter timescales not in working days after fieldwork (lines {_lines(rows)}): "
        "add them to after.yml by hand"
    )
    return ((timescales,) if rows else ()) + _unread_bullets(blocks, sections)


def _lines(found: list[int] | tuple[int, ...]) -> str:
    return ", ".join(str(at) for at in found[:12]) + (" …" if len(found) > 12 else "")


def _unread_bullets(blocks: tuple[Block, ...], sections: tuple[Section, ...]) -> tuple[str, ...]:
    taken = {text for s in sections for i in s.items for text in (i.description, *i.fields)}
    lines = [
        b.at
        for b in blocks
        if b.kind == "bullet" and b.annex == "A" and b.text not in taken and not is_subheading(b)
    ]
    if not lines:
        return ()
    return (f"Annex A bullets not read as items (lines {_lines(lines)}): add them by hand",)
