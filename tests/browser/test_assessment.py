"""Browser tests of the self-assessment (site/self-assessment.html) in headless Chromium.

Run against the built site: $JTAI_SITE_DIR, else <repo>/site (build it first). Every test opens
the page in a fresh browser context (empty localStorage) and fails on any request to a host
other than 127.0.0.1 and on any console error (see assessment_support.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from assessment_support import (
    EXPORT_SCHEMA,
    IMPORTS,
    SAPage,
    describe_violations,
    import_cases,
    sa_browser,
    sa_open,
    sa_origin,
    sa_site,
    vectors,
)
from browser_support import date_boxes, fill_date_boxes, pdf_pages, type_date_boxes

__all__ = ["sa_browser", "sa_open", "sa_origin", "sa_site"]  # fixtures, re-exported for pytest

pytestmark = [pytest.mark.browser, pytest.mark.syv]  # the serious youth violence data

VECTORS = vectors()
SITE_CASES = [c for c in VECTORS["cases"] if c["framework"] == "syv-2023"]
SITE_CASE = SITE_CASES[0]
WEAK_CASE = next(
    c for c in SITE_CASES if c["name"] == "weak answers are counted, not averaged away"
)
NOTHING_CHANGED = "Nothing was imported and your saved work has not changed."
REFUSALS = {
    "too-large": "too big to be a self-assessment export",
    "empty": "This file is empty.",
    "not-json": "could not be read as JSON",
    "wrong-format": "not a JTAI Ready self-assessment export",
    "newer-version": "saved by a newer version of JTAI Ready",
    "other-framework": "for a different inspection framework",
    "schema": "does not match the export format",
    "unknown-id": "refers to things this framework does not have",
}


# ---------------------------------------------------------------------------------------------
# Driving the form as a person would


def data(sa: SAPage) -> dict[str, Any]:
    return sa.page.evaluate("() => JTAI.data.assessment")


def go_to_criteria(sa: SAPage) -> None:
    sa.page.click(".jtai-nav-btn[data-view=criteria]")
    sa.page.wait_for_selector(".jtai-crit-list")


def open_criterion(sa: SAPage, cid: str) -> None:
    go_to_criteria(sa)
    sa.page.click(f".jtai-crit-item[data-criterion={cid}] .jtai-crit-link")
    sa.page.wait_for_selector(f"article.jtai-criterion[data-criterion={cid}]")


def rate(sa: SAPage, indicator: str, value: str) -> None:
    sa.page.click(f'[data-group="{indicator}"] input[data-value="{value}"]')


def type_into(sa: SAPage, selector: str, text: str) -> None:
    field = sa.page.locator(selector)
    field.click()
    sa.page.keyboard.press("Control+A")
    sa.page.keyboard.type(text)


def add_action(sa: SAPage, what: str, lead: str, due: str, status: str) -> None:
    sa.page.click("[data-action=add-action]")
    action = sa.page.locator(".jtai-action").last
    action.locator("textarea").fill(what)
    action.locator("select").nth(0).select_option(lead)
    fill_date_boxes(action.get_by_role("group", name="Due date"), due)
    action.locator("select").nth(1).select_option(status)


def show_report(sa: SAPage, which: str) -> None:
    """Open the Report view and choose what it shows and prints: summary, answered or all."""
    sa.page.click(".jtai-nav-btn[data-view=report]")
    choice = sa.page.locator(f'[data-group=print-choice] input[value="{which}"]')
    if not choice.is_checked():
        choice.check()
        sa.page.wait_for_function(
            "w => document.querySelector(`[data-group=print-choice] input[value='${w}']`) "
            "=== document.activeElement",
            arg=which,
        )


def set_override(sa: SAPage, outcome: str, reason: str) -> None:
    sa.page.check(".jtai-outcome input[type=checkbox]")
    sa.page.select_option(".jtai-override-panel select", outcome)
    sa.page.fill(".jtai-override-reason textarea", reason)


def fill_answers(sa: SAPage, answers: dict[str, Any]) -> None:
    """Enter a vector's answers through the form, criterion by criterion."""
    for cid, answer in answers.items():
        open_criterion(sa, cid)
        for iid, value in answer.get("indicators", {}).items():
            rate(sa, iid, value)
        for key, text in answer.get("evidence", {}).items():
            if text:
                sa.page.fill(f".jtai-prompt-{key} textarea", text)
        if answer.get("override"):
            set_override(sa, answer["override"]["outcome"], answer["override"]["reason"])
        for act in answer.get("actions", []):
            add_action(sa, act["what"], act["lead"], act["due"], act["status"])


def import_file(sa: SAPage, path: Path | str) -> str:
    """Import a file, confirming what the page says it holds (a file it refuses asks nothing)."""
    sa.page.click(".jtai-nav-btn[data-view=start]")
    sa.page.set_input_files("input[data-action=import]", str(path))
    status = sa.page.locator(".jtai-import-status")
    confirm = sa.page.locator("dialog [data-choice=import]")
    status.locator("p").first.or_(confirm).wait_for()
    if confirm.count():
        confirm.click()
    status.locator("p").first.wait_for()
    return status.inner_text()


def download(sa: SAPage, selector: str) -> tuple[str, str]:
    with sa.page.expect_download() as info:
        sa.page.click(selector)
    dl = info.value
    return dl.suggested_filename, Path(dl.path()).read_bytes().decode("utf-8")


def score_of(text: str) -> float | None:
    text = text.strip()
    return None if text == "–" else float(text)


# ---------------------------------------------------------------------------------------------
# The page


