"""What people come to do, in headless Chromium (issue 13): find the tools, turn weeks into dates,
print for a meeting and train on a projector.

- The menu: tabs for the guidance and the tools, at most 25 links on a criterion page at 1280 px,
  the maintainers' guide in the footer only, and no label covering a link as the menu scrolls.
- "See these as dates" links into the planner from every page that names a week or a day.
- Prints: each rendered to an A4 PDF and its pages counted (/Type /Page objects); what paper
  shows is checked with print media emulated.
- The presenter view of the training exercise at 1280 by 720.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    assert_no_outside_requests,
    horizontal_overflow,
    pdf_pages,
    run_axe,
)

pytestmark = pytest.mark.browser

MAX_MENU_LINKS = 25
TOOLS = {
    "Preparation planner": "planner.html",
    "Annex A readiness tracker": "tracker.html",
    "Self-assessment": "self-assessment.html",
    "Partnership view": "partnership.html",
    "Worked examples and training": "examples/index.html",
}

# Links in the left menu a person can see: laid out, and not inside a collapsed section.
_MENU_LINKS_JS = """
() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')]
  .filter(a => {
    const r = a.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(a).visibility === 'visible';
  })
  .map(a => a.textContent.trim())
"""

# Each menu link wholly inside the menu's scrolled box must be the element at its own centre:
# nothing (such as a sticky title) lies over it.
_COVERED_LINKS_JS = """
() => {
  const box = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
  const edge = box.getBoundingClientRect();
  const covered = [];
  for (const a of box.querySelectorAll('a.md-nav__link')) {
    const r = a.getBoundingClientRect();
    if (!r.height || getComputedStyle(a).visibility !== 'visible') continue;
    if (r.top < edge.top || r.bottom > edge.bottom) continue;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !a.contains(hit)) covered.push(a.textContent.trim());
  }
  return covered;
}
"""


def open_page(page, url: str, **options: Any):
    recorded = page(None, locale="en-GB", **options)
    recorded.goto(url)
    return recorded


def make_plan(p, notification: str) -> None:
    year, month, day = notification.split("-")
    p.fill("#planner-date-day", day)
    p.fill("#planner-date-month", month)
    p.fill("#planner-date-year", year)
    p.click("#planner-form button[type=submit]")
    p.wait_for_selector("#planner-result:not([hidden])")


def printed_text(p) -> str:
    """What paper shows of the page's content, with print media emulated."""
    p.emulate_media(media="print")
    try:
        return p.inner_text(".md-content")
    finally:
        p.emulate_media(media="null")  # back to the default (page.pdf prints)


# ---------------------------------------------------------------------------------------------
# The menu


def test_a_criterion_page_menu_has_at_most_25_links_and_the_tools_together(page, site_server):
    recorded = open_page(page, f"{site_server}/criteria/ec8.html")
    p = recorded.page
    links = p.evaluate(_MENU_LINKS_JS)
    assert 0 < len(links) <= MAX_MENU_LINKS, links
    assert "EC8: A skilled and supported workforce" in links
    tabs = p.eval_on_selector_all(".md-tabs__link", "els => els.map(e => e.textContent.trim())")
    # A site showing other frameworks has one more tab for them (generator/mkdocs_hook.py).
    assert tabs in (
        ["Home", "Guidance", "Tools"],
        ["Home", "Guidance", "Tools", "Other inspections"],
    )
    assert not any("maintainer" in t.lower() for t in links + tabs)
    p.click(".md-tabs__link:text-is('Tools')")
    p.wait_for_load_state()
    tools = dict(
        p.eval_on_selector_all(
            ".md-sidebar--primary a.md-nav__link",
            "els => els.map(a => [a.textContent.trim(), a.getAttribute('href')])",
        )
    )
    for name, href in TOOLS.items():
        assert tools.get(name, "").endswith(href), (name, tools)
    footer = p.locator(".md-footer a.jtai-footer-link", has_text="maintainers")
    assert "maintainers" in footer.get_attribute("href")
    assert run_axe(p) == []
    assert_no_outside_requests(recorded.requests, site_server)


def test_no_label_covers_a_menu_link_when_the_menu_scrolls(page, site_server):
    recorded = open_page(page, f"{site_server}/criteria/ec8.html")
    p = recorded.page
    for offset in (0, 60, 140):
        p.evaluate(
            "(y) => document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap')"
            ".scrollTop = y",
            offset,
        )
        assert p.evaluate(_COVERED_LINKS_JS) == [], offset


def test_the_menu_works_at_375px_by_keyboard(page, site_server):
    recorded = open_page(page, f"{site_server}/criteria/ec8.html", width=375, height=700)
    p = recorded.page
    p.focus("label.md-header__button[for=__drawer]")
    p.keyboard.press("Enter")
    drawer = p.locator(".md-sidebar--primary")
    drawer.wait_for(state="visible")
    assert horizontal_overflow(p)["scrollWidth"] <= 375
    assert run_axe(p) == []


