"""Stage 5, render: Jinja2 templates turn the model into Markdown pages; the apps' bundles.

Everything here reads the model only. Output paths are the site paths MkDocs will serve them at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import __version__, bundle, render_examples, workbook
from .model import Criterion, Framework, Site
from .render_data import browser_data

TEMPLATES = Path(__file__).parent / "templates"
WEB = Path(__file__).resolve().parent.parent / "web"  # the browser code (see web/apps.json)


@dataclass(frozen=True)
class Generated:
    pages: dict[str, str]  # site path of a Markdown page -> its text
    assets: dict[str, str]  # site path of a static file -> its text
    abbreviations: str  # Markdown abbreviation definitions appended to every page
    macros: dict[str, Any]  # values hand-written pages may use through mkdocs-macros
    nav: dict[str, list[dict[str, Any]]]  # section index page -> its generated child pages
    binaries: dict[str, bytes] = field(default_factory=dict)  # site path -> bytes (the .xlsx)
    browser_data: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind -> the apps' data

    def files(self) -> dict[str, str | bytes]:
        return {**self.pages, **self.assets, **self.binaries}


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(paras=paras, longdate=longdate, anchor=anchor, cell=cell)
    return env


def paras(numbers: tuple[int, ...] | list[int]) -> str:
    """(38,) -> 'paragraph 38'; (126, 127) -> 'paragraphs 126 and 127'."""
    numbers = [str(n) for n in numbers]
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"paragraph {numbers[0]}"
    return "paragraphs " + ", ".join(numbers[:-1]) + " and " + numbers[-1]


def longdate(iso: str) -> str:
    """'2023-09-22' -> '22 September 2023' (GOV.UK date style)."""
    return render_examples.when(iso)


def anchor(identifier: str) -> str:
    """A stable HTML id for an item ID: 'A-1.4' -> 'a-1-4'."""
    return identifier.lower().replace(".", "-")


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def render(site: Site, web_dir: Path = WEB) -> Generated:
    env = environment()
    fw = site.framework
    common = {
        "site": site,
        "fw": fw,
        "agency_name": {a.id: a.name for a in fw.agencies},
        "focus_title": {f.id: f.title for f in fw.focus_areas},
    }
    pages: dict[str, str] = {}

    def page(path: str, template: str, **extra: Any) -> None:
        pages[path] = env.get_template(template).render(**common, **extra)

    page("about.md", "about.md.j2")
    page("criteria/index.md", "criteria_index.md.j2")
    for criterion in fw.criteria:
        page(
            f"criteria/{criterion.slug}.md",
            "criterion.md.j2",
            c=criterion,
            items=fw.items_for(criterion.id),
            due=_due_for(fw, criterion),
            findings=fw.findings_for(criterion.id),
        )
    page("three-weeks.md", "three_weeks.md.j2")
    page("annex-a/index.md", "annex_a.md.j2")
    for agency in fw.agencies:
        page(
            f"annex-a/{agency.id}.md",
            "annex_a_agency.md.j2",
            agency=agency,
            items=_items_by_deadline(fw, agency.id),
        )
    page("after-the-inspection.md", "after.md.j2")
    page("guides/index.md", "guides_index.md.j2")
    page("guides/one-minute.md", "one_minute.md.j2")
    for guide in fw.guides:
        page(
            f"guides/{guide.agency}.md",
            "agency_guide.md.j2",
            guide=guide,
            agency=fw.agency(guide.agency),
            items=_items_by_deadline(fw, guide.agency),
            criteria=[c for c in fw.criteria if guide.agency in c.agencies],
            milestones=[m for m in fw.milestones if guide.agency in m.who],
            people=[p for p in fw.meet if guide.agency in p.agencies],
        )
    page("glossary.md", "glossary.md.j2")
    pages.update(render_examples.pages(env, common, fw))
    page("planner.md", "planner.md.j2", holidays=site.holidays)
    page("tracker.md", "tracker.md.j2", xlsx=workbook.XLSX_PATH)
    data = browser_data(site)
    assets = bundle.bundles(web_dir, data)
    binaries = {workbook.XLSX_PATH: workbook.workbook_bytes(site)}
    nav = navigation(fw)
    return Generated(pages, assets, abbreviations(site), macros(site), nav, binaries, data)


def navigation(fw: Framework) -> dict[str, list[dict[str, Any]]]:
    return {
        "criteria/index.md": [  # by focus area, so the menu opens only the area you are in
            {g["title"]: [{f"{c.id}: {c.title}": f"criteria/{c.slug}.md"} for c in g["criteria"]]}
            for g in render_examples.criteria_groups(fw)
        ],
        "annex-a/index.md": [{a.name: f"annex-a/{a.id}.md"} for a in fw.agencies],
        "guides/index.md": [{fw.one_minute.title: "guides/one-minute.md"}]
        + [{g.title: f"guides/{g.agency}.md"} for g in fw.guides],
        "examples/index.md": render_examples.nav(fw),
    }


def _items_by_deadline(fw: Framework, agency_id: str) -> list:
    items = [i for i in fw.annex_items if i.agency == agency_id and not i.retired]
    return sorted(items, key=lambda i: i.deadline.sort_key)


def _due_for(fw: Framework, criterion: Criterion) -> list:
    ids = {i.id for i in fw.items_for(criterion.id)}
    return [m for m in fw.milestones if ids & set(m.annex_a)]


def abbreviations(site: Site) -> str:
    lines = [f"*[{t.term}]: {t.expansion}" for t in site.glossary if t.expansion]
    return "\n".join(lines) + "\n"


def macros(site: Site) -> dict[str, Any]:
    fw, settings = site.framework, site.settings
    return {
        "framework_title": fw.title,
        "short_title": fw.short_title,
        "version_date": longdate(fw.version_date),
        "criteria_count": len(fw.criteria),
        "indicator_count": sum(len(c.indicators) for c in fw.criteria),
        "annex_item_count": len(fw.annex_items),
        "partnership": settings.partnership,
        "contact": {
            "name": settings.contact.name,
            "role": settings.contact.role,
            "email": settings.contact.email,
            "phone": settings.contact.phone,
        },
        "contact_set": settings.contact.is_set,
        "app_version": __version__,
    }
