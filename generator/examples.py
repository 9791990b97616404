"""Stage 4, model (worked examples): frozen dataclasses for examples and their findings.

Built from the validated, linked files in a framework's examples/ folder. Retired examples and
retired findings are left out here, so no page, explorer or exercise ever shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# The finding types, in the order pages group them: (ID, singular label, plural label).
# The IDs are the schema's enum (a test keeps the two the same).
TYPES = (
    ("headline", "Headline finding", "Headline findings"),
    ("area-for-priority-action", "Area for priority action", "Areas for priority action"),
    ("area-for-improvement", "Area for improvement", "Areas for improvement"),
    ("strength", "Strength", "Strengths"),
    ("main-finding", "Main finding", "Main findings"),
    ("observation", "Observation", "Observations"),
)
TYPE_LABEL = {t: label for t, label, _ in TYPES}
TYPE_PLURAL = {t: plural for t, _, plural in TYPES}

# What inspectors found, on a criterion's page and card: (group ID, heading, finding types).
# Grouped views may sort; an example's own page keeps the source's order.
GROUPS = (
    ("priority", "Areas for priority action", ("area-for-priority-action",)),
    ("improve", "To improve", ("area-for-improvement",)),
    ("strength", "Strengths", ("strength",)),
    ("other", "Other findings", ("headline", "main-finding", "observation")),
)
GROUP_OF = {t: g for g, _, types in GROUPS for t in types}

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
    quote: str = ""  # verbatim from the letter, where the example has one
    named: tuple[str, ...] = ()  # the bodies the point itself names, verbatim

    @property
    def type_label(self) -> str:
        return TYPE_LABEL[self.type]

    @property
    def group(self) -> str:
        return GROUP_OF[self.type]

    @property
    def words(self) -> str:
        """What the page shows first: the quotation, or our words where there is none."""
        return self.quote or self.text

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
class SecondarySource:
    title: str
    publisher: str
    adds: str
    file: str = ""


@dataclass(frozen=True)
class Letter:
    """The facts a letter of findings states about itself, as it states them."""

    title: str
    address: str
    copy: str
    on_site_from: str
    on_site_to: str
    published: str
    principal_authority: str
    statement_due: str
    statement_as_stated: str
    priority_actions: int
    improvements: int
    strengths: int
    published_note: str = ""
    statement_note: str = ""

    def dates(self) -> tuple[DateEntry, ...]:
        return (
            DateEntry("On site (fieldwork)", self.on_site_from, self.on_site_to),
            DateEntry("Letter published", self.published, date_note=self.published_note),
            DateEntry(
                "Statement of action due, as the letter states it",
                self.statement_due,
                date_note=self.statement_note,
            ),
        )


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
    letter: Letter | None = None
    secondary_sources: tuple[SecondarySource, ...] = ()

    @property
    def mapped(self) -> int:
        """How many findings are mapped to at least one criterion (all of them, by the schema)."""
        return sum(1 for f in self.findings if f.criteria)

    def sections(self) -> list[tuple[str, list[Finding]]]:
        """The findings in the source's order, in runs under each heading as printed."""
        runs: list[tuple[str, list[Finding]]] = []
        for f in self.findings:
            if not runs or runs[-1][0] != f.section:
                runs.append((f.section, []))
            runs[-1][1].append(f)
        return runs

    @property
    def kind_label(self) -> str:
        return KIND_LABEL[self.kind]

    @property
    def first_date(self) -> str:
        return self.dates[0].date


def grouped(uses: Sequence[Any]) -> list[tuple[str, str, list[Any]]]:
    """(group ID, heading, uses) for each group present, in the order of GROUPS. A use is any
    tuple whose second member is a Finding; within a group the uses keep their order."""
    return [
        (g, heading, found)
        for g, heading, _ in GROUPS
        if (found := [u for u in uses if u[1].group == g])
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


def _letter(data: dict[str, Any] | None) -> Letter | None:
    if not data:
        return None
    soa, counts = data["statement_of_action"], data["counts"]
    return Letter(
        title=data["title"],
        address=data["address"],
        copy=data["copy"],
        on_site_from=data["on_site"]["from"],
        on_site_to=data["on_site"]["to"],
        published=data["published"],
        principal_authority=data["principal_authority"],
        statement_due=soa["due"],
        statement_as_stated=soa["as_stated"],
        priority_actions=counts["priority_actions"],
        improvements=counts["improvements"],
        strengths=counts["strengths"],
        published_note=data.get("published_note", "").strip(),
        statement_note=soa.get("note", "").strip(),
    )


def _dates(data: dict[str, Any], letter: Letter | None) -> tuple[DateEntry, ...]:
    given = tuple(
        DateEntry(d["what"], d["date"], d.get("end", ""), d.get("date_note", "").strip())
        for d in data.get("dates", ())
    )
    return (letter.dates() if letter else ()) + given


def _example(data: dict[str, Any]) -> Example:
    live = [f for f in data["findings"] if not f.get("retired")]
    findings = tuple(_finding(data["id"], n, f) for n, f in enumerate(live, start=1))
    evidence = data.get("evidence") or {}
    fac = data["facilitator"]
    letter = _letter(data.get("letter"))
    return Example(
        id=data["id"],
        title=data["title"],
        kind=data["kind"],
        area=data["area"],
        summary=data["summary"].strip(),
        dates=_dates(data, letter),
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
        letter=letter,
        secondary_sources=tuple(
            SecondarySource(s["title"], s["publisher"], s["adds"].strip(), s.get("file", ""))
            for s in data.get("secondary_sources", ())
        ),
    )


def _finding(example_id: str, number: int, f: dict[str, Any]) -> Finding:
    return Finding(
        id=f["id"],
        example=example_id,
        number=number,
        type=f["type"],
        text=f.get("text", "").strip(),
        section=f["section"],
        criteria=tuple(MappedCriterion(m["id"], m["rationale"].strip()) for m in f["criteria"]),
        agencies=_t(f.get("agencies")),
        item=f.get("item", 0),
        quote=" ".join(f.get("quote", "").split()),
        named=_t(f.get("named")),
    )
