"""Browser tests of the Partnership view for the board (issue 14, point 4), in headless Chromium.

The partnership records its agreed position and next step on each disagreement and criterion, and
a cover note; they are saved in this browser, travel in the JSON download (format version 2) and
the grid CSV, come back when that file is loaded into a fresh browser, and print (the cover note
first). Each agency's evidence is an optional section of the report. The grid keeps its header
row and first column in view with eight agencies; on a phone it reads criterion by criterion.
"Over time" starts with one agency's earlier and later files, or asks. Every file is a real
export made by the self-assessment (`pv_exports`); the extra agencies are copies of those with
another agency named. Axe, keyboard only and 320 px reflow are checked on each new state.
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
from assessment_support import SAPage, sa_browser, sa_open, sa_origin, sa_site
from partnership_support import (
    AGENCY_ORDER,
    POLICE_EVIDENCE,
    PV_SCHEMA,
    TODAY,
    Exports,
    PVPage,
    column,
    pv_exports,
    pv_open,
)
from test_partnership import axe_clean, no_sideways_scroll

__all__ = ["pv_exports", "pv_open", "sa_browser", "sa_open", "sa_origin", "sa_site"]

pytestmark = pytest.mark.browser

BOARD_KEY = "jtai-ready:partnership-board:syv-2023"
COVER = "The board is asked to agree the positions below at its meeting on 12 June."
EC1_POSITION = "Police and health audit twenty cases together; until then an area for improvement."
EC1_NEXT = "Business manager sets up the joint audit by 30 June."
EC3_POSITION = "Agencies agree: keep the current approach."
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")
EXTRA_AGENCIES = ("leaders", "csp", "partnership")


def field(pv: PVPage, criterion: str, name: str) -> Any:
    return pv.page.locator(f"textarea[data-criterion={criterion}][data-field={name}]")


def cover_field(pv: PVPage) -> Any:
    return pv.page.locator("textarea[data-field=cover_note]")


def wait_saved(pv: PVPage, text: str) -> None:
    """Wait until the saved record in localStorage holds `text`."""
    pv.page.wait_for_function(
        "([key, text]) => (localStorage.getItem(key) || '').includes(text)", arg=[BOARD_KEY, text]
    )


def saved_board(pv: PVPage) -> dict[str, Any]:
    return json.loads(pv.storage()[BOARD_KEY])


def printed(pv: PVPage) -> str:
    pv.page.emulate_media(media="print")
    try:
        return pv.page.inner_text("#jtai-partnership")
    finally:
        pv.page.emulate_media(media="screen")


def pdf_pages(pv: PVPage) -> int:
    pv.page.emulate_media(media="print")
    try:
        return len(PAGE_OBJECT.findall(pv.page.pdf(format="A4", landscape=True)))
    finally:
        pv.page.emulate_media(media="screen")


def eight_agencies(exports: Exports, folder: Path) -> list[Path]:
    """The five real exports, and three more: copies naming the other agencies (and jointly)."""
    paths = exports.five()
    for n, agency in enumerate(EXTRA_AGENCIES):
        record = json.loads(exports.text(AGENCY_ORDER[n]))
        record["id"] = f"{record['id']}-{agency}"
        record["title"] = f"{agency} copy"
        record["respondent"]["agency"] = agency
        path = folder / f"{agency}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        paths.append(path)
    return paths


def record_positions(pv: PVPage) -> None:
    pv.show("positions")
    cover_field(pv).fill(COVER)
    field(pv, "EC1", "position").fill(EC1_POSITION)
    field(pv, "EC1", "next_step").fill(EC1_NEXT)
    field(pv, "EC3", "position").fill(EC3_POSITION)
    wait_saved(pv, EC3_POSITION)


# ---------------------------------------------------------------------------------------------
# Agreed positions: saved, downloaded, loaded into a fresh browser, printed


def test_an_agreed_position_survives_reload_download_a_fresh_browser_and_print(
    pv_open, pv_exports, tmp_path
):
    pv = pv_open()
    pv.load(pv_exports.five())
    view = pv.show("positions")
    flagged = view.locator(".jtai-pv-agreed-flagged fieldset[data-criterion]")
    assert flagged.evaluate_all("els => els.map(e => e.dataset.criterion)") == ["EC1", "EC5"]
    assert "2 bands apart" in flagged.first.inner_text()
    others = view.locator(".jtai-pv-agreed-others fieldset[data-criterion]")
    assert others.count() == 19
    record_positions(pv)
    assert view.locator(".jtai-pv-board-saved").inner_text().startswith("Saved in this browser")

    # Reloading loses the loaded files (as before) but never what the partnership typed.
    pv.page.reload()
    pv.page.wait_for_selector("#jtai-partnership[data-ready=true]")
    assert pv.loaded_count() == 0
    pv.show("positions")
    assert field(pv, "EC1", "position").input_value() == EC1_POSITION
    assert cover_field(pv).input_value() == COVER

    # Shown under its disagreement on screen.
    pv.load(pv_exports.five())
    pv.show("agencies")
    item = pv.page.locator("ol.jtai-pv-disagree li[data-criterion=EC1]")
    assert f"Partnership’s agreed position: {EC1_POSITION}" in item.inner_text()
    assert f"Next step: {EC1_NEXT}" in item.inner_text()

    # The JSON download: format version 2, fits the schema, carries the record.
    name, body = pv.download("section.jtai-pv-view button[data-action=export-json]")
    exported = json.loads(body)
    jsonschema.validate(exported, json.loads(PV_SCHEMA.read_text(encoding="utf-8")))
    assert exported["format_version"] == 2
    assert exported["board"]["cover_note"] == COVER
    assert [(e["id"], e["position"], e["next_step"]) for e in exported["board"]["criteria"]] == [
        ("EC1", EC1_POSITION, EC1_NEXT),
        ("EC3", EC3_POSITION, ""),
    ]
    # The grid CSV: each of the criterion's rows.
    _, grid = pv.download("section.jtai-pv-view button[data-action=export-csv]")
    rows = list(csv.reader(io.StringIO(grid.decode("utf-8-sig"))))
    at = {h: i for i, h in enumerate(rows[0])}
    ec1 = [r for r in rows[1:] if r[0] == "EC1"]
    assert len(ec1) == 5
    assert {(r[at["Partnership's agreed position"]], r[at["Next step"]]) for r in ec1} == {
        (EC1_POSITION, EC1_NEXT)
    }

    # A fresh browser (its own storage) loads the downloaded file: the record comes with it.
    path = tmp_path / name
    path.write_bytes(body)
    fresh = pv_open()
    assert BOARD_KEY not in fresh.storage()
    status = fresh.load([path])
    assert status[name][0] == "is-added"
    assert "EC1: " in status[name][1] and ": agreed position" in status[name][1]
    assert "added from this file" in status[name][1]
    assert fresh.loaded_count() == 5
    assert saved_board(fresh)["criteria"]["EC1"]["position"] == EC1_POSITION
    fresh.show("positions")
    assert field(fresh, "EC1", "next_step").input_value() == EC1_NEXT

    # Print: the cover note first, then the rest, the positions in their places.
    fresh.show("report")
    paper = printed(fresh)
    assert paper.index(COVER) < paper.index("Made on") < paper.index("Where agencies disagree")
    assert paper.index("Report for the partnership board") < paper.index(COVER)
    assert paper.index(EC1_POSITION) < paper.index("Agreed positions on other criteria")
    assert paper.index("Agreed positions on other criteria") < paper.index(EC3_POSITION)
    fresh.page.emulate_media(media="print")
    cover_top = fresh.page.locator(".jtai-pv-cover").evaluate(
        "e => e.getBoundingClientRect().top + window.scrollY"
    )
    fresh.page.emulate_media(media="screen")
    assert cover_top < 500, "the cover note is at the top of the first printed page"
    with_record = pdf_pages(fresh)

    # The same report with nothing recorded is shorter or the same; never longer.
    bare = pv_open()
    bare.load(pv_exports.five())
    bare.show("report")
    assert COVER not in printed(bare)
    without = pdf_pages(bare)
    assert without <= with_record <= without + 2, (without, with_record)


def test_a_file_with_other_text_keeps_this_browsers_and_offers_the_files(
    pv_open, pv_exports, tmp_path
):
    pv = pv_open()
    pv.load(pv_exports.five())
    record_positions(pv)
    name, body = pv.download("section.jtai-pv-view button[data-action=export-json]")
    path = tmp_path / name
    path.write_bytes(body)

    other = pv_open()
    other.show("positions")
    field(other, "EC1", "position").fill("Our own wording.")
    wait_saved(other, "Our own wording.")
    status = other.load([path])
    text = status[name][1]
    assert "different text for EC1: Identifying and reducing risk: agreed position" in text
    assert "already in this browser is kept" in text
    assert saved_board(other)["criteria"]["EC1"]["position"] == "Our own wording."
    assert saved_board(other)["cover_note"] == COVER, "what was empty here came from the file"
    axe_clean(other, "load view with a difference in the board's record")
    other.page.click("button[data-action=board-use-file]")
    other.page.wait_for_selector("[data-board=used]")
    assert saved_board(other)["criteria"]["EC1"]["position"] == EC1_POSITION


def test_free_text_gets_the_child_details_warning_and_unreadable_saves_are_kept(pv_open, sa_open):
    pv = pv_open()
    pv.show("positions")
    box = field(pv, "EC2", "next_step")
    box.fill("Review the case of the boy, DOB 03/04/2011, with school.")
    warning = pv.page.locator(f"#{box.get_attribute('id')}-pii")
    warning.wait_for(state="visible")
    assert "date of birth" in warning.inner_text()
    assert warning.get_attribute("id") in (box.get_attribute("aria-describedby") or "")
    axe_clean(pv, "positions view with a child-details warning")
    cover_field(pv).fill("Child's postcode SW1A 1AA")
    pv.page.locator("#jtai-pv-board-note-cover_note-pii").wait_for(state="visible")

    # Saved text this page cannot read is kept aside, word for word, and never read as empty.
    damaged = '{"cover_note": "cut sh'
    sa = sa_open(load=False, init_script=f"localStorage.setItem({BOARD_KEY!r}, {damaged!r})")
    broken = pv_open(sa=sa)
    note = broken.page.locator(".jtai-pv-notes [data-notice]")
    assert "could not be read" in note.inner_text()
    aside = {k: v for k, v in broken.storage().items() if k.startswith(BOARD_KEY + ":")}
    assert list(aside.values()) == [damaged], aside
    axe_clean(broken, "unreadable record notice")


def test_two_tabs_typing_at_once_lose_nothing(pv_open, sa_open):
    """Each tab saves its own criterion; each sees the other's, and storage keeps both."""
    sa = sa_open(load=False)
    first = pv_open(sa=sa)
    second = PVPage(SAPage(sa.page.context.new_page(), sa.origin))
    second.page.on("pageerror", lambda e: sa.errors.append(f"second tab: {e}"))
    second.page.clock.set_fixed_time(TODAY)
    second.open()
    first.show("positions")
    second.show("positions")
    field(first, "EC1", "position").fill(EC1_POSITION)
    wait_saved(first, EC1_POSITION)
    second.page.wait_for_function(
        "text => document.querySelector('textarea[data-criterion=EC1][data-field=position]')"
        ".value === text",
        arg=EC1_POSITION,
    )
    field(second, "EC2", "next_step").fill("From the second tab.")
    wait_saved(second, "From the second tab.")
    board = saved_board(first)
    assert board["criteria"]["EC1"]["position"] == EC1_POSITION
    assert board["criteria"]["EC2"]["next_step"] == "From the second tab."
    first.page.wait_for_function(
        "() => document.querySelector('textarea[data-criterion=EC2][data-field=next_step]')"
        ".value === 'From the second tab.'"
    )


