"""Citations you can check: invariants over the real content and the generated pages.

One test per rule, each collecting every offender (SigmaHQ style):
- the framework page is built from an exact copy of the source and shows all of it;
- every fact-bearing entry cites the framework (paras) or the sources register (refs);
- every cited paragraph exists on the framework page, and every citation on every page links;
- every deadline the framework does not state is marked "our reading";
- no page tells the public about site maintenance when a local setting is empty;
- each agency's pages list everything it leads or contributes to, in date order.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from paths import CONTENT, ROOT, SOURCE

from generator import guidance, pipeline, render, render_guidance
from generator.guidance import Guidance
from generator.model import Deadline, Framework, clock

pytestmark = pytest.mark.syv  # about the real serious youth violence content

FOLDER = CONTENT / "syv-2023"
FACT_KEYS = {"text", "what", "intro", "body", "summary", "statement", "steps", "practice_note"}
# Entries whose text states no fact from any source, with the reason.
NO_FACTS = {
    ("guides.yml", "one_minute.sections[5]"): "key contacts: points to the local contact only",
}
# Files that are not fact-bearing prose: the rating scale, the register itself, worked examples
# (each cites its own source document in source:).
NOT_CITED = {"assessment.yml", "sources.yml"}


@pytest.fixture(scope="module")
def generated() -> render.Generated:
    return pipeline.generate(CONTENT, ROOT)


def test_the_guidance_copy_is_the_source_byte_for_byte():
    assert (FOLDER / guidance.FILE_NAME).read_bytes() == SOURCE.read_bytes()


def test_the_framework_page_shows_every_line_of_the_guidance(generated):
    """Every line of the source (but the page's printing instructions) is on the page, in order,
    with one anchor per numbered paragraph, every table and every footnote."""
    page = _unescape(generated.pages[render_guidance.GUIDANCE_PAGE])
    text = SOURCE.read_text(encoding="utf-8")
    body, notes = text.split("\n" + guidance.FURNITURE + "\n")
    missing, at = [], 0
    for line in body.split("\n")[3:]:
        if line in ("-", "") or set(line) <= {"-", "|"}:
            continue
        shown = re.sub(r"^(\d+)\. ", r"**\1.** ", re.sub(r"\[footnote (\d+)\]", r"[^\1]", line))
        shown = shown.rstrip(" |").replace(" | ", " | ")
        found = page.find(shown, at)
        if found < 0:
            missing.append(line[:80])
        else:
            at = found
    assert not missing, f"{len(missing)} lines not on the framework page, in order: {missing[:5]}"
    anchors = set(map(int, re.findall(r"\{: #para-(\d+) ", page)))
    assert anchors == set(range(1, 160))
    assert page.count("\n|---|") == 13, "every table"
    footnotes = [b.removesuffix(" ↩") for b in notes.split("\n") if b.endswith(" ↩")]
    assert len(footnotes) == 3 and all(f"]: {n}" in page for n in footnotes)


def _unescape(markdown: str) -> str:
    return re.sub(r"\\([\\`*_\[\]>|])", r"\1", markdown).replace("&lt;", "<")


def test_every_fact_bearing_entry_cites_its_source():
    offenders = []
    for path in sorted(FOLDER.glob("*.yml")):
        if path.name in NOT_CITED:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, entry in _entries(data):
            if (path.name, where) in NO_FACTS or not FACT_KEYS & set(entry):
                continue
            if where.startswith("footnotes[") and "number" in entry:  # cited by its number
                continue
            if not entry.get("_cited"):
                offenders.append(f"{path.name}: {where or '$'}")
    assert not offenders, "entries with text but no paras or refs:\n" + "\n".join(offenders)


def _entries(data: Any, where: str = "", cited: bool = False) -> Iterator[tuple[str, dict]]:
    """Every mapping with whether it, or a mapping it is inside, cites paras or refs."""
    if isinstance(data, dict):
        cited = cited or any(k == "paras" or k == "refs" or k.endswith("_refs") for k in data)
        yield where, {**data, "_cited": cited}
        for key, value in data.items():
            yield from _entries(value, f"{where}.{key}".lstrip("."), cited)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _entries(value, f"{where}[{i}]", cited)


def test_every_cited_paragraph_is_on_the_framework_page(generated):
    """Every link to a paragraph on every generated page finds its anchor, and no page says
    'framework paragraph' without linking the number."""
    anchors = set(re.findall(r"\{: #(para-\d+) ", generated.pages[render_guidance.GUIDANCE_PAGE]))
    broken, unlinked = [], []
    for path, text in generated.pages.items():
        for anchor in re.findall(r"guidance\.md#(para-\d+)\)", text):
            if anchor not in anchors:
                broken.append(f"{path}: #{anchor}")
        unlinked += [f"{path}: {m}" for m in re.findall(r"paragraphs? \d+(?!\]|\d)", text)]
    assert not broken, broken
    assert not unlinked, "paragraph numbers without a link:\n" + "\n".join(unlinked)


def test_every_paragraph_link_is_titled_with_the_start_of_its_paragraph(generated, fw):
    """The title is what the theme shows on hover and focus: 'Paragraph N: ' and the paragraph's
    own words (footnote marks left out), cut at a word with an ellipsis."""
    known = _guidance(fw).paragraphs
    wrong, seen = [], 0
    for path, text in generated.pages.items():
        for n, title in re.findall(r'guidance\.md#para-(\d+)\)\{ title="([^"]*)" \}', text):
            seen += 1
            words = " ".join(re.sub(r"\[footnote \d+\]", "", known[int(n)]).split())
            prefix, _, rest = title.partition(": ")
            if prefix != f"Paragraph {n}" or not words.startswith(rest.removesuffix("…")):
                wrong.append(f"{path}: {n}: {title[:60]}")
    unlinked = sum(
        len(re.findall(r"guidance\.md#para-\d+\)(?!\{)", t)) for t in generated.pages.values()
    )
    assert seen > 300 and not unlinked and not wrong, (seen, unlinked, wrong[:5])


def test_every_citation_in_the_content_names_a_real_paragraph(fw: Framework):
    known = _guidance(fw).paragraphs
    offenders = []
    for path in sorted(CONTENT.rglob("*.yml")):
        for where, numbers in _paras(yaml.safe_load(path.read_text(encoding="utf-8"))):
            offenders += [f"{path.name}: {where}: {n}" for n in numbers if n not in known]
    assert not offenders, offenders


def _paras(data: Any, where: str = "$") -> Iterator[tuple[str, list]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "paras" and isinstance(value, list):
                yield f"{where}.paras", value
            else:
                yield from _paras(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paras(value, f"{where}[{i}]")


def test_every_deadline_the_framework_does_not_state_is_marked_our_reading(fw: Framework):
    """A day (and time) must be in the text of a paragraph the entry cites, or be marked."""
    offenders = []
    for section in fw.annex_sections:
        for item in section.items:
            if not _stated(fw, item.deadline, section.paras, 0):
                offenders.append(f"Annex A {item.id}: {item.deadline}")
    for ms in fw.milestones:
        if not _stated(fw, ms.deadline, ms.paras, ms.week):
            offenders.append(f"milestone {ms.id}: {ms.deadline}")
    assert not offenders, "inferred deadlines not marked 'our reading':\n" + "\n".join(offenders)


def _stated(fw: Framework, deadline: Deadline, paras: tuple[int, ...], week: int) -> bool:
    if deadline.our_reading or not deadline.weekday:
        return True
    day = deadline.weekday.capitalize()
    phrase = f"{clock(deadline.time)} on {day}" if deadline.time else day
    texts = [_guidance(fw).passages[p] for p in paras]
    # The weeks' summaries are paragraph 42's bullets, verbatim.
    texts += [line for w in fw.timeline.weeks if w.week == week for line in w.summary]
    return any(phrase.lower() in t.lower() for t in texts)


def test_the_inferred_deadline_check_can_fail(fw: Framework):
    """Lists 3 and 5 cite only paragraph 135, which gives no time: unmarked, they would fail."""
    lists = next(s for s in fw.annex_sections if s.id == "other-lists")
    assert lists.deadline is not None
    bare = Deadline(lists.deadline.week, lists.deadline.weekday, lists.deadline.time)
    assert lists.deadline.our_reading and not _stated(fw, bare, lists.paras, 0)
    health = next(i for i in fw.annex_items if i.id == "A-case-health-1")
    assert health.deadline.on_site and str(health.deadline) == "Usually seen on site, week 3"


MAINTENANCE = re.compile(r"\.yml\b|Site maintainers|set the contact", re.I)


def test_no_public_page_gives_maintainer_instructions_when_settings_are_empty(generated, site):
    assert not site.settings.contact.is_set and not site.settings.links, "run on empty settings"
    pages = {p: t for p, t in generated.pages.items()}
    pages |= {
        str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
        for p in (ROOT / "docs").rglob("*.md")
        if "maintainers" not in p.parts
    }
    offenders = [f"{p}: {m.group(0)}" for p, t in pages.items() for m in MAINTENANCE.finditer(t)]
    assert not offenders, offenders
    assert "key-contacts" not in generated.pages["guides/one-minute.md"]


def test_every_agency_an_item_names_takes_part_in_its_milestone(fw: Framework):
    offenders = []
    for ms in fw.milestones:
        for item in (i for i in fw.annex_items if i.id in ms.annex_a):
            missing = set(item.agencies) - set(ms.who)
            if missing:
                offenders.append(f"{ms.id} / {item.id}: {sorted(missing)}")
    assert not offenders, offenders


@pytest.mark.parametrize("agency", ["police", "health", "education", "youth-justice"])
def test_each_agency_page_lists_what_it_leads_or_contributes_to_in_date_order(
    generated, fw: Framework, agency: str
):
    page = generated.pages[f"annex-a/{agency}.md"]
    shown = re.findall(r"\]\(index\.md#([a-z0-9-]+)\)", page)
    expected = [i for i in fw.annex_items if agency in i.agencies and not i.retired]
    assert sorted(shown) == sorted(render.anchor(i.id) for i in expected)
    order = {render.anchor(i.id): i.deadline.sort_key for i in expected}
    assert [order[a] for a in shown] == sorted(order[a] for a in shown)
    assert "Contributes" in page and "A-audits" in {i.id for i in expected}
    guide = generated.pages[f"guides/{agency}.md"]
    assert all(f"index.md#{a})" in guide for a in shown)


def test_police_see_their_week_1_work(fw: Framework):
    police = {i.id for i in fw.annex_items if "police" in i.agencies}
    assert {"A-sep-1", "A-sep-2", "A-sep-3", "A-twenty-1", "A-twenty-2", "A-meetings"} <= police
    assert "A-audits" in police


def test_the_sources_page_has_every_register_entry(generated, fw: Framework):
    page = generated.pages[render_guidance.SOURCES_PAGE]
    assert fw.sources and all(f"{{#{s.id}}}" in page for s in fw.sources)
    cited = {
        ref
        for text in generated.pages.values()
        for ref in re.findall(r"sources\.md#([a-z0-9-]+)\)", text)
    }
    assert cited and cited <= {s.id for s in fw.sources}


def test_the_guidance_parser_keeps_paragraphs_tables_and_footnotes_apart():
    text = "Title\nUpdated 1 May 2024\nApplies to England\nHeading\n1. First.[footnote 1]\n"
    text += "-\nbullet\nA | B |\n---|---|\nc | d |\nPrint or save to PDF\n-\nprint\n-\nNote one ↩"
    g = guidance.parse(text)
    kinds = [b.kind for b in g.blocks]
    assert kinds == ["heading", "para", "bullets", "table", "footnote"]
    assert g.paragraphs == {1: "First.[footnote 1]"}
    assert g.blocks[3].rows == (("A", "B"), ("c", "d"))
    assert g.footnotes[0].text == "Note one"
    assert render_guidance.md_text(g.paragraphs[1]) == "First.[^1]"
    assert render_guidance.md_text("a*b_[c]") == "a\\*b\\_\\[c\\]"


def test_a_missing_guidance_folder_has_no_page(tmp_path: Path):
    assert guidance.read(tmp_path) is None


# Plain English: on every built page, each abbreviation is spelled out at (or before) its first
# use; the tooltips stay. Text we may not change (criteria, Annex A names, the guidance) follows an
# editorial line that spells out what it uses (generator/plain.py). The glossary is the exception:
# it is where each abbreviation is explained, so each entry must open with its expansion instead.
GLOSSARY_PAGE = "glossary.md"


def built_pages(generated: render.Generated) -> dict[str, str]:
    """Every Markdown page the site builds: the generator's and the hand-written ones."""
    hand_written = {
        str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "docs").rglob("*.md"))
    }
    return {**generated.pages, **hand_written}


