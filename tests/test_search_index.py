"""The built site's search index (issue 19 point 6): lighter than plain mkdocs-material's, and
still finding every page by its title and every criterion by "EC 7" as by "EC7".

The site is the session's one build (conftest.py's `session_site`, built as `make build` builds
it: tests/site_build.py), or read from JTAI_SITE_DIR (`make test` builds it just before pytest).
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from generator import search_index

pytestmark = pytest.mark.syv  # about the real serious youth violence content

H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def made_site(request: pytest.FixtureRequest) -> Path:
    prebuilt = os.environ.get("JTAI_SITE_DIR")
    if prebuilt:
        return Path(prebuilt)
    site: Path = request.getfixturevalue("session_site")
    return site


@pytest.fixture(scope="module")
def index(made_site: Path) -> dict[str, Any]:
    return json.loads((made_site / search_index.INDEX).read_text(encoding="utf-8"))


def pages(site: Path) -> dict[str, str]:
    """Every built page (site path) -> its heading's text."""
    out = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        heading = H1.search(path.read_text(encoding="utf-8"))
        if rel != "404.html" and heading:
            out[rel] = html.unescape(TAG.sub("", heading.group(1))).rstrip("¶").strip()
    return out


def tokens(text: str, separator: str) -> list[str]:
    """Words as the search splits them (its separator; lower case)."""
    return [word.lower() for word in re.split(separator, text) if word]


def test_every_page_is_in_the_index_by_its_title(made_site: Path, index: dict[str, Any]):
    # The index holds each title as HTML (the search shows it as such): the session's site has a
    # criterion titled with markup in it, which must be found by the words the page shows.
    titles = {
        d["location"]: html.unescape(d["title"]) for d in index["docs"] if "#" not in d["location"]
    }
    built = pages(made_site)
    assert len(built) > 50
    missing = {rel: title for rel, title in built.items() if titles.get(rel) != title}
    assert not missing, f"pages not found by their title: {missing}"


def test_a_criterion_is_found_by_ec_7_as_by_ec7(made_site: Path, index: dict[str, Any]):
    separator = index["config"]["separator"]
    assert tokens("EC7", separator) == tokens("EC 7", separator) == ["ec", "7"]
    titles = {d["location"]: d["title"] for d in index["docs"] if "#" not in d["location"]}
    criteria = {rel: title for rel, title in titles.items() if re.search(r"criteria/ec\d+", rel)}
    assert len(criteria) >= 21
    for rel, title in criteria.items():
        number = re.search(r"ec(\d+)\.html$", rel).group(1)  # type: ignore[union-attr]
        words = tokens(title, separator)
        # Material's search matches the last word typed as a prefix ("7" finds "7:")
        assert words[0] == "ec" and words[1].startswith(number), (rel, words)


def test_pages_search_should_not_return_are_kept_by_their_title_only(
    made_site: Path, index: dict[str, Any]
):
    by_page: dict[str, list[dict[str, Any]]] = {}
    for doc in index["docs"]:
        by_page.setdefault(doc["location"].partition("#")[0], []).append(doc)
    title_only = sorted(page for page in by_page if search_index.title_only(page))
    assert any(p.startswith("annex-a/") for p in title_only), title_only
    assert any(p.startswith("examples/handout-") for p in title_only), title_only
    assert any(p.startswith("maintainers/") for p in title_only), title_only
    assert "annex-a/index.html" not in title_only
    for page in title_only:
        assert [(d["location"], d["text"]) for d in by_page[page]] == [(page, "")]
    assert not [d["location"] for d in index["docs"] if search_index.dropped(d["location"])]
    assert any(d["location"].startswith("criteria/ec7.html#") for d in index["docs"])


def test_the_offline_copy_is_the_same_index(made_site: Path):
    offline = (made_site / search_index.OFFLINE).read_text(encoding="utf-8")
    assert offline.startswith(search_index.OFFLINE_PREFIX)
    assert json.loads(offline.removeprefix(search_index.OFFLINE_PREFIX)) == json.loads(
        (made_site / search_index.INDEX).read_text(encoding="utf-8")
    )