# ---------------------------------------------------------------------------------------------
# Each agency's evidence: an optional section of the report


def test_each_agencys_evidence_is_an_optional_section_of_the_report(pv_open, pv_exports):
    pv = pv_open()
    pv.load(pv_exports.five())
    pv.show("report")
    box = pv.page.locator("#jtai-pv-include-evidence")
    assert not box.is_checked()
    paper = printed(pv)
    assert "Each agency’s evidence" not in paper and POLICE_EVIDENCE["how"] not in paper
    pages_without = pdf_pages(pv)
    box.check()
    pv.page.wait_for_selector("section.jtai-pv-report-evidence")
    assert pv.page.evaluate("() => document.activeElement.id") == "jtai-pv-include-evidence"
    paper = printed(pv)
    assert "Include each agency’s evidence" not in paper, "the choice itself does not print"
    for text in POLICE_EVIDENCE.values():
        assert text in paper
    assert paper.index("Actions by lead agency") < paper.rindex("Each agency’s evidence")
    pages_with = pdf_pages(pv)
    assert pages_with > pages_without, (pages_without, pages_with)
    axe_clean(pv, "report with each agency's evidence")

    # Printing from another view follows the same choice.
    pv.show("agencies")
    pv.page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert POLICE_EVIDENCE["know"] in printed(pv)
    pv.page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    pv.show("report")
    pv.page.locator("#jtai-pv-include-evidence").uncheck()
    assert POLICE_EVIDENCE["know"] not in printed(pv)


