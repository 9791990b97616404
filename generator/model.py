"""Stage 4, model: frozen dataclasses built from validated, linked documents.

Rendering sees only these objects, never raw YAML. Optional fields default to empty values so
templates need no guards. The framework's descriptive parts are model_about.py's, after the
inspection model_after.py's, the timetable model_timeline.py's, the self-assessment's settings
(assessment.yml) model_assessment.py's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .bank_holidays import BankHolidays
from .bank_holidays import build as build_holidays
from .examples import Example, Finding, MappedCriterion
from .examples import build as build_examples
from .guidance import Guidance
from .guidance import read as read_guidance
from .load import Document
from .model_about import About
from .model_about import build as build_about
from .model_after import After
from .model_after import build as build_after
from .model_assessment import Assessment
from .model_assessment import build as build_assessment
from .model_timeline import Timetable
from .model_timeline import build as build_timetable

FindingUse = tuple[Example, Finding, MappedCriterion]  # a finding's use of one criterion
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


@dataclass(frozen=True)
class Cited:
    text: str
    paras: tuple[int, ...] = ()


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    description: str = ""
    short_name: str = ""  # for lists and 'Who' lines; the name when there is none
    paras: tuple[int, ...] = ()  # where the guidance brings it into the inspection's scope


@dataclass(frozen=True)
class Inspectorate:
    id: str
    name: str
    full_name: str = ""


@dataclass(frozen=True)
class FocusArea:
    id: str
    title: str
    lead_in: str
    points: tuple[str, ...]
    paras: tuple[int, ...]
    intro: str = ""
    short_title: str = ""  # for charts, tables and lists; the title when there is none


@dataclass(frozen=True)
class Deadline:
    week: int
    weekday: str = ""
    time: str = ""
    our_reading: str = ""  # why the site infers a day or time the framework does not give
    on_site: bool = False  # usually seen on site during fieldwork, not sent before

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Week, weekday, time; no weekday after every weekday, no time after every time.
        assessment/lib/dates.js compareDeadlines is the same rule
        (tests/vectors/shared-rules.json)."""
        day = WEEKDAYS.index(self.weekday) if self.weekday in WEEKDAYS else 5
        return (self.week, day, self.time or "99:99")

    def __str__(self) -> str:
        """'5pm Tuesday, week 1', 'Midday Tuesday, week 1', 'Friday, week 1', 'Week 2'."""
        text = self._when()
        return f"{text} (our reading)" if self.our_reading else text

    def _when(self) -> str:
        if self.on_site:
            return f"Usually seen on site, week {self.week}"
        parts = [clock(self.time)] if self.time else []
        if self.weekday:
            parts.append(self.weekday.capitalize())
        parts.append(f"week {self.week}")
        text = " ".join(parts[:-1]) + ", " + parts[-1] if len(parts) > 1 else parts[0]
        return text[0].upper() + text[1:]


def clock(time: str) -> str:
    """GOV.UK style: 17:00 -> 5pm, 11:00 -> 11am, 09:30 -> 9:30am, 12:00 -> midday.
    assessment/lib/dates.js clock is the same rule (tests/vectors/shared-rules.json)."""
    hours, minutes = (int(x) for x in time.split(":"))
    if (hours, minutes) == (12, 0):
        return "midday"
    suffix = "am" if hours < 12 else "pm"
    hours = hours % 12 or 12
    return f"{hours}{suffix}" if minutes == 0 else f"{hours}:{minutes:02d}{suffix}"


@dataclass(frozen=True)
class Indicator:
    id: str
    text: str
    retired: bool = False


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    text: str
    focus: str
    agencies: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    paras: tuple[int, ...]
    retired: bool = False

    @property
    def slug(self) -> str:
        return self.id.lower()

    @property
    def number(self) -> int:
        return int(self.id[2:])