def test_each_abbreviation_is_expanded_at_its_first_use_on_every_page(generated, site):
    pages = built_pages(generated)
    assert len(pages) > 50 and "docs/index.md" in pages and "three-weeks.md" in pages
    offenders = [
        f"{path}: {', '.join(terms)}"
        for path, text in pages.items()
        if path != GLOSSARY_PAGE and (terms := first_uses_without_expansion(text, site.glossary))
    ]
    assert not offenders, "first used without the expansion:\n" + "\n".join(offenders)


def test_the_glossary_opens_each_abbreviation_with_its_expansion(generated, site):
    page = generated.pages[GLOSSARY_PAGE]
    missing = [
        t.term
        for t in site.glossary
        if t.expansion and f"{{#{t.id.lower()}}}\n:   **{t.expansion}.**" not in html.unescape(page)
    ]
    assert not missing, missing


def test_the_abbreviation_check_can_fail(site, generated):
    assert first_uses_without_expansion("The CQC and the Care Quality Commission.", site.glossary)
    assert not first_uses_without_expansion("The Care Quality Commission (CQC).", site.glossary)
    assert not first_uses_without_expansion("Code: `JTAI.data`.", site.glossary)
    # A real page with its editorial spelling-out line removed fails.
    page = generated.pages["annex-a/police.md"]
    assert "Abbreviations in the item names:" in page and not first_uses_without_expansion(
        page, site.glossary
    )
    broken = re.sub(r"Abbreviations in the item names:[^\n]*", "", page)
    assert first_uses_without_expansion(broken, site.glossary) == ["VRU"]