# ---------------------------------------------------------------------------------------------
# The grid with eight agencies, and on a phone

# The agency header a person sees at the top of the window: the first agency column whose header
# cell (the grid's own, or the copy that stays in view) is on screen and on top there; whether it
# names that column and lines up with it.
HEADER_IN_VIEW_JS = """
() => {
  const section = document.querySelector('.jtai-pv-grid-section');
  const real = [...section.querySelectorAll('table.jtai-pv-grid thead th')];
  const copy = [...section.querySelectorAll('.jtai-pv-stickyhead th')];
  const cells = [...section.querySelector('table.jtai-pv-grid tbody tr').children];
  const onTop = th => {
    if (!th) return false;
    const r = th.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.top >= 0 && r.bottom <= innerHeight && !!hit && th.contains(hit);
  };
  for (let i = 1; i < real.length; i++) {
    const seen = [real[i], copy[i]].find(onTop);
    if (!seen) continue;
    const r = seen.getBoundingClientRect();
    return { seen: true, column: i, text: seen.innerText, realText: real[i].innerText, top: r.top,
             left: r.left, columnLeft: cells[i].getBoundingClientRect().left };
  }
  return { seen: false };
}
"""

FIRST_COLUMN_JS = """
() => {
  const box = document.querySelector('.jtai-pv-grid-section .jtai-pv-scroll');
  const th = [...box.querySelectorAll('tbody th[scope=row]')].filter(t => {
    const r = t.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }).pop();
  const r = th.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + 10, r.top + r.height / 2);
  const boxLeft = box.getBoundingClientRect().left;
  return { left: r.left, boxLeft: boxLeft, onTop: !!hit && th.contains(hit) };
}
"""


