"""Read the timetable rules the guidance states, each with its paragraph.

- notice: "10 working days before the fieldwork" (and the weekday it is "usually" given on);
- letter timescales: the rows of a table with a "Timescales" column ("15 working days after
  fieldwork"), or else each sentence that gives one ("The letter is published 34 working days
  after fieldwork ends.");
- statement of action: "within 70 working days of receiving the final letter";
- complaints: "up to 10 working days after the inspection findings are published", and each
  table with a "Milestone" column as one complaints route.
Each is optional: a rule that is not found is None (or no timescales), and files.py writes a
default marked "To review" that the site shows as not yet reviewed, never as the guidance's rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..guidance_text import Block

NOTICE = re.compile(r"(\d+) working days before (?:the )?(?:start of (?:the )?)?fieldwork")
WEEKDAY = re.compile(r"[^.]*\bon an? (Monday|Tuesday|Wednesday|Thursday|Friday)\b[^.]*\.")
AFTER_FIELDWORK = re.compile(r"(\d+) working days after (?:the )?(?:end of (?:the )?)?fieldwork")
STATEMENT = re.compile(r"within (\d+) working days of receiving")
COMPLAINT_WINDOW = re.compile(r"(\d+) working days after the [^.]{0,60}?published")
AFTER_ANY = re.compile(r"(\d+) working days after")
WITHIN = re.compile(r"[Ww]ithin (\d+) working days")
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z‘“(])")


@dataclass(frozen=True)
class Cited:
    value: int
    paras: tuple[int, ...]


@dataclass(frozen=True)
class Timescale:
    activity: str
    working_days: int
    para: int


@dataclass(frozen=True)
class Step:
    when: str
    activity: str
    working_days: int  # 0 when the row gives none
    counted_from: str  # complaint | publication | ""


@dataclass(frozen=True)
class Route:
    title: str
    para: int
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Rules:
    notice: Cited | None
    notification_weekday: str  # "" when the guidance names none
    notification_note: str  # the sentence that names it
    timescales: tuple[Timescale, ...]
    statement: Cited | None
    complaint_window: Cited | None
    routes: tuple[Route, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        """What the guidance did not state, as the review checklist names it."""
        wanted = (
            ("the notice period ('10 working days before the fieldwork')", self.notice),
            (
                "the letter timescales (a 'Timescales' table or '… working days after fieldwork')",
                self.timescales or None,
            ),
            ("the statement of action ('within 70 working days of receiving')", self.statement),
            ("the complaints window ('10 working days after … published')", self.complaint_window),
        )
        return tuple(what for what, value in wanted if value is None)


def _cited(blocks: tuple[Block, ...], pattern: re.Pattern[str]) -> Cited | None:
    found = [(int(m.group(1)), b.para) for b in blocks for m in pattern.finditer(b.text)]
    if not found:
        return None
    value = found[0][0]
    paras = tuple(sorted({para for v, para in found if v == value and para}))
    return Cited(value, paras or (1,))


def read(blocks: tuple[Block, ...]) -> Rules:
    text_blocks = tuple(b for b in blocks if b.kind in {"para", "bullet", "text"})
    notice = _cited(text_blocks, NOTICE)
    timescales = _timescales(blocks) or _timescale_sentences(text_blocks)
    weekday, note = _notification_day(text_blocks) if notice else ("", "")
    return Rules(
        notice,
        weekday,
        note,
        timescales,
        _cited(text_blocks, STATEMENT),
        _cited(text_blocks, COMPLAINT_WINDOW),
        _routes(blocks),
    )


def _timescale_sentences(blocks: tuple[Block, ...]) -> tuple[Timescale, ...]:
    """Each sentence giving working days after fieldwork, verbatim, as one timescale."""
    return tuple(
        Timescale(sentence, int(days.group(1)), block.para)
        for block in blocks
        for sentence in SENTENCE_END.split(block.text)
        if (days := AFTER_FIELDWORK.search(sentence)) and block.para
    )


def _notification_day(blocks: tuple[Block, ...]) -> tuple[str, str]:
    for block in blocks:
        if NOTICE.search(block.text) and (match := WEEKDAY.search(block.text)):
            return match.group(1).lower(), match.group(0).strip()
    return "", ""


def is_rule_table(table: Block) -> bool:
    """A letter timescales table or a complaints route: read here, not as Annex A."""
    return _is_timescales(table) or _is_route(table)


def _is_timescales(table: Block) -> bool:
    return table.kind == "table" and any("timescale" in h.lower() for h in table.header)


def _is_route(table: Block) -> bool:
    return table.kind == "table" and table.header[:1] == ("Milestone",)


def _timescales(blocks: tuple[Block, ...]) -> tuple[Timescale, ...]:
    out = []
    for table in blocks:
        if _is_timescales(table):
            for row in table.rows[1:]:
                days = AFTER_FIELDWORK.search(" ".join(row.cells[1:]))
                if days:
                    out.append(Timescale(row.cells[0], int(days.group(1)), table.para))
    return tuple(out)


def unread_timescales(blocks: tuple[Block, ...]) -> tuple[int, ...]:
    """The lines of timescales-table rows that give no working days after fieldwork ('within 7
    weeks'): not read, so the checklist names them."""
    return tuple(
        row.at
        for table in blocks
        if _is_timescales(table)
        for row in table.rows[1:]
        if not AFTER_FIELDWORK.search(" ".join(row.cells[1:]))
    )


def _routes(blocks: tuple[Block, ...]) -> tuple[Route, ...]:
    routes = []
    for table in blocks:
        if _is_route(table):
            steps = tuple(_step(row.cells) for row in table.rows[1:] if len(row.cells) >= 2)
            routes.append(Route(table.heading, table.para, steps))
    return tuple(routes)


def _step(cells: tuple[str, ...]) -> Step:
    when, activity = cells[0], cells[1]
    if days := WITHIN.search(when):
        return Step(when, activity, int(days.group(1)), "complaint" if "complaint" in when else "")
    if "published" in when and (days := AFTER_ANY.search(when)):
        return Step(when, activity, int(days.group(1)), "publication")
    return Step(when, activity, 0, "")
