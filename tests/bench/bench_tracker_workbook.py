"""Benchmark reading a hostile tracker workbook in headless Chromium (not a test: run by hand, or
`make bench`).

The site's own blank workbook with its shared strings (xl/sharedStrings.xml) padded to 1.1 million
entries: the file is about 55 KB packed and unpacks to about 19 MB, under the page's 20 MB limit.
Times, on the built site ($JTAI_SITE_DIR, else site/), importing it through the tracker's file
input until the check before importing is shown (the workbook read and compared, nothing changed
yet; issue 23 point 7: it froze the tab for 36 s), and the page's main-thread busy time
meanwhile (on a shared machine the wall clock also counts waiting).

    .venv/bin/python tests/bench/bench_tracker_workbook.py [--runs N] [--strings N]
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

from playwright.sync_api import FilePayload, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from bench_support import site_dir, summary  # noqa: E402
from browser_support import CHROMIUM_ARGS, find_chromium, serve_directory  # noqa: E402

CHROMIUM = find_chromium() or "/usr/bin/chromium"
PAGE = "tracker.html"
WORKBOOK = "assets/planner/annex-a-tracker.xlsx"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def padded_workbook(site: Path, strings: int) -> bytes:
    """The site's workbook with `strings` shared strings (its own first, then short padding)."""
    source = zipfile.ZipFile(site / WORKBOOK)
    own = (
        source.read("xl/sharedStrings.xml").decode("utf-8")
        if "xl/sharedStrings.xml" in source.namelist()
        else ""
    )
    items = own[own.find("<si>") : own.rfind("</si>") + 5] if "<si>" in own else ""
    have = own.count("<si>")
    body = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" '
        f'count="{strings}" uniqueCount="{strings}">'
        + items
        + "<si><t>x</t></si>" * (strings - have)
        + "</sst>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                target.writestr(info.filename, source.read(info.filename))
        target.writestr("xl/sharedStrings.xml", body)
    return out.getvalue()


def task_seconds(cdp: object) -> float:
    """The page's main-thread busy time so far (Chrome's TaskDuration metric): less skewed than
    the wall clock when the machine is shared."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]  # type: ignore[attr-defined]
    return float(next(m["value"] for m in metrics if m["name"] == "TaskDuration"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repeats")
    parser.add_argument("--strings", type=int, default=1_100_000, help="shared strings in the file")
    options = parser.parse_args()
    site = site_dir(PAGE)
    book = padded_workbook(site, options.strings)
    lines = [
        f"Tracker workbook benchmark on {site} (Chromium at {CHROMIUM})",
        f"workbook: {len(book) / 1024:.0f} KB packed, {options.strings:,} shared strings",
    ]
    times: list[float] = []
    busy: list[float] = []
    outcome = ""
    with serve_directory(site) as origin, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        for _ in range(options.runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(f"{origin}/{PAGE}")
            page.wait_for_selector("#tracker-app:not([hidden])")
            cdp = context.new_cdp_session(page)
            cdp.send("Performance.enable")
            before = task_seconds(cdp)
            page.evaluate(
                """() => { window.__benchStart = 0;
                  document.querySelector('#tracker-import').addEventListener('change',
                    () => { window.__benchStart = performance.now(); }, {capture: true}); }"""
            )
            page.set_input_files(
                "#tracker-import",
                files=FilePayload(
                    name="padded.xlsx", mimeType="application/octet-stream", buffer=book
                ),
            )
            page.wait_for_selector("#tracker-import-result:not([hidden])", timeout=300_000)
            times.append(float(page.evaluate("() => performance.now() - window.__benchStart")))
            busy.append((task_seconds(cdp) - before) * 1000)
            outcome = str(page.inner_text("#tracker-import-result")).splitlines()[0]
            context.close()
        browser.close()
    lines.append(summary("choose the file -> check before importing shown", times))
    lines.append(summary("  main thread busy meanwhile (TaskDuration)", busy))
    lines.append(f"  result: {outcome[:120]}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
