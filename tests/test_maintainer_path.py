"""The maintainer's path: the preview answers while content is broken, and a failed build leaves
the published site as it was. Both run on the tiny framework (tests/tiny_content.py), so they
hold for any theme and take seconds.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import tiny_content
from paths import ROOT
from preview import ENV, fetch, poll, serving


def break_criteria(content: Path) -> str:
    """Misspell one field of the tiny framework's criteria; return the original text."""
    path = content / tiny_content.TINY_ID / "criteria.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  title: ", "  titel: ", 1), encoding="utf-8")
    return text


@pytest.fixture
def serve(tiny: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    log = tmp_path / "serve.log"
    with serving(tiny, log) as url:
        yield url, log


def test_serve_answers_with_every_problem_while_content_is_broken(serve, tiny: Path):
    original = break_criteria(tiny)
    # the break lands before the first build: poll until the preview answers with the problems
    url, log = serve
    status, page = poll(url + "/", lambda s, body: s == 200 and "jtai-problems" in body)
    assert "criteria.yml:7: $.criteria[0]: missing required field &#x27;title&#x27;" in page
    assert "$.criteria[0].titel: unknown field &#x27;titel&#x27;: did you mean" in page
    status, other = fetch(url + "/criteria/ec1.html")
    assert status == 404 and "did you mean" in other  # every address names the problems
    terminal = log.read_text(encoding="utf-8")
    assert "Content problems:" in terminal and "2 problems found." in terminal
    assert "The preview shows these problems at every address" in terminal
    (tiny / tiny_content.TINY_ID / "criteria.yml").write_text(original, encoding="utf-8")
    status, fixed = poll(url + "/criteria/ec1.html", lambda s, body: s == 200)
    assert "Agencies work together to identify children at risk." in fixed


def make_build(site: Path, content: Path) -> subprocess.CompletedProcess[str]:
    cmd = ["make", "--no-print-directory", "build", f"SITE_DIR={site}", f"CONTENT={content}"]
    return subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True, check=False)


def test_a_build_that_fails_late_leaves_the_site_as_it_was(tiny: Path, tmp_path: Path):
    # A link to a page that does not exist passes the content check but fails the strict build
    # after MkDocs has started writing: only a build into another folder keeps site/ whole.
    guides = tiny / tiny_content.TINY_ID / "guides.yml"
    text = guides.read_text(encoding="utf-8")
    guides.write_text(text.replace("body: To review", "body: See [this](nowhere.md)."), "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    result = make_build(site, tiny)
    assert result.returncode != 0
    assert "nowhere.md" in result.stderr
    assert f"The build failed: {site}/ was left as it was." in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]  # nothing left over