@dataclass(frozen=True)
class AnnexItem:
    id: str
    number: str
    item: str
    description: str
    agency: str  # the lead agency
    deadline: Deadline
    criteria: tuple[str, ...]
    section: str
    fields: tuple[str, ...] = ()
    retired: bool = False
    contributors: tuple[str, ...] = ()  # the other agencies that contribute
    agency_our_reading: str = ""  # set when the framework names no lead and the site chose one

    @property
    def agencies(self) -> tuple[str, ...]:
        """The lead first, then the contributing agencies."""
        return (self.agency, *self.contributors)

    @property
    def label(self) -> str:
        """'1.4: Practice audits', or the item alone where the framework prints no number."""
        return f"{self.number}: {self.item}" if self.number else self.item


@dataclass(frozen=True)
class AnnexSection:
    id: str
    title: str
    paras: tuple[int, ...]
    deadline: Deadline | None
    provider: str
    intro: str
    note: str
    items: tuple[AnnexItem, ...]


@dataclass(frozen=True)
class Milestone:
    id: str
    week: int
    title: str
    what: str
    by: str
    who: tuple[str, ...]
    annex_a: tuple[str, ...]
    paras: tuple[int, ...]
    weekday: str = ""
    time: str = ""
    points: tuple[str, ...] = ()
    lead_in: str = ""  # the source's sentence introducing the points
    our_reading: str = ""  # why the site infers a day or time the framework does not give
    lead: str = ""  # the agency that leads, one of who; the others contribute
    leads_to: tuple[str, ...] = ()  # later milestones this one starts (their agencies are in who)

    @property
    def deadline(self) -> Deadline:
        return Deadline(self.week, self.weekday, self.time, self.our_reading)

    @property
    def contributors(self) -> tuple[str, ...]:
        return tuple(a for a in self.who if a != self.lead) if self.lead else ()


@dataclass(frozen=True)
class Person:
    id: str
    role: str
    agencies: tuple[str, ...]
    paras: tuple[int, ...]


@dataclass(frozen=True)
class Method:
    id: str
    title: str
    summary: str
    points: tuple[str, ...]
    paras: tuple[int, ...]


@dataclass(frozen=True)
class Guide:
    id: str
    agency: str
    title: str
    intro: str
    paras: tuple[int, ...] = ()


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    body: str
    paras: tuple[int, ...] = ()
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class OneMinute:
    id: str
    title: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    meaning: str
    expansion: str = ""
    paras: tuple[int, ...] = ()
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """One entry in the sources register: a document or public record other than the framework."""

    id: str
    kind: str  # document | public-record
    title: str
    publisher: str
    what: str
    date: str = ""
    file: str = ""
    our_reading: str = ""


@dataclass(frozen=True)
class Contact:
    name: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""

    @property
    def is_set(self) -> bool:
        return any((self.name, self.role, self.email, self.phone))


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class LocalSettings:
    framework: str  # the default framework: its pages keep the site's plain addresses
    frameworks: tuple[str, ...] = ()  # every framework shown, the default first
    partnership: str = ""
    contact: Contact = field(default_factory=Contact)
    links: tuple[Link, ...] = ()
    footer_note: str = ""


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    short_title: str
    theme: str
    version_date: str
    about: About  # framework.yml's descriptive parts: scope, language, team, background …
    agencies: tuple[Agency, ...]
    inspectorates: tuple[Inspectorate, ...]
    focus_areas: tuple[FocusArea, ...]
    criteria: tuple[Criterion, ...]
    annex_sections: tuple[AnnexSection, ...]
    timeline: Timetable  # timeline.yml's rules, weeks, tracker settings, notification checklist
    milestones: tuple[Milestone, ...]
    meet: tuple[Person, ...]
    methods: tuple[Method, ...]
    after: After  # after.yml: the letter, statement of action, Annex B, complaints
    one_minute: OneMinute
    guides: tuple[Guide, ...]
    assessment: Assessment  # assessment.yml: the scale, outcome bands, notices and lists
    examples: tuple[Example, ...] = ()  # worked examples, from the framework's examples/ folder
    guidance: Guidance | None = None  # the framework's own text, from guidance.txt
    sources: tuple[Source, ...] = ()  # the sources register, from sources.yml

    @property
    def annex_items(self) -> tuple[AnnexItem, ...]:
        return tuple(item for s in self.annex_sections for item in s.items)

    def agency(self, agency_id: str) -> Agency:
        return next(a for a in self.agencies if a.id == agency_id)

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def items_for(self, criterion_id: str) -> tuple[AnnexItem, ...]:
        return tuple(i for i in self.annex_items if criterion_id in i.criteria)

    def findings_for(self, criterion_id: str) -> tuple[FindingUse, ...]:
        """Every worked-example finding mapped to a criterion, with the reason for the mapping."""
        return tuple(
            (e, f, m)
            for e in self.examples
            for f in e.findings
            for m in f.criteria
            if m.criterion == criterion_id
        )


