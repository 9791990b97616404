"""Every app page in Chromium: one namespace, one way to start, no layout shift from the app.

- an app page adds at most MAX_GLOBALS top-level names to what the theme alone defines (the
  site's own, beside mkdocs-material's), and every app lives under window.JTAI;
- each root element that names an app is started once by boot.js and draws into itself;
- the footer does not move when the app draws (its box is reserved before the app starts);
- a page naming an app that is not in its bundle shows a message instead of a blank box.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_support import html_pages

pytestmark = pytest.mark.browser

MAX_GLOBALS = 5
CONTENT_PAGE = "about.html"

_GLOBALS_JS = "() => Object.keys(window).sort()"
_APPS_JS = """() => Array.from(document.querySelectorAll('[data-jtai-app]')).map(e => ({
  name: e.getAttribute('data-jtai-app'),
  started: e.getAttribute('data-jtai-started'),
  loading: Boolean(e.querySelector('.jtai-loading')),
  inNamespace: Boolean(window.JTAI && window.JTAI.apps[e.getAttribute('data-jtai-app')]),
}))"""


ROOT_ELEMENT = re.compile(r'<[a-z]+ [^<>]*data-jtai-app="([a-z-]+)"')


def app_names(site: Path) -> dict[str, str]:
    """Each page that holds an app's root element -> the app's name."""
    found = {}
    for rel in html_pages(site):
        match = ROOT_ELEMENT.search((site / rel).read_text("utf-8"))
        if match:
            found[rel] = match.group(1)
    return found


def app_pages(site: Path) -> list[str]:
    return list(app_names(site))


def test_the_five_apps_have_pages(built_site):
    names = set(app_names(built_site).values())
    assert names == {"self-assessment", "partnership", "planner", "tracker", "examples"}


def test_app_pages_add_few_globals_and_start_every_app(built_site, site_server, page):
    baseline = set(page(f"{site_server}/{CONTENT_PAGE}").page.evaluate(_GLOBALS_JS))
    offenders = []
    for rel in app_pages(built_site):
        recorded = page(f"{site_server}/{rel}")
        recorded.page.wait_for_function(  # started, and done drawing (the tracker draws in steps)
            "() => [...document.querySelectorAll('[data-jtai-app]')]"
            ".every(e => e.getAttribute('data-jtai-started') && !e.querySelector('.jtai-loading'))"
        )
        added = sorted(set(recorded.page.evaluate(_GLOBALS_JS)) - baseline)
        if len(added) > MAX_GLOBALS or "JTAI" not in added:
            offenders.append(f"{rel}: globals {added}")
        for app in recorded.page.evaluate(_APPS_JS):
            if app["loading"] or not app["inNamespace"]:
                offenders.append(f"{rel}: {app}")
        if recorded.console_errors:
            offenders.append(f"{rel}: {recorded.console_errors}")
    assert not offenders, "\n".join(offenders)


def test_the_footer_does_not_move_when_an_app_draws(built_site, site_server, page):
    shifts = []
    for rel in app_pages(built_site):
        recorded = page(f"{site_server}/{rel}", width=375, height=740, wait_until="commit")
        recorded.page.evaluate(
            """() => { window.__cls = 0; new PerformanceObserver(list => {
                 for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
               }).observe({type: 'layout-shift', buffered: true}); }"""
        )
        recorded.page.wait_for_load_state("load")
        recorded.page.wait_for_function(
            "() => document.querySelector('[data-jtai-started]') !== null"
        )
        cls = recorded.page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
            "() => r(window.__cls))))"
        )
        if cls > 0.05:
            shifts.append(f"{rel}: cumulative layout shift {cls:.3f}")
    assert not shifts, "\n".join(shifts)


def test_an_unknown_app_says_so(site_server, page):
    recorded = page(f"{site_server}/planner.html")
    recorded.page.evaluate(
        """() => { const d = document.createElement('div');
             d.setAttribute('data-jtai-app', 'nothing-here');
             document.querySelector('article').appendChild(d); JTAI.boot(); }"""
    )
    alert = recorded.page.locator('[data-jtai-app="nothing-here"] [role="alert"]')
    assert "could not start" in alert.inner_text()