def test_intro_says_what_it_is_for_and_what_not_to_enter(sa_open, sa_site):
    sa = sa_open()
    notices = data(sa)["assessment"]["notices"]
    intro = sa.page.inner_text(".jtai-intro")
    for key in ("purpose", "indicative", "privacy", "no_child_details"):
        assert notices[key] in intro
    assert notices["no_names"] in sa.page.inner_text(".jtai-respondent")
    html = (sa_site / "self-assessment.html").read_text(encoding="utf-8")
    assert re.search(r"<noscript>\s*<p[^>]*>.*needs JavaScript", html, re.S)
    assert sa.records(), "a first assessment is saved at once"


def test_data_matches_the_vectors_assumptions(sa_open):
    """The scale, bands and focus areas the expected results were worked out for."""
    sa = sa_open()
    a = data(sa)["assessment"]
    assert {lv["id"]: lv["value"] for lv in a["scale"]["levels"]} == VECTORS["scale"]["levels"]
    assert [o["id"] for o in a["scale"]["outside"]] == VECTORS["scale"]["outside"]
    assert [{"id": o["id"], "min": o["min"]} for o in a["outcomes"]] == VECTORS["outcomes"]
    focus = {c["id"]: c["focus"] for c in data(sa)["criteria"]}
    assert focus == VECTORS["frameworks"]["syv-2023"]["focus"], (
        "the criteria's focus areas changed: "
        "update the vector (tests/vectors/make_scoring_vectors.py)"
    )


def test_practitioner_completes_an_assessment_by_keyboard_and_mouse(sa_open):
    sa = sa_open()
    page, kb = sa.page, sa.page.keyboard
    page.get_by_label("Name of this assessment").click()
    kb.press("Control+A")
    kb.type("Police, spring 2025")
    kb.press("Tab")
    kb.type("Anytown Safeguarding Children Partnership")
    kb.press("Tab")
    kb.type("Police")
    kb.press("Tab")
    kb.type("Detective Inspector")
    kb.press("Tab")
    kb.type("4")  # the Day box, then Month and Year: GOV.UK date boxes
    kb.press("Tab")
    kb.type("3")
    kb.press("Tab")
    kb.type("2025")
    page.click("[data-action=continue]")

    page.click(".jtai-crit-item[data-criterion=EC1] .jtai-crit-link")
    assert page.evaluate("() => document.activeElement.textContent").startswith("EC1:")
    page.locator('[data-group="EC1.1"] input[data-value=""]').focus()
    kb.press("ArrowRight")  # wraps from "Not assessed" to the first level
    for group, presses in (("EC1.2", 2), ("EC1.3", 5), ("EC1.4", 3)):
        page.locator(f'[data-group="{group}"] input:checked').focus()
        for _ in range(presses):
            kb.press("ArrowRight")
    page.get_by_label("What do we know?").focus()
    kb.type("Most children at risk are identified at the front door.")
    page.get_by_label("How do we know it?").focus()
    kb.type("Multi-agency audit of 20 cases, January 2025.")
    page.locator('[data-group="confidence"] input[data-value="medium"]').check()
    page.locator("[data-action=add-action]").focus()
    kb.press("Enter")
    assert page.evaluate("() => document.activeElement.tagName") == "TEXTAREA"
    kb.type("Refresh the exploitation screening tool")
    kb.press("Tab")
    kb.type("Police")
    type_date_boxes(page, page.get_by_role("group", name="Due date"), "30", "6", "2025")
    page.locator(".jtai-action select").nth(1).focus()
    kb.type("In")
    page.locator("nav.jtai-pager [data-action=next]").first.focus()
    kb.press("Enter")
    page.wait_for_selector("article[data-criterion=EC2]")

    levels = ["consistently", "mostly", "partly", "rarely"]
    for n, criterion in enumerate(data(sa)["criteria"][1:]):
        page.wait_for_selector(f"article[data-criterion={criterion['id']}]")
        for i, ind in enumerate(criterion["indicators"]):
            rate(sa, ind["id"], levels[(n + i) % 4])
        if criterion["annex_a"]:
            page.locator(".jtai-documents input[type=checkbox]").first.check()
        page.locator("nav.jtai-pager").last.locator(
            "[data-action=next], [data-action=results]"
        ).click()

    assert page.locator(".jtai-nav-btn[data-view=results]").get_attribute("aria-current") == "page"
    total = sum(len(c["indicators"]) for c in data(sa)["criteria"])
    coverage = page.inner_text("[data-coverage=indicators_rated]")
    assert coverage.startswith(f"{total - 1} of {total} statements rated"), coverage
    assert page.inner_text("[data-coverage=indicators_dont_know]").startswith("1 answered")

    before = sa.current()
    assert before["title"] == "Police, spring 2025"
    assert before["respondent"] == {
        "partnership": "Anytown Safeguarding Children Partnership",
        "agency": "police",
        "role": "Detective Inspector",
        "date": "2025-03-04",
    }
    assert before["answers"]["EC1"]["indicators"] == {
        "EC1.1": "consistently",
        "EC1.2": "mostly",
        "EC1.3": "dont-know",
        "EC1.4": "partly",
    }
    assert before["answers"]["EC1"]["confidence"] == "medium"
    act = before["answers"]["EC1"]["actions"][0]
    assert (act["what"], act["lead"], act["due"], act["status"]) == (
        "Refresh the exploitation screening tool",
        "police",
        "2025-06-30",
        "in-progress",
    )

    sa.reload()
    assert sa.current() == before
    open_criterion(sa, "EC1")
    assert page.locator('[data-group="EC1.3"] input[data-value="dont-know"]').is_checked()
    assert page.get_by_label("How do we know it?").input_value().startswith("Multi-agency audit")
    assert page.locator(".jtai-action textarea").input_value() == act["what"]
    page.click(".jtai-nav-btn[data-view=start]")
    assert page.get_by_label("Your role").input_value() == "Detective Inspector"
    assessment_date = page.get_by_role("group", name="Date of this assessment")
    assert date_boxes(assessment_date) == ("4", "3", "2025")


