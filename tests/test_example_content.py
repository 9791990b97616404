"""Worked examples: invariants over the real content, the pages made from it and the template.

One test per rule, each listing every offender. The audit example is checked against the source
document kept in tests/sources/; the letters against theirs in tests/sources/letters/
(tests/test_letters.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import holidays
import pytest
import yaml
from paths import CONTENT, ROOT, SOURCES

from generator import examples, model, pipeline, render, render_examples
from generator.examples import Example

pytestmark = pytest.mark.syv  # about the real serious youth violence content

EXAMPLES_DIR = CONTENT / "syv-2023" / "examples"
SCHEMA = json.loads((ROOT / "generator" / "schemas" / "example.schema.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def generated(site: model.Site) -> render.Generated:
    return render.render(site)


def example(fw: model.Framework, example_id: str) -> Example:
    return next(e for e in fw.examples if e.id == example_id)


def source(prefix: str) -> str:
    (path,) = SOURCES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def stems(text: str) -> set[str]:
    """Content words cut to 5 letters, so 'identified' and 'identify' meet."""
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower().replace("’", "'")) if len(w) > 4}


# --- The content ----------------------------------------------------------------------------


def test_every_live_example_is_shown_once_by_kind_then_newest_first(fw):
    """Read from the files, never a list of names: adding a letter as the guide says passes."""
    live = {
        path.stem
        for path in EXAMPLES_DIR.glob("*.yml")
        if not yaml.safe_load(path.read_text(encoding="utf-8")).get("retired")
    }
    shown = [e.id for e in fw.examples]
    assert sorted(shown) == sorted(live)
    kind_order = [k for k, _ in examples.KINDS]
    for before, after in zip(fw.examples, fw.examples[1:], strict=False):
        assert kind_order.index(before.kind) <= kind_order.index(after.kind), (before.id, after.id)
        if before.kind == after.kind:
            assert before.first_date[:7] >= after.first_date[:7], (before.id, after.id)


def test_every_example_file_is_named_by_its_id():
    offenders = []
    for path in sorted(EXAMPLES_DIR.glob("*.yml")):
        first_id = re.search(r"^id: (\S+)$", path.read_text(encoding="utf-8"), re.M)
        if not first_id or first_id.group(1) != path.stem:
            offenders.append(path.name)
    assert not offenders


def test_every_finding_has_one_to_three_criteria_that_exist(fw):
    live = {c.id for c in fw.criteria if not c.retired}
    offenders = []
    for e in fw.examples:
        for f in e.findings:
            ids = f.criterion_ids
            if not 1 <= len(ids) <= 3 or len(set(ids)) != len(ids):
                offenders.append(f"{f.id}: {ids}")
            offenders += [f"{f.id}: unknown {c}" for c in ids if c not in live]
            offenders += [f"{f.id}: {c} has no rationale" for c in f.criteria if not c.rationale]
    assert not offenders


def test_finding_ids_are_unique_and_start_with_their_example(fw):
    ids = [f.id for e in fw.examples for f in e.findings]
    assert len(ids) == len(set(ids))
    assert not [
        f.id for e in fw.examples for f in e.findings if not re.fullmatch(rf"{e.id}-f\d+", f.id)
    ]


def test_findings_are_one_line_in_our_words(fw):
    """One sentence each, and never a copy of the source's line."""
    offenders = []
    for e in fw.examples:
        text = source(e.source.file) if e.source.file else ""
        for f in e.findings:
            if not f.text:
                assert f.quote, f"{f.id}: neither our words nor a quotation"
                continue  # a quotation: tests/test_letters.py finds it in its letter
            if len(f.text) > 240 or "\n" in f.text:
                offenders.append(f"{f.id}: too long")
            if text and f.text.rstrip(".") in text:
                offenders.append(f"{f.id}: copied from the source")
    assert not offenders


def test_every_number_in_a_finding_is_in_its_source(fw):
    """Invent nothing: a figure we state must be one the source states."""
    offenders = []
    for e in fw.examples:
        if not e.source.file:
            continue
        numbers = set(re.findall(r"\d+", source(e.source.file)))
        offenders += [
            f"{f.id}: {n}"
            for f in e.findings
            for n in re.findall(r"\d+", f.text)
            if n not in numbers
        ]
    assert not offenders


