"""Browser tests of the Partnership view (site/partnership.html) in headless Chromium.

Every test loads real exports made by the self-assessment itself (`pv_exports`: the form filled in
for five agencies, then "Save a copy to a file"), never hand-written JSON, and checks the page
against the hand-worked expectations in partnership_support.py. Pages open in a fresh browser
context with the clock at 2 June 2025; any request to a host other than 127.0.0.1 and any
console error fails the test (assessment_support.sa_open).
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import jsonschema
import pytest
from assessment_support import (
    EXPORT_SCHEMA,
    describe_violations,
    sa_browser,
    sa_open,
    sa_origin,
    sa_site,
)
from browser_support import horizontal_overflow, open_chooser_by_keyboard
from partnership_support import (
    ACTION_GROUPS,
    AGENCY_NAME,
    AGENCY_ORDER,
    COMPARE,
    COVERAGE,
    DIFFER,
    EXPECTED,
    FLAGGED,
    OUTCOME,
    OVERDUE,
    POLICE_EVIDENCE,
    POLICE_LATER_DATE,
    PV_PAGE,
    PV_SCHEMA,
    SCENARIO,
    TODAY_ISO,
    TOTALS,
    Made,
    PVPage,
    column,
    copy_as,
    pv_exports,
    pv_open,
    set_respondent,
)
from test_assessment import fill_answers

__all__ = ["pv_exports", "pv_open", "sa_browser", "sa_open", "sa_origin", "sa_site"]

pytestmark = pytest.mark.browser

VIEWS = ("load", "agencies", "evidence", "time", "positions", "report")
DONT_KNOW = "Don’t know only"
NOT_ASSESSED = "Not assessed"
STATUS_LABEL = {"not-started": "Not started", "in-progress": "In progress", "done": "Done"}
STATUS_WORDS = {
    "disagree": "Agencies disagree (2 bands apart)",
    "differ": "Agencies differ by one band",
    "agree": "Agencies agree",
    "single": "Rated by one agency only",
    "none": "Not rated by any agency",
}


def long_date(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    months = "January February March April May June July August September October November December"
    return f"{day} {months.split()[month - 1]} {year}"


def data(pv: PVPage) -> dict[str, Any]:
    return pv.page.evaluate("() => JTAI.data.assessment")


def grid_texts(pv: PVPage) -> dict[str, list[str]]:
    """Every grid row's cells as text, by criterion (agency cells, spread and agreement)."""
    pv.show("agencies")
    return dict(
        pv.page.locator("table.jtai-pv-grid tbody tr[data-criterion]").evaluate_all(
            "rows => rows.map(r => [r.dataset.criterion,"
            " Array.from(r.querySelectorAll('td')).map(td => td.innerText.trim())])"
        )
    )


def ids_in(pv: PVPage, selector: str) -> list[str]:
    return pv.page.locator(selector).evaluate_all("els => els.map(e => e.dataset.criterion)")


def cell_text(outcome: str, score: str | None) -> str:
    if outcome == "dont-know":
        return DONT_KNOW
    if outcome == "not-assessed":
        return NOT_ASSESSED
    return f"{OUTCOME[outcome]} {score}"


def axe_clean(pv: PVPage, where: str, context: str | None = ".jtai-wrap") -> None:
    violations = pv.sa.axe(context)
    assert not violations, f"{where}:\n{describe_violations(violations)}"


def no_sideways_scroll(pv: PVPage, where: str) -> None:
    found = horizontal_overflow(pv.page)
    assert found["scrollWidth"] <= found["clientWidth"], f"{where}: {found}"


# ---------------------------------------------------------------------------------------------
# The exports the tests use


def test_the_exports_are_the_self_assessments_own(pv_exports):
    schema = json.loads(EXPORT_SCHEMA.read_text(encoding="utf-8"))
    for key, record in pv_exports.records.items():
        jsonschema.validate(record, schema)
        assert record["format"] == "jtai-ready-assessment", key
    for made in SCENARIO:
        record = pv_exports.records[made.key]
        assert record["respondent"]["agency"] == made.agency
        assert record["respondent"]["date"] == made.date
        for cid, answer in made.answers.items():
            assert record["answers"][cid]["indicators"] == answer["indicators"], (made.key, cid)
    assert pv_exports.records["health"]["answers"]["EC4"]["override"] == {
        "outcome": "area-for-improvement",
        "reason": "Audit found gaps in ambulance referrals.",
    }
    before, after = pv_exports.records["police"], pv_exports.records["police-later"]
    assert after["id"] == before["id"] and after["updated"] > before["updated"]
    assert after["respondent"]["date"] == POLICE_LATER_DATE
    assert "EC5.1" not in after["answers"]["EC5"]["indicators"]
    assert after["answers"]["EC1"]["actions"][0]["status"] == "done"


# ---------------------------------------------------------------------------------------------
# Agencies compared


