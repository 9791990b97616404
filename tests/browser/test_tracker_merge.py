"""Several agencies fill one Annex A tracker (issue 14, points 2 and 3), in headless Chromium.

Each browser is its own context (its own saved tracker), as each agency's computer would be. The
business manager sends each agency its items, the agencies fill them in and send them back, and
the manager's browser takes both files at once; where both changed the same answer, the page lists
it to choose. The Excel workbook the site offers is filled in with openpyxl, as a partner would in
Excel, and read back in the browser; bad workbooks are refused and change nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from browser_support import assert_no_outside_requests, run_axe
from openpyxl import load_workbook
from test_planner import fill_item, item, reviewed_boxes, slug
from test_tracker_storage import open_tracker, stored

from generator import planner, workbook

pytestmark = pytest.mark.browser

WORKBOOK = planner.XLSX_PATH
JSON_TYPE = "application/json"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(p: Any, selector: str) -> bytes:
    with p.expect_download() as info:
        p.click(selector)
    return Path(info.value.path()).read_bytes()


def send_items(p: Any, agency: str) -> bytes:
    """The manager's "Export the agency's items" file for one agency."""
    p.select_option("#tracker-send-agency", agency)
    return download(p, "#tracker-send")


def preview_files(p: Any, files: list[tuple[str, bytes]]) -> str:
    """Choose the files to import; the text of what the page says it would do (nothing done yet)."""
    p.evaluate("() => { document.querySelector('#tracker-import-result').hidden = true; }")
    p.set_input_files(
        "#tracker-import",
        files=[
            {"name": n, "mimeType": XLSX if n.endswith(".xlsx") else JSON_TYPE, "buffer": b}
            for n, b in files
        ],
    )
    p.wait_for_selector("#tracker-import-result:not([hidden])")
    return str(p.inner_text("#tracker-import-result"))


def import_files(p: Any, files: list[tuple[str, bytes]]) -> str:
    """Import the files at once, confirming what the page shows first; the import summary's text."""
    text = preview_files(p, files)
    confirm = p.locator("#tracker-import-result [data-action=confirm-import]")
    if not confirm.count():
        return text
    assert "Nothing has changed yet" in text, text
    confirm.click()
    p.wait_for_selector("#tracker-import-result [data-action=undo-import]")
    return str(p.inner_text("#tracker-import-result"))


def police_items(p: Any) -> list[str]:
    return list(
        p.evaluate(
            """() => JTAI.data.planner.annex_a
              .filter(i => i.agency === "police" || i.contributors.includes("police"))
              .map(i => i.id)"""
        )
    )