@dataclass(frozen=True)
class Site:
    framework: Framework
    glossary: tuple[Term, ...]
    settings: LocalSettings
    frameworks: tuple[str, ...]
    holidays: BankHolidays = field(default_factory=BankHolidays)  # for the preparation planner
    others: tuple[Framework, ...] = ()  # the other frameworks shown, each under its ID's folder


def freeze(value: Any) -> Any:
    """Read-only copy of plain YAML data: after.yml's published letters, which letter_dates.py
    reads."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def _t(values: Any) -> tuple[Any, ...]:
    return tuple(values or ())


def build(docs: tuple[Document, ...], content_dir: Path) -> Site:
    by_name = {(d.path.parent.name, d.path.name): d.data for d in docs}
    settings = _settings(by_name[(content_dir.name, "site.yml")])
    glossary = tuple(
        Term(
            t["id"],
            t["term"],
            t["meaning"],
            t.get("expansion", ""),
            _t(t.get("paras")),
            _t(t.get("refs")),
        )
        for t in by_name[(content_dir.name, "glossary.yml")]["terms"]
        if not t.get("retired")
    )
    frameworks = tuple(
        sorted(
            {d.path.relative_to(content_dir).parts[0] for d in docs if d.path.parent != content_dir}
        )
    )
    framework, *others = (
        _framework(docs, by_name, content_dir, name) for name in settings.frameworks
    )
    holidays = build_holidays(by_name.get((content_dir.name, "holidays.yml")))
    return Site(
        framework,
        tuple(sorted(glossary, key=lambda t: t.term.lower())),
        settings,
        frameworks,
        holidays=holidays,
        others=tuple(others),
    )


def _framework(
    docs: tuple[Document, ...],
    by_name: dict[tuple[str, str], Any],
    content_dir: Path,
    name: str,
) -> Framework:
    """One framework folder's model: its files, worked examples and guidance text."""
    example_files = [
        d.data
        for d in docs
        if d.path.parent.name == "examples" and d.path.parent.parent.name == name
    ]
    return build_framework(
        {n: d for (f, n), d in by_name.items() if f == name},
        example_files,
        read_guidance(content_dir / name),
    )


def shown_frameworks(data: dict[str, Any]) -> tuple[str, ...]:
    """The frameworks site.yml shows, the default first: `frameworks`, or the older `framework`."""
    listed = data.get("frameworks") or [data.get("framework", "syv-2023")]
    return tuple(str(name) for name in listed)


def _settings(data: dict[str, Any]) -> LocalSettings:
    shown = shown_frameworks(data)
    return LocalSettings(
        framework=shown[0],
        frameworks=shown,
        partnership=data.get("partnership", ""),
        contact=Contact(**(data.get("contact") or {})),
        links=tuple(Link(x["title"], x["url"]) for x in data.get("links") or ()),
        footer_note=data.get("footer_note", ""),
    )