def first_uses_without_expansion(markdown: str, glossary) -> list[str]:
    """Abbreviations (a capital after the first letter) whose expansion is not written out by the
    end of their first use in the page's text (front matter, the title line, code, link targets
    and attribute lists, such as IDs and a citation's title, aside)."""
    body = re.sub(r"\A---\n.*?\n---\n\s*", "", markdown, flags=re.S)
    body = body.split("\n", 1)[1] if body.startswith("# ") else body
    body = re.sub(r"```.*?```|`[^`\n]*`", "", body, flags=re.S)
    body = re.sub(r"\]\([^)]*\)|\{:? ?[#.a-z][^}]*\}", "", body)  # link targets, attribute lists
    body = re.sub(r"\s+", " ", html.unescape(body))  # as the reader sees it: &amp; is &
    offenders = []
    for term in glossary:
        if not term.expansion or not re.fullmatch(r"[A-Za-z0-9]+", term.term):
            continue
        if not any(c.isupper() for c in term.term[1:]):
            continue
        use = re.search(rf"(?<![\w-]){re.escape(term.term)}(?![\w-])", body)
        if not use:
            continue
        spelled = body.lower().find(term.expansion.lower().split(" (")[0])
        if spelled < 0 or spelled > use.end() + 3:
            offenders.append(term.term)
    return offenders


def _guidance(fw: Framework) -> Guidance:
    assert fw.guidance is not None, "the framework has no guidance text"
    return fw.guidance
