"""A lighter search index: pages search should not return by their words are kept by their title.

mkdocs-material indexes every section of every page (search/search_index.json, inlined into
search/search_index.js by the offline plugin for file://), and the browser loads it whole. After
the build, `make build` (generator/build_site.py: finish) keeps only the title entry of the pages
below, so that each is still found by its title but its words no longer crowd the results:

- the per-agency Annex A tables (annex-a/AGENCY.html): the same items as annex-a/index.html;
- the training handouts (examples/handout-*.html): the worked examples, for print;
- the maintainers' pages (maintainers/): not for the site's users.

and drops the sections below, whose words are another page's (the page keeps its other sections):

- a criterion page's findings from the letters (criteria/ecN.html#found-*): each is on its
  letter's worked example page (examples/), in the letter's own words.

A criterion is found by "EC 7" as by "EC7": mkdocs.yml's search separator splits "EC7" in two.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"
OFFLINE = Path("search") / "search_index.js"  # the offline plugin's copy, for file://
OFFLINE_PREFIX = "var __index = "
_FRAMEWORK = r"(?:[a-z0-9-]+/)?"  # another framework's pages sit in a folder of its own
TITLE_ONLY = (
    re.compile(rf"^{_FRAMEWORK}annex-a/(?!index\.html)[^/#]+\.html$"),
    re.compile(rf"^{_FRAMEWORK}examples/handout-[^/#]+\.html$"),
    re.compile(r"^maintainers/"),
)
DROPPED = (re.compile(rf"^{_FRAMEWORK}criteria/[^/#]+\.html#found-"),)


@dataclass(frozen=True)
class Trimmed:
    before: int  # bytes of search_index.json before
    after: int  # and after
    pages: int  # pages kept by their title only


def title_only(page: str) -> bool:
    """Whether a page (its site path, no anchor) is kept in the index by its title only."""
    return any(pattern.match(page) for pattern in TITLE_ONLY)


def dropped(location: str) -> bool:
    """Whether an index entry (page#anchor) is a section whose words are another page's."""
    return any(pattern.match(location) for pattern in DROPPED)


def trimmed_docs(docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The index entries without the sections and text of title-only pages, nor the dropped
    sections; how many pages are kept by their title only."""
    kept, pages = [], set()
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if dropped(doc["location"]):
            continue
        if not title_only(page):
            kept.append(doc)
        elif not anchor and page not in pages:
            pages.add(page)
            kept.append({**doc, "text": ""})
    return kept, len(pages)


def trim(site_dir: Path) -> Trimmed:
    """Rewrite the built site's search index (both copies) with title-only pages trimmed."""
    path = site_dir / INDEX
    text = path.read_text(encoding="utf-8")
    index = json.loads(text)
    index["docs"], pages = trimmed_docs(index["docs"])
    out = json.dumps(index, separators=(",", ":"), default=str)  # as mkdocs-material writes it
    path.write_text(out, encoding="utf-8")
    if (site_dir / OFFLINE).is_file():
        (site_dir / OFFLINE).write_text(OFFLINE_PREFIX + out, encoding="utf-8")
    return Trimmed(len(text.encode()), len(out.encode()), pages)
