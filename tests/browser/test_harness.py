"""The browser checks themselves catch what they are meant to catch.

Each check is pointed at a tiny page made to fail it, so a green site test means the site
passed, not that the check was blind. These pages are opened from a temporary folder
(file://); "outside" requests go to another loopback address, never off the machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    assert_no_outside_requests,
    format_violation,
    horizontal_overflow,
    html_pages,
    open_chooser_by_keyboard,
    outside_requests,
    run_axe,
)

pytestmark = pytest.mark.browser

# Another loopback address: a different origin from the test server, and nothing leaves
# the machine (the connection is simply refused).
ELSEWHERE = "http://127.0.0.2:9"

GOOD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Good</title></head>
<body><main><h1>Good</h1><p>Fine.</p></main></body></html>
"""


def _write(folder: Path, name: str, html: str) -> str:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return path.as_uri()


def test_outside_requests_lets_local_schemes_and_the_server_through() -> None:
    requests = [
        "http://127.0.0.1:8123/index.html",
        "http://127.0.0.1:8123/assets/x.js",
        "file:///tmp/site/index.html",
        "data:image/png;base64,AAAA",
        "blob:http://127.0.0.1:8123/0b1c",
        "http://127.0.0.1:8124/other-port.js",
        "https://fonts.googleapis.com/css?family=Roboto",
        "http://localhost:8123/same-port-other-name.js",
    ]
    assert outside_requests(requests, "http://127.0.0.1:8123") == [
        "http://127.0.0.1:8124/other-port.js",
        "https://fonts.googleapis.com/css?family=Roboto",
        "http://localhost:8123/same-port-other-name.js",
    ]
    assert outside_requests(["file:///a.html", "http://127.0.0.1:1/x"], None) == [
        "http://127.0.0.1:1/x"
    ]


def test_assert_no_outside_requests_lists_every_offender() -> None:
    with pytest.raises(AssertionError) as failure:
        assert_no_outside_requests(
            ["http://127.0.0.1:1/ok", "https://cdn.example.org/a.js", "https://b.example.org/"],
            "http://127.0.0.1:1",
        )
    message = str(failure.value)
    assert "https://cdn.example.org/a.js" in message
    assert "https://b.example.org/" in message
    assert "/ok" not in message


def test_format_violation_names_rule_impact_help_and_targets() -> None:
    violation = {
        "id": "image-alt",
        "impact": "critical",
        "help": "Images must have alternative text",
        "nodes": [
            {"target": ["img.logo"], "failureSummary": "Fix any of the following:\n  No alt"},
            {"target": ["#hero > img"]},
        ],
    }
    line = format_violation(violation)
    assert line.startswith("image-alt (critical): Images must have alternative text")
    assert "img.logo" in line
    assert "#hero > img" in line
    assert "No alt" in line


def test_html_pages_walks_every_folder(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("index.html", "404.html", "a/page.html", "a/b/deep.html", "a/b/note.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert html_pages(tmp_path) == ["404.html", "a/b/deep.html", "a/page.html", "index.html"]


def test_run_axe_reports_a_violation_and_passes_a_good_page(page: Any, tmp_path: Path) -> None:
    bad = _write(
        tmp_path,
        "bad.html",
        "<!doctype html><html><head><title>Bad</title></head><body><main><h1>Bad</h1>"
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "</main></body></html>",
    )
    good = _write(tmp_path, "good.html", GOOD_PAGE)
    violations = run_axe(page(bad).page)
    rules = {line.split(" ", 1)[0] for line in violations}
    assert {"image-alt", "html-has-lang"} <= rules, violations
    assert any(line.startswith("image-alt") and "[img]" in line for line in violations), violations
    assert run_axe(page(good).page) == []


def test_page_records_console_errors_and_outside_requests(page: Any, tmp_path: Path) -> None:
    url = _write(
        tmp_path,
        "noisy.html",
        GOOD_PAGE.replace(
            "</main>",
            f'<img alt="" src="{ELSEWHERE}/pixel.png">'
            "<script>console.error('deliberate'); missingFunction();</script></main>",
        ),
    )
    recorded = page(url)
    recorded.page.wait_for_load_state("load")
    assert any("deliberate" in e for e in recorded.console_errors), recorded.console_errors
    assert any("missingFunction" in e for e in recorded.console_errors), recorded.console_errors
    assert outside_requests(recorded.requests, None) == [f"{ELSEWHERE}/pixel.png"]


def test_horizontal_overflow_finds_the_wide_element(page: Any, tmp_path: Path) -> None:
    url = _write(
        tmp_path,
        "wide.html",
        GOOD_PAGE.replace("<p>Fine.</p>", '<div id="wide" style="width:600px">wide</div>'),
    )
    overflow = horizontal_overflow(page(url, width=320, height=640).page)
    assert overflow["scrollWidth"] > overflow["clientWidth"], overflow
    assert any(c.startswith("div#wide") for c in overflow["culprits"]), overflow
    fits = horizontal_overflow(page(_write(tmp_path, "ok.html", GOOD_PAGE), width=320).page)
    assert fits["scrollWidth"] <= fits["clientWidth"] <= 320, fits


# The first key press on the file input is swallowed, as Chromium now and then loses one.
LOST_PRESS_PAGE = GOOD_PAGE.replace(
    "<p>Fine.</p>",
    """<label for="f">Choose a file</label><input type="file" id="f">
<script>
  window.swallowed = 0;
  function swallow(e) {
    if (window.swallowed < 2) { e.preventDefault(); window.swallowed += 1; }
  }
  document.getElementById("f").addEventListener("keydown", swallow);
  document.getElementById("f").addEventListener("keyup", swallow);
</script>""",
)


def test_open_chooser_by_keyboard_fires_a_lost_press_again(page: Any, tmp_path: Path) -> None:
    p = page(_write(tmp_path, "lost.html", LOST_PRESS_PAGE)).page
    target = p.get_by_label("Choose a file")
    target.focus()
    chooser = open_chooser_by_keyboard(p, target)
    assert chooser.element.evaluate("(el) => el.id") == "f"
    assert p.evaluate("window.swallowed") == 2  # the first press was lost, the next one worked


def test_open_chooser_by_keyboard_fails_when_focus_moves(page: Any, tmp_path: Path) -> None:
    moves = LOST_PRESS_PAGE.replace(
        "function swallow(e) {",
        "function swallow(e) { document.querySelector('h1').tabIndex = -1;"
        " document.querySelector('h1').focus();",
    )
    p = page(_write(tmp_path, "moves.html", moves)).page
    target = p.get_by_label("Choose a file")
    target.focus()
    with pytest.raises(AssertionError, match="lost focus"):
        open_chooser_by_keyboard(p, target)
