"""Every page of the built site, in headless Chromium: one test per invariant.

Each page is visited once (the `survey` fixture) and every check is recorded; each test
then fails with the full list of offending pages, like SigmaHQ's rule tests.
The site is also opened from disk (file://), where navigation and search must still work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from a11y_support import TWO_FRAMES, ZOOM_400, scroll_box_problems
from browser_support import (
    RecordedPage,
    assert_no_outside_requests,
    horizontal_overflow,
    html_pages,
    outside_requests,
    record,
    run_axe,
)

pytestmark = pytest.mark.browser

NARROW_WIDTH = ZOOM_400["width"]
SEARCH_WORD = "criteria"
SEARCH_TIMEOUT_MS = 20_000
MAX_TABS = 150

# Where a keyboard user lands after the skip link: the page's own content, not the
# header, the navigation sidebars or the table of contents.
MAIN_CONTENT = ".md-content"

_FOCUS_JS = """
(selector) => {
  const el = document.activeElement;
  if (!el || el === document.body) return {tag: 'body', text: '', href: '', inMain: false};
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
    href: el.getAttribute('href') || '',
    inMain: Boolean(el.closest(selector)),
  };
}
"""

_HASH_TARGET_IN_MAIN_JS = """
(selector) => {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  return Boolean(target && target.closest(selector));
}
"""


def _is_skip_link(focus: dict[str, Any]) -> bool:
    return focus["tag"] == "a" and focus["href"].startswith("#") and "skip" in focus["text"].lower()


@dataclass
class PageReport:
    path: str
    console_errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    overflow: dict[str, Any] | None = None
    scroll_boxes: list[str] = field(default_factory=list)
    skip_link_problem: str | None = None


def _check_skip_link(page: Any) -> str | None:
    """Tab once from the top: a skip link; Enter on it, Tab again: inside the main content."""
    page.keyboard.press("Tab")
    first = page.evaluate(_FOCUS_JS, MAIN_CONTENT)
    if not _is_skip_link(first):
        return f"first Tab focuses <{first['tag']}> {first['text']!r}, not a skip link"
    page.keyboard.press("Enter")
    if not page.evaluate(_HASH_TARGET_IN_MAIN_JS, MAIN_CONTENT):
        return f"skip link {first['href']!r} does not lead into {MAIN_CONTENT}"
    page.keyboard.press("Tab")
    after = page.evaluate(_FOCUS_JS, MAIN_CONTENT)
    if not after["inMain"]:
        where = f"<{after['tag']}> {after['text']!r}"
        return f"Tab after the skip link focuses {where}, outside {MAIN_CONTENT}"
    return None


def _survey_page(recorded: RecordedPage, origin: str, path: str) -> PageReport:
    page = recorded.page
    recorded.clear()
    page.set_viewport_size({"width": 1280, "height": 800})
    recorded.goto(f"{origin}/{path}")
    report = PageReport(path)
    report.axe = run_axe(page)
    report.skip_link_problem = _check_skip_link(page)
    page.set_viewport_size(ZOOM_400)  # 400% zoom (WCAG 1.4.10 Reflow; issue 24)
    page.evaluate(TWO_FRAMES)  # the page's scripts see the new size
    overflow = horizontal_overflow(page)
    if overflow["scrollWidth"] > overflow["clientWidth"] or overflow["scrollWidth"] > NARROW_WIDTH:
        report.overflow = overflow
    report.scroll_boxes = scroll_box_problems(page)
    report.console_errors = list(recorded.console_errors)
    report.outside = outside_requests(recorded.requests, origin)
    return report


@pytest.fixture(scope="module")
def pages(built_site: Path) -> list[str]:
    return html_pages(built_site)


@pytest.fixture(scope="module")
def survey(browser: Any, site_server: str, pages: list[str]) -> dict[str, PageReport]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        recorded = record(context.new_page())
        return {path: _survey_page(recorded, site_server, path) for path in pages}
    finally:
        context.close()


def _fail_with(title: str, offenders: dict[str, list[str]]) -> None:
    lines = [f"{title}: {len(offenders)} page(s)"]
    for path, problems in sorted(offenders.items()):
        lines.append(f"{path}:")
        lines.extend(f"    {problem}" for problem in problems)
    pytest.fail("\n".join(lines), pytrace=False)


def test_site_has_pages(pages: list[str]) -> None:
    assert "index.html" in pages, pages
    assert "404.html" in pages, pages
    assert len(pages) >= 3, pages


def test_every_page_loads_without_console_errors(survey: dict[str, PageReport]) -> None:
    offenders = {p: r.console_errors for p, r in survey.items() if r.console_errors}
    if offenders:
        _fail_with("console errors", offenders)


def test_no_page_requests_another_host(survey: dict[str, PageReport]) -> None:
    offenders = {p: sorted(set(r.outside)) for p, r in survey.items() if r.outside}
    if offenders:
        _fail_with("requests to hosts other than the local server", offenders)


def test_no_page_has_axe_violations(survey: dict[str, PageReport]) -> None:
    offenders = {p: r.axe for p, r in survey.items() if r.axe}
    if offenders:
        _fail_with("axe-core WCAG 2.2 AA violations", offenders)


def test_no_page_scrolls_sideways_at_320px(survey: dict[str, PageReport]) -> None:
    offenders = {}
    for path, report in survey.items():
        if report.overflow:
            o = report.overflow
            offenders[path] = [
                f"scrollWidth {o['scrollWidth']}px > clientWidth {o['clientWidth']}px",
                *[f"sticks out: {c}" for c in o["culprits"]],
            ]
    if offenders:
        _fail_with(f"horizontal scrolling at {NARROW_WIDTH}px", offenders)


def test_every_box_that_scrolls_sideways_at_400_percent_is_named_and_focusable(
    survey: dict[str, PageReport],
) -> None:
    """A table too wide for 320 CSS pixels scrolls in its own box, which a keyboard user can
    focus (to scroll it with the arrow keys) and a screen reader names (issue 24)."""
    offenders = {
        path: report.scroll_boxes for path, report in survey.items() if report.scroll_boxes
    }
    if offenders:
        _fail_with("boxes scrolling sideways at 320 x 256 CSS pixels", offenders)


def test_every_page_has_a_working_skip_link(survey: dict[str, PageReport]) -> None:
    offenders = {p: [r.skip_link_problem] for p, r in survey.items() if r.skip_link_problem}
    if offenders:
        _fail_with("skip link", offenders)


def test_tab_from_top_reaches_skip_link_then_main_content(page: Any, site_server: str) -> None:
    recorded = page(f"{site_server}/index.html")
    seen: list[str] = []
    reached_skip = False
    for _ in range(MAX_TABS):
        recorded.page.keyboard.press("Tab")
        focus = recorded.page.evaluate(_FOCUS_JS, MAIN_CONTENT)
        seen.append(f"<{focus['tag']}> {focus['text']!r}")
        reached_skip = reached_skip or _is_skip_link(focus)
        if focus["inMain"]:
            break
    else:
        pytest.fail(f"{MAX_TABS} Tabs never reached {MAIN_CONTENT}:\n  " + "\n  ".join(seen))
    assert reached_skip, "no skip link before the main content; focus went:\n  " + "\n  ".join(seen)


def _search(recorded: RecordedPage, word: str) -> int:
    """Type `word` into the header's search box and return the number of results shown."""
    page = recorded.page
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(word, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="attached", timeout=SEARCH_TIMEOUT_MS)
    return results.count()


