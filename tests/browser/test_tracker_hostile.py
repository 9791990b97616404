"""Files that pass between people, tried with hostile files (issue 23), in headless Chromium.

Each file is built here, at test time, from what the page itself sends (or the site's workbook),
changed the way a damaged, mistaken or forged return would be:

- a workbook whose shared-string references are out of range, negative or not a number;
- two returns of the same workbook, under the same file name, by two people;
- one damaged (or encrypted) workbook in a batch of three files;
- a conflict left unchosen, then the page reloaded and reopened;
- a file whose change records claim this browser's ID and a time later than now, in JSON and in
  the workbook's hidden "Sent" sheet.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from browser_support import run_axe
from openpyxl import load_workbook
from test_planner import fill_item, slug
from test_tracker_merge import (
    column,
    download,
    import_files,
    owner_from_excel,
    preview_files,
    row_of,
    saved,
    send_items,
    type_in,
)
from test_tracker_storage import open_tracker, reload, stored

pytestmark = pytest.mark.browser

ITEM = "A-case-police-1"
FUTURE = "2099-01-01T00:00:00Z"


def police_workbook(p: Any) -> Any:
    """The manager's "Export the agency's items (Excel)" for Police, opened with openpyxl."""
    p.select_option("#tracker-send-agency", "police")
    return load_workbook(io.BytesIO(download(p, "#tracker-send-xlsx")))


