"""The inspectorates' letters as worked examples: every quotation is the letter's own words.

Each example with a `letter` names its copy in tests/sources/letters/ (taken from the published
PDF; the tests never read the shared source folder). The counts in the YAML were verified by hand;
here they are compared with the points in the copy, every quotation is found in the copy
(whitespace and PDF artefacts normalised), in the letter's order, and the letter's own facts
(dates, principal authority, statement of action date) are found in its text. No person the
letter names appears in the content or on a page.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from paths import CONTENT, ROOT, SOURCES

from generator import letters_csv, model, pipeline, render, render_examples
from generator.examples import Example

pytestmark = pytest.mark.syv  # about the real serious youth violence content

LETTERS = SOURCES / "letters"
EXAMPLES_DIR = CONTENT / "syv-2023" / "examples"
SCHEMA = json.loads((ROOT / "generator" / "schemas" / "example.schema.json").read_text("utf-8"))
HEADINGS = {  # the letter's heading for each counted kind, and the heading after it
    "area-for-priority-action": ("Areas for priority action", r"What needs to improve\?"),
    "area-for-improvement": (r"What needs to improve\?", "Strengths"),
    "strength": ("Strengths", "Main findings"),
}


def normalised(text: str) -> str:
    """The letter's text as one line: page numbers, ◼ bullets and line breaks gone, a word
    hyphenated across a line break joined (as in 'multi-\\nagency')."""
    lines = [ln for ln in text.split("\n") if not re.fullmatch(r"\s*\d+\s*", ln)]
    joined = re.sub(r"-\n(?=\w)", "-", "\n".join(lines).replace("◼", " "))
    return " ".join(joined.split())


def raw(example: Example) -> str:
    assert example.letter is not None
    return (LETTERS / example.letter.copy).read_text(encoding="utf-8")


def points(text: str, kind: str) -> list[str]:
    """The bulleted points under one heading of a letter, each normalised."""
    start, end = HEADINGS[kind]
    found = re.search(rf"^{start}\s*$(.*?)^{end}", text, re.S | re.M)
    return [normalised(p) for p in found.group(1).split("◼")[1:]] if found else []


@pytest.fixture(scope="module")
def letters(fw: model.Framework) -> list[Example]:
    found = [e for e in fw.examples if e.letter is not None]
    assert len(found) >= 5, "the five serious youth violence letters are worked examples"
    return found


def test_every_letter_file_fits_the_schema():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    offenders = []
    for path in sorted(EXAMPLES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        offenders += [f"{path.name}: {e.message}" for e in validator.iter_errors(data)]
    assert not offenders


def test_each_letter_has_its_copy_kept_with_the_tests(letters):
    missing = [e.id for e in letters if not (LETTERS / e.letter.copy).is_file()]
    assert not missing


def test_the_counts_verified_by_hand_match_the_points_in_the_letter(letters):
    offenders = []
    for e in letters:
        text, let = raw(e), e.letter
        assert let is not None
        counted = {
            "area-for-priority-action": let.priority_actions,
            "area-for-improvement": let.improvements,
            "strength": let.strengths,
        }
        for kind, want in counted.items():
            if len(points(text, kind)) != want:
                offenders.append(f"{e.id}: {kind}: YAML {want}, letter {len(points(text, kind))}")
    assert not offenders


def test_every_point_is_quoted_whole_as_its_own_finding(letters):
    """Priority actions, points to improve and strengths: the n-th finding of a kind is the
    n-th point under the letter's heading, quoted whole."""
    offenders = []
    for e in letters:
        text = raw(e)
        for kind in HEADINGS:
            ours = [f for f in e.findings if f.type == kind]
            theirs = points(text, kind)
            if [f.item for f in ours] != list(range(1, len(theirs) + 1)):
                offenders.append(f"{e.id}: {kind}: points numbered {[f.item for f in ours]}")
            offenders += [
                f"{f.id}: not point {f.item} as printed"
                for f, point in zip(ours, theirs, strict=False)
                if f.quote != point
            ]
    assert not offenders