def test_five_agencies_side_by_side(pv_open, pv_exports):
    pv = pv_open()
    status = pv.load(pv_exports.five())
    assert {name: cls for name, (cls, _) in status.items()} == {
        f"{k}.json": "is-added" for k in AGENCY_ORDER
    }
    assert pv.loaded_count() == 5
    assert pv.page.evaluate(
        "() => document.activeElement.classList.contains('jtai-pv-load-status')"
    )
    assert pv.page.locator("table.jtai-pv-loaded tbody tr[data-assessment]").count() == 5
    for made in SCENARIO:
        record = pv_exports.records[made.key]
        row = pv.page.locator(
            f'table.jtai-pv-loaded tr[data-assessment="{record["id"]}|{record["updated"]}"]'
        )
        text = row.inner_text()
        assert AGENCY_NAME[made.agency] in text and long_date(made.date) in text, text
        assert "In the grid" in text and f"{made.key}.json" in text, "the source file"

    assert pv.grid_columns() == [column(a) for a in AGENCY_ORDER]
    for made in SCENARIO:
        head = pv.page.inner_text(
            f'table.jtai-pv-grid thead th[data-column="{column(made.agency)}"]'
        )
        assert AGENCY_NAME[made.agency] in head and long_date(made.date) in head, head

    for cid, want in EXPECTED.items():
        row = pv.page.locator(f"table.jtai-pv-grid tbody tr[data-criterion={cid}]")
        for agency, (outcome, score) in want["cells"].items():
            cell = pv.cell(cid, agency)
            state = outcome if outcome in ("dont-know", "not-assessed") else "rated"
            assert cell.get_attribute("data-state") == state, (cid, agency)
            assert cell.get_attribute("data-outcome") == ("" if state != "rated" else outcome)
            assert cell.inner_text().strip().startswith(cell_text(outcome, score)), (cid, agency)
        (low, low_who), median, (high, high_who) = want["spread"]
        low_text = row.locator("td[data-spread=low]").inner_text()
        high_text = row.locator("td[data-spread=high]").inner_text()
        assert low_text.startswith(low) and high_text.startswith(high), (cid, low_text, high_text)
        for agency in low_who:
            assert AGENCY_NAME[agency] in low_text, (cid, agency)
        for agency in high_who:
            assert AGENCY_NAME[agency] in high_text, (cid, agency)
        others = set(AGENCY_ORDER) - set(low_who)
        assert not [a for a in others if AGENCY_NAME[a] in low_text], (cid, low_text)
        assert row.locator("td[data-spread=median]").inner_text().strip() == median, cid
        agreement = row.locator("td[data-agreement]")
        assert agreement.get_attribute("data-agreement") == want["status"], cid
        assert agreement.inner_text().strip() == STATUS_WORDS[want["status"]], cid
    assert "(overridden)" in pv.cell("EC4", "health").inner_text()
    assert "(overridden)" not in pv.cell("EC4", "police").inner_text()

    # Criteria nobody rated: every cell "Not assessed", no spread, "Not rated by any agency".
    cells = pv.page.locator("table.jtai-pv-grid tbody td[data-state]")
    states = cells.evaluate_all("els => els.map(e => e.dataset.state)")
    assert len(states) == 21 * 5
    assert states.count("rated") == sum(c[0] for c in COVERAGE.values()) == 18
    assert states.count("dont-know") == 1
    ec21 = pv.page.locator("table.jtai-pv-grid tbody tr[data-criterion=EC21]")
    assert ec21.locator("td[data-agreement=none]").count() == 1
    assert ec21.locator("td[data-state=not-assessed]").count() == 5

    # Where agencies disagree: EC1 first, then EC5; who is at the top and at the bottom.
    assert ids_in(pv, ".jtai-pv-flags ol li[data-criterion]") == FLAGGED
    ec1 = pv.page.inner_text(".jtai-pv-flags ol li[data-criterion=EC1]")
    assert "2 bands" in ec1
    top, bottom = ec1.index("Police"), ec1.index("Health services")
    assert "Strength 4.00" in ec1[top:] and "Area for improvement 2.00" in ec1[bottom:]
    for agency in EXPECTED["EC1"]["top"] + EXPECTED["EC1"]["bottom"]:
        assert AGENCY_NAME[agency] in ec1
    for agency in ("social-care", "education"):  # neither at the top nor the bottom
        assert AGENCY_NAME[agency] not in ec1
    ec5 = pv.page.inner_text(".jtai-pv-flags ol li[data-criterion=EC5]")
    assert "Potential area for priority action 1.00" in ec5 and "Police" in ec5
    assert ids_in(pv, ".jtai-pv-differ li[data-criterion]") == DIFFER

    summary = pv.page.inner_text(".jtai-pv-summary")
    assert re.search(r"\b5 agencies\b", summary), summary
    for status, n in TOTALS.items():
        words = STATUS_WORDS[status].split(" (")[0]
        assert re.search(re.escape(words) + r"\D*" + str(n) + r" criteri", summary), (
            status,
            summary,
        )

    for agency, (rated, dont_know, not_assessed) in COVERAGE.items():
        row = pv.page.locator(f'table.jtai-pv-coverage tr[data-column="{column(agency)}"]')
        assert AGENCY_NAME[agency] in row.locator("th[scope=row]").inner_text()
        numbers = [int(re.findall(r"^\d+", t)[0]) for t in row.locator("td").all_inner_texts()]
        assert numbers == [rated, dont_know, not_assessed], agency
        assert all("of 21" in t for t in row.locator("td").all_inner_texts())