def test_search_works_over_http(page: Any, site_server: str) -> None:
    recorded = page(f"{site_server}/index.html")
    assert _search(recorded, SEARCH_WORD) > 0
    assert not recorded.console_errors, recorded.console_errors
    assert_no_outside_requests(recorded.requests, site_server)


_LOCAL_PAGE_LINKS_JS = """
() => Array.from(document.querySelectorAll('.md-content a[href], nav.md-nav--primary a[href]'))
  .filter((a) => a.offsetParent !== null)
  .map((a) => a.getAttribute('href'))
  .filter((h) => !h.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(h))
  .filter((h) => /\\.html(#.*)?$/.test(h) && !/^(\\.\\/)?index\\.html(#.*)?$/.test(h))
"""


def test_site_opened_from_disk_navigates(page: Any, built_site: Path) -> None:
    recorded = page((built_site / "index.html").as_uri())
    start = recorded.page.url
    hrefs = recorded.page.evaluate(_LOCAL_PAGE_LINKS_JS)
    assert hrefs, "no visible link from the home page to another page"
    with recorded.page.expect_navigation():
        recorded.page.locator(f"a[href='{hrefs[0]}']:visible").first.click()
    assert recorded.page.url != start
    assert recorded.page.url.startswith("file://"), recorded.page.url
    assert recorded.page.locator(".md-content h1").count() == 1, recorded.page.url
    assert not recorded.console_errors, recorded.console_errors
    assert_no_outside_requests(recorded.requests, None)


def test_search_works_when_opened_from_disk(page: Any, built_site: Path) -> None:
    recorded = page((built_site / "index.html").as_uri())
    assert _search(recorded, SEARCH_WORD) > 0
    assert not recorded.console_errors, recorded.console_errors
    assert_no_outside_requests(recorded.requests, None)