def build_framework(
    files: dict[str, dict[str, Any]],
    example_files: list[dict[str, Any]] | None = None,
    guidance: Guidance | None = None,
) -> Framework:
    fw, timeline = files["framework.yml"], files["timeline.yml"]
    guides = files["guides.yml"]
    return Framework(
        id=fw["id"],
        title=fw["title"],
        short_title=fw["short_title"],
        theme=fw["theme"],
        version_date=fw["version_date"],
        about=build_about(fw),
        agencies=tuple(
            Agency(
                a["id"],
                a["name"],
                a.get("description", ""),
                a.get("short_name", a["name"]),
                _t(a.get("paras")),
            )
            for a in fw["agencies"]
        ),
        inspectorates=tuple(
            Inspectorate(i["id"], i["name"], i.get("full_name", "")) for i in fw["inspectorates"]
        ),
        focus_areas=tuple(_focus(f) for f in fw["focus_areas"]),
        criteria=tuple(_criterion(c) for c in files["criteria.yml"]["criteria"]),
        annex_sections=tuple(_section(s) for s in files["annex-a.yml"]["sections"]),
        timeline=build_timetable(timeline),
        milestones=tuple(_milestone(m) for m in timeline["milestones"] if not m.get("retired")),
        meet=tuple(
            Person(p["id"], p["role"], _t(p.get("agencies")), _t(p.get("paras")))
            for p in timeline.get("meet", ())
        ),
        methods=tuple(
            Method(
                m["id"], m["title"], m.get("summary", ""), _t(m.get("points")), _t(m.get("paras"))
            )
            for m in timeline.get("methods", ())
        ),
        after=build_after(files["after.yml"], freeze),
        one_minute=_one_minute(guides["one_minute"]),
        guides=tuple(
            Guide(g["id"], g["agency"], g["title"], g["intro"], _t(g.get("paras")))
            for g in guides["agency_guides"]
        ),
        assessment=build_assessment(files["assessment.yml"]),
        examples=build_examples(example_files or []),
        guidance=guidance,
        sources=tuple(Source(**s) for s in files.get("sources.yml", {}).get("sources", ())),
    )


def _focus(f: dict[str, Any]) -> FocusArea:
    return FocusArea(
        f["id"],
        f["title"],
        f.get("lead_in", ""),
        _t(f.get("points")),
        _t(f.get("paras")),
        f.get("intro", ""),
        f.get("short_title", f["title"]),
    )


def _criterion(c: dict[str, Any]) -> Criterion:
    indicators = tuple(
        Indicator(i["id"], i["text"], i.get("retired", False)) for i in c["indicators"]
    )
    return Criterion(
        c["id"],
        c["title"],
        c["text"],
        c["focus"],
        _t(c.get("agencies")),
        indicators,
        _t(c.get("paras")),
        c.get("retired", False),
    )


def _deadline(d: dict[str, Any] | None) -> Deadline | None:
    if not d:
        return None
    return Deadline(
        d["week"],
        d.get("weekday", ""),
        d.get("time", ""),
        d.get("our_reading", ""),
        d.get("on_site", False),
    )


def _section(s: dict[str, Any]) -> AnnexSection:
    deadline = _deadline(s.get("deadline"))
    items = tuple(
        AnnexItem(
            id=i["id"],
            number=i.get("number", ""),
            item=i["item"],
            description=i.get("description", ""),
            agency=i["agency"],
            deadline=_deadline(i.get("deadline")) or deadline or Deadline(0),
            criteria=_t(i.get("criteria")),
            section=s["id"],
            fields=_t(i.get("fields")),
            retired=i.get("retired", False),
            contributors=_t(i.get("contributors")),
            agency_our_reading=i.get("agency_our_reading", ""),
        )
        for i in s["items"]
    )
    return AnnexSection(
        s["id"],
        s["title"],
        _t(s.get("paras")),
        deadline,
        s.get("provider", ""),
        s.get("intro", ""),
        s.get("note", ""),
        items,
    )


def _milestone(m: dict[str, Any]) -> Milestone:
    return Milestone(
        m["id"],
        m["week"],
        m["title"],
        m.get("what", ""),
        m.get("by", ""),
        _t(m.get("who")),
        _t(m.get("annex_a")),
        _t(m.get("paras")),
        m.get("weekday", ""),
        m.get("time", ""),
        _t(m.get("points")),
        m.get("lead_in", ""),
        m.get("our_reading", ""),
        m.get("lead", ""),
        _t(m.get("leads_to")),
    )


def _one_minute(g: dict[str, Any]) -> OneMinute:
    return OneMinute(
        g["id"],
        g["title"],
        tuple(
            Section(s["id"], s["heading"], s["body"], _t(s.get("paras")), _t(s.get("refs")))
            for s in g["sections"]
        ),
    )