@pytest.mark.parametrize("case", SITE_CASES, ids=lambda c: c["name"])
def test_results_on_screen_equal_the_test_vectors(sa_open, case):
    sa = sa_open()
    fill_answers(sa, case["answers"])
    sa.page.click(".jtai-nav-btn[data-view=results]")
    expected = case["expected"]
    page = sa.page

    for cid, want in expected["criteria"].items():
        row = page.locator(f"table[data-table=criteria] tr[data-criterion={cid}]")
        assert score_of(row.locator("[data-field=score]").inner_text()) == want["score"], cid
        assert row.locator("[data-field=suggested]").get_attribute("data-value") == (
            want["suggested"] or ""
        )
        assert row.locator(".jtai-held-back").count() == int(want["held_back"]), cid
        assert row.locator("[data-field=outcome]").get_attribute("data-value") == (
            want["outcome"] or ""
        )
        assert row.locator(".jtai-override-note").count() == int(want["overridden"]), cid
        assert row.locator(".jtai-flag").count() == int(want["strength_without_evidence"]), cid
        assert row.locator("[data-field=evidence]").inner_text() == (
            "Yes" if want["has_evidence"] else "No"
        )

    overall = page.locator(".jtai-res-overall")
    assert overall.locator("[data-result=overall-band]").count() == 0, "no band for an average"
    assert "out of" not in overall.inner_text(), "no score out of 4: it reads like a grade"
    line = overall.locator("[data-result=overall-line]").inner_text()
    for band in data(sa)["assessment"]["outcomes"]:
        count = expected["overall"]["counts"][band["id"]]
        assert f"{band['label']} {count}" in line, (band["id"], line)
        assert page.inner_text(f".jtai-res-overall [data-count={band['id']}]") == str(count)
    assert f"not scored {expected['overall']['counts']['none']}" in line
    for fid, want in expected["focus"].items():
        row = page.locator(f"table[data-table=focus] tr[data-focus={fid}]")
        assert row.locator("[data-field=score]").count() == 0, "no average for a focus area"
        assert (
            row.locator("[data-field=scored]").inner_text()
            == f"{want['scored']} of {want['criteria']}"
        )
        for band, count in want["counts"].items():
            assert row.locator(f"[data-field=count-{band}]").inner_text() == str(count), (fid, band)
    for band, ids in expected["lists"].items():
        shown = page.locator(f"ul[data-list={band}] > li").evaluate_all(
            "els => els.map(e => e.dataset.criterion)"
        )
        assert shown == ids, band
    coverage = expected["coverage"]
    for key in (
        "indicators_rated",
        "indicators_dont_know",
        "criteria_scored",
        "criteria_with_evidence",
    ):
        number = re.match(r"\d+", page.inner_text(f"[data-coverage={key}]"))
        assert number, key
        assert int(number.group()) == coverage[key], key
    rows = page.locator("table[data-table=actions] tbody tr").evaluate_all(
        "els => els.map(e => [e.dataset.criterion, e.dataset.due])"
    )
    assert rows == [[a["criterion"], a["due"]] for a in expected["actions"]]
    explained = page.locator("[data-explain=criteria] li").all_text_contents()
    for n, (cid, want) in enumerate(expected["criteria"].items()):
        assert explained[n].startswith(f"{cid}: "), explained[n]
        assert ("Held back from" in explained[n]) == want["held_back"], explained[n]
    if case is SITE_CASE:
        assert explained[5].startswith("EC6: (2 + 1) ÷ 2 = 1.50.")


def test_the_overall_line_counts_the_criteria_in_each_band(sa_open):
    """3 strengths and 3 areas for improvement (by their scores alone) average 3.00: the overall
    line counts them instead of showing the band of the average ('No significant finding')."""
    sa = sa_open()
    plan = {"EC9": "consistently", "EC14": "consistently", "EC19": "consistently"}
    plan.update({"EC5": "partly", "EC11": "partly", "EC12": "partly"})
    every = {c["id"]: [i["id"] for i in c["indicators"]] for c in data(sa)["criteria"]}
    fill_answers(sa, {k: {"indicators": dict.fromkeys(every[k], v)} for k, v in plan.items()})
    sa.page.click(".jtai-nav-btn[data-view=results]")
    overall = sa.page.locator(".jtai-res-overall")
    line = overall.locator("[data-result=overall-line]").inner_text()
    assert line == (
        "Of the 21 criteria, 6 have an outcome. Each is counted in its own band: Strength 3, "
        "No significant finding 0, Area for improvement 3, Potential area for priority action 0, "
        "not scored 15."
    ), line
    assert "There is no overall band" in overall.inner_text()
    assert overall.locator("[data-result=overall-band], [data-result=overall-score]").count() == 0
    focus = sa.page.locator("table[data-table=focus] tr[data-focus=individual]")
    assert focus.locator("[data-field=count-strength]").inner_text() == "2"
    assert focus.locator("[data-field=count-area-for-improvement]").inner_text() == "3"
    assert "Average" not in sa.page.locator("table[data-table=focus]").inner_text()