def header_in_view(pv: PVPage) -> bool:
    """The agency header row is on screen, on top, and lines up with the column below it."""
    found = pv.page.evaluate(HEADER_IN_VIEW_JS)
    return (
        found["seen"]
        and found["text"] == found["realText"]
        and abs(found["left"] - found["columnLeft"]) <= 2
    )


def wait_header(pv: PVPage) -> None:
    """The copy moves on the next frame after a scroll: wait for it, then check."""
    pv.page.wait_for_function(
        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"
    )


def test_the_grid_header_and_first_column_stay_in_view_with_eight_agencies(
    pv_open, pv_exports, tmp_path
):
    pv = pv_open(width=1280, height=800)
    pv.load(eight_agencies(pv_exports, tmp_path))
    assert len(pv.grid_columns()) == 8
    box = pv.page.locator(".jtai-pv-grid-section .jtai-pv-scroll")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth"), "eight agencies do not fit across"
    box.evaluate("e => e.scrollIntoView({block: 'start'})")
    wait_header(pv)
    assert header_in_view(pv), pv.page.evaluate(HEADER_IN_VIEW_JS)
    geometry = box.bounding_box()
    pv.page.mouse.move(geometry["x"] + 300, geometry["y"] + 300)
    last = pv.page.locator("table.jtai-pv-grid tbody tr:last-child")
    for _ in range(30):  # a person scrolls the page down with the wheel over the grid
        pv.page.mouse.wheel(0, 300)
        wait_header(pv)
        if last.bounding_box()["y"] + last.bounding_box()["height"] <= 800:
            break
    else:
        raise AssertionError("the last row never came into view")
    real = pv.page.locator("table.jtai-pv-grid thead").bounding_box()
    assert real["y"] + real["height"] < 0, "the grid's own header row has scrolled away"
    found = pv.page.evaluate(HEADER_IN_VIEW_JS)
    assert header_in_view(pv), found
    assert found["top"] < 100, "at the top of the window, under the site's header"

    pv.page.mouse.wheel(600, 0)  # and sideways
    pv.page.wait_for_function(
        "() => document.querySelector('.jtai-pv-grid-section .jtai-pv-scroll').scrollLeft > 100"
    )
    wait_header(pv)
    first = pv.page.evaluate(FIRST_COLUMN_JS)
    assert first["onTop"] and abs(first["left"] - first["boxLeft"]) <= 2, first
    assert header_in_view(pv), pv.page.evaluate(HEADER_IN_VIEW_JS)

    # The check can fail: without the copy, no header row is in the window down here.
    pv.page.add_style_tag(content=".jtai-pv-stickyhead { display: none !important; }")
    assert not header_in_view(pv), "the check must notice a header row that scrolled away"