def test_every_quotation_is_in_its_letter_verbatim_and_in_the_letters_order(letters):
    offenders = []
    for e in letters:
        text = normalised(raw(e))
        last = -1
        for f in e.findings:
            where = text.find(f.quote) if f.quote else -1
            if where < 0:
                offenders.append(f"{f.id}: not found in {e.letter.copy}")
            elif where < last:
                offenders.append(f"{f.id}: comes before the finding above it in the letter")
            last = max(last, where)
    assert not offenders


def test_each_section_is_the_heading_the_letter_prints(letters):
    offenders = []
    for e in letters:
        text = raw(e)
        offenders += [
            f"{f.id}: {f.section}"
            for f in e.findings
            if not re.search(rf"^{re.escape(f.section)}\s*$", text, re.M)
        ]
    assert not offenders


def test_the_letters_own_facts_are_as_it_states_them(letters):
    offenders = []
    for e in letters:
        let, text = e.letter, normalised(raw(e))
        assert let is not None
        if not text.startswith(render_examples.when(let.published) + " "):
            offenders.append(f"{e.id}: not dated {render_examples.when(let.published)}")
        on_site = render_examples.when(let.on_site_from, let.on_site_to)
        if f"took place from {on_site}" not in text:
            offenders.append(f"{e.id}: not on site {on_site}")
        if f"by {let.statement_as_stated}." not in text:
            offenders.append(f"{e.id}: statement of action not due by {let.statement_as_stated}")
        if render_examples.when(let.statement_due) != let.statement_as_stated:
            offenders.append(f"{e.id}: {let.statement_due} is not {let.statement_as_stated}")
        if not re.search(rf"determined that {re.escape(let.principal_authority)}\b", text):
            offenders.append(f"{e.id}: principal authority is not '{let.principal_authority}'")
    assert not offenders


ORGS = {
    "Council",
    "Board",
    "Care",
    "County",
    "Partnership",
    "Service",
    "Services",
    "Police",
    "Constabulary",
    "Inspector",
    "Inspectorate",
    "Commissioner",
    "Trust",
    "Chief",
    "Director",
}


def people(text: str) -> set[str]:
    """Names of the people a letter addresses or is signed by: the addressee block (date to
    'Dear') and the signatures (after 'Yours sincerely'), each line's words before a comma."""
    head = text.split("\nDear ", 1)[0].split("\n")[1:]
    tail = text.split("Yours sincerely", 1)[1].split("\n")
    names = set()
    for line in head + tail:
        name = line.split(",")[0].strip()
        words = name.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not ORGS & set(words):
            names.add(" ".join(w for w in words if w not in ("Dr", "OBE", "CBE", "QPM")))
    return names


def test_no_person_the_letters_name_is_named_in_the_content_or_on_a_page(letters, fw, site):
    names = set().union(*(people(raw(e)) for e in letters))
    assert {"Yvette Stanley", "Sarah Crew"} <= names  # the reading above finds them
    texts = {p.name: p.read_text(encoding="utf-8") for p in EXAMPLES_DIR.glob("*.yml")}
    texts.update(render.render(site).pages)
    offenders = [f"{where}: {n}" for where, t in texts.items() for n in names if n in t]
    assert not offenders


# --- The spreadsheet ------------------------------------------------------------------------


def test_the_csv_has_one_row_per_finding_of_every_letter(letters, fw, site):
    out = render.render(site)
    text = out.assets[render_examples.CSV_PATH]
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    want = [(e.area, f.id, f.quote) for e in render_examples.letters(fw) for f in e.findings]
    assert [(r["Area"], r["Finding ID"], r["The letter's words"]) for r in rows] == want
    assert len(rows) == sum(len(e.findings) for e in letters)
    assert {r["Letter address"] for r in rows} == {e.letter.address for e in letters}
    crit = {(r["Finding ID"], r["Criteria (our mapping)"]) for r in rows}
    assert crit == {(f.id, "; ".join(f.criterion_ids)) for e in letters for f in e.findings}
    assert list(rows[0]) == list(letters_csv.COLUMNS)


