"""python -m generator ingest: from the guidance to a framework folder that passes check.

Round trip (marked syv): ingesting the serious youth violence guidance (tests/sources/004_…)
gives the curated criteria, Annex A table items and timetable rules of criteria/syv-2023
exactly, compared with the loaded curated YAML, and reads all 93 curated Annex A items (bullet
lists and requests in paragraphs included). The same text as tabs or as a saved HTML page
gives the same. Then texts the tests make in other shapes (9 working days' notice, no Annex A
section 7), the tiny framework, and each refusal.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import tiny_content
import yaml
from ingest_shapes import as_html, as_tabs
from paths import CONTENT, ROOT, SOURCE

from generator import __main__ as cli
from generator import guidance, pipeline
from generator.ingest import Ingested, files, ingest
from generator.load import load_file


def curated(name: str) -> Any:
    doc, problems = load_file(CONTENT / "syv-2023" / name, ROOT)
    assert doc is not None and not problems
    return doc.data


def ingested(path: Path, framework_id: str = "syv-copy") -> dict[str, Any]:
    result = ingest(path)
    assert isinstance(result, Ingested), "\n".join(map(str, result))
    return files.framework_files(result.parsed, framework_id, result.source.text())


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["ingest", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def criteria_of(data: dict[str, Any]) -> list[tuple[str, str, list[int]]]:
    return [(c["id"], c["text"], c["paras"]) for c in data["criteria.yml"]["criteria"]]


def table_items(annex: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every Annex A item that comes from a table (those with a number as printed)."""
    return {i["id"]: i for s in annex["sections"] for i in s["items"] if "number" in i}


VERBATIM = ("number", "description", "fields")


@pytest.mark.syv
def test_round_trip_gives_the_curated_criteria_exactly():
    want = [(c["id"], c["text"], c["paras"]) for c in curated("criteria.yml")["criteria"]]
    assert criteria_of(ingested(SOURCE)) == want


@pytest.mark.syv
def test_round_trip_gives_every_curated_annex_a_table_item_exactly():
    want = table_items(curated("annex-a.yml"))
    got = table_items(ingested(SOURCE)["annex-a.yml"])
    assert sorted(got) == sorted(want)
    for item_id, item in want.items():
        for key in VERBATIM:
            assert got[item_id].get(key) == item.get(key), (item_id, key)
        if re.fullmatch(r"A-\d+\.\d+", item_id):  # the numbered tables have an Item column
            assert got[item_id]["item"] == item["item"], item_id


@pytest.mark.syv
def test_round_trip_groups_the_items_into_the_curated_sections():
    def groups(annex: dict[str, Any]) -> list[list[str]]:
        found = [[i["id"] for i in s["items"] if "number" in i] for s in annex["sections"]]
        return [g for g in found if g]

    assert groups(ingested(SOURCE)["annex-a.yml"]) == groups(curated("annex-a.yml"))


@pytest.mark.syv
def test_round_trip_gives_the_curated_deadlines_of_the_tables():
    sections = curated("annex-a.yml")["sections"]
    want = {i: s["deadline"] for s in sections for i in table_items({"sections": [s]})}
    for section in ingested(SOURCE)["annex-a.yml"]["sections"]:
        for item_id in table_items({"sections": [section]}):
            got = {k: v for k, v in section["deadline"].items() if k != "our_reading"}
            expected = {k: v for k, v in want[item_id].items() if k != "our_reading"}
            assert got == expected, item_id
            assert ("our_reading" in section["deadline"]) == ("our_reading" in want[item_id])


@pytest.mark.syv
def test_round_trip_gives_the_curated_timetable_rules():
    data = ingested(SOURCE)
    rules, want_rules = data["timeline.yml"]["rules"], curated("timeline.yml")["rules"]
    for key in ("notice_working_days", "notification_weekday", "notification_note", "paras"):
        assert rules[key] == want_rules[key], key
    after, want = data["after.yml"], curated("after.yml")
    keep = ("activity", "working_days", "paras")
    got_rows = [{k: t[k] for k in keep} for t in after["letter"]["timescales"]]
    assert got_rows == [{k: t[k] for k in keep} for t in want["letter"]["timescales"]]
    soa, want_soa = after["statement_of_action"], want["statement_of_action"]
    assert (soa["working_days"], soa["paras"]) == (want_soa["working_days"], [121])
    window = after["complaints"]["window"]
    assert (
        window["working_days_after_publication"]
        == 10
        == want["complaints"]["window"]["working_days_after_publication"]
    )