def test_a_weak_answer_is_not_averaged_away(sa_open):
    """Mostly, Mostly, Partly, Partly averages 2.50, but it is not 'No significant finding'; 3
    strengths and 3 areas for improvement are counted, not averaged into 'No significant finding'.
    The page, the score box, the report (print) and the CSV all say the same, with the reason."""
    sa = sa_open()
    page = sa.page
    fill_answers(sa, WEAK_CASE["answers"])
    open_criterion(sa, "EC1")
    box = page.locator("#jtai-scorebox")
    assert box.locator(".jtai-badge").first.get_attribute("data-value") == "area-for-improvement"
    assert "2 of its 4 rated statements are “Partly” or lower" in box.inner_text()

    page.click(".jtai-nav-btn[data-view=results]")
    row = page.locator("table[data-table=criteria] tr[data-criterion=EC1]")
    assert row.locator("[data-field=score]").inner_text() == "2.50"
    suggested = row.locator("[data-field=suggested]")
    assert suggested.get_attribute("data-value") == "area-for-improvement"
    assert not suggested.inner_text().startswith("No significant finding")
    assert page.locator("ul[data-list=no-significant-finding] > li").count() == 0

    overall = page.locator(".jtai-res-overall")
    assert "Strength 3, No significant finding 0, Area for improvement 3" in overall.inner_text()
    assert "2 criteria are held back" in overall.inner_text()

    rule = data(sa)["assessment"]["weak_answers"]
    why = page.locator(".jtai-weak-rule")
    link = why.locator("[data-cite=weak-answers] a")
    assert link.get_attribute("href") == rule["source"]["url"]
    assert rule["source"]["url"] in why.inner_text(), "the address is shown, for print too"
    assert rule["reason"] in why.inner_text()
    assert why.locator(".jtai-our-reading").inner_text().startswith("The site’s own reading:")

    show_report(sa, "answered")
    report = page.locator(".jtai-view")
    assert "Of the 21 criteria, 6 have an outcome." in report.inner_text()
    block = page.locator(".jtai-report-criterion[data-criterion=EC1]")
    assert block.locator(".jtai-badge").first.get_attribute("data-value") == "area-for-improvement"
    assert "Held back from No significant finding" in block.inner_text()

    page.click(".jtai-nav-btn[data-view=start]")
    _, text = download(sa, "[data-action=export-csv]")
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    header = rows[0]
    ec1 = next(r for r in rows if r[header.index("Indicator")] == "EC1.1")
    assert ec1[header.index("Suggested outcome")] == "Area for improvement"
    assert ec1[header.index("Held back by a weak answer")].startswith(
        "Held back from No significant"
    )


# ---------------------------------------------------------------------------------------------
# Export, import


