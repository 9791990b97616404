"""Each tool's main journey by keyboard alone, through the accessibility tree (issue 24).

A journey presses Tab, Shift+Tab, the arrow keys, Space and Enter only (typing into a box is
typing), and after each step asserts what a screen reader is told: Playwright's aria snapshots
(`to_match_aria_snapshot`), partial by default, with `/children: deep-equal` where a list must be
whole. Each journey runs twice:

- as it comes;
- with forced colours (Windows high contrast) and reduced motion: at every Tab stop the focus
  must draw an outline that forced colours keep, ticked and unticked controls must look
  different, and after every step nothing may be animating.

In both, the control with focus must never be hidden by anything drawn over it (a sticky header,
a floating button: WCAG 2.2 focus not obscured).

The journeys: planner (date, plan, calendar), self-assessment (start, rate, results, save a copy),
tracker (filter, change a status, export), partnership view (load, compare, agree, print) and
training (present, reveal).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from a11y_support import Keyboard
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MODES = ("as-it-comes", "forced-colours-reduced-motion")


@pytest.fixture(params=MODES)
def keyboard(request: Any, page: Any) -> Any:
    """A factory: keyboard(url) opens the page at 1280 by 800 in the mode and returns a Keyboard."""
    forced = request.param != "as-it-comes"

    def open_at(url: str, **options: Any) -> Keyboard:
        extra = {"forced_colors": "active", "reduced_motion": "reduce"} if forced else {}
        recorded = page(None, locale="en-GB", accept_downloads=True, **extra, **options)
        recorded.page.goto(url)
        return Keyboard(recorded.page, forced)

    return open_at


# ---------------------------------------------------------------------------------------------
# Planner: date -> plan -> calendar


def test_planner_by_keyboard(keyboard: Any, site_server: str) -> None:
    kb = keyboard(f"{site_server}/planner.html")
    p = kb.page
    date = p.get_by_role("group", name="Date", exact=True)
    expect(date).to_match_aria_snapshot(
        """
        - group "Date":
          - /children: deep-equal
          - text: Date
          - paragraph: /The day of the phone call/
          - text: Day
          - textbox "Day"
          - text: Month
          - textbox "Month"
          - text: Year
          - textbox "Year"
        """
    )
    kb.tab_to(date.get_by_role("textbox", name="Day"))
    kb.type("3")
    kb.press("Tab")
    kb.type("6")
    kb.press("Tab")
    kb.type("2024")
    kb.press("Enter")
    plan = p.get_by_role("region", name="Your dated plan")
    expect(plan.get_by_role("heading", name="Your dated plan")).to_be_focused()
    expect(plan).to_match_aria_snapshot(
        """
        - region "Your dated plan":
          - heading "Your dated plan" [level=2]
          - term: Notification (day 1)
          - definition: Monday 3 June 2024
          - term: Fieldwork
          - definition: Monday 17 June 2024 to Friday 21 June 2024
          - term: /^Statement of action due/
          - button "Download for your calendar (.ics)"
          - button "Download as a spreadsheet (CSV)"
          - button "Print the plan"
          - combobox "Show what an agency leads or contributes to"
          - region /^Week 1. Notification/:
            - table /^Week 1. Notification/:
              - caption: /^Week 1. Notification/
        """
    )
    kb.still("the plan")
    calendar = plan.get_by_role("button", name="Download for your calendar (.ics)")
    kb.tab_to(calendar)
    with p.expect_download() as download:
        kb.press("Enter")
    assert download.value.suggested_filename.endswith(".ics"), download.value.suggested_filename
    kb.still("the calendar")
    # The notification-day checklist: a box ticked by Space looks ticked.
    task = p.get_by_role("checkbox", name="Name the link person")
    kb.tab_to(task)
    kb.tick_shows(task)
    expect(task).to_be_checked()
    kb.done()


# ---------------------------------------------------------------------------------------------
# Self-assessment: start -> rate -> results -> save a copy

EC15_INDICATORS = 5
RATING = """
- group "{name}":
  - /children: deep-equal
  - text: {name}
  - paragraph: Use the arrow keys to move between answers.
  - radio "Consistently"{checked}
  - text: Consistently
  - radio "Mostly"
  - text: Mostly
  - radio "Partly"
  - text: Partly
  - radio "Rarely"
  - text: Rarely
  - radio "Don’t know"
  - text: Don’t know
  - radio "Not assessed"{unchecked}
  - text: Not assessed