@pytest.mark.syv
def test_round_trip_gives_the_curated_complaints_milestones():
    def rows(after: dict[str, Any]) -> list[tuple[str, str, int | None]]:
        return [
            (m["when"], m["activity"], m.get("working_days"))
            for r in after["complaints"]["routes"]
            for m in r["milestones"]
        ]

    assert rows(ingested(SOURCE)["after.yml"]) == rows(curated("after.yml"))


@pytest.mark.syv
def test_the_guidance_is_kept_byte_for_byte(tmp_path: Path, capsys):
    code, _, err = run(capsys, str(SOURCE), "--id", "syv-copy", "--content", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "syv-copy" / "guidance.txt").read_bytes() == SOURCE.read_bytes()


@pytest.mark.parametrize("shape", [as_tabs, as_html], ids=["tabs", "html"])
@pytest.mark.syv
def test_other_shapes_give_the_same_framework(tmp_path: Path, shape):
    suffix = ".html" if shape is as_html else ".txt"
    path = write(tmp_path, f"guidance{suffix}", shape(SOURCE.read_text(encoding="utf-8")))
    got, want = ingested(path), ingested(SOURCE)
    for name in ("criteria.yml", "annex-a.yml", "timeline.yml", "after.yml"):
        assert got[name] == want[name], name


@pytest.mark.syv
def test_the_html_page_keeps_the_paragraphs_and_leaves_out_the_furniture(tmp_path: Path):
    path = write(tmp_path, "guidance.html", as_html(SOURCE.read_text(encoding="utf-8")))
    result = ingest(path)
    assert isinstance(result, Ingested)
    assert result.parsed.paragraphs == ingested_paragraphs(SOURCE)
    assert "Skip to main content" not in result.source.text()
    assert "not content" not in result.source.text()


def ingested_paragraphs(path: Path) -> dict[int, str]:
    result = ingest(path)
    assert isinstance(result, Ingested)
    return result.parsed.paragraphs


@pytest.mark.syv
def test_an_ingested_folder_beside_the_real_one_passes_check(content_copy: Path, capsys):
    code, out, err = run(capsys, str(SOURCE), "--id", "syv-copy", "--content", str(content_copy))
    assert code == 0, err
    problems = pipeline.check(content_copy, content_copy.parent).problems
    assert not problems, "\n".join(map(str, problems))
    assert "Review" in out and "To review" in out


