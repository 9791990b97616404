"""Invariants over the real content, one test per rule, each listing every offender."""

from __future__ import annotations

import re
import string

import pytest
from paths import CONTENT, ROOT, SOURCES

from generator import pipeline, render_data
from generator.load import content_files
from generator.validate import schema_name

pytestmark = pytest.mark.syv  # about the real serious youth violence content


def words(text: str) -> list[str]:
    table = str.maketrans("", "", string.punctuation + "’‘“”–—")
    return text.lower().translate(table).split()


def test_the_real_content_checks_clean():
    assert pipeline.check(CONTENT, ROOT).problems == ()


def test_there_are_21_criteria_numbered_in_order(fw):
    assert [c.id for c in fw.criteria] == [f"EC{n}" for n in range(1, 22)]


def test_every_criterion_is_verbatim_from_paragraph_38(fw, source_text):
    offenders = [c.id for c in fw.criteria if f"| {c.text} |" not in source_text]
    assert not offenders, f"not verbatim from the para 38 table: {offenders}"


def test_every_criterion_has_indicators(fw):
    assert not [c.id for c in fw.criteria if not c.indicators]
    ec4 = fw.criterion("EC4")
    assert len(ec4.indicators) >= 5


def test_indicators_use_only_their_criterion_words(fw):
    offenders = []
    for c in fw.criteria:
        allowed = set(words(c.text))
        for i in c.indicators:
            extra = sorted(set(words(i.text)) - allowed)
            if extra:
                offenders.append(f"{i.id}: {extra}")
    assert not offenders, "indicator words not in the criterion:\n" + "\n".join(offenders)


def test_every_criterion_has_evidence_in_annex_a(fw):
    assert not [c.id for c in fw.criteria if not fw.items_for(c.id)]


def test_every_performance_item_1_1_to_7_6_is_present(fw):
    sizes = {1: 6, 2: 3, 3: 7, 4: 7, 5: 12, 6: 8, 7: 6}
    expected = {f"A-{s}.{n}" for s, count in sizes.items() for n in range(1, count + 1)}
    present = {i.id for i in fw.annex_items}
    assert not sorted(expected - present)


def test_annex_a_descriptions_are_verbatim(fw, source_text):
    offenders = []
    for item in fw.annex_items:
        if re.fullmatch(r"A-\d\.\d+", item.id):
            row = f"{item.number} | {item.item} | {item.description} |"
            if row not in source_text:
                offenders.append(item.id)
    assert not offenders, f"Annex A rows not verbatim: {offenders}"


def test_every_annex_a_item_names_one_to_four_criteria(fw):
    assert not [i.id for i in fw.annex_items if not 1 <= len(i.criteria) <= 4]


def test_every_annex_a_item_is_due_at_a_milestone(fw):
    due = {a for m in fw.milestones for a in m.annex_a}
    assert not [i.id for i in fw.annex_items if i.id not in due]


def test_the_key_deadlines_are_as_the_framework_sets_them(fw):
    deadlines = {i.id: str(i.deadline) for i in fw.annex_items}
    assert deadlines["A-list-4"] == "5pm Tuesday, week 1"
    assert deadlines["A-1.1"] == "5pm Tuesday, week 2"
    assert deadlines["A-audits"] == "5pm Thursday, week 2"
    chosen = {str(m.deadline) for m in fw.milestones}
    assert {"5pm Wednesday, week 1", "11am Friday, week 1"} <= chosen


def test_letter_timescales(fw):
    days = {t.id: t.working_days for t in fw.after.letter.timescales}
    assert sorted(days.values()) == [15, 24, 31, 34]
    assert fw.after.statement_of_action.working_days == 70


def test_every_agency_has_a_guide_and_every_guide_an_agency(fw):
    assert sorted(g.agency for g in fw.guides) == sorted(a.id for a in fw.agencies)


def test_every_glossary_term_is_used_somewhere(site):
    """Each term, or its expansion, appears in the site's content or in a source it cites."""
    import yaml

    site_text = " ".join(
        p.read_text(encoding="utf-8") for p in content_files(CONTENT) if p.name != "glossary.yml"
    )
    site_text += " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    raw = yaml.safe_load((CONTENT / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    unused = []
    for term in raw:
        texts = [site_text] + [_source(prefix) for prefix in term.get("sources", [])]
        needles = [term["term"].lower(), term.get("expansion", term["term"]).lower()]
        if not any(n in t.lower() for n in needles for t in texts):
            unused.append(term["term"])
    assert not unused, f"glossary terms used nowhere: {unused}"


def _source(prefix: str) -> str:
    (path,) = SOURCES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_required_abbreviations_are_in_the_glossary(site):
    terms = {t.term for t in site.glossary}
    wanted = {
        "CSP",
        "VRU",
        "MASA",
        "MASH",
        "MACE",
        "MAPPA",
        "ILACS",
        "DCS",
        "ICB",
        "CAMHS",
        "YOT",
        "VCFSE",
        "EHCP",
        "KIT",
        "HMI",
        "SHMI",
        "s47",
    }
    assert not sorted(wanted - terms)


def test_every_content_file_has_its_editor_hint(tmp_path):
    offenders = []
    for path in content_files(CONTENT):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = f"generator/schemas/{schema_name(path)}"
        if not (first.startswith("# yaml-language-server: $schema=") and first.endswith(schema)):
            offenders.append(path.name)
        target = (path.parent / first.split("=", 1)[1]).resolve()
        if not target.is_file():
            offenders.append(f"{path.name} -> {target}")
    assert not offenders


def test_every_schema_forbids_unknown_fields():
    import json

    offenders = []
    for path in sorted((ROOT / "generator" / "schemas").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        for where, node in _objects(schema, path.name):
            if node.get("additionalProperties", True) is not False:
                offenders.append(where)
    assert not offenders, offenders


def _objects(node, where):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield where, node
        for key, value in node.items():
            yield from _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _objects(value, f"{where}/{i}")


def test_assessment_data_matches_the_criteria(site):
    data = render_data.assessment_data(site)
    assert [c["id"] for c in data["criteria"]] == [c.id for c in site.framework.criteria]
    assert sum(len(c["indicators"]) for c in data["criteria"]) == sum(
        len(c.indicators) for c in site.framework.criteria
    )


def test_no_file_reads_outside_the_project():
    outside = ("../" + "shared", "/work/" + "shared")
    offenders = []
    code = [
        *ROOT.glob("generator/**/*.py"),
        *ROOT.glob("tests/**/*.py"),
        *ROOT.glob("assessment/**/*"),  # the browser code, every app and lib/
        *ROOT.glob("overrides/**/*"),
        ROOT / "Makefile",
        ROOT / "mkdocs.yml",
        *ROOT.glob(".ci/*"),
        *ROOT.glob("scripts/*"),
    ]
    for path in code:
        if path.is_file() and any(o in path.read_text(encoding="utf-8") for o in outside):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders


def test_the_repo_has_no_stray_generated_pages():
    generated = {
        "about.md",
        "glossary.md",
        "three-weeks.md",
        "after-the-inspection.md",
        "planner.md",
        "tracker.md",
    }
    assert not [p for p in generated if (ROOT / "docs" / p).exists()]
