"""Shared fixtures for browser tests of the built site (headless Debian Chromium + Playwright).

Fixtures (all but `page` live for the whole session):

- `built_site`: Path of the site, built once as `make build` builds it (tests/make_build.py)
  into a temporary folder, so tests never read a stale `site/`. Set JTAI_SITE_DIR to test an
  already built folder instead (handy while developing tests).
- `chromium_path`: Debian's chromium (or another Chromium found on PATH). Missing under
  CI=true is a hard failure; elsewhere the browser tests skip and say how to install it.
- `browser`: a headless Playwright Chromium `Browser` driving `chromium_path`.
- `site_server`: the origin (`http://127.0.0.1:PORT`, no trailing slash) of a quiet
  http.server serving `built_site` from a thread.
- `page`: a factory, `page(url=None, width=1280, height=800, **context_options)`, giving a
  `RecordedPage` (`.page`, `.requests`, `.console_errors`, `.failed_requests`), each in its
  own browser context, all closed after the test.

Helpers (plain functions, importable from `browser_support` or from here):
`assert_no_outside_requests`, `run_axe`, `axe_violations`, `html_pages`,
`horizontal_overflow`, `find_chromium`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    AXE_PATH,
    AXE_TAGS,
    CHROMIUM_ARGS,
    RecordedPage,
    assert_no_outside_requests,
    axe_violations,
    find_chromium,
    format_violation,
    horizontal_overflow,
    html_pages,
    outside_requests,
    record,
    run_axe,
    serve_directory,
)
from make_build import build_site

__all__ = [
    "AXE_PATH",
    "AXE_TAGS",
    "CHROMIUM_ARGS",
    "RecordedPage",
    "assert_no_outside_requests",
    "axe_violations",
    "find_chromium",
    "format_violation",
    "horizontal_overflow",
    "html_pages",
    "outside_requests",
    "record",
    "run_axe",
]


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("JTAI_SITE_DIR")
    if prebuilt:
        site = Path(prebuilt).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"JTAI_SITE_DIR={prebuilt} has no index.html")
        return site
    folder = tmp_path_factory.mktemp("built-site")
    site = folder / "site"
    result = build_site(site, folder / "tree")  # as `make build` builds it
    if result.returncode != 0 or not (site / "index.html").is_file():
        pytest.fail(
            f"the site build (tests/make_build.py) failed (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return site


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path:
        return path
    message = (
        "no Chromium found (looked for /usr/bin/chromium, chromium, chromium-browser, "
        "google-chrome): run `make browser` (Debian: apt-get install chromium)"
    )
    if _in_ci():
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=list(CHROMIUM_ARGS),
        )
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    with serve_directory(built_site) as origin:
        yield origin


@pytest.fixture
def page(browser: Any) -> Iterator[Callable[..., RecordedPage]]:
    contexts: list[Any] = []

    def open_page(
        url: str | None = None,
        *,
        width: int = 1280,
        height: int = 800,
        wait_until: str = "load",
        **context_options: Any,
    ) -> RecordedPage:
        viewport = {"width": width, "height": height}
        context = browser.new_context(viewport=viewport, **context_options)
        contexts.append(context)
        recorded = record(context.new_page())
        if url is not None:
            recorded.goto(url, wait_until=wait_until)
        return recorded

    try:
        yield open_page
    finally:
        for context in contexts:
            context.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: runs in headless Chromium against the built site")
