"""400% zoom (issue 24): every page and app view at 320 by 256 CSS pixels, the viewport a
1280 by 1024 screen gives at 400%, reads without the whole page scrolling sideways (WCAG 1.4.10
Reflow). What is too wide (a table, the partnership grid) scrolls inside its own box, which a
keyboard user can focus and a screen reader names.

Each page is visited once; each test fails with every offending page listed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from a11y_support import ZOOM_400, scroll_box_problems
from browser_support import horizontal_overflow, html_pages, record

pytestmark = pytest.mark.browser


def _page_problems(page: Any) -> list[str]:
    problems = []
    o = horizontal_overflow(page)
    if o["scrollWidth"] > o["clientWidth"]:
        problems.append(f"the page scrolls sideways: {o['scrollWidth']}px > {o['clientWidth']}px")
        problems.extend(f"sticks out: {c}" for c in o["culprits"])
    problems.extend(scroll_box_problems(page))
    return problems


@pytest.fixture(scope="module")
def zoomed(browser: Any, site_server: str, built_site: Path) -> dict[str, list[str]]:
    context = browser.new_context(viewport=ZOOM_400, locale="en-GB")
    try:
        recorded = record(context.new_page())
        found = {}
        for path in html_pages(built_site):
            recorded.goto(f"{site_server}/{path}")
            recorded.page.evaluate("() => new Promise(r => requestAnimationFrame(r))")
            found[path] = _page_problems(recorded.page)
        return found
    finally:
        context.close()


def _fail_with(offenders: dict[str, list[str]]) -> None:
    lines = [f"at 320 x 256 CSS pixels (400% zoom): {len(offenders)} page(s)"]
    for path, problems in sorted(offenders.items()):
        lines.append(f"{path}:")
        lines.extend(f"    {p}" for p in problems)
    pytest.fail("\n".join(lines), pytrace=False)


def test_every_page_reads_at_400_percent_zoom(zoomed: dict[str, list[str]]) -> None:
    offenders = {path: problems for path, problems in zoomed.items() if problems}
    if offenders:
        _fail_with(offenders)


def test_the_planners_dated_plan_reads_at_400_percent_zoom(page: Any, site_server: str) -> None:
    """The planner's widest view: every deadline as a date, in tables by week."""
    recorded = page(f"{site_server}/planner.html", locale="en-GB", **_viewport())
    p = recorded.page
    p.fill("#planner-date-day", "3")
    p.fill("#planner-date-month", "6")
    p.fill("#planner-date-year", "2024")
    p.press("#planner-date-year", "Enter")
    p.wait_for_selector("#planner-result:not([hidden])")
    problems = _page_problems(p)
    if problems:
        _fail_with({"planner.html (dated plan)": problems})


def _viewport() -> dict[str, Any]:
    return {"width": ZOOM_400["width"], "height": ZOOM_400["height"]}