def test_tables_have_captions_and_header_scopes(pv_open, pv_exports):
    pv = pv_open()
    pv.load(pv_exports.five())
    loaded = pv.page.locator("table.jtai-pv-loaded")
    assert loaded.locator("caption").inner_text().strip()
    assert loaded.locator("thead th").count() == loaded.locator("thead th[scope=col]").count() > 0
    for row in loaded.locator("tbody tr").all():
        label = row.locator("button[data-action=remove]").evaluate(
            "b => b.textContent + (b.getAttribute('aria-label') || '')"
        )
        assert any(m.title in label for m in SCENARIO), label

    pv.show("agencies")
    scroll = pv.page.locator("div.jtai-pv-scroll:has(table.jtai-pv-grid)")
    assert scroll.get_attribute("tabindex") == "0" and scroll.get_attribute("role") == "region"
    assert scroll.get_attribute("aria-label")
    grid = scroll.locator("table.jtai-pv-grid")
    assert grid.locator("caption").inner_text().strip()
    heads = grid.locator("thead th").evaluate_all(
        "els => els.map(e => [e.getAttribute('scope'), e.innerText.trim()])"
    )
    assert all(scope == "col" for scope, _ in heads), heads
    assert [text for _, text in heads][-4:] == ["Lowest", "Median", "Highest", "Agreement"]
    rows = grid.locator("tbody tr")
    assert rows.count() == 21
    for n, row in enumerate(rows.all(), start=1):
        first = row.locator(":scope > *").first
        assert first.evaluate("e => e.tagName") == "TH" and first.get_attribute("scope") == "row"
        assert first.inner_text().startswith(f"EC{n}")
    assert (
        grid.locator("tbody tr[data-criterion=EC1] th")
        .inner_text()
        .startswith("EC1: Identifying and reducing risk")
    )
    coverage = pv.page.locator("table.jtai-pv-coverage")
    assert coverage.locator("caption").inner_text().strip()
    assert coverage.locator("tbody th[scope=row]").count() == 5
    assert coverage.locator("thead th[scope=col]").count() == 4


# ---------------------------------------------------------------------------------------------
# Other ways in: drag and drop, saved in this browser, a partnership file


DROP_JS = """([files, target]) => {
  const dt = new DataTransfer();
  for (const [name, text] of files) {
    dt.items.add(new File([text], name, {type: 'application/json'}));
  }
  const zone = document.querySelector(target);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    zone.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));
  }
}"""


def test_dropping_files_on_the_drop_zone_loads_them(pv_open, pv_exports):
    pv = pv_open()
    before = pv.status_html()
    files = [[f"{k}.json", pv_exports.text(k)] for k in AGENCY_ORDER]
    pv.page.evaluate(DROP_JS, [files, ".jtai-pv-drop"])
    status = pv.confirm_load([name for name, _ in files], before)
    assert {cls for cls, _ in status.values()} == {"is-added"}
    assert pv.grid_columns() == [column(a) for a in AGENCY_ORDER]
    assert pv.cell("EC1", "police").inner_text().startswith("Strength 4.00")


def test_assessments_saved_in_this_browser_can_be_added(pv_open, sa_open):
    empty = pv_open()
    assert "No self-assessments are saved" in empty.page.inner_text(".jtai-pv-saved")
    assert empty.page.locator(".jtai-pv-saved input[data-saved-id]").count() == 0

    sa = sa_open()
    made = Made("saved", "Police, spring", "police", "2025-04-01", {})
    set_respondent(sa, made)
    fill_answers(sa, {"EC1": {"indicators": {"EC1.1": "mostly", "EC1.2": "consistently"}}})
    record = sa.current()

    pv = pv_open(sa=sa)  # the same page and context, so the same localStorage
    stored = pv.storage()
    assert pv.page.locator(".jtai-pv-saved input[type=checkbox][data-saved-id]").count() == 1
    box = pv.page.locator(f".jtai-pv-saved input[type=checkbox][data-saved-id={record['id']}]")
    label = pv.page.locator(f"label[for={box.get_attribute('id')}]").inner_text()
    assert "Police, spring" in label and "Police" in label and long_date("2025-04-01") in label
    box.check()
    before = pv.status_html()
    pv.page.click(".jtai-pv-saved [data-action=add-saved]")
    status = pv.wait_for_status(["Saved in this browser"], before)
    assert status["Saved in this browser"][0] == "is-added"
    assert pv.grid_columns() == [column("police")]
    assert pv.cell("EC1", "police").inner_text().startswith("Strength 3.50")
    assert pv.storage() == stored, "adding a saved assessment must not change what is saved"