def test_two_agencies_files_merge_into_a_third_browser(page, site_server):
    manager = open_tracker(page, site_server)
    m = manager.page
    fill_item(m, "A-case-police-1", "in-progress", "Business manager", "", "", "")
    to_police = send_items(m, "police")
    to_health = send_items(m, "health")
    sent = json.loads(to_police)
    assert sent["scope"] == {"agency": "police"}
    assert set(sent["items"]) <= set(police_items(m))
    assert "A-case-police-1" in sent["items"]

    police = open_tracker(page, site_server)
    p = police.page
    filter_before = p.input_value("#tracker-filter-agency")
    import_files(p, [("police.json", to_police)])
    assert p.input_value("#tracker-filter-agency") == filter_before, (
        "importing never changes the filter"
    )
    p.click("#tracker-import-result [data-action=show-scope]")
    shown = p.eval_on_selector_all(
        "#tracker-list tr:not([hidden])", "els => els.map(e => e.dataset.id)"
    )
    assert sorted(shown) == sorted(police_items(p)), "a file for one agency shows its items"
    assert p.input_value(f"#t-{slug('A-case-police-1')}-owner") == "Business manager"
    fill_item(p, "A-case-police-1", "ready", "DI Smith", "Police case system", "2024-04-30", "")
    from_police = send_items(p, "police")

    health = open_tracker(page, site_server)
    h = health.page
    import_files(h, [("health.json", to_health)])
    health_item = str(
        h.evaluate("() => JTAI.data.planner.annex_a.find(i => i.agency === 'health').id")
    )
    h.select_option(f"#t-{slug(health_item)}-status", "in-progress")
    h.fill(f"#t-{slug(health_item)}-notes", "ICB records team has the list")
    h.press(f"#t-{slug(health_item)}-notes", "Tab")
    from_health = download(h, "#tracker-export-json")

    before = stored(m)
    text = import_files(m, [("from-police.json", from_police), ("from-health.json", from_health)])
    assert "Imported 2 of 2 files" in text
    assert "from-police.json (items for Police)" in text
    assert "from-health.json" in text
    assert m.input_value(f"#t-{slug('A-case-police-1')}-owner") == "DI Smith"
    assert m.input_value(f"#t-{slug('A-case-police-1')}-status") == "ready"
    assert reviewed_boxes(m, "A-case-police-1") == "2024-04-30"
    assert m.input_value(f"#t-{slug(health_item)}-notes") == "ICB records team has the list"
    assert m.input_value(f"#t-{slug(health_item)}-status") == "in-progress"
    assert stored(m) != before
    assert m.locator("#tracker-conflicts").is_hidden(), "nothing to choose"
    assert run_axe(m, "#tracker-app") == []
    for recorded in (manager, police, health):
        assert not recorded.console_errors, recorded.console_errors
        assert_no_outside_requests(recorded.requests, site_server)


def type_in(p: Any, box: str, text: str) -> None:
    p.fill(box, text)
    p.press(box, "Tab")


def clash(page, site_server, box: str, send: Any, theirs: str, mine: str) -> tuple[Any, bytes]:
    """The manager sends a file, the other browser changes `box` and sends its file back, and
    the manager changes the same box meanwhile: (the manager's page, the file sent back)."""
    manager = open_tracker(page, site_server)
    m = manager.page
    sent = send(m)
    other = open_tracker(page, site_server)
    import_files(other.page, [("sent.json", sent)])
    type_in(other.page, box, theirs)
    back = send(other.page)
    type_in(m, box, mine)
    return manager, back


def test_a_clash_is_listed_to_choose_and_chosen_once(page, site_server):
    owner = f"#t-{slug('A-case-police-1')}-owner"
    manager, back = clash(
        page,
        site_server,
        owner,
        lambda p: send_items(p, "police"),
        theirs="DI Smith",
        mine="Head of public protection",
    )
    m = manager.page
    text = import_files(m, [("police-back.json", back)])
    assert "1 to choose" in text
    section = m.locator("#tracker-conflicts")
    section.wait_for(state="visible")
    assert m.input_value(owner) == "Head of public protection", "ours stays until chosen"
    question = section.locator("fieldset.jtai-conflict")
    assert question.count() == 1
    assert "Owner" in question.locator("legend").inner_text()
    asked = question.inner_text()
    assert "DI Smith" in asked and "Head of public protection" in asked
    assert run_axe(m, "#tracker-conflicts") == []
    # Keyboard only: Tab to the file's answer, Space to choose it, Enter on the button.
    section.get_by_label("Use police-back.json", exact=False).focus()
    m.keyboard.press("Space")
    m.keyboard.press("Tab")
    m.keyboard.press("Enter")
    section.wait_for(state="hidden")
    assert m.input_value(owner) == "DI Smith"
    assert json.loads(stored(m))["items"]["A-case-police-1"]["owner"] == "DI Smith"
    text = import_files(m, [("police-back.json", back)])
    assert "0 changes taken" in text and "to choose" not in text, "the same file again asks nothing"
    assert not manager.console_errors, manager.console_errors


