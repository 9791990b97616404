"""Stage 5, render: Jinja2 templates turn the model into Markdown pages; the apps' bundles.

Everything here reads the model only. Output paths are the site paths MkDocs will serve them at.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
)
from markupsafe import escape

from . import (
    __version__,
    bundle,
    examples,
    letter_dates,
    letters_csv,
    parallel,
    plain,
    planner,
    render_data,
    render_examples,
    render_guidance,
)
from .model import AnnexItem, Criterion, Framework, Milestone, Site

TEMPLATES = Path(__file__).parent / "templates"
# Compiled templates, kept between builds (Jinja checks each against its source's checksum):
# compiling them was about a sixth of the generator's time on every build.
TEMPLATE_CACHE = Path(__file__).resolve().parent.parent / "build" / "jinja-cache"
WEB = (
    Path(__file__).resolve().parent.parent / "assessment"
)  # the browser code (see assessment/apps.json)


@dataclass(frozen=True)
class Generated:
    pages: dict[str, str]  # site path of a Markdown page -> its text
    assets: dict[str, str]  # site path of a static file -> its text
    abbreviations: str  # Markdown abbreviation definitions appended to every page
    macros: dict[str, Any]  # values hand-written pages may use through mkdocs-macros
    nav: dict[str, list[dict[str, Any]]]  # section index page -> its generated child pages
    binaries: dict[str, bytes] = field(default_factory=dict)  # site path -> bytes (the .xlsx)
    browser_data: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind -> the apps' data
    every_data: tuple[dict[str, dict[str, Any]], ...] = ()  # each framework's, to check
    others: tuple[tuple[str, str], ...] = ()  # each other framework's title and start page

    def files(self) -> dict[str, str | bytes]:
        return {**self.pages, **self.assets, **self.binaries}

    def off_menu(self, path: str) -> bool:
        """Whether a site path is a page of a framework other than the default, but not its start
        page: those are reached from the start page, not the menu."""
        folders = [start.rsplit("/", 1)[0] + "/" for _, start in self.others]
        starts = [start for _, start in self.others]
        return path.startswith(tuple(folders)) and path not in starts


def template_cache() -> BytecodeCache | None:
    """TEMPLATE_CACHE, or no cache when that folder cannot be made (a read-only checkout)."""
    try:
        TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(TEMPLATE_CACHE))


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,  # content is data: text is escaped unless it is Markup (Markdown fields)
        bytecode_cache=template_cache(),
    )
    env.filters.update(paras=paras, longdate=longdate, anchor=anchor, cell=cell)
    env.filters.update(spell_out=plain.spell_out)
    env.filters.update(when=render_examples.when, grouped=examples.grouped)
    env.filters.update(
        cite=render_guidance.cite,
        para_links=render_guidance.para_links,
        refs=render_guidance.refs,
        md_text=render_guidance.md_text,
        link_paras=render_guidance.link_paras,
        sentence_with=render_guidance.sentence_with,
    )
    return env


def paras(numbers: tuple[int, ...] | list[int]) -> str:
    """(38,) -> 'paragraph 38'; (126, 127) -> 'paragraphs 126 and 127'."""
    words = [str(n) for n in numbers]
    if not words:
        return ""
    if len(words) == 1:
        return f"paragraph {words[0]}"
    return "paragraphs " + ", ".join(words[:-1]) + " and " + words[-1]


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
    """The default framework's pages at the site's plain addresses, each other framework's in a
    folder named by its ID, and the shared pages (the glossary) once."""
    env = environment()
    pages: dict[str, str] = {}
    assets: dict[str, str] = {}
    every_data: list[dict[str, dict[str, Any]]] = []  # each framework's, the default's first
    shown = [
        (_folder(site, fw), replace(site, framework=fw)) for fw in (site.framework, *site.others)
    ]
    # the workbooks, written meanwhile by a second process where one can run
    books = {folder: parallel.started(_workbook, one) for folder, one in shown}
    for folder, one in shown:
        fw = one.framework
        found = framework_pages(env, one, folder)
        pages.update({folder + path: _tagged(text, fw, folder) for path, text in found.items()})
        fw_data = render_data.made(one)  # checked later: pipeline.output_problems
        every_data.append(fw_data)
        assets.update(bundle.bundles(web_dir, fw_data, folder))
        assets[folder + render_examples.CSV_PATH] = letters_csv.letters_csv(fw)
    binaries = {folder + planner.XLSX_PATH: book.result() for folder, book in books.items()}
    pages["glossary.md"] = env.get_template("glossary.md.j2").render(**_common(site), root="")
    nav = navigation(site.framework)
    others = tuple((str(escape(f.short_title)), url) for f, url in starts(site)[1:])
    return Generated(
        pages,
        assets,
        abbreviations(site),
        macros(site),
        nav,
        binaries,
        every_data[0],  # the default framework's, for the tests' Node runs
        tuple(every_data),
        others,
    )


def _folder(site: Site, fw: Framework) -> str:
    """Where a framework's pages are: the site's top for the default one, else its ID's folder."""
    return "" if fw is site.framework else f"{fw.id}/"


def _workbook(site: Site) -> bytes:
    from . import workbook  # only here: openpyxl's import is a tenth of a second

    return workbook.workbook_bytes(site)


def _common(site: Site, folder: str = "") -> dict[str, Any]:
    fw = site.framework
    return {
        "site": site,
        "fw": fw,
        "agency_name": {a.id: a.name for a in fw.agencies},
        "short_name": {a.id: a.short_name for a in fw.agencies},
        "focus_title": {f.id: f.title for f in fw.focus_areas},
        "crit_title": {c.id: c.title for c in fw.criteria},
        "up": "../" * folder.count("/"),  # from the framework's folder back to the site's root
    }


