"""Every page runs under its Content-Security-Policy with no violation and no console error.

The policy is a <meta> in overrides/main.html, so it holds from file:// as well as from a web
server. The pages are found from the build, never listed here: whatever scripts a page loads, it
must load them from the site's own files, with no inline script and no other host.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser_support import RecordedPage, html_pages, record

pytestmark = pytest.mark.browser

# What the policy must say, directive by directive (it may say more, never less).
REQUIRED = {
    "script-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
}
# Script types a browser does not run, so they need no src (the theme's settings are JSON).
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})

# Runs in every frame before the page's own scripts; the policy does not apply to it.
RECORD_VIOLATIONS_JS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
    `(${event.sourceFile || location.href}:${event.lineNumber})`
  );
}, true);
"""


class _Head(HTMLParser):
    """The page's policy, whether anything ran before it, and every inline or on* script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.policy: str | None = None
        self.script_before_policy = False
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
        if tag == "meta" and (attr.get("http-equiv") or "").lower() == "content-security-policy":
            self.policy = self.policy or attr.get("content") or ""
        if tag == "script":
            self.script_before_policy |= self.policy is None
            runs = (attr.get("type") or "").lower() not in DATA_SCRIPT_TYPES
            self._in_inline_script = runs and not attr.get("src")

    def handle_data(self, data: str) -> None:
        if self._in_inline_script and data.strip():
            self.inline_scripts += 1
            self._in_inline_script = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_inline_script = False


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = words[1:]
    return out


def policy_problems(html: str) -> list[str]:
    head = _Head()
    head.feed(html)
    if head.policy is None:
        return ["no Content-Security-Policy <meta>"]
    found = directives(head.policy)
    problems = [
        f"{name} is {' '.join(found.get(name, ['missing']))}, not {value}"
        for name, value in REQUIRED.items()
        if found.get(name) != [value]
    ]
    if "'unsafe-inline'" in found.get("script-src", []) + found.get("default-src", []):
        problems.append("scripts may run inline ('unsafe-inline')")
    if head.script_before_policy:
        problems.append("a <script> comes before the policy, which does not cover it")
    if head.inline_scripts:
        problems.append(f"{head.inline_scripts} inline <script> (the policy blocks them)")
    problems += [f"inline event handler {h}" for h in head.handlers]
    return problems


@pytest.fixture(scope="module")
def pages(built_site: Path) -> list[str]:
    return html_pages(built_site)


def test_every_page_declares_the_policy_and_has_no_inline_script(
    built_site: Path, pages: list[str]
) -> None:
    offenders = {}
    for path in pages:
        problems = policy_problems((built_site / path).read_text(encoding="utf-8"))
        if problems:
            offenders[path] = problems
    assert not offenders, "\n".join(f"{p}: {'; '.join(v)}" for p, v in offenders.items())


def test_the_policy_check_sees_what_it_must_refuse() -> None:
    """The page check above would fail on each of these pages."""
    good = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"
    meta = f'<meta http-equiv="Content-Security-Policy" content="{good}">'
    assert policy_problems(f"<head>{meta}<script src='a.js'></script></head>") == []
    assert policy_problems("<head><script src='a.js'></script></head>")
    assert policy_problems(f"<head><script src='a.js'></script>{meta}</head>")
    assert policy_problems(f"<head>{meta}<script>var a = 1;</script></head>")
    assert policy_problems(f'<head>{meta}<img src="x" onerror="go()"></head>')
    weak = meta.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    assert policy_problems(f"<head>{weak}</head>")
    data = f'<head>{meta}<script type="application/json">{{"a": 1}}</script></head>'
    assert policy_problems(data) == []


def _visit(recorded: RecordedPage, url: str) -> list[str]:
    """Open one page; everything it reported: policy violations and console errors."""
    recorded.clear()
    recorded.goto(url)
    return [*recorded.page.evaluate("window.__cspViolations"), *recorded.console_errors]


@pytest.fixture(scope="module")
def csp_tab(browser: Any) -> Iterator[RecordedPage]:
    """One tab that records every policy violation, in every page it opens."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS_JS)
    try:
        yield record(context.new_page())
    finally:
        context.close()


def test_every_page_from_disk_runs_under_the_policy(
    csp_tab: RecordedPage, built_site: Path, pages: list[str]
) -> None:
    """From file://, where 'self' is the hardest to get right. The 404 page is left out: only a
    web server shows it, and its addresses start from the server's root."""
    offenders = {}
    for path in pages:
        if path != "404.html":
            reported = _visit(csp_tab, (built_site / path).as_uri())
            if reported:
                offenders[path] = reported
    assert not offenders, "\n".join(f"{p}:\n    " + "\n    ".join(v) for p, v in offenders.items())


def test_the_404_page_runs_under_the_policy(csp_tab: RecordedPage, site_server: str) -> None:
    assert _visit(csp_tab, f"{site_server}/404.html") == []


def test_a_violation_is_seen(csp_tab: RecordedPage, tmp_path: Path) -> None:
    """The recorder works: an inline script under the policy is reported."""
    meta = '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
    page = tmp_path / "inline.html"
    page.write_text(f"<!doctype html><title>t</title>{meta}<script>var a = 1;</script>")
    reported = _visit(csp_tab, page.as_uri())
    assert any("script-src" in line for line in reported), reported