def tiny_text() -> str:
    return (tiny_content.TINY / "guidance.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("days", [9, 10])
def test_the_notice_period_comes_from_the_guidance(tmp_path: Path, days: int):
    text = tiny_text().replace("10 working days before", f"{days} working days before")
    data = ingested(write(tmp_path, "g.txt", text), tiny_content.TINY_ID)
    assert data["timeline.yml"]["rules"]["notice_working_days"] == days
    assert f"{days} working days" in data["timeline.yml"]["milestones"][0]["what"]


def test_a_theme_with_9_working_days_notice_passes_check(tmp_path: Path, capsys):
    text = tiny_text().replace("10 working days before", "9 working days before")
    guidance = write(tmp_path, "g.txt", text)
    content = tmp_path / "content"
    tiny_content.make(content, guidance)
    capsys.readouterr()
    assert not pipeline.check(content, tmp_path).problems


@pytest.mark.syv
def test_a_theme_with_no_annex_a_section_7(tmp_path: Path):
    text = SOURCE.read_text(encoding="utf-8")
    start = text.index("Youth offending team\nNumber | Item")
    end = text.index("Annex B:")
    data = ingested(write(tmp_path, "g.txt", text[:start] + text[end:]))
    items = table_items(data["annex-a.yml"])
    assert not [i for i in items if i.startswith("A-7.")]
    assert sorted(items) == sorted(
        i for i in table_items(curated("annex-a.yml")) if "A-7." not in i
    )


def test_a_tiny_theme_passes_check_and_builds(tmp_path: Path, capsys):
    content = tmp_path / "content"
    tiny_content.make(content)
    capsys.readouterr()
    assert not pipeline.check(content, tmp_path).problems
    assert cli.main(["build", "--content", str(content), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "docs" / "criteria" / "ec1.md").is_file()  # in the tree


# Refusals: file:line: message, all at once, exit 1, nothing written, no traceback.


def refused(capsys, tmp_path: Path, text: str, *extra: str) -> list[str]:
    guidance = write(tmp_path, "g.txt", text)
    code, out, err = run(capsys, str(guidance), "--id", "bad", "--content", str(tmp_path), *extra)
    assert code == 1
    assert "Traceback" not in err and not out
    assert not (tmp_path / "bad").exists()
    assert err.endswith("nothing was written.\n")
    return err.splitlines()[:-1]


def test_no_criteria_at_all_is_refused(tmp_path: Path, capsys):
    text = re.sub(r"EC number \| Criteria \|\n---\|---\|\n(EC\d+ \|.*\n)+", "", tiny_text())
    assert refused(capsys, tmp_path, text) == [
        f"{tmp_path / 'g.txt'}: no evaluation criteria found: expected a table whose first column "
        "holds EC1, EC2 … or lines and list items like 'EC1: Agencies …'"
    ]


def test_a_duplicate_ec_number_is_refused_at_its_line(tmp_path: Path, capsys):
    text = tiny_text().replace("EC3 |", "EC2 |")
    line = text.split("\n").index(next(x for x in text.split("\n") if x.startswith("EC2 | Child")))
    first = text.split("\n").index(next(x for x in text.split("\n") if x.startswith("EC2 | Lead")))
    assert refused(capsys, tmp_path, text) == [
        f"{tmp_path / 'g.txt'}:{line + 1}: EC2 is given twice (first on line {first + 1}): "
        "EC numbers are unique"
    ]


def test_a_row_with_the_wrong_number_of_cells_is_refused_at_its_line(tmp_path: Path, capsys):
    text = tiny_text().replace("1.2 | Practice audits |", "1.2 | Practice audits")
    lines = text.split("\n")
    row = next(i for i, x in enumerate(lines) if x.startswith("1.2 |")) + 1
    header = row - 3
    [message] = refused(capsys, tmp_path, text)
    assert message.startswith(f"{tmp_path / 'g.txt'}:{row}: this table row has 2 cells but ")
    assert f"the table's header (line {header}) has 3" in message


def test_every_problem_is_given_at_once(tmp_path: Path, capsys):
    text = tiny_text().replace("EC3 |", "EC2 |").replace("Updated 3 March 2025", "Recently")
    text = text.replace("1.2 | Practice audits |", "1.2 | Practice audits")
    text = text.replace("10 working days before", "soon before")  # not refused: to review
    messages = refused(capsys, tmp_path, text)
    assert len(messages) == 3, messages
    assert ":2: the second line should give the guidance's date" in messages[0]


def test_tables_given_as_tabs_are_checked_too(tmp_path: Path, capsys):
    text = as_tabs(tiny_text()).replace("1.2\tPractice audits\t", "1.2\tPractice audits\tx\t")
    [message] = refused(capsys, tmp_path, text)
    assert "this table row has 4 cells but the table's header" in message


def test_an_existing_folder_is_kept_unless_force(tmp_path: Path, capsys):
    guidance = tiny_content.TINY / "guidance.txt"
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "mine.yml").write_text("x: 1\n", encoding="utf-8")
    code, _, err = run(capsys, str(guidance), "--id", "bad", "--content", str(tmp_path))
    assert code == 1
    assert f"{tmp_path / 'bad'}: already exists: choose another --id, or add --force" in err
    assert (tmp_path / "bad" / "mine.yml").is_file()
    code, _, err = run(capsys, str(guidance), "--id", "bad", "--content", str(tmp_path), "--force")
    assert code == 0, err
    assert not (tmp_path / "bad" / "mine.yml").exists()
    assert (tmp_path / "bad" / "criteria.yml").is_file()


def test_a_missing_file_and_a_bad_id_are_refused(tmp_path: Path, capsys):
    code, _, err = run(capsys, str(tmp_path / "nope.txt"), "--id", "Bad_ID")
    assert code == 1
    assert f"{tmp_path / 'nope.txt'}: no such file" in err
    assert "--id: 'Bad_ID' should be lower case words and numbers joined by hyphens" in err


def test_every_editorial_default_is_marked_for_review(tmp_path: Path, capsys):
    framework = tiny_content.make(tmp_path / "content")
    out = capsys.readouterr().out
    assert 'grep -rn "To review"' in out
    agencies = (framework / "framework.yml").read_text(encoding="utf-8")
    assert "name: 'To review: the agencies in the inspection''s scope'" in agencies
    shutil.rmtree(framework)


def test_a_guidance_with_more_paragraphs_than_the_first_framework_passes_check(
    tmp_path: Path, capsys
):
    # Paragraph numbers are checked against the framework's own guidance.txt, not a fixed range.
    text = tiny_text().replace("8. The local partnership", "208. The local partnership")
    content = tmp_path / "content"
    framework = tiny_content.make(content, write(tmp_path, "g.txt", text))
    capsys.readouterr()
    after = yaml.safe_load((framework / "after.yml").read_text(encoding="utf-8"))
    assert after["complaints"]["window"]["paras"] == [208]
    assert not pipeline.check(content, tmp_path).problems


def test_a_criteria_table_with_no_rows_and_a_text_with_no_paragraphs_are_refused(
    tmp_path: Path, capsys
):
    text = re.sub(r"(?m)^(EC\d+ \|.*\n)", "", tiny_text())
    text = re.sub(r"(?m)^(\d+)\. ", r"\1) ", text)
    messages = refused(capsys, tmp_path, text)
    assert any("no evaluation criteria found" in m for m in messages), messages
    assert any("no numbered paragraphs found" in m for m in messages), messages


# One grammar: the framework page, the check and ingest read a guidance text alike.


def test_an_indented_paragraph_is_read_alike_by_ingest_and_check(content_copy: Path, capsys):
    text = SOURCE.read_text(encoding="utf-8").replace("\n38. ", "\n   38. ", 1)
    path = write(content_copy.parent, "g.txt", text)
    code, _, err = run(capsys, str(path), "--id", "syv-copy", "--content", str(content_copy))
    assert code == 0, err
    read = guidance.read(content_copy / "syv-copy")
    assert read is not None
    assert 38 in read.paragraphs
    problems = pipeline.check(content_copy, content_copy.parent).problems
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize(
    "edit",
    [
        ("\n1. ", "\n  1. "),  # an indented paragraph
        ("EC number | Criteria |\n---|---|", "EC number | Criteria |\n:--|:--|"),  # alignment
        ("Number | Item | Description |", "  Number | Item | Description |  "),  # spaces
    ],
    ids=["indented", "alignment-row", "padded-row"],
)
def test_the_page_and_ingest_find_the_same_paragraphs_and_tables(tmp_path: Path, edit):
    text = tiny_text()
    assert edit[0] in text
    text = text.replace(edit[0], edit[1], 1)
    result = ingest(write(tmp_path, "g.txt", text))
    assert isinstance(result, Ingested), "\n".join(map(str, result))
    page = guidance.parse(text)
    assert result.parsed.paragraphs == page.paragraphs
    tables = [b for b in page.blocks if b.kind == "table"]
    assert not any(set(c) <= {"-", ":"} for t in tables for row in t.rows for c in row)


def test_a_folder_that_check_would_refuse_is_not_written(tmp_path: Path, capsys, monkeypatch):
    real = files.framework_files

    def citing_a_missing_paragraph(*args: Any) -> dict[str, Any]:
        data = real(*args)
        data["criteria.yml"]["criteria"][0]["paras"] = [999]
        return data

    monkeypatch.setattr(files, "framework_files", citing_a_missing_paragraph)
    guidance_file = tiny_content.TINY / "guidance.txt"
    code, out, err = run(capsys, str(guidance_file), "--id", "bad", "--content", str(tmp_path))
    assert code == 1 and not out
    assert not (tmp_path / "bad").exists()
    [problem, summary] = err.splitlines()
    assert re.match(rf"{re.escape(str(tmp_path / 'bad' / 'criteria.yml'))}:\d+: ", problem)
    assert "paragraph 999 is not in bad/guidance.txt" in problem
    assert summary.endswith("nothing was written.")


def _deadline_of(section: dict[str, Any]) -> tuple[Any, ...]:
    d = section["deadline"]
    return (d["week"], d.get("weekday"), d.get("time"))


@pytest.mark.syv
def test_round_trip_reads_every_curated_annex_a_item_lists_and_requests_included():
    """All 93 curated items, those from bullet lists (paragraphs 127, 128, 131, 136) and from
    paragraphs that ask for something (132, 134) included: each is an ingested item under the
    same paragraph whose text holds the curated description verbatim, with the same deadline
    where the curated one is the guidance's own (not 'our reading', not seen on site)."""
    got = [(s, i) for s in ingested(SOURCE)["annex-a.yml"]["sections"] for i in s["items"]]
    curated_items = [(s, i) for s in curated("annex-a.yml")["sections"] for i in s["items"]]
    assert len(curated_items) == 93 == len(got)
    unread = []
    for section, item in curated_items:
        match = [
            (s, i)
            for s, i in got
            if set(s["paras"]) & set(section["paras"]) and item["description"] in i["description"]
        ]
        if not match:
            unread.append(item["id"])
            continue
        own = not ({"on_site", "our_reading"} & set(section["deadline"]))
        assert not own or _deadline_of(match[0][0]) == _deadline_of(section), item["id"]
    assert not unread, unread
    paras = {p for s, _ in got for p in s["paras"]}
    assert {127, 128, 131, 132, 134, 136} <= paras


STATEMENT = (
    "6. The local partnership must make the statement within 70 working days of receiving the "
    "final letter of findings."
)


def _planner_statement(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> str:
    """The statement-of-action section of the planner page built from the tiny guidance `text`."""
    content = tmp_path / "content"
    tiny_content.make(content, write(tmp_path, "g.txt", text))
    out = tmp_path / "out"
    assert cli.main(["build", "--content", str(content), "--out", str(out)]) == 0
    capsys.readouterr()
    page = (out / "docs" / "planner.md").read_text(encoding="utf-8")
    return page[page.index("### Statement of action") : page.index("### Complaints")]


def test_the_planner_quotes_the_statement_of_action_as_the_guidance_words_it(
    tmp_path: Path, capsys
):
    own = "6. Partners send the statement within 70 working days of receiving the final letter."
    assert STATEMENT in tiny_text()
    section = _planner_statement(tmp_path, capsys, tiny_text().replace(STATEMENT, own))
    assert "The framework says: “Partners send the statement within 70 working days" in section
    assert "must make the statement" not in section
    assert "not yet reviewed" not in section.lower()


def test_a_statement_of_action_not_found_is_shown_as_not_yet_reviewed(tmp_path: Path, capsys):
    section = _planner_statement(tmp_path, capsys, tiny_text().replace(STATEMENT + "\n", ""))
    assert "70 working days (not yet reviewed) to make it" in section
    assert "**Not yet reviewed.** To review: the guidance text ingest read states no statement" in (
        section
    )
    assert "counts it from the date the final letter is due, as a default" in section
    assert "The framework says" not in section and "framework’s own words" not in section


def test_a_letter_timescale_not_in_working_days_is_named_in_the_checklist(tmp_path: Path, capsys):
    text = tiny_text().replace("| 34 working days after fieldwork |", "| 7 weeks after fieldwork |")
    line = text.split("\n").index("Letter published | 7 weeks after fieldwork |") + 1
    code, out, err = run(
        capsys, str(write(tmp_path, "g.txt", text)), "--content", str(tmp_path), "--id", "weeks"
    )
    assert code == 0, err
    assert (
        f"  [ ] letter timescales not in working days after fieldwork (lines {line}): add them "
        "to after.yml by hand"
    ) in out.split("\n")