def test_the_types_and_kinds_match_the_schema():
    finding = SCHEMA["$defs"]["finding"]["properties"]
    assert finding["type"]["enum"] == [t for t, _, _ in examples.TYPES]
    assert SCHEMA["properties"]["kind"]["enum"] == [k for k, _ in examples.KINDS]


def test_the_audit_example_has_every_audit_finding(fw):
    text = source("001").split("## Findings", 1)[1].split("The Quality and Performance", 1)[0]
    points = [ln[2:] for ln in text.splitlines() if ln.startswith("- ")]
    ours = {f.item: f for f in example(fw, "somerset-audit-2019").findings}
    assert len(points) == 8 and sorted(ours) == list(range(1, 9))
    unlike = [ours[n].id for n, p in enumerate(points, 1) if not stems(p) & stems(ours[n].text)]
    assert not unlike


def test_audits_and_reviews_link_to_their_annex_a_items(fw):
    assert example(fw, "somerset-audit-2019").evidence_items == ("A-1.4", "A-4.5", "A-4.6")
    assert set(example(fw, "alfie-2019").evidence_items) >= {"A-4.6"}


def working_days_after(start: dt.date, days: int) -> dt.date:
    bank = holidays.country_holidays("GB", subdiv="ENG", years=range(start.year, start.year + 2))
    day = start
    while days:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in bank:
            days -= 1
    return day


def test_the_somerset_dates(fw):
    dates = {d.what: d for d in example(fw, "somerset-2024").dates}
    fieldwork = dates["On site (fieldwork)"]
    assert (fieldwork.date, fieldwork.end) == ("2024-05-20", "2024-05-24")
    published = dates["Letter published"]
    assert published.date == "2024-07-18"
    assert "18 June" in published.date_note and "16 working days" in published.date_note
    assert working_days_after(dt.date(2024, 5, 24), 16) == dt.date(2024, 6, 18)
    due = dates["Statement of action due, as the letter states it"].date
    assert due == working_days_after(dt.date(2024, 7, 18), 70).isoformat() == "2024-10-25"


def test_the_national_overview_states_only_the_recorded_facts(fw):
    e = example(fw, "national-overview-2024")
    assert e.source.date == "2024-11-20"
    text = " ".join(f.text for f in e.findings)
    for fact in ("11", "31 of the 36", "neurodivergent", "adultified", "youth navigators"):
        assert fact in text
    for area in ("Manchester", "Merton", "Lancashire", "Leeds", "Coventry", "Somerset"):
        assert area in e.summary


def test_every_example_has_facilitator_questions(fw):
    assert not [e.id for e in fw.examples if not e.facilitator.questions]


# --- The pages -------------------------------------------------------------------------------


def test_there_is_a_page_and_a_handout_per_example(fw, generated):
    for e in fw.examples:
        assert f"examples/{e.id}.md" in generated.pages
        assert f"examples/handout-{e.id}.md" in generated.pages
    for page in ("index", "explorer", "training"):
        assert f"examples/{page}.md" in generated.pages


def test_handouts_have_no_answers_and_facilitator_copies_have_them(fw, generated):
    offenders = []
    for e in fw.examples:
        handout = generated.pages[f"examples/handout-{e.id}.md"]
        copy = generated.pages[f"examples/{e.id}.md"]
        for f in e.findings:
            if f.text not in handout:
                offenders.append(f"{f.id}: missing from the handout")
            for m in f.criteria:
                if m.rationale in handout:
                    offenders.append(f"{f.id}: the handout gives the answer {m.criterion}")
                if m.rationale not in copy:
                    offenders.append(f"{f.id}: the facilitator copy lacks {m.criterion}")
        offenders += [
            f"{e.id}: question missing"
            for q in e.facilitator.questions
            if q not in handout or q not in copy
        ]
    assert not offenders


