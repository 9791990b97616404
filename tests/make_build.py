"""The site built as `make build` builds it, for tests that need a fresh one.

One step, as the Makefile's build_site runs it: `python -m generator site` writes the whole tree,
has MkDocs build it strictly with no hook while it checks what it rendered, then finishes the
built site (it trims the search index and spells out the abbreviations) and swaps it in
(generator/build_site.py). tests/test_make_build.py holds this to the Makefile's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from paths import CONTENT, ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TIMEOUT_S = 600


def command(site: Path, tree: Path, content: Path = CONTENT) -> list[str]:
    """The command that builds `content` into `site` through `tree` (the benchmark times it)."""
    where = ["--content", str(content), "--tree", str(tree), "--site", str(site)]
    return [sys.executable, "-m", "generator", "site", *where]


def build_site(
    site: Path, tree: Path, content: Path = CONTENT, root: Path = ROOT, unreviewed: str = ""
) -> subprocess.CompletedProcess[str]:
    """Build `content` into `site` through `tree` with the project at `root` (a copy's own
    generator and docs/). `unreviewed` is JTAI_UNREVIEWED ("draft" or "refuse", as make build's
    DRAFT=1 or not; empty: the generator's default)."""
    env = ENV | {"JTAI_UNREVIEWED": unreviewed} if unreviewed else ENV
    return subprocess.run(
        command(site, tree, content),
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
