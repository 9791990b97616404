"""Fixtures and helpers for the self-assessment's browser tests (tests/browser/test_assessment.py).

Kept apart from conftest.py so the self-assessment tests depend on nothing else. Fixture names
start with `sa_` so they never clash with conftest's.

- `sa_site`: the built site folder: $JTAI_SITE_DIR, else <repo>/site. It must hold
  self-assessment.html and assets/assessment/self-assessment.js (build it first: `make build`).
- `sa_origin`: http://127.0.0.1:PORT serving `sa_site` from a thread (http.server, free port).
- `sa_browser`: the session's headless Debian Chromium (conftest's `browser`), so every browser
  test shares one Playwright, whatever order the modules run in.
- `sa_open`: a factory `sa_open(width=1280, height=900, init_script=None)` giving an `SAPage`
  at self-assessment.html in a fresh browser context (so empty localStorage). Every request is
  recorded and any request to a host other than 127.0.0.1 is blocked and fails the test; console
  errors and uncaught exceptions fail it too.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_support import axe_violations, serve_directory

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors" / "scoring.json"
IMPORTS = REPO / "tests" / "fixtures" / "imports"
EXPORT_SCHEMA = REPO / "assessment" / "schemas" / "assessment-export.schema.json"
PAGE = "self-assessment.html"
STORE_PREFIX = "jtai-ready:"
RECORD_KEY = STORE_PREFIX + "assessment:"  # a saved self-assessment: RECORD_KEY + its ID


def site_dir() -> Path:
    return Path(os.environ.get("JTAI_SITE_DIR") or REPO / "site").resolve()


@dataclass
class SAPage:
    """A page at the self-assessment, with what it asked for and what went wrong."""

    page: Any
    origin: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{self.origin}/{PAGE}"

    def load(self) -> SAPage:
        self.page.goto(self.url)
        self.page.wait_for_selector(".jtai-bar")
        return self

    def reload(self) -> SAPage:
        self.page.reload()
        self.page.wait_for_selector(".jtai-bar")
        return self

    def storage(self) -> dict[str, str]:
        """Every key of saved work this app keeps in localStorage (not where the person was in
        the form or which print they chose: those are kept under "jtai-ready:view:")."""
        return self.page.evaluate(
            """prefix => Object.fromEntries(Object.keys(localStorage)
                 .filter(k => k.startsWith(prefix) && !k.startsWith(prefix + 'view:'))
                 .map(k => [k, localStorage.getItem(k)]))""",
            STORE_PREFIX,
        )

    def records(self) -> dict[str, dict[str, Any]]:
        """Saved assessments by ID."""
        prefix = STORE_PREFIX + "assessment:"
        return {
            k[len(prefix) :]: json.loads(v)
            for k, v in self.storage().items()
            if k.startswith(prefix)
        }

    def current(self) -> dict[str, Any]:
        """The open assessment's saved record."""
        return self.records()[self.page.evaluate("() => JTAI.apps['self-assessment'].record.id")]

    def axe(self, context: str | None = None) -> list[dict[str, Any]]:
        return axe_violations(self.page, context)

    def no_horizontal_scroll(self) -> bool:
        return self.page.evaluate(
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])][:6]
        lines.append(f"{v['id']} ({v.get('impact')}): {v.get('help')} {targets}")
    return "\n".join(lines)


def valid_record(record_id: str = "", title: str = "") -> dict[str, Any]:
    """The valid self-assessment file in tests/fixtures/imports, with its ID and title changed
    where given."""
    record = json.loads((IMPORTS / "valid.json").read_text(encoding="utf-8"))
    if record_id:
        record["id"] = record_id
    if title:
        record["title"] = title
    return record


@pytest.fixture(scope="session")
def sa_site() -> Path:
    site = site_dir()
    missing = [
        p for p in (PAGE, "assets/assessment/self-assessment.js") if not (site / p).is_file()
    ]
    if missing:
        pytest.fail(
            f"{site} has no {', '.join(missing)}: build the site first (`make build`) "
            "or point JTAI_SITE_DIR at a built site",
            pytrace=False,
        )
    return site


@pytest.fixture(scope="module")
def sa_origin(sa_site: Path) -> Iterator[str]:
    with serve_directory(sa_site) as origin:
        yield origin


@pytest.fixture(scope="module")
def sa_browser(browser: Any) -> Any:
    """The session's one headless Chromium (conftest's `browser`): one Playwright per session."""
    return browser


def _guard(sa: SAPage, route: Any) -> None:
    url = route.request.url
    parts = urlsplit(url)
    if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1":
        sa.blocked.append(url)
        route.abort()
    else:
        route.continue_()


@pytest.fixture
def sa_open(sa_browser: Any, sa_origin: str) -> Iterator[Callable[..., SAPage]]:
    opened: list[tuple[Any, SAPage]] = []

    def open_page(
        width: int = 1280, height: int = 900, init_script: str | None = None, load: bool = True
    ) -> SAPage:
        context = sa_browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=True, locale="en-GB"
        )
        page = context.new_page()
        sa = SAPage(page, sa_origin)
        context.route("**/*", functools.partial(_guard, sa))
        context.on("request", lambda r: sa.requests.append(r.url))
        page.on("console", lambda m: sa.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: sa.errors.append(f"uncaught: {e}"))
        if init_script:
            context.add_init_script(init_script)
        opened.append((context, sa))
        return sa.load() if load else sa

    yield open_page
    problems = []
    for context, sa in opened:
        if sa.blocked:
            problems.append("requests to other hosts: " + ", ".join(sa.blocked))
        outside = [
            u
            for u in sa.requests
            if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname != "127.0.0.1"
        ]
        if outside:
            problems.append("requests to other hosts: " + ", ".join(outside))
        if sa.errors:
            problems.append("console errors: " + " | ".join(sa.errors))
        context.close()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def vectors() -> dict[str, Any]:
    return json.loads(VECTORS.read_text(encoding="utf-8"))


def import_cases() -> list[dict[str, Any]]:
    return json.loads((IMPORTS / "cases.json").read_text(encoding="utf-8"))["cases"]