def test_a_downloaded_partnership_file_loads_back_to_the_same_grid(pv_open, pv_exports, tmp_path):
    pv = pv_open()
    pv.load([*pv_exports.five(), pv_exports.paths["police-later"]])
    shown = grid_texts(pv)
    name, body = pv.download("section.jtai-pv-view button[data-action=export-json]")
    assert name == f"jtai-partnership-{TODAY_ISO}.json"
    exported = json.loads(body.decode("utf-8"))
    schema = json.loads(PV_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(exported, schema)
    assert exported["format"] == "jtai-ready-partnership"
    # With the later police assessment in the grid, EC5 is rated by social care alone (single),
    # and EC1 is still two bands apart (youth justice's Strength, health's Area for improvement).
    assert exported["flagged"] == ["EC1"]
    assert [c["key"] for c in exported["columns"]] == [column(a) for a in AGENCY_ORDER]
    assert len(exported["assessments"]) == 6
    ec1 = next(c for c in exported["criteria"] if c["id"] == "EC1")
    assert ec1["status"] == "disagree" and ec1["gap"] == 2
    assert ec1["spread"]["median"] == 3.0  # 2.00 3.00 3.00 3.25 3.75
    # The grid shows the later police assessment: EC1 is 3.00 there.
    assert ec1["cells"][column("police")]["score"] == 3.0
    overdue = [a["what"] for a in exported["actions"] if a["overdue"]]
    assert overdue == [OVERDUE]

    path = tmp_path / name
    path.write_bytes(body)
    fresh = pv_open()
    assert fresh.load([path])[name][0] == "is-added"
    assert fresh.loaded_count() == 6
    assert grid_texts(fresh) == shown

    # Into a page that already has one of its assessments: the rest are added, that one skipped.
    fresh = pv_open()
    fresh.load([pv_exports.paths["police"]])
    status = fresh.load([path])
    assert status[name][0] == "is-partly", status
    assert "5 assessments added" in status[name][1]
    assert "already loaded, from police.json" in status[name][1]
    assert fresh.loaded_count() == 6
    assert grid_texts(fresh) == shown


# ---------------------------------------------------------------------------------------------
# Bad files among good ones


def test_bad_files_are_refused_one_by_one_and_the_good_ones_load(pv_open, pv_exports, tmp_path):
    police = json.loads(pv_exports.text("police"))
    other = tmp_path / "other-framework.json"
    other.write_text(json.dumps({**police, "framework_id": "neglect-2019"}), encoding="utf-8")
    newer = tmp_path / "newer-version.json"
    newer.write_text(json.dumps({**police, "format_version": 9}), encoding="utf-8")
    broken = tmp_path / "not-json.json"
    broken.write_text(pv_exports.text("health")[:400], encoding="utf-8")
    picture = tmp_path / "logo.png"
    picture.write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")
        + bytes(range(256))
    )
    again = copy_as(pv_exports.paths["health"], tmp_path, "health-copy.json")
    files = [
        pv_exports.paths["social-care"],
        other,
        pv_exports.paths["police"],
        newer,
        pv_exports.paths["health"],
        broken,
        picture,
        again,
        pv_exports.paths["education"],
        pv_exports.paths["youth-justice"],
    ]
    pv = pv_open()
    status = pv.load(files)
    assert len(status) == len(files)
    for key in AGENCY_ORDER:
        assert status[f"{key}.json"][0] == "is-added", (key, status[f"{key}.json"])
    expected = {
        "other-framework.json": ("is-refused", "for a different inspection framework"),
        "newer-version.json": ("is-refused", "saved by a newer version of JTAI Ready"),
        "not-json.json": ("is-refused", "could not be read as JSON"),
        "logo.png": ("is-refused", "could not be read as JSON"),
        "health-copy.json": ("is-skipped", "already loaded, from health.json"),
    }
    for name, (cls, words) in expected.items():
        got_cls, text = status[name]
        assert got_cls == cls, (name, got_cls, text)
        assert words in text, (name, text)
    messages = [status[name][1] for name in expected]
    assert len(set(messages)) == len(messages), "each bad file has its own message"
    assert pv.loaded_count() == 5
    assert pv.grid_columns() == [column(a) for a in AGENCY_ORDER]


# ---------------------------------------------------------------------------------------------
# Evidence and actions


def test_every_agencys_evidence_and_one_action_list(pv_open, pv_exports):
    pv = pv_open()
    pv.load(pv_exports.five())
    view = pv.show("evidence")
    ec1 = view.locator("section.jtai-pv-criterion[data-criterion=EC1]")
    assert ec1.locator("h3").first.inner_text().strip() == "EC1: Identifying and reducing risk"
    shown = ec1.locator("[data-column]").evaluate_all("els => els.map(e => e.dataset.column)")
    assert shown == [column(a) for a in AGENCY_ORDER], "every agency rated EC1"
    police = ec1.locator(f'[data-column="{column("police")}"]').inner_text()
    prompts = {p["id"]: p["label"] for p in data(pv)["assessment"]["evidence_prompts"]}
    for key, text in POLICE_EVIDENCE.items():
        assert text in police and prompts[key] in police
    assert (
        police.index(prompts["know"])
        < police.index(prompts["how"])
        < police.index(prompts["doing"])
    )
    document = pv.page.evaluate(
        "() => JTAI.labels.documentLabels(JTAI.data.assessment.criteria[0])['A-list-4']"
    )
    assert document and document in police
    assert "High" in police and "Strength 4.00" in police
    assert (
        "Emergency department referrals rarely mention exploitation."
        in ec1.locator(f'[data-column="{column("health")}"]').inner_text()
    )
    assert (
        "Strategy meetings are held within 3 working days."
        in ec1.locator(f'[data-column="{column("social-care")}"]').inner_text()
    )
    ec4_health = view.locator(
        f'section.jtai-pv-criterion[data-criterion=EC4] [data-column="{column("health")}"]'
    ).inner_text()
    assert "Audit found gaps in ambulance referrals." in ec4_health
    assert "Area for improvement" in ec4_health
    ec2 = view.locator("section.jtai-pv-criterion[data-criterion=EC2]")
    assert ec2.locator(f'[data-column="{column("education")}"]').count() == 0, "said nothing"
    assert ids_in(pv, "section.jtai-pv-criterion") == ["EC1", "EC2", "EC3", "EC4", "EC5", "EC6"]
    assert "EC21" in view.inner_text(), "criteria with nothing are still listed briefly"

    actions = view.locator(".jtai-pv-actions")
    leads = actions.locator("section[data-lead]").evaluate_all(
        "els => els.map(e => e.dataset.lead)"
    )
    assert leads == [lead for lead, _ in ACTION_GROUPS]
    actions_made = [
        a
        for k in AGENCY_ORDER
        for ans in pv_exports.records[k]["answers"].values()
        for a in ans["actions"]
    ]
    ids = {a["what"]: a["id"] for a in actions_made}
    statuses = {a["what"]: a["status"] for a in actions_made}
    for lead, items in ACTION_GROUPS:
        group = actions.locator(f"section[data-lead={lead}]")
        heading = group.locator("h3").first.inner_text().strip()
        assert heading == (AGENCY_NAME[lead] if lead != "none" else "No lead agency given")
        rows = group.locator("tr[data-action-id]")
        assert rows.evaluate_all("els => els.map(e => e.dataset.actionId)") == [
            ids[what] for what, _, _ in items
        ]
        for (what, due, by), row in zip(items, rows.all(), strict=True):
            text = row.inner_text()
            assert what in text and (long_date(due) if due else "No date") in text, text
            assert STATUS_LABEL[statuses[what]] in text, (what, text)
            assert row.locator("td").last.inner_text().strip() == AGENCY_NAME[by], (what, text)
            assert ("overdue" in text.lower()) == (what == OVERDUE), text