def test_the_home_page_gives_each_role_its_tools(page, site_server):
    recorded = open_page(page, f"{site_server}/index.html")
    p = recorded.page
    hrefs = p.eval_on_selector_all(".md-content a", "els => els.map(a => a.getAttribute('href'))")
    wanted = [*TOOLS.values(), "examples/training.html"]
    for href in wanted:
        assert href in hrefs, href
    cards = p.locator(".md-content .grid.cards > ul > li")
    assert cards.count() >= 4
    assert run_axe(p) == []


# ---------------------------------------------------------------------------------------------
# "See these as dates"

# Pages that name a week but need no link: the planner itself, and a definition in the glossary.
# The planner itself; the glossary; the framework page, which is the guidance word for word.
NO_LINK_NEEDED = {"planner.html", "glossary.html", "guidance.html"}
NAMES_A_WEEK = re.compile(r"\b[Ww]eeks? [1-3]\b")


def article_text(html: str) -> str:
    article = re.search(r"<article.*?</article>", html, re.S)
    return re.sub(r"<[^>]+>", " ", article.group(0)) if article else ""


def own_path(site: Path, rel: str) -> str:
    """A page's path within its framework: another framework's pages are in a folder of their
    own (tiny-2025/planner.html is that framework's planner.html)."""
    first, _, rest = rel.partition("/")
    return rest if rest and (site / first / "guidance.html").is_file() else rel


def test_every_page_that_names_a_week_links_to_the_planner(built_site):
    naming, missing = [], []
    for path in sorted(built_site.rglob("*.html")):
        rel = path.relative_to(built_site).as_posix()
        html = path.read_text(encoding="utf-8")
        own = own_path(built_site, rel)
        maintainers = own.startswith("maintainers/")  # for maintainers, not the users' plan
        if own in NO_LINK_NEEDED or maintainers or not NAMES_A_WEEK.search(article_text(html)):
            continue
        naming.append(rel)
        links = re.findall(r'<a class="jtai-see-dates" href="([^"]+)"', html)
        if not links or not all(
            re.fullmatch(r"(\.\./)*planner\.html(#week-\d)?", h) for h in links
        ):
            missing.append((rel, links))
    assert missing == []
    for expected in (
        "three-weeks.html",
        "annex-a/index.html",
        "annex-a/police.html",
        "guides/one-minute.html",
        "guides/health.html",
        "tracker.html",
        "criteria/ec4.html",
    ):
        assert expected in naming, expected
    three = (built_site / "three-weeks.html").read_text(encoding="utf-8")
    assert re.findall(r'href="planner\.html#(week-\d)"', three) == ["week-1", "week-2", "week-3"]


def test_see_week_2_as_dates_lands_on_week_2_of_the_plan(page, site_server):
    recorded = open_page(page, f"{site_server}/planner.html")
    p = recorded.page
    make_plan(p, "2024-05-03")
    p.goto(f"{site_server}/three-weeks.html")
    with p.expect_navigation():
        p.click("a.jtai-see-dates[href='planner.html#week-2']")
    p.wait_for_selector("#planner-result:not([hidden])")
    p.wait_for_function(
        "() => { const r = document.getElementById('plan-week-2').getBoundingClientRect();"
        " return r.top > -1 && r.top < innerHeight; }"  # scrolled to it, give or take a subpixel
    )
    assert "Week 2" in p.inner_text("#plan-week-2")
    assert_no_outside_requests(recorded.requests, site_server)


# ---------------------------------------------------------------------------------------------
# Prints

PLANS = {
    "Somerset, with a bank holiday in week 1": "2024-05-03",
    "no bank holiday": "2026-11-30",
}


@pytest.mark.parametrize("notification", PLANS.values(), ids=PLANS.keys())
def test_the_dated_plan_prints_on_at_most_3_a4_pages_wall_planner_first(
    page, site_server, notification
):
    recorded = open_page(page, f"{site_server}/planner.html")
    p = recorded.page
    make_plan(p, notification)
    pages = pdf_pages(p)
    assert 1 < pages <= 3, pages
    text = printed_text(p)
    assert text.index("JTAI plan: key dates at a glance") < text.index("Week 1:")
    assert "How the dates are worked out" not in text
    assert "Which date do you know?" not in text
    wall = p.locator(".jtai-wall")
    assert wall.count() == 1 and not wall.is_visible(), "the wall planner is for paper only"


def test_every_print_says_the_site_the_date_and_what_it_is(page, site_server):
    recorded = open_page(page, f"{site_server}/guides/one-minute.html")
    p = recorded.page
    today = dt.date.today()
    text = printed_text(p)
    first = text.strip().splitlines()[0]
    assert first.startswith("JTAI Ready")
    assert f"Printed {today.day} {today:%B %Y}" in first
    assert "not an inspection judgement" in first
    assert not p.locator(".jtai-print-stamp").is_visible(), "paper only"
    p.goto(f"{site_server}/planner.html")
    make_plan(p, "2024-05-03")
    first = printed_text(p).strip().splitlines()[0]
    assert first.startswith("JTAI Ready: Preparation planner")
    assert "the lead inspector’s timeline is the one that counts" in first