def framework_pages(env: Environment, site: Site, folder: str) -> dict[str, str]:
    """Site path (within the framework's folder) -> Markdown of every page of one framework."""
    fw = site.framework
    common = _common(site, folder)
    pages: dict[str, str] = {}

    def page(path: str, template: str, **extra: Any) -> None:
        root = "../" * path.count("/")  # from this page back to the framework's root, for links
        pages[path] = env.get_template(template).render(**common, root=root, **extra)

    if folder:
        page("index.md", "framework_home.md.j2")
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
            criteria=agency_criteria(fw, guide.agency),  # (tagged, shown by its items)
            milestones=[m for m in fw.milestones if guide.agency in m.who],
            people=[p for p in fw.meet if guide.agency in p.agencies],
        )
    pages.update(render_examples.pages(env, common, fw))
    pages.update(render_guidance.pages(env, common, fw))
    found = letter_dates.letters(site)
    page(
        "planner.md",
        "planner.md.j2",
        holidays=site.holidays,
        letters=found,
        letters_summary=letter_dates.summary(found),
    )
    page("tracker.md", "tracker.md.j2", xlsx=planner.XLSX_PATH)
    page("self-assessment.md", "self_assessment.md.j2")
    page("partnership.md", "partnership.md.j2")
    return pages


def starts(site: Site) -> list[tuple[Framework, str]]:
    """Each framework shown and the page it starts from: the default's is about.md."""
    return [(site.framework, "about.md")] + [(f, f"{f.id}/index.md") for f in site.others]


def _tagged(text: str, fw: Framework, folder: str) -> str:
    """A page of a framework other than the default says which in its front matter, so that
    its app loads that framework's bundle (overrides/main.html)."""
    if not folder or not text.startswith("---\n"):
        return text
    return f"---\nframework: {fw.id}\n{text[4:]}"


def navigation(fw: Framework) -> dict[str, list[dict[str, Any]]]:
    """Each section's generated pages. The theme inserts navigation titles as HTML (and strips
    tags from them for the window title), so plain-text titles are handed over escaped."""
    sections: dict[str, list[dict[str, Any]]] = {
        "about.md": render_guidance.nav(fw),
        "criteria/index.md": [  # by focus area, so the menu opens only the area you are in
            {g["title"]: [{f"{c.id}: {c.title}": f"criteria/{c.slug}.md"} for c in g["criteria"]]}
            for g in render_examples.criteria_groups(fw)
        ],
        "annex-a/index.md": [{a.name: f"annex-a/{a.id}.md"} for a in fw.agencies],
        "guides/index.md": [{fw.one_minute.title: "guides/one-minute.md"}]
        + [{g.title: f"guides/{g.agency}.md"} for g in fw.guides],
        "examples/index.md": render_examples.nav(fw),
    }
    return {index: _escaped_nav(children) for index, children in sections.items()}


def _escaped_nav(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            str(escape(title)): _escaped_nav(target) if isinstance(target, list) else target
            for title, target in entry.items()
        }
        for entry in entries
    ]


def _items_by_deadline(fw: Framework, agency_id: str) -> list[AnnexItem]:
    """The items an agency leads or contributes to, in date order, week 1 first."""
    items = [i for i in fw.annex_items if agency_id in i.agencies and not i.retired]
    return sorted(items, key=lambda i: i.deadline.sort_key)


CriteriaRows = list[tuple[Criterion, list[AnnexItem]]]


def agency_criteria(fw: Framework, agency_id: str) -> tuple[CriteriaRows, CriteriaRows]:
    """The criteria that concern an agency most: those tagged with it, then those that only the
    Annex A items it leads help to show; each with those items, in criterion order."""
    led = [i for i in fw.annex_items if i.agency == agency_id and not i.retired]
    rows = [(c, [i for i in led if c.id in i.criteria]) for c in fw.criteria if not c.retired]
    tagged = [(c, items) for c, items in rows if agency_id in c.agencies]
    shown = [(c, items) for c, items in rows if agency_id not in c.agencies and items]
    return tagged, shown


def _due_for(fw: Framework, criterion: Criterion) -> list[Milestone]:
    ids = {i.id for i in fw.items_for(criterion.id)}
    return [m for m in fw.milestones if ids & set(m.annex_a)]


def abbreviations(site: Site) -> str:
    lines = [f"*[{t.term}]: {t.expansion}" for t in site.glossary if t.expansion]
    return "\n".join(lines) + "\n"


def macros(site: Site) -> dict[str, Any]:
    """Values for hand-written pages. mkdocs-macros does not escape, so text is escaped here."""
    fw, settings = site.framework, site.settings
    return {
        "framework_title": escape(fw.title),
        "short_title": escape(fw.short_title),
        "version_date": longdate(fw.version_date),
        "criteria_count": len(fw.criteria),
        "indicator_count": sum(len(c.indicators) for c in fw.criteria),
        "annex_item_count": len(fw.annex_items),
        "partnership": escape(settings.partnership),
        "contact": {
            "name": escape(settings.contact.name),
            "role": escape(settings.contact.role),
            "email": escape(settings.contact.email),
            "phone": escape(settings.contact.phone),
        },
        "contact_set": settings.contact.is_set,
        "frameworks": [  # every framework shown, the default first, with its start page
            {"title": escape(f.title), "short_title": escape(f.short_title), "url": url}
            for f, url in starts(site)
        ],
        "app_version": __version__,
    }