# ---------------------------------------------------------------------------------------------
# Over time


def option_values(pv: PVPage, which: str) -> tuple[str, list[str]]:
    select = pv.page.locator(f"select[data-compare={which}]")
    return select.input_value(), select.locator("option").evaluate_all(
        "els => els.map(e => e.value)"
    )


def test_over_time_compares_the_two_police_assessments(pv_open, pv_exports):
    pv = pv_open()
    pv.load([pv_exports.paths["police"]])
    view = pv.show("time")
    assert view.locator("select[data-compare]").count() == 0
    assert "earlier" in view.inner_text(), "says how to get a second assessment"

    status = pv.load([pv_exports.paths["police-later"], pv_exports.paths["health"]])
    assert status["police-later.json"][0] == "is-added"
    assert "another version" in status["police-later.json"][1]
    early, late = pv_exports.records["police"], pv_exports.records["police-later"]
    early_key = f"{early['id']}|{early['updated']}"
    late_key = f"{late['id']}|{late['updated']}"
    rows = pv.page.locator("table.jtai-pv-loaded")
    assert (
        "Earlier: used in Over time"
        in rows.locator(f'tr[data-assessment="{early_key}"]').inner_text()
    )
    assert "In the grid" in rows.locator(f'tr[data-assessment="{late_key}"]').inner_text()
    assert pv.grid_columns() == [column("police"), column("health")]

    view = pv.show("time")
    before, options = option_values(pv, "before")
    after, _ = option_values(pv, "after")
    assert (before, after) == (early_key, late_key), "defaults: police, oldest and newest"
    health = pv_exports.records["health"]
    health_key = f"{health['id']}|{health['updated']}"
    assert sorted(options) == sorted([early_key, late_key, health_key])
    texts = pv.page.locator("select[data-compare=before] option").all_inner_texts()
    for key, made_key in (
        (early_key, "police"),
        (late_key, "police-later"),
        (health_key, "health"),
    ):
        record = pv_exports.records[made_key]
        text = texts[options.index(key)]
        assert AGENCY_NAME[record["respondent"]["agency"]] in text and record["title"] in text
        assert long_date(record["respondent"]["date"]) in text, text
    assert view.locator(".jtai-pv-compare-notes").inner_text().strip() == ""

    changes = dict(
        view.locator("table.jtai-pv-compare tr[data-criterion]").evaluate_all(
            "els => els.map(e => [e.dataset.criterion, e.dataset.change])"
        )
    )
    assert len(changes) == 21
    for change, cids in COMPARE.items():
        for cid in cids:
            assert changes[cid] == change, (cid, changes[cid])
    assert changes["EC6"] == "none"
    row = view.locator("table.jtai-pv-compare tr[data-criterion=EC1]").inner_text()
    assert row.index("Strength 4.00") < row.index("Area for improvement 3.00")
    assert "Down 2 bands" in row
    assert "Up 2 bands" in view.locator("table.jtai-pv-compare tr[data-criterion=EC3]").inner_text()
    assert "New" in view.locator("table.jtai-pv-compare tr[data-criterion=EC7]").inner_text()
    assert (
        "No longer rated"
        in view.locator("table.jtai-pv-compare tr[data-criterion=EC5]").inner_text()
    )
    assert "No change" in view.locator("table.jtai-pv-compare tr[data-criterion=EC2]").inner_text()
    assert ids_in(pv, ".jtai-pv-moved-up li[data-criterion]") == COMPARE["up"]
    assert ids_in(pv, ".jtai-pv-moved-down li[data-criterion]") == COMPARE["down"]
    assert ids_in(pv, ".jtai-pv-new li[data-criterion]") == COMPARE["new"]
    text = view.inner_text()
    added = text.index("Brief neighbourhood teams on the referral pathway")
    completed = text.index("Refresh the exploitation screening tool")
    assert text.rfind("Added", 0, added) > text.rfind("Completed", 0, added)
    assert text.rfind("Completed", 0, completed) > text.rfind("Added", 0, completed)

    pv.page.select_option("select[data-compare=before]", health_key)
    notes = view.locator(".jtai-pv-compare-notes").inner_text()
    assert "not from the same agency" in notes and "Health services" in notes, notes

    pv.page.select_option("select[data-compare=before]", late_key)
    pv.page.select_option("select[data-compare=after]", early_key)
    notes = view.locator(".jtai-pv-compare-notes").inner_text()
    assert "date order" in notes, notes
    assert (
        view.locator("table.jtai-pv-compare tr[data-criterion=EC1]").get_attribute("data-change")
        == "down"
    ), "the older one is still 'before'"

    pv.page.select_option("select[data-compare=before]", early_key)
    assert "same assessment" in view.locator(".jtai-pv-compare-notes").inner_text()