def test_every_one_minute_guide_prints_on_at_most_2_a4_pages(built_site, page, site_server):
    guides = sorted(f.name for f in built_site.glob("guides/*.html") if f.name != "index.html")
    assert len(guides) >= 2
    p = open_page(page, f"{site_server}/guides/index.html").page
    pages = {}
    for name in guides:
        p.goto(f"{site_server}/guides/{name}")
        pages[name] = pdf_pages(p)
    assert {name: n for name, n in pages.items() if n > 2} == {}, pages


def test_the_tracker_prints_a_table_not_form_fields(page, site_server):
    recorded = open_page(page, f"{site_server}/tracker.html")
    p = recorded.page
    p.wait_for_selector("#tracker-app:not([hidden])")
    p.select_option("#t-a-list-4-status", "ready")
    p.fill("#t-a-list-4-owner", "Head of performance")
    p.press("#t-a-list-4-owner", "Tab")
    total = p.locator("tr.jtai-item").count()
    p.emulate_media(media="print")
    fields = p.eval_on_selector_all(
        "#jtai-tracker input, #jtai-tracker select, #jtai-tracker textarea, #jtai-tracker button",
        "els => els.filter(e => e.getClientRects().length > 0).map(e => e.id)",
    )
    assert fields == []
    rows = p.locator("#tracker-print tbody tr")
    assert rows.count() == total
    row = p.locator("#tracker-print tr[data-id='A-list-4']")
    p.wait_for_function(
        "document.querySelector(\"#tracker-print tr[data-id='A-list-4']\").textContent"
        ".includes('Head of performance')"
    )
    cells = row.locator("td").all_inner_texts()
    assert cells[2] == "Ready" and cells[3] == "Head of performance", cells
    p.emulate_media(media="null")  # back to the default (page.pdf prints)
    assert not p.locator("#tracker-print").is_visible()
    button = p.locator("#tracker-print-button")
    assert button.is_visible()
    pages = pdf_pages(p)
    assert pages <= 8, pages
    assert run_axe(p, "#jtai-tracker") == []


# ---------------------------------------------------------------------------------------------
# Presenter view


def test_the_presenter_view_on_a_projector(page, site_server):
    recorded = open_page(page, f"{site_server}/examples/training.html", width=1280, height=720)
    p = recorded.page
    p.focus("#jtai-present")
    p.keyboard.press("Enter")
    heading = p.locator(".jtai-presenter h2")
    heading.wait_for()
    assert p.evaluate("document.activeElement.tagName") == "H2"
    assert "finding 1 of" in heading.inner_text()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-top", "h1"):
        assert not p.locator(chrome).first.is_visible(), chrome
    text_size = p.eval_on_selector(
        ".jtai-presenter .jtai-finding-card__text", "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert text_size >= 28, text_size
    reveal = p.locator(".jtai-presenter__reveal")
    box = reveal.bounding_box()
    assert box and box["y"] + box["height"] <= 720, "the reveal button is above the fold"
    keys = p.locator(".jtai-presenter__keys").inner_text()
    for key in ("→", "←", "R", "Esc"):
        assert key in keys
    answer = p.locator("#jtai-presenter-answer")
    assert not answer.is_visible() and reveal.get_attribute("aria-expanded") == "false"
    assert run_axe(p) == []
    p.keyboard.press("r")
    answer.wait_for(state="visible")
    assert answer.locator("li.jtai-mapping__item").count() >= 1
    assert run_axe(p) == []
    p.keyboard.press("ArrowRight")
    p.wait_for_function("document.querySelector('.jtai-presenter h2').textContent.includes('2 of')")
    assert not answer.is_visible(), "the next finding starts with the answer hidden"
    p.keyboard.press("ArrowLeft")
    p.wait_for_function("document.querySelector('.jtai-presenter h2').textContent.includes('1 of')")
    p.keyboard.press("Escape")
    p.locator("#jtai-present").wait_for()
    assert p.locator(".md-header").is_visible()
    assert not recorded.console_errors, recorded.console_errors
    assert_no_outside_requests(recorded.requests, site_server)


def test_the_presenter_view_fits_375px(page, site_server):
    recorded = open_page(page, f"{site_server}/examples/training.html", width=375, height=700)
    p = recorded.page
    p.click("#jtai-present")
    p.click(".jtai-presenter__reveal")
    assert horizontal_overflow(p)["scrollWidth"] <= 375
    assert run_axe(p) == []


def test_presenter_keys_do_not_reach_the_theme(page, site_server):
    """'n' and 'p' are the theme's next and previous page keys; the presenter's keys are its own."""
    recorded = open_page(page, f"{site_server}/examples/training.html")
    p = recorded.page
    url = p.url
    p.click("#jtai-present")
    p.keyboard.press("ArrowRight")
    p.keyboard.press("r")
    assert p.url == url
    assert Path(url).name == "training.html"
