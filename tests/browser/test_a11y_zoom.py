"""400% zoom (issue 24): every app view at 320 by 256 CSS pixels, the viewport a 1280 by 1024
screen gives at 400%, reads without the whole page scrolling sideways (WCAG 1.4.10 Reflow). What
is too wide (a table, the partnership grid) scrolls inside its own box, which a keyboard user can
focus and a screen reader names. Every page as it loads is checked the same way by
test_site_pages.py's survey, which visits each page once for all its checks.

The apps' views past their first screen (a criterion's form, results, the partnership grid, the
presenter view) are reached in one page load per app. In each view, 40 Tab stops on from its
heading, the control with focus must not be hidden by anything sticky (the header, a table's
header row): WCAG 2.2 focus not obscured, hardest to meet in a window 256 pixels high.

Each test fails with every offending view listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from a11y_support import (
    ZOOM_400,
    Keyboard,
    focus_obscured_by,
    scroll_box_problems,
    settled,
    two_agencies,
)
from browser_support import horizontal_overflow
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _page_problems(page: Any) -> list[str]:
    problems = []
    o = horizontal_overflow(page)
    if o["scrollWidth"] > o["clientWidth"]:
        problems.append(f"the page scrolls sideways: {o['scrollWidth']}px > {o['clientWidth']}px")
        problems.extend(f"sticks out: {c}" for c in o["culprits"])
    problems.extend(scroll_box_problems(page))
    return problems


def _fail_with(offenders: dict[str, list[str]]) -> None:
    lines = [f"at 320 x 256 CSS pixels (400% zoom): {len(offenders)} page(s)"]
    for path, problems in sorted(offenders.items()):
        lines.append(f"{path}:")
        lines.extend(f"    {p}" for p in problems)
    pytest.fail("\n".join(lines), pytrace=False)


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


TABS_PER_VIEW = 40


@dataclass
class Views:
    """One app at 400% zoom: each view's problems, by view."""

    kb: Keyboard
    found: dict[str, list[str]] = field(default_factory=dict)

    def check(self, view: str) -> None:
        problems = _page_problems(self.kb.page)
        for _ in range(TABS_PER_VIEW):
            self.kb.press("Tab")
        problems += self.kb.problems
        self.kb.problems.clear()
        if problems:
            self.found[view] = problems

    def done(self) -> None:
        if self.found:
            _fail_with(self.found)


@pytest.fixture
def zoomed_app(page: Any) -> Any:
    """zoomed_app(url): the page at 320 by 256 CSS pixels, as Views to check."""

    def open_at(url: str) -> Views:
        recorded = page(None, locale="en-GB", **_viewport())
        recorded.page.goto(url)
        return Views(Keyboard(recorded.page, forced=False))

    return open_at


def test_the_self_assessments_views_at_400_percent_zoom(zoomed_app: Any, site_server: str) -> None:
    views = zoomed_app(f"{site_server}/self-assessment.html")
    p = views.kb.page
    views.check("start")
    p.get_by_role("button", name="Continue to the criteria").click()
    views.check("the criteria")
    p.get_by_role("button", name=re.compile(r"^EC15 ")).click()
    form = p.locator("article[data-criterion='EC15']")
    form.get_by_role("radio", name="Mostly").first.check()
    views.check("a criterion's form")
    steps = p.get_by_role("navigation", name="Self-assessment steps")
    steps.get_by_role("button", name="Results").click()
    views.check("results")
    views.done()


def test_the_partnership_views_at_400_percent_zoom(
    zoomed_app: Any, site_server: str, tmp_path: Path
) -> None:
    views = zoomed_app(f"{site_server}/partnership.html")
    p = views.kb.page
    p.wait_for_selector("#jtai-partnership[data-ready=true]")
    p.set_input_files("input[type=file][data-action=load-files]", two_agencies(tmp_path))
    confirm = p.get_by_role("button", name="Load these")
    confirm.wait_for()
    views.check("what loading would do")
    confirm.click()
    p.get_by_role("region", name="Loaded assessments (2)").wait_for()
    views.check("loaded")
    sections = p.get_by_role("navigation", name="Partnership view sections")
    for name in ("Agencies compared", "Agreed positions", "Report"):
        sections.get_by_role("button", name=name).focus()
        p.keyboard.press("Enter")
        views.check(name)
    views.done()


def test_the_training_views_at_400_percent_zoom(zoomed_app: Any, site_server: str) -> None:
    views = zoomed_app(f"{site_server}/examples/training.html")
    p = views.kb.page
    p.get_by_role("button", name="Present to a group (projector view)").click()
    views.check("presenting")
    p.keyboard.press("r")
    views.check("our mapping shown")
    p.keyboard.press("Escape")
    p.get_by_role("button", name="Start the exercise").click()
    views.check("the exercise")
    _menu_and_search_by_keyboard(views)
    views.done()


def _menu_and_search_by_keyboard(views: Views) -> None:
    """On a narrow screen the header's Menu and Search buttons are Tab stops that open with
    Enter, move focus in, and give it back on Escape."""
    kb, p = views.kb, views.kb.page
    for name, inside in (("Menu", ".md-sidebar--primary"), ("Search", ".md-search")):
        button = p.get_by_role("button", name=name, exact=True)
        kb.tab_to(button, backwards=True)
        expect(button).to_have_attribute("aria-expanded", "false")
        kb.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
        p.wait_for_function(f"() => !!document.activeElement.closest('{inside}')")
        settled(p)
        cover = focus_obscured_by(p)
        if cover:
            views.found.setdefault(name, []).append(f"focus in the open {name}: {cover}")
        kb.press("Escape")
        expect(button).to_be_focused()
        expect(button).to_have_attribute("aria-expanded", "false")