def test_every_criterion_page_lists_the_findings_mapped_to_it(fw, generated):
    offenders = []
    for c in fw.criteria:
        page = generated.pages[f"criteria/{c.slug}.md"]
        if "## What inspectors found" not in page:
            offenders.append(f"{c.id}: no section")
        for group, heading, uses in examples.grouped(fw.findings_for(c.id)):
            marker = f"### {heading} {{#found-{group}}}"
            if marker not in page:
                offenders.append(f"{c.id}: no heading '{heading}'")
            section = page.split(marker, 1)[-1].split("\n### ")[0]
            for e, f, _ in uses:
                if f"../examples/{e.id}.md#{f.id}" not in section:
                    offenders.append(f"{c.id}: {f.id} not under {heading}")
                if e.letter and f"]({e.letter.address})" not in section:
                    offenders.append(f"{c.id}: {f.id} without a link to its letter")
        explorer = f"../examples/explorer.md?criterion={c.id})" in page
        if explorer != bool(fw.findings_for(c.id)):
            offenders.append(
                f"{c.id}: explorer link {'without' if explorer else 'missing for'} findings"
            )
    assert not offenders


def test_the_findings_data_matches_the_model(fw, generated):
    data = render_examples.findings_data(fw)
    assert 'self.JTAI.data["findings"] = ' in generated.assets["assets/assessment/examples.js"]
    assert [e["id"] for e in data["examples"]] == [e.id for e in fw.examples]
    assert sum(len(e["findings"]) for e in data["examples"]) == sum(
        len(e.findings) for e in fw.examples
    )
    assert [c["id"] for c in data["criteria"]] == [c.id for c in fw.criteria]
    grouped = [c for g in data["focus_areas"] for c in g["criteria"]]
    assert sorted(grouped) == sorted(c.id for c in fw.criteria)


def test_the_examples_are_in_the_navigation(fw, generated):
    children = generated.nav["examples/index.md"]
    paths = json.dumps(children)
    for e in fw.examples:
        assert f"examples/{e.id}.md" in paths and f"examples/handout-{e.id}.md" in paths
    assert "examples/explorer.md" in paths and "examples/training.md" in paths


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2024-07-18", "", "18 July 2024"),
        ("2019-12", "", "December 2019"),
        ("2024-05-20", "2024-05-24", "20 to 24 May 2024"),
        ("2023-09", "2024-05", "September 2023 to May 2024"),
        ("2024-05-30", "2024-06-02", "30 May to 2 June 2024"),
    ],
)
def test_dates_read_the_govuk_way(start, end, words):
    assert render_examples.when(start, end) == words


# --- A maintainer adds a letter ---------------------------------------------------------------


def test_the_template_filled_in_adds_a_letter_everywhere(content_copy: Path):
    """Copy the template as the guide says: it checks clean and shows on every page it should."""
    target = content_copy / "syv-2023" / "examples" / "exampleshire-2025.yml"
    shutil.copy(EXAMPLES_DIR / "_template.yml.txt", target)
    checked = pipeline.check(content_copy, content_copy.parent)
    assert not checked.problems, "\n".join(map(str, checked.problems))
    site = model.build(checked.docs, content_copy)
    out = render.render(site)
    assert "examples/exampleshire-2025.md" in out.pages
    assert "examples/handout-exampleshire-2025.md" in out.pages
    assert "examples/exampleshire-2025.md#exampleshire-2025-f1" in out.pages["criteria/ec20.md"]
    assert "exampleshire-2025-f2" in out.assets["assets/assessment/examples.js"]


def test_a_retired_finding_and_a_retired_example_are_left_out(content_copy: Path):
    folder = content_copy / "syv-2023" / "examples"
    path = folder / "alfie-2019.yml"
    path.write_text(
        path.read_text("utf-8").replace(
            "  - id: alfie-2019-f2\n", "  - id: alfie-2019-f2\n    retired: true\n"
        ),
        "utf-8",
    )
    audit = folder / "somerset-audit-2019.yml"
    text = audit.read_text("utf-8")
    audit.write_text(text.replace("kind: audit\n", "kind: audit\nretired: true\n"), "utf-8")
    checked = pipeline.check(content_copy, content_copy.parent)
    assert not checked.problems
    fw = model.build(checked.docs, content_copy).framework
    alfie = example(fw, "alfie-2019")
    assert "alfie-2019-f2" not in [f.id for f in alfie.findings]
    assert [f.number for f in alfie.findings] == list(range(1, len(alfie.findings) + 1))
    assert "somerset-audit-2019" not in [e.id for e in fw.examples]