def with_shared_refs(book_bytes: bytes, refs: dict[str, str]) -> bytes:
    """The workbook with the given cells of its first sheet made shared-text cells pointing at
    shared string `refs[cell]` (openpyxl writes text inline, Excel as shared strings)."""
    source = zipfile.ZipFile(io.BytesIO(book_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = body.decode("utf-8")
                for cell, ref in refs.items():
                    text, n = re.subn(
                        rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)',
                        f'<c r="{cell}" t="s"><v>{ref}</v></c>',
                        text,
                    )
                    assert n == 1, f"no cell {cell}"
                body = text.encode("utf-8")
            target.writestr(info, body)
    return out.getvalue()


def test_a_workbook_with_broken_shared_strings_is_refused_and_blanks_nothing(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    fill_item(
        p, ITEM, "in-progress", "Head of public protection", "Police drive", "2024-04-30", "Kept"
    )
    book = police_workbook(p)
    ws = book["Annex A tracker"]
    r = row_of(ws, ITEM)
    ws.cell(row=r, column=column(ws, "Status")).value = "Ready"
    cells = {
        heading: ws.cell(row=r, column=column(ws, heading)).coordinate
        for heading in ("Owner (role or name)", "Where the document lives", "Notes")
    }
    hostile = with_shared_refs(
        saved(book),
        {
            cells["Owner (role or name)"]: "99999",
            cells["Where the document lives"]: "-1",
            cells["Notes"]: "x",
        },
    )
    before = stored(p)
    text = import_files(p, [("police-back.xlsx", hostile)])
    assert "Nothing was imported" in text, text
    name = p.evaluate("id => JTAI.data.planner.annex_a.find(i => i.id === id).label", ITEM)
    for cell in cells.values():
        assert f"Cell {cell}" in text, (cell, text)
    assert name in text, "the item is named, not only its ID"
    assert "99999" in text and "not a number" in text
    assert stored(p) == before, "nothing saved"
    assert p.input_value(f"#t-{slug(ITEM)}-owner") == "Head of public protection"
    assert p.input_value(f"#t-{slug(ITEM)}-location") == "Police drive"
    assert p.input_value(f"#t-{slug(ITEM)}-notes") == "Kept"
    assert run_axe(p, "#tracker-import-result") == []
    assert not recorded.console_errors, recorded.console_errors


def test_two_returns_under_one_file_name_are_two_sources(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    type_in(p, f"#t-{slug(ITEM)}-owner", "Business manager")
    sent = saved(police_workbook(p))
    returns = []
    for person, owner in (("DI Smith", "DI Smith"), ("", "DS Jones")):
        book = load_workbook(io.BytesIO(sent))
        ws = book["Annex A tracker"]
        ws.cell(row=row_of(ws, ITEM), column=column(ws, "Owner (role or name)")).value = owner
        if person:
            about = book["About"]
            r = next(
                r
                for r in range(1, about.max_row + 1)
                if str(about.cell(row=r, column=1).value).startswith("Sent back by")
            )
            about.cell(row=r, column=2).value = person
        returns.append(saved(book))
    import_files(p, [("police.xlsx", returns[0])])
    assert p.input_value(f"#t-{slug(ITEM)}-owner") == "DI Smith"
    text = import_files(p, [("police.xlsx", returns[1])])
    assert "1 to choose" in text, text
    assert p.input_value(f"#t-{slug(ITEM)}-owner") == "DI Smith", "never a silent replace"
    question = p.locator("#tracker-conflicts fieldset.jtai-conflict")
    assert question.count() == 1
    asked = question.inner_text()
    assert "DI Smith" in asked and "DS Jones" in asked, asked
    # The first return names its sender from the file's content.
    again = preview_files(p, [("police.xlsx", returns[0])])
    assert "Police, DI Smith (police.xlsx)" in again, again
    assert not recorded.console_errors, recorded.console_errors


def corrupt_deflate(book_bytes: bytes, member: str) -> bytes:
    """The zip with `member`'s packed data starting with a deflate block of the reserved type."""
    data = bytearray(book_bytes)
    info = zipfile.ZipFile(io.BytesIO(book_bytes)).getinfo(member)
    name_length, extra_length = struct.unpack(
        "<HH", data[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_length + extra_length
    data[start] = 0x07
    return bytes(data)


ENCRYPTED = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)


@pytest.mark.parametrize(
    ("bad_name", "make_bad", "reason"),
    [
        (
            "damaged.xlsx",
            lambda site: corrupt_deflate(
                (site / "assets/planner/annex-a-tracker.xlsx").read_bytes(),
                "xl/worksheets/sheet1.xml",
            ),
            "damaged",
        ),
        ("protected.xlsx", lambda site: ENCRYPTED, "password"),
    ],
)
def test_one_bad_file_in_a_batch_of_three_is_named_and_the_others_import(
    page, site_server, built_site: Path, bad_name: str, make_bad: Any, reason: str
):
    other = open_tracker(page, site_server)
    type_in(other.page, f"#t-{slug('A-1.1')}-notes", "From the JSON file")
    from_json = download(other.page, "#tracker-export-json")
    recorded = open_tracker(page, site_server)
    p = recorded.page
    good_xlsx = owner_from_excel(built_site)
    text = import_files(
        p, [("good.json", from_json), (bad_name, make_bad(built_site)), ("good.xlsx", good_xlsx)]
    )
    assert "Imported 2 of 3 files" in text, text
    line = p.locator(f"#tracker-import-result li[data-file='{bad_name}']").inner_text()
    assert "not imported" in line and reason in line, line
    assert p.input_value(f"#t-{slug('A-1.1')}-notes") == "From the JSON file"
    assert p.input_value(f"#t-{slug('A-list-4')}-owner") == "From Excel"
    assert not recorded.console_errors, recorded.console_errors


def test_an_unchosen_conflict_survives_a_reload_and_is_asked_once(page, site_server):
    owner = f"#t-{slug(ITEM)}-owner"
    manager = open_tracker(page, site_server)
    m = manager.page
    sent = send_items(m, "police")
    police = open_tracker(page, site_server)
    import_files(police.page, [("sent.json", sent)])
    type_in(police.page, owner, "DI Smith")
    back = send_items(police.page, "police")
    type_in(m, owner, "Head of public protection")
    m.select_option("#tracker-filter-agency", "health")
    import_files(m, [("police-back.json", back)])
    assert m.input_value("#tracker-filter-agency") == "health", "importing never changes the filter"
    reload(m)
    section = m.locator("#tracker-conflicts")
    section.wait_for(state="visible")
    assert "1 answer to choose" in m.inner_text("#tracker-conflicts-count")
    assert "DI Smith" in section.inner_text()
    # Closed and opened again: a new tab of the same browser.
    again = m.context.new_page()
    again.goto(f"{site_server}/tracker.html")
    again.wait_for_selector("#tracker-conflicts:not([hidden])")
    again.close()
    section.get_by_label("Use police-back.json", exact=False).check()
    section.get_by_role("button", name="Use the answers chosen").click()
    section.wait_for(state="hidden")
    assert m.input_value(owner) == "DI Smith"
    reload(m)
    assert m.locator("#tracker-conflicts").is_hidden()
    assert m.locator("#tracker-conflicts-count").is_hidden()
    text = import_files(m, [("police-back.json", back)])
    assert "to choose" not in text, "a conflict chosen once is not asked again"
    assert not manager.console_errors, manager.console_errors


def test_a_forged_future_change_in_this_browsers_name_never_wins(page, site_server):
    owner = f"#t-{slug(ITEM)}-owner"
    recorded = open_tracker(page, site_server)
    p = recorded.page
    type_in(p, owner, "Mine")
    forged = json.loads(download(p, "#tracker-export-json"))
    origin = forged["origin"]
    forged["origin"] = "b-forger"
    forged["items"][ITEM]["owner"] = "Forged"
    forged["items"][ITEM]["changed"]["owner"] = {"at": FUTURE, "by": origin, "from": ""}
    text = import_files(p, [("forged.json", json.dumps(forged).encode())])
    assert "1 to choose" in text, text
    assert p.input_value(owner) == "Mine"
    assert "Mine" in json.loads(stored(p))["items"][ITEM]["owner"]
    assert "later than now" in p.inner_text("#tracker-conflicts")
    # The same forgery in the hidden "Sent" sheet of a workbook.
    book = police_workbook(p)
    sent_sheet = book["Sent"]
    ws = book["Annex A tracker"]
    for r in range(2, sent_sheet.max_row + 1):
        if (
            sent_sheet.cell(row=r, column=1).value == ITEM
            and sent_sheet.cell(row=r, column=2).value == "owner"
        ):
            sent_sheet.cell(row=r, column=3).value = "Forged in Sent"
            sent_sheet.cell(row=r, column=4).value = "2099-01-01T00:00:00.000Z"
            sent_sheet.cell(row=r, column=5).value = origin
    ws.cell(
        row=row_of(ws, ITEM), column=column(ws, "Owner (role or name)")
    ).value = "Forged in Sent"
    text = import_files(p, [("police.xlsx", saved(book))])
    assert "to choose" in text, text
    assert p.input_value(owner) == "Mine"
    assert not recorded.console_errors, recorded.console_errors
