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
from pathlib import Path
from typing import Any

import pytest
from a11y_support import Keyboard, two_agencies
from browser_support import open_chooser_by_keyboard
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


# ---------------------------------------------------------------------------------------------
# Tracker: filter -> change a status -> export

TRACKER_STATUS = """
- combobox /^Status/:
  - /children: deep-equal
  - option "Not started"{not_started}
  - option "In progress"
  - option "Ready"{ready}
  - option "Not applicable"
"""


def test_tracker_by_keyboard(keyboard: Any, site_server: str) -> None:
    kb = keyboard(f"{site_server}/tracker.html")
    p = kb.page
    known = p.get_by_role("group", name="Which date do you know?")
    kb.tab_to(known.get_by_role("radio").first)
    kb.tick_shows(known, "ArrowDown")
    show = p.get_by_role("group", name="Show items")
    kb.tab_to(show.get_by_role("combobox", name="Agency (leads or contributes)"))
    kb.type("Police")  # a closed list box picks the option typed
    expect(p.get_by_role("region", name="Items")).to_match_aria_snapshot(
        """
        - region "Items":
          - heading "Items" [level=2]
          - paragraph:
            - 'link "Skip the table: send, export and import"'
          - group "Show items":
            - combobox "Agency (leads or contributes)":
              - option "Police" [selected]
          - status: /^Showing (?!93 )\\d+ of 93 items\\. Filtered to\\W+Police/
          - button "Print the tracker as a table"
          - table /^Annex A items/:
            - caption: /^Annex A items/
        """
    )
    kb.still("filtered")
    items = p.get_by_role("table", name=re.compile(r"^Annex A items"))
    row = items.locator("tbody tr:visible").first
    status = row.get_by_role("combobox", name=re.compile(r"^Status"))
    expect(status).to_match_aria_snapshot(
        TRACKER_STATUS.format(not_started=" [selected]", ready="")
    )
    kb.tab_to(status)
    kb.type("R")
    expect(status).to_match_aria_snapshot(
        TRACKER_STATUS.format(not_started="", ready=" [selected]")
    )
    expect(p.get_by_role("region", name="Progress", exact=True)).to_match_aria_snapshot(
        """
        - region "Progress":
          - heading "Progress" [level=2]
          - paragraph:
            - strong: /^1 of 93 items ready/
        """
    )
    kb.still("a status changed")
    kb.tab_to(p.get_by_role("link", name="Skip the table: send, export and import"), backwards=True)
    kb.press("Enter")
    files = p.get_by_role("region", name="Save, export and import")
    export = files.get_by_role("button", name="Export the tracker (JSON)")
    kb.tab_to(export)
    with p.expect_download() as download:
        kb.press("Enter")
    assert download.value.suggested_filename.endswith(".json"), download.value.suggested_filename
    kb.still("exported")
    kb.done()


# ---------------------------------------------------------------------------------------------
# Partnership view: load -> compare -> agree -> print