def test_the_examples_page_lists_each_letter_with_its_counts_and_links_the_csv(letters, site):
    page = render.render(site).pages["examples/index.md"]
    assert "(letters-findings.csv)" in page
    for e in letters:
        let = e.letter
        assert let is not None
        row = next(ln for ln in page.splitlines() if ln.startswith(f"| [{e.area}]({e.id}.md)"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        counts = [let.priority_actions, let.improvements, let.strengths, len(e.findings)]
        assert cells[-4:] == [str(n) for n in counts], row
        assert cells[2] == render_examples.when(let.published)
        assert cells[3] == let.statement_as_stated


def test_a_csv_cell_a_spreadsheet_would_run_is_made_text():
    assert letters_csv._safe("=1+1") == "'=1+1"
    assert letters_csv._safe("-2") == "'-2"
    assert letters_csv._safe("Leeds") == "Leeds"


# --- The check refuses what the letter cannot say --------------------------------------------


def _check_with(content_copy: Path, name: str, old: str, new: str) -> list[str]:
    path = content_copy / "syv-2023" / "examples" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [str(p) for p in pipeline.check(content_copy, content_copy.parent).problems]


def _line(content_copy: Path, name: str, needle: str) -> int:
    text = (content_copy / "syv-2023" / "examples" / name).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_check_refuses_a_letter_published_before_its_fieldwork(content_copy):
    problems = _check_with(
        content_copy, "leeds-2024.yml", 'published: "2024-05-16"', 'published: "2024-03-01"'
    )
    line = _line(content_copy, "leeds-2024.yml", 'published: "2024-03-01"')
    assert problems == [
        f"criteria/syv-2023/examples/leeds-2024.yml:{line}: $.letter.published: the letter's "
        "publication date (2024-03-01) is before its last day on site (2024-03-08): a letter "
        "is published after fieldwork; check both dates in the letter"
    ]


def test_check_refuses_findings_out_of_the_letters_order(content_copy):
    """Swap Leeds's first two strengths: point numbers no longer follow the letter."""
    path = content_copy / "syv-2023" / "examples" / "leeds-2024.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    item: 1\n", "    item: 9\n", 1), encoding="utf-8")
    problems = [str(p) for p in pipeline.check(content_copy, content_copy.parent).problems]
    assert len(problems) == 1
    assert "$.findings[2].item: this is point 1 under 'What needs to improve?'" in problems[0]


def test_check_refuses_a_strength_before_the_points_to_improve(content_copy):
    problems = _check_with(
        content_copy,
        "merton-2023.yml",
        "    type: area-for-improvement\n",
        "    type: strength\n",
    )
    assert any("'area-for-improvement' comes after 'strength'" in p for p in problems), problems
    assert any("the letter lists 11 under 'What needs to improve?'" in p for p in problems)


def test_check_refuses_a_count_the_findings_do_not_match(content_copy):
    problems = _check_with(content_copy, "somerset-2024.yml", "strengths: 4", "strengths: 5")
    line = _line(content_copy, "somerset-2024.yml", "strengths: 5")
    assert problems == [
        f"criteria/syv-2023/examples/somerset-2024.yml:{line}: $.letter.counts.strengths: the "
        "letter lists 5 under 'Strengths' but 4 findings here are 'strength': give every "
        "point, once, or correct the count"
    ]


def test_check_wants_a_quotation_on_every_finding_of_a_letter(content_copy):
    path = content_copy / "syv-2023" / "examples" / "manchester-2023.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: manchester-2023-f3\n")
    quote = text.index("    quote:", start)
    end = text.index("    agencies:", quote)
    path.write_text(text[:quote] + text[end:], encoding="utf-8")
    problems = [str(p) for p in pipeline.check(content_copy, content_copy.parent).problems]
    assert len(problems) == 1 and "add 'quote'" in problems[0], problems


def test_a_copy_of_the_letters_is_all_the_tests_read(tmp_path):
    """The tests find every letter under tests/: copying the folder elsewhere loses nothing."""
    shutil.copytree(LETTERS, tmp_path / "letters")
    assert sorted(p.name for p in (tmp_path / "letters").glob("*.txt")) == sorted(
        p.name for p in LETTERS.glob("*.txt")
    )