def test_two_versions_of_one_assessment_with_no_agency_are_not_called_two_agencies(
    pv_open, pv_exports, tmp_path
):
    """Someone left "Answering for" empty and exported the same assessment twice: the page puts
    the versions in one column and picks them as before and after, so it must not warn that they
    are "not from the same agency" (the contract warns only for different agencies)."""
    paths = []
    for key in ("police", "police-later"):
        record = json.loads(pv_exports.text(key))
        record["respondent"]["agency"] = ""
        path = tmp_path / f"no-agency-{key}.json"
        path.write_text(json.dumps(record, indent=2), encoding="utf-8")
        paths.append(path)
    pv = pv_open()
    pv.load(paths)
    assert len(pv.grid_columns()) == 1, "one assessment, one column"
    view = pv.show("time")
    early, late = pv_exports.records["police"], pv_exports.records["police-later"]
    assert option_values(pv, "before")[0] == f"{early['id']}|{early['updated']}"
    assert option_values(pv, "after")[0] == f"{late['id']}|{late['updated']}"
    notes = view.locator(".jtai-pv-compare-notes").inner_text()
    assert "not from the same agency" not in notes, notes
    assert (
        view.locator("table.jtai-pv-compare tr[data-criterion=EC1]").get_attribute("data-change")
        == "down"
    )


# ---------------------------------------------------------------------------------------------
# Downloads and print