"""


def test_self_assessment_by_keyboard(keyboard: Any, site_server: str) -> None:
    kb = keyboard(f"{site_server}/self-assessment.html")
    p = kb.page
    kb.tab_to(p.get_by_role("button", name="Continue to the criteria"))
    kb.press("Enter")
    expect(p.get_by_role("heading", name="The criteria", level=2)).to_be_focused()
    expect(
        p.get_by_role("region", name="Intervention in places and spaces")
    ).to_match_aria_snapshot(
        """
        - region "Intervention in places and spaces":
          - heading "Intervention in places and spaces" [level=3]
          - paragraph: 0 of 1 criteria have a score
          - list:
            - /children: deep-equal
            - listitem:
              - button "EC17 Interventions in places and spaces"
              - text: Not started Not scored
        """
    )
    kb.still("the criteria")
    kb.tab_to(p.get_by_role("button", name=re.compile(r"^EC15 ")))
    kb.press("Enter")
    form = p.locator("article[data-criterion='EC15']")
    expect(form.get_by_role("heading", level=2)).to_be_focused()
    for n in range(1, EC15_INDICATORS + 1):
        group = form.get_by_role("group", name=re.compile(rf"^EC15\.{n} "))
        name = group.evaluate("(g) => g.querySelector('legend').textContent.trim()")
        expect(group).to_match_aria_snapshot(
            RATING.format(name=name, checked="", unchecked=" [checked]")
        )
        kb.tab_to(group.get_by_role("radio", name="Not assessed"))
        kb.tick_shows(group, "ArrowDown")  # from the last answer round to the first
        expect(group).to_match_aria_snapshot(
            RATING.format(name=name, checked=" [checked]", unchecked="")
        )
    expect(form.get_by_role("region", name="Score and outcome")).to_match_aria_snapshot(
        """
        - region "Score and outcome":
          - heading "Score and outcome" [level=3]
          - paragraph: Average rating 4.00 (5 of 5 rated).
          - paragraph: "Suggested outcome: Strength"
        """
    )
    kb.still("rating")
    steps = p.get_by_role("navigation", name="Self-assessment steps")
    kb.tab_to(steps.get_by_role("button", name="Results"), backwards=True)
    kb.press("Enter")
    expect(p.get_by_role("heading", name="Results (indicative)")).to_be_focused()
    expect(p.get_by_role("region", name="Overall")).to_match_aria_snapshot(
        """
        - region "Overall":
          - heading "Overall" [level=3]
          - list:
            - /children: deep-equal
            - listitem: Strength 1
            - listitem: No significant finding 0
            - listitem: Area for improvement 0
            - listitem: Potential area for priority action 0
            - listitem: Not scored 20
        """
    )
    expect(p.get_by_role("table", name="Scores for each criterion")).to_match_aria_snapshot(
        """
        - table "Scores for each criterion":
          - caption: Scores for each criterion
          - rowgroup:
            - row /^Criterion Score/
          - rowgroup:
            - row /^EC15 Understanding causes, targeting prevention 4.00 5 of 5 Strength/
        """
    )
    kb.still("the results")
    save = p.get_by_role("button", name="Save a copy to a file")
    kb.tab_to(save, backwards=True)
    with p.expect_download() as download:
        kb.press("Enter")
    assert download.value.suggested_filename.endswith(".json"), download.value.suggested_filename
    expect(save.locator("xpath=..")).not_to_contain_text("never saved a copy")
    kb.still("saving a copy")
    kb.done()