def test_partnership_view_by_keyboard(keyboard: Any, site_server: str, tmp_path: Path) -> None:
    kb = keyboard(f"{site_server}/partnership.html")
    p = kb.page
    p.wait_for_selector("#jtai-partnership[data-ready=true]")
    p.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    choose = p.get_by_role("button", name="Choose files")
    kb.tab_to(choose)
    open_chooser_by_keyboard(p, choose).set_files(two_agencies(tmp_path))
    # Nothing loads until the preview is confirmed: focus is on its heading, Tab reaches the button.
    kb.tab_to(p.get_by_role("button", name="Load these"))
    kb.press("Enter")
    expect(p.get_by_role("region", name="Loaded assessments", exact=True)).to_match_aria_snapshot(
        """
        - region "Loaded assessments":
          - heading "Loaded assessments" [level=3]
          - region "Loaded assessments (2)":
            - table "Loaded assessments (2)":
              - rowgroup
              - rowgroup:
                - /children: equal
                - row /^Police Police self-assessment/
                - row /^Health services Health self-assessment/
        """
    )
    kb.still("loaded")
    sections = p.get_by_role("navigation", name="Partnership view sections")
    kb.tab_to(sections.get_by_role("button", name="Agencies compared"), backwards=True)
    kb.press("Enter")
    compared = p.get_by_role("region", name="Agencies compared")
    expect(compared.get_by_role("heading", name="Agencies compared")).to_be_focused()
    expect(compared).to_match_aria_snapshot(
        """
        - region "Agencies compared":
          - heading "Agencies compared" [level=2]
          - region "Summary":
            - heading "Summary" [level=3]
            - list:
              - /children: deep-equal
              - listitem: "Agencies disagree: 1 criterion"
              - listitem: "Agencies differ by one band: 0 criteria"
              - listitem: "Agencies agree: 2 criteria"
              - listitem: "Rated by one agency only: 0 criteria"
              - listitem: "Not rated by any agency: 18 criteria"
          - region "Where agencies disagree":
            - heading "Where agencies disagree" [level=3]
            - list:
              - /children: equal
              - listitem:
                - strong: "EC1: Identifying and reducing risk"
                - text: /3 bands apart/
                - button "Record the partnership’s position on EC1"
          - region "Each criterion, agency by agency":
            - region /scrolls sideways/:
              - table "Outcome and score by agency"
        """
    )
    kb.still("compared")
    kb.tab_to(compared.get_by_role("button", name="Record the partnership’s position on EC1"))
    kb.press("Enter")
    ec1 = p.get_by_role("group", name="EC1: Identifying and reducing risk")
    expect(ec1.get_by_role("textbox", name="Agreed position on EC1")).to_be_focused()
    kb.type("Police and health audit twenty cases together.")
    kb.press("Tab")
    kb.type("Business manager sets up the joint audit by 30 June.")
    expect(ec1).to_match_aria_snapshot(
        """
        - 'group "EC1: Identifying and reducing risk"':
          - 'heading "EC1: Identifying and reducing risk" [level=4]'
          - paragraph: /^Agencies disagree \\(3 bands apart\\)/
          - textbox "Agreed position on EC1": Police and health audit twenty cases together.
          - textbox "Next step on EC1": Business manager sets up the joint audit by 30 June.
        """
    )
    kb.still("agreed")
    positions = p.get_by_role("region", name="Agreed positions and cover note")
    kb.tab_to(positions.get_by_role("button", name="Print the report"), backwards=True)
    kb.press("Enter")
    p.wait_for_function("() => window.__printed === true")
    kb.still("printed")
    kb.done()


# ---------------------------------------------------------------------------------------------
# Training: present -> reveal

MAPPING = """
- region "Our mapping":
  - heading "Our mapping" [level=3]
  - list:
    - /children: equal
"""
MAPPING_ITEM = """
    - listitem:
      - paragraph:
        - strong:
          - 'link "{name}"'
      - paragraph: '{why}'
"""


def test_training_by_keyboard(keyboard: Any, site_server: str) -> None:
    kb = keyboard(f"{site_server}/examples/training.html")
    p = kb.page
    data = p.evaluate("() => window.JTAI.data.findings")
    titles = {c["id"]: c["title"] for c in data["criteria"]}
    chosen = data["examples"][0]  # the choice after the set drawn from every letter
    choose = p.get_by_role("group", name="Which example do you want to practise on?")
    kb.tab_to(choose.get_by_role("radio").first)
    kb.tick_shows(choose, "ArrowDown")
    expect(
        choose.get_by_role("radio", name=re.compile("^" + re.escape(chosen["title"])))
    ).to_be_checked()
    kb.tab_to(p.get_by_role("button", name="Present to a group (projector view)"))
    kb.press("Enter")
    total = len(chosen["findings"])
    heading = p.get_by_role("heading", name=f"{chosen['title']}: finding 1 of {total}")
    expect(heading).to_be_focused()
    kb.press("ArrowRight")
    heading = p.get_by_role("heading", name=f"{chosen['title']}: finding 2 of {total}")
    expect(heading).to_be_focused()
    expect(p.locator("article")).to_match_aria_snapshot(
        f"""
        - article:
          - 'heading "{chosen["title"]}: finding 2 of {total}" [level=2]'
          - paragraph: Which criteria does this finding give evidence about?
          - button "Previous finding (←)"
          - button "Show our mapping (R)"
          - button "Next finding (→)"
          - button "Leave the presenter view (Esc)"
        """
    )
    assert p.get_by_role("link", name="Back to top").is_hidden()
    kb.still("presenting")
    kb.tab_to(p.get_by_role("button", name="Show our mapping (R)"))
    kb.press("Enter")
    expect(p.get_by_role("button", name="Hide our mapping (R)")).to_be_focused()
    finding = chosen["findings"][1]
    items = "".join(
        MAPPING_ITEM.format(
            name=f"{c['id']}: {titles[c['id']]}", why=c["rationale"].replace("'", "''")
        )
        for c in finding["criteria"]
    )
    expect(p.get_by_role("region", name="Our mapping")).to_match_aria_snapshot(
        MAPPING.rstrip("\n") + items
    )
    kb.still("revealed")
    kb.press("Escape")
    expect(p.get_by_role("heading", name="Choose an example")).to_be_visible()
    kb.done()