def test_export_clear_import_and_compare_field_by_field(sa_open, tmp_path):
    sa = sa_open()
    fill_answers(sa, SITE_CASE["answers"])
    sa.page.click(".jtai-nav-btn[data-view=start]")
    sa.page.locator(".jtai-respondent").get_by_label("Partnership").fill("Anytown")
    name, text = download(sa, "[data-action=save-copy]")
    assert name.endswith(".json") and name.startswith("jtai-")
    exported = json.loads(text)
    schema = json.loads(EXPORT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(
        exported, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert exported["format"] == "jtai-ready-assessment"
    assert exported["framework_id"] == data(sa)["framework"]["id"]
    assert exported == sa.current()
    for cid, answer in SITE_CASE["answers"].items():
        got = exported["answers"][cid]
        assert got["indicators"] == answer["indicators"], cid
        for key, value in answer.get("evidence", {}).items():
            assert got["evidence"][key] == value
        assert got["override"] == answer.get("override"), cid
        assert [(a["what"], a["lead"], a["due"], a["status"]) for a in got["actions"]] == [
            (a["what"], a["lead"], a["due"], a["status"]) for a in answer.get("actions", [])
        ]

    item = sa.page.locator(f".jtai-saved-item[data-id={exported['id']}]")
    item.locator("[data-action=delete]").click()
    sa.page.click("dialog [data-choice=delete]")
    assert exported["id"] not in sa.records()

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    message = import_file(sa, path)
    assert "was imported and is now open" in message
    assert sa.records()[exported["id"]] == exported
    open_criterion(sa, "EC6")
    assert sa.page.locator('[data-group="EC6.1"] input[data-value="partly"]').is_checked()
    assert (
        sa.page.locator(".jtai-override-reason textarea").input_value()
        == (SITE_CASE["answers"]["EC6"]["override"]["reason"])
    )

    # The same file again: it asks first; cancel, then copy, then replace.
    for choice, expect in (
        ("cancel", "You cancelled"),
        ("copy", "as a copy"),
        ("replace", "replaced"),
    ):
        before = sa.records()
        sa.page.click(".jtai-nav-btn[data-view=start]")
        sa.page.set_input_files("input[data-action=import]", str(path))
        dialog = sa.page.locator("dialog.jtai-dialog")
        assert "same assessment as one already saved" in dialog.inner_text()
        dialog.locator(f"[data-choice={choice}]").click()
        assert expect in sa.page.inner_text(".jtai-import-status")
        after = sa.records()
        if choice == "cancel":
            assert after == before
        elif choice == "copy":
            assert len(after) == len(before) + 1
            copy = next(r for i, r in after.items() if i not in before)
            assert copy["answers"] == exported["answers"]
            assert copy["title"].endswith("(imported copy)")
        else:
            assert len(after) == len(before)
            assert after[exported["id"]] == exported


def test_csv_export_opens_cleanly_in_a_spreadsheet(sa_open):
    sa = sa_open()
    answers = {
        "EC1": {
            "indicators": {"EC1.1": "mostly", "EC1.2": "dont-know"},
            "evidence": {"know": '=HYPERLINK("x") and "quotes", commas'},
            "actions": [
                {
                    "what": "-1 referrals",
                    "lead": "police",
                    "due": "2025-06-30",
                    "status": "not-started",
                }
            ],
        }
    }
    fill_answers(sa, answers)
    sa.page.click(".jtai-nav-btn[data-view=start]")
    fill_date_boxes(sa.page.get_by_role("group", name="Date of this assessment"), "2025-03-04")
    name, text = download(sa, "[data-action=export-csv]")
    assert name.endswith(".csv")
    assert text.startswith("\ufeff")
    body = text[1:]
    assert body.endswith("\r\n") and "\r\n" in body
    rows = list(csv.reader(io.StringIO(body, newline="")))
    header = rows[0]
    total = sum(len(c["indicators"]) for c in data(sa)["criteria"])
    assert len(rows) == total + 1
    row = next(r for r in rows if r[header.index("Indicator")] == "EC1.1")
    assert row[header.index("Rating")] == "Mostly"
    assert row[header.index("Date")] == "04/03/2025"
    assert row[header.index("Criterion score")] == "3.00"
    assert row[header.index("What do we know?")] == '\'=HYPERLINK("x") and "quotes", commas'
    assert row[header.index("Actions")].startswith("'-1 referrals (Police; due 30/06/2025;")


@pytest.mark.parametrize(
    "case", [c for c in import_cases() if c["code"] != "ok"], ids=lambda c: c["file"]
)
def test_bad_import_files_give_a_clear_message_and_change_nothing(sa_open, case):
    sa = sa_open()
    fill_answers(sa, {"EC4": {"indicators": {"EC4.1": "mostly"}}})
    before = sa.storage()
    message = import_file(sa, IMPORTS / case["file"])
    assert "Import failed." in message
    assert REFUSALS[case["code"]] in message, message
    assert NOTHING_CHANGED in message
    assert sa.storage() == before
    assert sa.page.evaluate("() => document.activeElement.classList.contains('jtai-import-status')")


def test_a_30_mb_file_is_refused_without_being_read(sa_open, tmp_path):
    sa = sa_open()
    big = tmp_path / "huge.json"
    with big.open("w", encoding="utf-8") as f:
        f.write('{"format": "jtai-ready-assessment", "padding": "')
        f.write("x" * (30 * 1024 * 1024))
        f.write('"}')
    before = sa.storage()
    message = import_file(sa, big)
    assert "too big to be a self-assessment export (30.0 MB; the limit is 5.0 MB)" in message
    assert NOTHING_CHANGED in message
    assert sa.storage() == before


def test_markup_in_an_imported_file_is_shown_as_text_and_never_run(sa_open):
    sa = sa_open()
    before = sa.storage()
    message = import_file(sa, IMPORTS / "markup.json")
    assert "looks like web page code" in message and "imported as plain text" in message
    source = json.loads((IMPORTS / "markup.json").read_text(encoding="utf-8"))
    for key, value in before.items():  # nothing saved before was changed
        if key != "jtai-ready:current":
            assert sa.storage()[key] == value
    assert source["title"] in sa.page.inner_text(".jtai-saved-open .jtai-saved-name")
    assert source["title"] in sa.page.inner_text(".jtai-current-title")
    open_criterion(sa, "EC1")
    assert (
        sa.page.get_by_label("What do we know?").input_value()
        == (source["answers"]["EC1"]["evidence"]["know"])
    )
    show_report(sa, "answered")
    report = sa.page.inner_text("#jtai-view")
    assert "<script>window.__jtaiPwned=1</script>" in report
    assert '<a href="javascript:window.__jtaiPwned=1">click</a>' in report
    assert sa.page.evaluate("() => window.__jtaiPwned") is None
    assert (
        sa.page.locator(
            ".jtai-sa img, .jtai-sa script, .jtai-sa em, .jtai-sa a[href^=javascript]"
        ).count()
        == 0
    )


# ---------------------------------------------------------------------------------------------
# Several assessments, storage problems


def test_several_assessments_side_by_side(sa_open):
    sa = sa_open()
    first = sa.current()["id"]
    fill_answers(sa, {"EC2": {"indicators": {"EC2.1": "partly"}}})
    sa.page.click(".jtai-nav-btn[data-view=start]")
    sa.page.click("[data-action=new]")
    second = sa.current()["id"]
    assert second != first and len(sa.records()) == 2

    sa.page.locator(f".jtai-saved-item[data-id={second}] [data-action=rename]").click()
    sa.page.get_by_label("New name").fill("Health view")
    sa.page.click("dialog [data-choice=rename]")
    assert sa.records()[second]["title"] == "Health view"
    assert sa.page.inner_text(".jtai-current-title") == "Health view"

    sa.page.locator(f".jtai-saved-item[data-id={first}] [data-action=duplicate]").click()
    records = sa.records()
    assert len(records) == 3
    copy = next(r for i, r in records.items() if i not in (first, second))
    assert copy["answers"] == records[first]["answers"]
    assert copy["title"].startswith("Copy of ")

    delete = sa.page.locator(f".jtai-saved-item[data-id={first}] [data-action=delete]")
    delete.click()
    assert "cannot be undone" in sa.page.inner_text("dialog.jtai-dialog")
    sa.page.keyboard.press("Escape")
    assert first in sa.records()
    assert sa.page.evaluate("() => document.activeElement.dataset.action") == "delete"
    delete.click()
    sa.page.click("dialog [data-choice=cancel]")
    assert first in sa.records()
    delete.click()
    sa.page.click("dialog [data-choice=delete]")
    assert first not in sa.records() and len(sa.records()) == 2

    sa.page.locator(f".jtai-saved-item[data-id={copy['id']}] [data-action=open]").click()
    assert sa.current()["id"] == copy["id"]
    sa.reload()
    assert sa.page.evaluate("() => JTAI.apps['self-assessment'].record.id") == copy["id"]


def test_a_change_in_another_tab_is_noticed(sa_open):
    sa = sa_open()
    other = sa.page.context.new_page()
    other.goto(sa.url)
    other.wait_for_selector(".jtai-bar")
    assert other.evaluate("() => JTAI.apps['self-assessment'].record.id") == sa.current()["id"]
    other.click(".jtai-nav-btn[data-view=criteria]")
    other.click(".jtai-crit-item[data-criterion=EC8] .jtai-crit-link")
    other.click('[data-group="EC8.1"] input[data-value="mostly"]')
    alert = sa.page.locator(".jtai-alerts")
    alert.get_by_text("changed in another tab").wait_for()
    alert.get_by_role("button", name="Load the latest version").click()
    answers = sa.page.evaluate("() => JTAI.apps['self-assessment'].record.answers")
    assert answers["EC8"]["indicators"] == {"EC8.1": "mostly"}
    assert alert.inner_text() == ""


QUOTA = """
window.__failSaves = false;
const realSet = Storage.prototype.setItem;
Storage.prototype.setItem = function (k, v) {
  if (window.__failSaves && k.startsWith('jtai-ready:assessment:')) {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
  return realSet.call(this, k, v);
};
"""

DISABLED = """
Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); }
});
"""


def test_storage_full_is_told_with_export_offered(sa_open):
    sa = sa_open(init_script=QUOTA)
    open_criterion(sa, "EC3")
    sa.page.evaluate("() => { window.__failSaves = true; }")
    rate(sa, "EC3.1", "mostly")
    alert = sa.page.locator(".jtai-alerts")
    assert "Your latest changes are not saved." in alert.inner_text()
    assert "storage for this site is full" in alert.inner_text()
    assert alert.get_attribute("role") == "alert"
    _, text = download(sa, ".jtai-alerts button")
    assert json.loads(text)["answers"]["EC3"]["indicators"] == {"EC3.1": "mostly"}
    sa.page.evaluate("() => { window.__failSaves = false; }")
    rate(sa, "EC3.2", "partly")
    assert alert.inner_text() == ""
    assert sa.current()["answers"]["EC3"]["indicators"] == {"EC3.1": "mostly", "EC3.2": "partly"}


def test_storage_turned_off_still_lets_people_work_and_export(sa_open):
    sa = sa_open(init_script=DISABLED)
    assert "does not let this page save" in sa.page.inner_text(".jtai-alerts")
    assert "Not saved" in sa.page.inner_text(".jtai-saved")
    open_criterion(sa, "EC5")
    rate(sa, "EC5.1", "consistently")
    assert "Average rating 4.00" in sa.page.inner_text(".jtai-scorebox")
    _, text = download(sa, "[data-action=save-copy]")
    assert json.loads(text)["answers"]["EC5"]["indicators"] == {"EC5.1": "consistently"}


# ---------------------------------------------------------------------------------------------
# Per-criterion behaviour


def test_override_needs_a_reason_and_shows_everywhere(sa_open):
    sa = sa_open()
    fill_answers(sa, {"EC9": {"indicators": {"EC9.1": "consistently", "EC9.2": "consistently"}}})
    sa.page.check(".jtai-outcome input[type=checkbox]")
    sa.page.select_option(".jtai-override-panel select", "area-for-improvement")
    error = sa.page.locator("[data-override-error]")
    assert "Give a reason" in error.inner_text()
    assert sa.page.get_attribute(".jtai-override-reason textarea", "aria-invalid") == "true"
    assert "Override not applied" in sa.page.inner_text(".jtai-scorebox")
    sa.page.fill(".jtai-override-reason textarea", "Audit found gaps in ambulance referrals.")
    assert error.inner_text() == ""
    assert "Your outcome: Area for improvement (override)" in sa.page.inner_text(".jtai-scorebox")

    go_to_criteria(sa)
    assert "your override" in sa.page.inner_text(".jtai-crit-item[data-criterion=EC9]")
    sa.page.click(".jtai-nav-btn[data-view=results]")
    row = sa.page.locator("table[data-table=criteria] tr[data-criterion=EC9]")
    assert row.locator("[data-field=suggested]").get_attribute("data-value") == "strength"
    assert row.locator("[data-field=outcome]").get_attribute("data-value") == "area-for-improvement"
    assert "Audit found gaps" in sa.page.inner_text("ul[data-list=area-for-improvement]")
    show_report(sa, "answered")
    assert "Reason for the override: Audit found gaps" in sa.page.inner_text("#jtai-view")
    _, text = download(sa, "[data-action=export-csv]")
    assert "Audit found gaps in ambulance referrals." in text


def test_a_strength_with_no_evidence_is_flagged(sa_open):
    sa = sa_open()
    fill_answers(sa, {"EC10": {"indicators": {"EC10.1": "consistently", "EC10.2": "consistently"}}})
    box = sa.page.locator(".jtai-scorebox")
    assert box.locator("[data-flag=no-evidence]").count() == 1
    sa.page.fill(".jtai-prompt-doing textarea", "Planning a review.")
    assert box.locator("[data-flag=no-evidence]").count() == 1
    sa.page.fill(".jtai-prompt-how textarea", "Case audit in March.")
    assert box.locator("[data-flag=no-evidence]").count() == 0


def test_child_details_warn_without_blocking(sa_open):
    sa = sa_open()
    open_criterion(sa, "EC11")
    field = sa.page.locator(".jtai-prompt-know textarea")
    field.click()
    sa.page.keyboard.type("Child DOB 12/03/2010, NHS 943 476 5919, lives SW1A 1AA")
    warning = sa.page.locator(".jtai-prompt-know .jtai-pii")
    warning.get_by_text("Do not enter information about individual children").wait_for()
    assert warning.get_attribute("role") == "status"
    text = warning.inner_text()
    assert "an NHS number" in text and "a date of birth" in text and "a full postcode" in text
    assert field.input_value().endswith("SW1A 1AA")
    assert sa.current()["answers"]["EC11"]["evidence"]["know"].endswith("SW1A 1AA")
    field.fill("Strategy meetings are held within 3 working days.")
    sa.page.locator(".jtai-prompt-know .jtai-pii:empty").wait_for(state="attached")
    assert warning.inner_text() == ""


def test_results_changes_are_announced_politely(sa_open):
    sa = sa_open()
    open_criterion(sa, "EC4")
    live = sa.page.locator("#jtai-live")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    rate(sa, "EC4.1", "mostly")
    sa.page.wait_for_function(
        "() => document.getElementById('jtai-live').textContent.startsWith('EC4: score 3.00')"
    )
    assert "suggested outcome No significant finding" in live.inner_text()


def test_actions_can_be_added_and_removed(sa_open):
    sa = sa_open()
    open_criterion(sa, "EC12")
    add_action(sa, "Second", "health", "2025-09-01", "not-started")
    add_action(sa, "First", "csp", "2025-07-01", "in-progress")
    add_action(sa, "Done already", "leaders", "2020-01-01", "done")
    assert len(sa.current()["answers"]["EC12"]["actions"]) == 3
    sa.page.locator(".jtai-action").nth(2).locator("[data-action=remove-action]").click()
    assert sa.page.evaluate("() => document.activeElement.dataset.action") == "add-action"
    assert [a["what"] for a in sa.current()["answers"]["EC12"]["actions"]] == ["Second", "First"]
    sa.page.click(".jtai-nav-btn[data-view=results]")
    whats = sa.page.locator("table[data-table=actions] tbody tr td:nth-child(3)").all_inner_texts()
    assert whats == ["First", "Second"]


# ---------------------------------------------------------------------------------------------
# Print, accessibility, small screens, file://


def test_printing_from_another_view_prints_the_summary_by_default(sa_open):
    sa = sa_open()
    fill_answers(sa, {k: SITE_CASE["answers"][k] for k in ("EC1", "EC6", "EC17")})
    sa.page.click(".jtai-nav-btn[data-view=results]")
    sa.page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    sa.page.click("[data-action=print]")
    assert sa.page.evaluate("() => window.__printed") is True
    sa.page.emulate_media(media="print")
    assert sa.page.locator("#jtai-print").is_visible()
    assert not sa.page.locator("#jtai-view").is_visible()
    assert not sa.page.locator(".md-header").is_visible()
    assert not sa.page.locator(".jtai-nav").is_visible()
    report = sa.page.inner_text("#jtai-print")
    assert "Overall" in report and "Actions by due date" in report
    assert "Evaluate the town centre patrol pilot" in report, "the actions table is in the summary"
    assert "Answers, evidence and actions" not in report, "no criterion in full by default"
    assert "How the numbers were worked out" not in report, "explanations stay on screen"
    sa.page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    sa.page.emulate_media(media="screen")
    assert sa.page.inner_text("#jtai-print") == ""


def test_the_print_choices_show_what_they_say_on_few_pages(sa_open):
    """Issue 13: with two criteria rated, the summary and "the criteria you answered" each print
    on at most 6 A4 pages; "every criterion" prints them all. The choice is kept."""
    sa = sa_open()
    fill_answers(sa, {k: SITE_CASE["answers"][k] for k in ("EC1", "EC6")})
    titles = [f"{c['id']}: {c['title']}" for c in data(sa)["criteria"]]
    pages = {}
    for which in ("summary", "answered", "all"):
        show_report(sa, which)
        text = sa.page.inner_text("#jtai-view")
        shown = [t for t in titles if t in text]
        want = {"summary": [], "answered": [titles[0], titles[5]], "all": titles}[which]
        assert shown == want, which
        pages[which] = pdf_pages(sa.page)
    print(f"self-assessment report pages with two criteria rated: {pages}")
    assert pages["summary"] <= 6 and pages["answered"] <= 6, pages
    assert pages["summary"] < pages["answered"] < pages["all"], pages
    sa.reload()
    sa.page.click(".jtai-nav-btn[data-view=report]")
    assert sa.page.locator("[data-group=print-choice] input[value=all]").is_checked()


def test_a_print_choice_the_page_does_not_know_falls_back_to_the_summary(sa_open):
    sa = sa_open()
    sa.page.evaluate(
        "k => localStorage.setItem(k, '\"<b>everything</b>\"')",
        "jtai-ready:view:self-assessment-print",
    )
    sa.reload()
    sa.page.click(".jtai-nav-btn[data-view=report]")
    assert sa.page.locator("[data-group=print-choice] input[value=summary]").is_checked()
    assert "Answers, evidence and actions" not in sa.page.inner_text("#jtai-view")


def test_the_page_reopens_where_the_person_left_off(sa_open):
    sa = sa_open()
    open_criterion(sa, "EC7")
    sa.reload()
    sa.page.wait_for_selector("article.jtai-criterion[data-criterion=EC7]")
    current = sa.page.locator(".jtai-nav-btn[aria-current=page]")
    assert current.get_attribute("data-view") == "criteria"
    sa.page.click(".jtai-nav-btn[data-view=results]")
    sa.reload()
    assert sa.page.locator(".jtai-nav-btn[aria-current=page]").get_attribute("data-view") == (
        "results"
    )
    sa.page.evaluate(
        """() => localStorage.setItem('jtai-ready:view:self-assessment-place', JSON.stringify(
             {id: JTAI.apps['self-assessment'].record.id, view: 'criteria', criterion: 'EC99'}))"""
    )
    sa.reload()
    sa.page.wait_for_selector(".jtai-crit-list")  # a criterion no longer there: the list
    sa.page.evaluate(
        """() => localStorage.setItem('jtai-ready:view:self-assessment-place',
             JSON.stringify({id: 'sa-someone-else', view: 'report', criterion: null}))"""
    )
    sa.reload()
    assert sa.page.locator(".jtai-nav-btn[aria-current=page]").get_attribute("data-view") == (
        "start"
    ), "a place kept for another assessment is not used"


def test_answering_for_marks_the_criteria_the_agency_guide_lists(sa_open):
    sa = sa_open()
    assessment = data(sa)
    police = next(a for a in assessment["agencies"] if a["id"] == "police")
    mine = [c["id"] for c in assessment["criteria"] if "police" in c["agencies"]]
    assert 0 < len(mine) < len(assessment["criteria"]), "the test needs some criteria, not all"
    sa.page.get_by_label("Answering for").select_option("police")
    go_to_criteria(sa)
    marked = sa.page.locator(".jtai-crit-item[data-mine=true]")
    assert marked.evaluate_all("els => els.map(e => e.dataset.criterion)") == mine
    assert marked.first.locator(".jtai-tag-mine").inner_text() == "For your agency"
    note = sa.page.locator("[data-agency-note=police]").inner_text()
    assert police["name"] in note and ", ".join(mine) in note
    _axe_clean(sa, "criteria list answering for the police")
    sa.page.click(".jtai-nav-btn[data-view=start]")
    sa.page.get_by_label("Answering for").select_option(assessment["assessment"]["jointly"]["id"])
    go_to_criteria(sa)
    assert sa.page.locator(".jtai-crit-item[data-mine=true]").count() == 0
    assert sa.page.locator("[data-agency-note]").count() == 0


def _axe_clean(sa: SAPage, where: str, context: str | None = ".jtai-wrap") -> None:
    violations = sa.axe(context)
    assert not violations, f"{where}:\n{describe_violations(violations)}"


def test_axe_finds_no_wcag_22_aa_violations(sa_open):
    """The whole page once, then the self-assessment's own part in every state."""
    sa = sa_open()
    _axe_clean(sa, "whole page at start", context=None)
    go_to_criteria(sa)
    _axe_clean(sa, "criteria list")
    fill_answers(sa, {"EC6": SITE_CASE["answers"]["EC6"]})
    sa.page.fill(".jtai-prompt-know textarea", "NHS 943 476 5919")
    sa.page.locator(".jtai-prompt-know .jtai-pii").get_by_text("NHS number").wait_for()
    sa.page.click("[data-action=add-action]")
    _axe_clean(sa, "criterion form")
    sa.page.click(".jtai-nav-btn[data-view=results]")
    sa.page.click(".jtai-explain summary")
    _axe_clean(sa, "results")
    sa.page.click(".jtai-nav-btn[data-view=report]")
    _axe_clean(sa, "report")
    sa.page.click(".jtai-nav-btn[data-view=results]")
    sa.page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    sa.page.emulate_media(media="print")
    _axe_clean(sa, "print view")
    sa.page.emulate_media(media="screen")
    sa.page.click(".jtai-nav-btn[data-view=start]")
    sa.page.locator(".jtai-saved-open [data-action=rename]").click()
    _axe_clean(sa, "rename dialog")


def test_nothing_scrolls_sideways_at_320_px(sa_open):
    sa = sa_open(width=320, height=640)
    assert sa.no_horizontal_scroll(), "start"
    fill_answers(sa, {"EC16": {"indicators": {"EC16.1": "mostly"}}})
    add_action(sa, "A long action description " * 5, "leaders", "2025-08-01", "in-progress")
    set_override(sa, "potential-priority-action", "Because.")
    assert sa.no_horizontal_scroll(), "criterion form"
    go_to_criteria(sa)
    assert sa.no_horizontal_scroll(), "criteria list"
    for view in ("results", "report"):
        sa.page.click(f".jtai-nav-btn[data-view={view}]")
        assert sa.no_horizontal_scroll(), view


def test_works_opened_from_a_downloaded_folder(sa_browser, sa_site):
    context = sa_browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((sa_site / "self-assessment.html").as_uri())
        page.wait_for_selector(".jtai-bar")
        page.click(".jtai-nav-btn[data-view=criteria]")
        page.click(".jtai-crit-item[data-criterion=EC7] .jtai-crit-link")
        page.click('[data-group="EC7.1"] input[data-value="rarely"]')
        page.reload()
        page.wait_for_selector(".jtai-bar")
        saved = page.evaluate("() => JTAI.apps['self-assessment'].record.answers.EC7.indicators")
        assert saved == {"EC7.1": "rarely"}
        assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in requests), requests
        assert not errors
    finally:
        context.close()
