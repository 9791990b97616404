"""Helpers for browser tests of the built site: no pytest fixtures here, plain functions.

`conftest.py` re-exports everything, so a test may write either
``from browser_support import run_axe`` or use the fixtures of the same job.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

TESTS_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = TESTS_DIR.parent
AXE_PATH = TESTS_DIR / "vendor" / "axe.min.js"

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

# Chromium cannot reach the outside here: without these flags it keeps trying (and
# failing) to call home, and as root it needs --no-sandbox.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Schemes that never leave the machine.
LOCAL_SCHEMES = frozenset({"file", "data", "blob", "about"})


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 and a free port from a thread; yields the origin."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def find_chromium() -> str | None:
    """Return the path of an installed Chromium (Debian's package first), or None."""
    override = os.environ.get("CHROMIUM_PATH")
    if override and os.access(override, os.X_OK):
        return override
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as sorted POSIX paths relative to its root."""
    return sorted(
        path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html") if path.is_file()
    )


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def outside_requests(requests: list[str], allowed_origin: str | None) -> list[str]:
    """URLs in `requests` going anywhere but `allowed_origin` (file:, data:, blob: are fine)."""
    allowed = allowed_origin.rstrip("/") if allowed_origin else None
    offenders = []
    for url in requests:
        scheme = urlsplit(url).scheme.lower()
        if scheme in LOCAL_SCHEMES:
            continue
        if allowed is not None and origin_of(url) == allowed:
            continue
        offenders.append(url)
    return offenders


def assert_no_outside_requests(requests: list[str], allowed_origin: str | None) -> None:
    """Fail, listing every offender, if any request went to a host other than the local server."""
    offenders = outside_requests(requests, allowed_origin)
    if offenders:
        listing = "\n  ".join(dict.fromkeys(offenders))
        where = allowed_origin or "file://"
        raise AssertionError(f"requests to hosts other than {where}:\n  {listing}")


@dataclass
class RecordedPage:
    """A Playwright page with every request and console error it produced."""

    page: Any
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def goto(self, url: str, wait_until: str = "load") -> Any:
        return self.page.goto(url, wait_until=wait_until)

    def clear(self) -> None:
        self.requests.clear()
        self.console_errors.clear()
        self.failed_requests.clear()


def record(page: Any) -> RecordedPage:
    """Attach listeners to a Playwright page (and its context) and return the recorder."""
    recorded = RecordedPage(page)
    page.context.on("request", lambda request: recorded.requests.append(request.url))
    page.on("console", lambda msg: _on_console(recorded, msg))
    page.on("pageerror", lambda error: recorded.console_errors.append(f"uncaught: {error}"))
    page.on(
        "requestfailed",
        lambda request: recorded.failed_requests.append(f"{request.url} ({request.failure})"),
    )
    return recorded


def _on_console(recorded: RecordedPage, msg: Any) -> None:
    if msg.type != "error":
        return
    location = msg.location or {}
    where = location.get("url", "")
    if where:
        where = f" [{where}:{location.get('lineNumber', 0)}]"
    recorded.console_errors.append(f"{msg.text}{where}")


# Two frames let scroll handlers and IntersectionObserver callbacks run (the site header fades
# its title in and out after a scroll); document.getAnimations() then also lists the CSS
# transitions they started. Endless animations (a spinner) never finish, so they do not count.
_TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
_STILL = """() => document.getAnimations().every(
  (a) => a.playState !== "running" || !isFinite(a.effect?.getComputedTiming().endTime ?? 0)
)"""


def wait_until_still(page: Any) -> None:
    """Wait until no CSS transition or finite animation is running on the page."""
    page.evaluate(_TWO_FRAMES)
    page.wait_for_function(_STILL, polling="raf")


def axe_violations(page: Any, context: str | None = None) -> list[dict[str, Any]]:
    """Run the vendored axe-core on the page (or on the `context` selector); raw violations.

    axe reads colours as drawn, so it waits for the page to be still first (mid-fade text
    would fail colour contrast)."""
    wait_until_still(page)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated, not added as an inline <script>: the site's Content-Security-Policy
        # (overrides/main.html) blocks inline scripts, but not the test's own evaluation.
        page.evaluate(AXE_PATH.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": list(AXE_TAGS)}, "resultTypes": ["violations"]}
    return page.evaluate(
        "async ([context, options]) => (await axe.run(context || document, options)).violations",
        [context, options],
    )


def format_violation(violation: dict[str, Any], max_targets: int = 8) -> str:
    nodes = violation.get("nodes", [])
    targets = [" ".join(map(str, node.get("target", []))) for node in nodes]
    shown = ", ".join(targets[:max_targets])
    if len(targets) > max_targets:
        shown += f", … ({len(targets) - max_targets} more)"
    line = f"{violation['id']} ({violation.get('impact')}): {violation.get('help')} [{shown}]"
    summary = nodes[0].get("failureSummary", "") if nodes else ""
    detail = " ".join(part.strip() for part in summary.splitlines()[1:2])
    return f"{line} — {detail}" if detail else line


def run_axe(page: Any, context: str | None = None) -> list[str]:
    """axe-core WCAG 2.2 AA violations on the page, one readable line per rule."""
    return [format_violation(v) for v in axe_violations(page, context)]


_OVERFLOW_JS = """
() => {
  const root = document.documentElement;
  const limit = root.clientWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== root && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    for (const c of Array.from(el.classList).slice(0, 2)) s += '.' + c;
    return s;
  };
  const culprits = [];
  if (root.scrollWidth > limit) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > limit + 0.5 && !clipped(el)) {
        culprits.push(describe(el) + ' (right edge ' + Math.round(r.right) + 'px)');
        if (culprits.length >= 5) break;
      }
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: limit, culprits};
}
"""


def horizontal_overflow(page: Any) -> dict[str, Any]:
    """scrollWidth and clientWidth of the document, and up to 5 elements that stick out."""
    return page.evaluate(_OVERFLOW_JS)


# ---------------------------------------------------------------------------------------------
# GOV.UK date boxes (assessment/lib/date-input.js): Day, Month and Year in a fieldset (role "group")


PARTS = ("Day", "Month", "Year")


def fill_date_boxes(group: Any, iso: str) -> None:
    """Fill the Day, Month and Year boxes inside group (a Locator) with an ISO date ("" empties
    them)."""
    year, month, day = iso.split("-") if iso else ("", "", "")
    group.get_by_label("Day", exact=True).fill(str(int(day)) if day else "")
    group.get_by_label("Month", exact=True).fill(str(int(month)) if month else "")
    group.get_by_label("Year", exact=True).fill(year)


def type_date_boxes(page: Any, group: Any, day: str, month: str, year: str) -> None:
    """Type into the boxes as a keyboard user would: the day, Tab, the month, Tab, the year."""
    group.get_by_label("Day", exact=True).focus()
    page.keyboard.type(day)
    page.keyboard.press("Tab")
    page.keyboard.type(month)
    page.keyboard.press("Tab")
    page.keyboard.type(year)


def date_boxes(group: Any) -> tuple[str, str, str]:
    """What the Day, Month and Year boxes hold."""
    day, month, year = (group.get_by_label(p, exact=True).input_value() for p in PARTS)
    return day, month, year


# ---------------------------------------------------------------------------------------------
# Prints: rendered to an A4 PDF, as a person saving as PDF would, and the pages counted

A4 = {"format": "A4", "margin": {"top": "10mm", "bottom": "10mm", "left": "10mm", "right": "10mm"}}
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")


def open_chooser_by_keyboard(page: Any, target: Any) -> Any:
    """Open the file chooser from the focused `target` by keyboard: Space, then Enter, fired again.

    Chromium now and then drops the key press that opens a file box when the machine is busy
    (a CI run lost one in about 800 tests), so a lost press is fired again, with longer waits
    each time. Before each new press the target must still have focus: a press that moved focus
    is a real failure, not a lost one."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for key, wait_ms in (("Space", 5000), ("Enter", 8000), ("Space", 12000), ("Enter", 15000)):
        assert target.evaluate("(el) => el === document.activeElement"), f"{target} lost focus"
        try:
            with page.expect_file_chooser(timeout=wait_ms) as chooser:
                page.keyboard.press(key)
            return chooser.value
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"neither Space nor Enter on {target} opened the file chooser")


def pdf_pages(page: Any) -> int:
    """How many A4 pages the page prints on (its /Type /Page objects)."""
    return len(PAGE_OBJECT.findall(page.pdf(**A4)))