def test_on_a_phone_the_grid_reads_criterion_by_criterion(pv_open, pv_exports, tmp_path):
    pv = pv_open(width=375, height=740)
    pv.load(eight_agencies(pv_exports, tmp_path))
    pv.show("agencies")
    no_sideways_scroll(pv, "agencies at 375 px")
    assert not pv.page.locator(".jtai-pv-grid-section .jtai-pv-scroll").is_visible()
    cards = pv.page.locator(".jtai-pv-grid-section li.jtai-pv-card[data-criterion]")
    assert cards.count() == 21
    ec1 = pv.page.locator(".jtai-pv-grid-section li.jtai-pv-card[data-criterion=EC1]")
    assert ec1.is_visible()
    assert ec1.locator("dd[data-column]").evaluate_all("els => els.map(e => e.dataset.column)") == [
        column(a) for a in (*AGENCY_ORDER, *EXTRA_AGENCIES)
    ]
    text = ec1.inner_text()
    assert "Agencies disagree (2 bands apart)" in text and "Strength 4.00" in text
    widest = ec1.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert widest, "a block never scrolls sideways"
    axe_clean(pv, "criterion blocks at 375 px")
    pv.show("positions")
    no_sideways_scroll(pv, "agreed positions at 375 px")


# ---------------------------------------------------------------------------------------------
# Over time


def choices(pv: PVPage) -> tuple[str, str]:
    values = pv.page.locator("select[data-compare]").evaluate_all("els => els.map(e => e.value)")
    return values[0], values[1]