def test_keeping_this_browsers_answer_is_not_asked_again(page, site_server):
    notes = f"#t-{slug('A-list-4')}-notes"
    manager, back = clash(
        page,
        site_server,
        notes,
        lambda p: download(p, "#tracker-export-json"),
        theirs="Theirs",
        mine="Mine",
    )
    m = manager.page
    import_files(m, [("back.json", back)])
    section = m.locator("#tracker-conflicts")
    section.get_by_label("Keep this browser", exact=False).check()
    section.get_by_role("button", name="Use the answers chosen").click()
    section.wait_for(state="hidden")
    assert m.input_value(notes) == "Mine"
    assert "to choose" not in import_files(m, [("back.json", back)])
    assert m.input_value(notes) == "Mine"


def site_workbook(built_site: Path) -> Any:
    return load_workbook(built_site / WORKBOOK)


def saved(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row_of(ws: Any, item_id: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == item_id)


def column(ws: Any, heading: str) -> int:
    return [c.value for c in ws[1]].index(heading) + 1


def owner_from_excel(built_site: Path) -> bytes:
    """The site's blank workbook with "From Excel" as A-list-4's owner, as a partner saves it."""
    book = site_workbook(built_site)
    ws = book["Annex A tracker"]
    ws.cell(
        row=row_of(ws, "A-list-4"), column=column(ws, "Owner (role or name)")
    ).value = "From Excel"
    return saved(book)


def test_the_workbook_filled_in_with_openpyxl_imports_back(page, site_server, built_site):
    book = site_workbook(built_site)
    ws = book["Annex A tracker"]
    markup = '<img src=x onerror="window.__hacked=1"> see the <b>ICB</b>'
    r = row_of(ws, "A-list-4")
    ws.cell(row=r, column=column(ws, "Status")).value = "Ready"
    ws.cell(row=r, column=column(ws, "Owner (role or name)")).value = "Head of performance"
    ws.cell(row=r, column=column(ws, "Where the document lives")).value = "Performance drive"
    ws.cell(row=r, column=column(ws, "Last reviewed")).value = dt.datetime(2024, 4, 30)
    ws.cell(row=r, column=column(ws, "Notes")).value = markup
    r2 = row_of(ws, "A-1.1")
    ws.cell(row=r2, column=column(ws, "Status")).value = "Not applicable"
    ws.cell(row=r2, column=column(ws, "Last reviewed")).value = "03/05/2024"
    assert any(str(dv.sqref).startswith("H2:") for dv in ws.data_validations.dataValidation)
    recorded = open_tracker(page, site_server)
    p = recorded.page
    p.fill(f"#t-{slug('A-1.2')}-owner", "Kept")
    p.press(f"#t-{slug('A-1.2')}-owner", "Tab")
    text = import_files(p, [("police-filled.xlsx", saved(book))])
    assert "Imported 1 of 1 file" in text, text
    assert p.input_value(f"#t-{slug('A-list-4')}-status") == "ready"
    assert p.input_value(f"#t-{slug('A-list-4')}-owner") == "Head of performance"
    assert p.input_value(f"#t-{slug('A-list-4')}-notes") == markup
    assert p.evaluate("() => window.__hacked") is None
    assert reviewed_boxes(p, "A-list-4") == "2024-04-30"
    assert p.input_value(f"#t-{slug('A-list-4')}-location") == "Performance drive"
    assert p.input_value(f"#t-{slug('A-1.1')}-status") == "not-applicable"
    assert reviewed_boxes(p, "A-1.1") == "2024-05-03"
    assert p.input_value(f"#t-{slug('A-1.2')}-owner") == "Kept", "blank cells overwrite nothing"
    assert "A-list-4" in item(p, "A-list-4").get_attribute("data-id")
    assert not recorded.console_errors, recorded.console_errors


def renamed_sheet(built_site: Path) -> bytes:
    book = site_workbook(built_site)
    book["Annex A tracker"].title = "Sheet1"
    return saved(book)


def unknown_item(built_site: Path) -> bytes:
    book = site_workbook(built_site)
    ws = book["Annex A tracker"]
    ws.cell(row=2, column=1).value = "A-99.9"
    return saved(book)


def bad_status(built_site: Path) -> bytes:
    book = site_workbook(built_site)
    ws = book["Annex A tracker"]
    ws.cell(row=2, column=column(ws, "Status")).value = "Done"
    return saved(book)


DOCTYPE = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'


def with_doctype(built_site: Path) -> bytes:
    """The site's workbook with an entity declaration slipped into its tracker sheet."""
    import zipfile

    source = zipfile.ZipFile(built_site / WORKBOOK)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = DOCTYPE + body
            target.writestr(info.filename, body)
    return out.getvalue()


BAD_WORKBOOKS = {
    "not-a-zip.xlsx": (lambda _: b"ID,Status\nA-list-4,Ready\n", "not a zip file"),
    "cut-short.xlsx": (lambda site: (site / WORKBOOK).read_bytes()[:3000], "damaged"),
    "renamed.xlsx": (renamed_sheet, "no sheet called"),
    "unknown.xlsx": (unknown_item, "A-99.9"),
    "bad-status.xlsx": (bad_status, "is not a status"),
    "doctype.xlsx": (with_doctype, "document type declaration"),
}


def test_a_bad_workbook_gets_a_clear_message_and_changes_nothing(page, site_server, built_site):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    fill_item(p, "A-list-4", "ready", "Head of performance", "Drive", "2024-04-30", "Kept")
    before = stored(p)
    for name, (make, expected) in BAD_WORKBOOKS.items():
        text = import_files(p, [(name, make(built_site))])
        assert expected in text, (name, text)
        assert "Nothing was imported" in text, name
        assert stored(p) == before, name
    assert p.input_value(f"#t-{slug('A-list-4')}-notes") == "Kept"
    assert run_axe(p, "#tracker-import-result") == []
    assert not recorded.console_errors, recorded.console_errors


def test_a_bad_file_among_good_ones_is_refused_alone(page, site_server, built_site):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    text = import_files(
        p, [("good.xlsx", owner_from_excel(built_site)), ("bad.json", b"{not json")]
    )
    assert "Imported 1 of 2 files" in text
    assert "bad.json: not imported" in text
    assert p.input_value(f"#t-{slug('A-list-4')}-owner") == "From Excel"


def test_an_agencys_workbook_from_the_page_round_trips_through_openpyxl(page, site_server):
    manager = open_tracker(page, site_server)
    m = manager.page
    owner = f"#t-{slug('A-case-police-1')}-owner"
    type_in(m, owner, "Business manager")
    m.select_option("#tracker-send-agency", "police")
    book = load_workbook(io.BytesIO(download(m, "#tracker-send-xlsx")))
    ws = book["Annex A tracker"]
    assert [c.value for c in ws[1]] == [h for h, _ in workbook.COLUMNS], "the site's columns"
    assert sorted(str(ws.cell(row=r, column=1).value) for r in range(2, ws.max_row + 1)) == sorted(
        police_items(m)
    )
    checks = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert checks["H2"].type == "list" and checks["H2"].formula1 == "Lists!$A$2:$A$5"
    statuses = m.evaluate("() => JTAI.data.planner.tracker.statuses.map(s => s.label)")
    assert [book["Lists"].cell(row=r, column=1).value for r in range(2, 6)] == statuses
    assert book["Sent"].sheet_state == "hidden"
    r = row_of(ws, "A-case-police-1")
    assert ws.cell(row=r, column=column(ws, "Owner (role or name)")).value == "Business manager"
    ws.cell(row=r, column=column(ws, "Owner (role or name)")).value = "DI Smith"
    ws.cell(row=r, column=column(ws, "Status")).value = "Ready"
    ws.cell(row=r, column=column(ws, "Last reviewed")).value = dt.datetime(2024, 5, 1)

    text = import_files(m, [("police.xlsx", saved(book))])
    assert "3 changes taken" in text and "to choose" not in text, text
    assert m.input_value(owner) == "DI Smith", "changed on top of what was sent: taken"
    assert m.input_value(f"#t-{slug('A-case-police-1')}-status") == "ready"
    assert reviewed_boxes(m, "A-case-police-1") == "2024-05-01"
    assert not manager.console_errors, manager.console_errors
