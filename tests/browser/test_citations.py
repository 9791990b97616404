"""A citation shows its paragraph's text on hover and on keyboard focus (the theme's tooltips,
from the link's title), and the link itself opens the paragraph: what a tap on a phone does."""

from __future__ import annotations

import pytest
from browser_support import run_axe

pytestmark = pytest.mark.browser

CITATION = '.md-content a[href^="guidance.html#para-42"]'
TOOLTIP = (
    "() => [...document.querySelectorAll('.md-tooltip2--active')].map(t => t.textContent).join(' ')"
)


def test_hover_and_focus_show_the_paragraph_and_a_tap_opens_it(page, site_server):
    recorded = page(None, locale="en-GB")
    recorded.goto(f"{site_server}/three-weeks.html")
    p = recorded.page
    link = p.locator(CITATION).first
    start = "Paragraph 42: The JTAI will follow the structure set out below."
    link.hover()
    p.wait_for_function(f"() => ({TOOLTIP})().includes('{start}')")
    p.mouse.move(0, 0)
    p.wait_for_function(f"() => !({TOOLTIP})().includes('{start}')")
    link.focus()  # as Tab would
    p.wait_for_function(f"() => ({TOOLTIP})().includes('{start}')")
    assert run_axe(p) == []
    link.click()
    p.wait_for_url("**/guidance.html#para-42")
    paragraph = p.locator("#para-42").inner_text()
    assert paragraph.startswith("42. The JTAI will follow the structure set out below.")