def read_csv(body: bytes) -> list[list[str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff"), "a BOM, so spreadsheets read UTF-8"
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_grid_and_actions_csv_match_the_screen(pv_open, pv_exports):
    pv = pv_open()
    pv.load(pv_exports.five())
    shown = grid_texts(pv)
    name, body = pv.download("section.jtai-pv-view button[data-action=export-csv]")
    assert name == f"jtai-partnership-grid-{TODAY_ISO}.csv"
    rows = read_csv(body)
    header, rows = rows[0], rows[1:]
    assert len(rows) == 21 * 5
    at = {h: i for i, h in enumerate(header)}
    by_cell = {(r[at["Criterion"]], r[at["Agency"]]): r for r in rows}
    assert [r[at["Criterion"]] for r in rows[:5]] == ["EC1"] * 5
    assert [r[at["Agency"]] for r in rows[:5]] == [AGENCY_NAME[a] for a in AGENCY_ORDER]
    for cid, want in EXPECTED.items():
        (low, _), median, (high, _) = want["spread"]
        for n, (agency, (outcome, score)) in enumerate(want["cells"].items()):
            r = by_cell[(cid, AGENCY_NAME[agency])]
            assert r[at["Score"]] == (score or ""), (cid, agency)
            assert r[at["Outcome"]] == OUTCOME.get(outcome, ""), (cid, agency)
            assert r[at["Agreement"]] == STATUS_WORDS[want["status"]], cid
            assert (r[at["Lowest score"]], r[at["Median score"]], r[at["Highest score"]]) == (
                low,
                median,
                high,
            )
            assert shown[cid][n].startswith(cell_text(outcome, score))
            assert r[at["Assessment date"]] == "/".join(
                reversed(next(m.date for m in SCENARIO if m.agency == agency).split("-"))
            )
    ec4 = by_cell[("EC4", AGENCY_NAME["health"])]
    assert ec4[at["Overridden"]] == "Yes"
    assert ec4[at["Reason for override"]] == "Audit found gaps in ambulance referrals."
    assert ec4[at["Suggested outcome"]] == "Strength"

    name, body = pv.download("section.jtai-pv-view button[data-action=export-actions-csv]")
    assert name == f"jtai-partnership-actions-{TODAY_ISO}.csv"
    rows = read_csv(body)
    header, rows = rows[0], rows[1:]
    at = {h: i for i, h in enumerate(header)}
    actions = [(lead, what, due, by) for lead, items in ACTION_GROUPS for what, due, by in items]
    assert [r[at["Action"]] for r in rows] == [what for _, what, _, _ in actions]
    for r, (lead, what, due, by) in zip(rows, actions, strict=True):
        assert r[at["Lead agency"]] == (AGENCY_NAME[lead] if lead != "none" else "No lead given")
        assert r[at["Due"]] == ("/".join(reversed(due.split("-"))) if due else "")
        assert r[at["Overdue"]] == ("Yes" if what == OVERDUE else "No")
        assert r[at["Recorded by"]] == AGENCY_NAME[by]


def test_print_shows_the_report_only(pv_open, pv_exports):
    pv = pv_open()
    pv.load(pv_exports.five())
    page = pv.page
    pv.show("agencies")
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    page.click("section.jtai-pv-view button[data-action=print]")
    assert page.evaluate("() => window.__printed") is True
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "nav.jtai-nav", ".jtai-pv-downloads"):
        for el in page.locator(hidden).all():
            assert not el.is_visible(), f"{hidden} shows in print"
    report = page.inner_text("#jtai-partnership")
    notices = data(pv)["assessment"]["notices"]
    assert "Report for the partnership board" in report
    assert f"Made on {long_date(TODAY_ISO)}" in report
    assert notices["indicative"] in report
    parts = ["Summary", "Where agencies disagree", "EC1: Identifying and reducing risk", "Coverage"]
    positions = [report.index(p) for p in parts]
    assert positions == sorted(positions), positions
    for agency in AGENCY_ORDER:
        assert AGENCY_NAME[agency] in report
    for _lead, items in ACTION_GROUPS:
        for what, _, _ in items:
            assert what in report
    assert report.count("Strength 4.00") >= 1 and "Lowest" in report
    assert (
        page.locator("table.jtai-pv-grid thead").first.evaluate("e => getComputedStyle(e).display")
        == "table-header-group"
    ), "the grid's header repeats on every printed page"
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")

    # Printing from the report view prints that view, without the nav or the buttons.
    pv.show("report")
    for action in ("export-json", "export-csv", "export-actions-csv", "print"):
        assert page.locator(f"section.jtai-pv-view button[data-action={action}]").is_enabled()
    page.evaluate("() => { window.__printed = false; }")
    page.click("section.jtai-pv-view[data-view=report] button[data-action=print]")
    assert page.evaluate("() => window.__printed") is True
    page.emulate_media(media="print")
    for hidden in (".md-header", "nav.jtai-nav", ".jtai-pv-downloads", "button"):
        for el in page.locator(hidden).all():
            assert not el.is_visible(), f"{hidden} shows in print"
    report = page.inner_text("#jtai-partnership")
    assert notices["indicative"] in report and "Where agencies disagree" in report
    assert OVERDUE in report
    page.emulate_media(media="screen")

    # Printing from the load view (the browser's own Print) hides the load controls.
    pv.show("load")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for hidden in (".jtai-pv-drop", ".jtai-pv-saved", "table.jtai-pv-loaded", "nav.jtai-nav"):
        for el in page.locator(hidden).all():
            assert not el.is_visible(), f"{hidden} shows in print"
    assert "Where agencies disagree" in page.inner_text("#jtai-partnership")
    page.emulate_media(media="screen")


# ---------------------------------------------------------------------------------------------
# Nothing loaded, removing, storage


def test_with_nothing_loaded_each_view_says_what_to_do(pv_open):
    pv = pv_open()
    assert pv.page.locator(".jtai-pv-nav-btn[data-view=load]").get_attribute("aria-current") == (
        "page"
    )
    assert "not save" in pv.page.inner_text("section.jtai-pv-view[data-view=load]")
    for view in VIEWS[1:]:
        section = pv.show(view)
        assert (
            pv.page.locator(f".jtai-pv-nav-btn[data-view={view}]").get_attribute("aria-current")
            == "page"
        )
        assert pv.page.evaluate("() => document.activeElement.tagName") == "H2"
        text = section.inner_text()
        assert "Load assessments" in text and "No assessments are loaded" in text, view
        assert section.locator("table.jtai-pv-grid, select[data-compare]").count() == 0
        for button in section.locator("button[data-action^=export]").all():
            assert button.is_disabled(), view


def test_remove_one_then_remove_all(pv_open, pv_exports):
    pv = pv_open()
    pv.load(pv_exports.five())
    health = pv_exports.records["health"]
    row = pv.page.locator(f'tr[data-assessment="{health["id"]}|{health["updated"]}"]')
    row.locator("button[data-action=remove]").click()
    assert pv.loaded_count() == 4
    assert column("health") not in pv.grid_columns()
    pv.show("load")
    pv.accept_dialogs = False
    pv.page.click("button[data-action=clear-all]")
    assert len(pv.dialogs) == 1 and pv.dialogs[0].startswith("confirm: "), pv.dialogs
    assert pv.loaded_count() == 4, "cancelling the confirm keeps everything"
    pv.accept_dialogs = True
    pv.page.click("button[data-action=clear-all]")
    assert len(pv.dialogs) == 2
    assert pv.loaded_count() == 0
    assert pv.page.locator("table.jtai-pv-loaded").count() == 0
    assert pv.page.locator("table.jtai-pv-loaded tr[data-assessment]").count() == 0


def test_loaded_files_are_never_written_to_storage(pv_open, pv_exports):
    pv = pv_open()
    before = pv.storage()
    pv.load([*pv_exports.five(), pv_exports.paths["police-later"]])
    for view in VIEWS:
        pv.show(view)
    pv.download("section.jtai-pv-view button[data-action=export-json]")
    assert pv.storage() == before
    pv.page.reload()
    pv.page.wait_for_selector("#jtai-partnership[data-ready=true]")
    assert pv.loaded_count() == 0, "nothing loaded comes back after a reload"
    outside = [
        u for u in pv.sa.requests if not u.startswith(("http://127.0.0.1", "blob:", "data:"))
    ]
    assert not outside and not pv.sa.blocked


# ---------------------------------------------------------------------------------------------
# Accessibility, keyboard, small screens, file://


def test_axe_finds_no_wcag_22_aa_violations(pv_open, pv_exports):
    pv = pv_open()
    axe_clean(pv, "whole page, nothing loaded", context=None)
    for view in VIEWS[1:]:
        pv.show(view)
        axe_clean(pv, f"{view}, nothing loaded")
    pv.load([*pv_exports.five(), pv_exports.paths["police-later"], pv_exports.paths["police"]])
    axe_clean(pv, "load view with results (one skipped)")
    for view in VIEWS[1:]:
        pv.show(view)
        axe_clean(pv, f"{view}, loaded")
    pv.page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    pv.page.emulate_media(media="print")
    axe_clean(pv, "print")
    pv.page.emulate_media(media="screen")


def tab_to_action(page: Any, action: str, tries: int) -> None:
    """Press Tab until the focused element's data-action is `action`."""
    for _ in range(tries):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.action") == action:
            return
    raise AssertionError(f"Tab never reached [data-action={action}]")


def test_keyboard_only(pv_open, pv_exports):
    pv = pv_open()
    page, kb = pv.page, pv.page.keyboard
    live = page.locator("#jtai-live")
    assert live.get_attribute("aria-live") == "polite"
    file_input = page.locator("input[type=file][data-action=load-files]")
    assert file_input.get_attribute("multiple") is not None
    label = page.locator(f"label[for={file_input.get_attribute('id')}]")
    assert label.inner_text().strip() == "Choose files" and label.is_visible()
    assert page.locator(".jtai-pv-drop input[type=file][data-action=load-files]").count() == 1
    page.focus("section.jtai-pv-view[data-view=load] h2")
    tab_to_action(page, "load-files", 30)
    before = pv.status_html()
    chooser = open_chooser_by_keyboard(page, file_input)
    chooser.set_files([str(p) for p in pv_exports.five()])
    pv.wait_for_preview([p.name for p in pv_exports.five()])
    # Focus moves to the preview's heading; Tab reaches "Load these", and Enter loads.
    page.wait_for_function("() => document.activeElement.id === 'jtai-pv-preview-title'")
    tab_to_action(page, "confirm-load", 60)
    kb.press("Enter")
    pv.wait_for_status([p.name for p in pv_exports.five()], before)
    assert page.evaluate("() => document.activeElement.classList.contains('jtai-pv-load-status')")
    page.wait_for_function(  # what happened is announced too
        "() => document.getElementById('jtai-live').textContent.includes('5 files')"
    )

    page.focus(".jtai-pv-nav-btn[data-view=agencies]")
    kb.press("Enter")
    page.wait_for_selector("table.jtai-pv-grid")
    assert page.locator(".jtai-pv-nav-btn[data-view=agencies]").get_attribute("aria-current") == (
        "page"
    )
    assert page.evaluate("() => document.activeElement.id") == page.get_attribute(
        "section.jtai-pv-view[data-view=agencies] h2", "id"
    )
    for _ in range(40):
        kb.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('jtai-pv-scroll')"):
            break
    else:
        raise AssertionError("Tab never reached the grid's scroll region")
    start = page.evaluate("() => document.activeElement.scrollLeft")
    kb.press("ArrowRight")
    kb.press("ArrowRight")
    # At 1280 px five columns may fit; when they do not, the arrows scroll the region.
    wide = page.evaluate(
        "() => { const e = document.activeElement; return e.scrollWidth > e.clientWidth; }"
    )
    if wide:  # arrow keys scroll the focused region (smoothly: give it a moment)
        page.wait_for_function("start => document.activeElement.scrollLeft > start", arg=start)

    page.focus(".jtai-pv-nav-btn[data-view=time]")
    kb.press("Enter")
    assert page.locator(".jtai-pv-nav-btn[data-view=time]").get_attribute("aria-current") == "page"


def test_nothing_scrolls_sideways_at_320_px(pv_open, pv_exports):
    pv = pv_open(width=320, height=640)
    for view in VIEWS:
        pv.show(view)
        no_sideways_scroll(pv, f"{view}, nothing loaded")
    pv.load([*pv_exports.five(), pv_exports.paths["police-later"]])
    no_sideways_scroll(pv, "load, loaded")
    for view in VIEWS[1:]:
        pv.show(view)
        no_sideways_scroll(pv, view)
    # On a narrow screen the grid reads criterion by criterion: one block each, every agency in it.
    pv.show("agencies")
    assert not pv.page.locator("div.jtai-pv-scroll:has(table.jtai-pv-grid)").is_visible()
    cards = pv.page.locator("li.jtai-pv-card[data-criterion]")
    assert cards.count() == 21 and cards.first.is_visible()
    assert cards.first.locator("dd[data-column]").count() == len(AGENCY_ORDER)


def test_works_opened_from_a_downloaded_folder(sa_browser, sa_site, pv_exports):
    context = sa_browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto((sa_site / PV_PAGE).as_uri())
        page.wait_for_selector("#jtai-partnership[data-ready=true]")
        page.set_input_files(
            "input[type=file][data-action=load-files]", [str(p) for p in pv_exports.five()]
        )
        page.click(".jtai-pv-preview[tabindex] [data-action=confirm-load]")
        page.wait_for_selector(".jtai-pv-load-status li[data-file='youth-justice.json']")
        page.click(".jtai-pv-nav-btn[data-view=agencies]")
        assert page.locator("table.jtai-pv-grid tbody tr[data-criterion]").count() == 21
        assert page.locator("table.jtai-pv-grid thead th[data-column]").count() == 5
        assert page.inner_text(
            f'table.jtai-pv-grid tr[data-criterion=EC1] td[data-column="{column("health")}"]'
        ).startswith("Area for improvement 2.00")
        assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in requests), requests
        assert not errors, errors
    finally:
        context.close()