def test_over_time_starts_with_one_agencys_files_or_asks(pv_open, pv_exports):
    police, later = pv_exports.records["police"], pv_exports.records["police-later"]
    pv = pv_open()
    # Loaded in an order where the first two files are two different agencies.
    paths = pv_exports.paths
    pv.load([paths["health"], paths["police-later"], paths["social-care"]])
    pv.load([pv_exports.paths["police"]])
    pv.show("time")
    assert choices(pv) == (
        f"{police['id']}|{police['updated']}",
        f"{later['id']}|{later['updated']}",
    )
    assert pv.page.locator("[data-note=ask]").count() == 0
    assert pv.page.locator("table.jtai-pv-compare").count() == 1

    other = pv_open()
    other.load(pv_exports.five())
    view = other.show("time")
    assert choices(other) == ("", ""), "two different agencies are never compared unasked"
    assert "Choose which two to compare" in view.locator("[data-note=ask]").inner_text()
    assert other.page.locator("table.jtai-pv-compare").count() == 0
    axe_clean(other, "over time, asking which two")
    no_sideways_scroll(other, "over time, asking")
    health = pv_exports.records["health"]
    other.page.select_option("select[data-compare=before]", f"{police['id']}|{police['updated']}")
    assert other.page.locator("table.jtai-pv-compare").count() == 0
    other.page.select_option("select[data-compare=after]", f"{health['id']}|{health['updated']}")
    other.page.wait_for_selector("table.jtai-pv-compare")
    assert "not from the same agency" in other.page.inner_text("[data-note=agency]")


# ---------------------------------------------------------------------------------------------
# Keyboard only, axe on each new state, 320 px


def tab_to(pv: PVPage, test: str, limit: int = 60) -> None:
    for _ in range(limit):
        pv.page.keyboard.press("Tab")
        if pv.page.evaluate(test):
            return
    raise AssertionError(f"Tab never reached: {test}")


def test_keyboard_only_records_a_position_and_includes_the_evidence(pv_open, pv_exports):
    pv = pv_open()
    pv.load(pv_exports.five())
    kb = pv.page.keyboard
    pv.page.focus(".jtai-pv-nav-btn[data-view=agencies]")
    kb.press("Enter")
    tab_to(pv, "() => document.activeElement.dataset.record === 'EC1'")
    kb.press("Enter")
    assert pv.page.evaluate("() => document.activeElement.dataset.criterion") == "EC1"
    assert pv.page.evaluate("() => document.activeElement.dataset.field") == "position"
    kb.type("Agreed by keyboard.")
    kb.press("Tab")
    assert pv.page.evaluate("() => document.activeElement.dataset.field") == "next_step"
    kb.type("Next by keyboard.")
    wait_saved(pv, "Next by keyboard.")
    pv.page.focus(".jtai-pv-nav-btn[data-view=report]")
    kb.press("Enter")
    tab_to(pv, "() => document.activeElement.id === 'jtai-pv-include-evidence'")
    kb.press("Space")
    pv.page.wait_for_selector("section.jtai-pv-report-evidence")
    assert pv.page.evaluate("() => document.activeElement.id") == "jtai-pv-include-evidence"
    assert "Agreed by keyboard." in pv.page.inner_text("ol.jtai-pv-disagree li[data-criterion=EC1]")


def test_new_states_are_axe_clean_and_reflow_at_320_px(pv_open, pv_exports):
    pv = pv_open()
    pv.show("positions")
    axe_clean(pv, "agreed positions, nothing loaded")
    pv.load(pv_exports.five())
    record_positions(pv)
    axe_clean(pv, "agreed positions, filled in")
    pv.show("agencies")
    axe_clean(pv, "agencies with agreed positions")
    pv.show("report")
    pv.page.locator("#jtai-pv-include-evidence").check()
    pv.page.emulate_media(media="print")
    axe_clean(pv, "report printed with positions and evidence")
    pv.page.emulate_media(media="screen")

    narrow = pv_open(width=320, height=640)
    narrow.show("positions")
    no_sideways_scroll(narrow, "agreed positions at 320 px, nothing loaded")
    narrow.load(pv_exports.five())
    record_positions(narrow)
    for view in ("positions", "agencies", "report"):
        narrow.show(view)
        no_sideways_scroll(narrow, f"{view} at 320 px")
    narrow.page.locator("#jtai-pv-include-evidence").check()
    no_sideways_scroll(narrow, "report with evidence at 320 px")
