"""Stage 4, model (worked examples): frozen dataclasses for examples and their findings.

Built from the validated, linked files in a framework's examples/ folder. Retired examples and
retired findings are left out here, so no page, explorer or exercise ever shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The finding types, in the order pages group them: (ID, singular label, plural label).
# The IDs are the schema's enum (a test keeps the two the same).
TYPES = (
    ("headline", "Headline finding", "Headline findings"),
    ("area-for-priority-action", "Area for priority action", "Areas for priority action"),
    ("area-for-improvement", "Area for improvement", "Areas for improvement"),
    ("strength", "Strength", "Strengths"),
    ("observation", "Observation", "Observations"),
)
TYPE_LABEL = {t: label for t, label, _ in TYPES}
TYPE_PLURAL = {t: plural for t, _, plural in TYPES}

# The kinds of example, in the order the examples page lists them: (ID, label).
KINDS = (
    ("inspection", "Inspection findings"),
    ("audit", "Multi-agency audit"),
    ("case-review", "Good-practice case review"),
    ("national-overview", "National overview"),
)
KIND_LABEL = dict(KINDS)


@dataclass(frozen=True)
class MappedCriterion:
    """One criterion a finding gives evidence about, and why (our judgement)."""

    criterion: str
    rationale: str


@dataclass(frozen=True)
class Finding:
    id: str
    example: str  # the example's ID
    number: int  # position among the example's findings, counting from 1
    type: str
    text: str
    section: str
    criteria: tuple[MappedCriterion, ...]
    agencies: tuple[str, ...] = ()
    item: int = 0  # point number under the source's heading; 0 where the source lists none

    @property
    def type_label(self) -> str:
        return TYPE_LABEL[self.type]

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(m.criterion for m in self.criteria)


@dataclass(frozen=True)
class DateEntry:
    what: str
    date: str
    end: str = ""
    date_note: str = ""


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    date: str = ""
    file: str = ""
    note: str = ""


@dataclass(frozen=True)
class Body:
    name: str
    role: str


@dataclass(frozen=True)
class Facilitator:
    questions: tuple[str, ...]
    timing: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    kind: str
    area: str
    summary: str
    dates: tuple[DateEntry, ...]
    source: Source
    findings: tuple[Finding, ...]
    facilitator: Facilitator
    inspectorates: tuple[str, ...] = ()
    bodies: tuple[Body, ...] = ()
    notes: tuple[str, ...] = ()
    evidence_items: tuple[str, ...] = ()  # Annex A item IDs
    evidence_note: str = ""
    what_next: tuple[str, ...] = ()

    @property
    def kind_label(self) -> str:
        return KIND_LABEL[self.kind]

    @property
    def first_date(self) -> str:
        return self.dates[0].date

    def by_type(self) -> list[tuple[str, str, list[Finding]]]:
        """(type ID, plural label, findings) for each type present, in the order of TYPES."""
        return [
            (t, plural, found)
            for t, _, plural in TYPES
            if (found := [f for f in self.findings if f.type == t])
        ]


def build(files: list[dict[str, Any]]) -> tuple[Example, ...]:
    """Every example that is not retired, inspections first, then by kind and date."""
    order = {k: i for i, (k, _) in enumerate(KINDS)}
    examples = [_example(data) for data in files if not data.get("retired")]
    return tuple(sorted(examples, key=lambda e: (order[e.kind], _newest_first(e.first_date), e.id)))


def _newest_first(iso: str) -> tuple[int, ...]:
    return tuple(-int(part) for part in iso.split("-"))


def _t(values: Any) -> tuple[Any, ...]:
    return tuple(values or ())


def _example(data: dict[str, Any]) -> Example:
    live = [f for f in data["findings"] if not f.get("retired")]
    findings = tuple(_finding(data["id"], n, f) for n, f in enumerate(live, start=1))
    evidence = data.get("evidence") or {}
    fac = data["facilitator"]
    return Example(
        id=data["id"],
        title=data["title"],
        kind=data["kind"],
        area=data["area"],
        summary=data["summary"].strip(),
        dates=tuple(
            DateEntry(d["what"], d["date"], d.get("end", ""), d.get("date_note", "").strip())
            for d in data["dates"]
        ),
        source=Source(
            **{k: v.strip() if isinstance(v, str) else v for k, v in data["source"].items()}
        ),
        findings=findings,
        facilitator=Facilitator(
            _t(fac["questions"]), fac.get("timing", "").strip(), _t(fac.get("notes"))
        ),
        inspectorates=_t(data.get("inspectorates")),
        bodies=tuple(Body(b["name"], b["role"]) for b in data.get("bodies", ())),
        notes=_t(data.get("notes")),
        evidence_items=_t(evidence.get("annex_a")),
        evidence_note=evidence.get("note", "").strip(),
        what_next=_t(data.get("what_next")),
    )


def _finding(example_id: str, number: int, f: dict[str, Any]) -> Finding:
    return Finding(
        id=f["id"],
        example=example_id,
        number=number,
        type=f["type"],
        text=f["text"].strip(),
        section=f["section"],
        criteria=tuple(MappedCriterion(m["id"], m["rationale"].strip()) for m in f["criteria"]),
        agencies=_t(f.get("agencies")),
        item=f.get("item", 0),
    )
