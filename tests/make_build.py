"""The site built as `make build` builds it, for tests that need a fresh one.

Three steps, as the Makefile's build_site runs them: the generator writes the whole tree
(`python -m generator build --out TREE`), MkDocs builds that tree strictly with no hook, and the
generator finishes the built site (`python -m generator finish SITE`: it trims the search index
and spells out the abbreviations). tests/test_make_build.py holds these to the Makefile's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from paths import CONTENT, ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TIMEOUT_S = 600


def steps(site: Path, tree: Path, content: Path = CONTENT) -> list[list[str]]:
    """The commands that build `content` into `site` through `tree`, in order (the benchmark
    times these same commands)."""
    config = str(tree / "mkdocs.yml")
    return [
        [sys.executable, "-m", "generator", "build", "--content", str(content), "--out", str(tree)],
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site)],
        [sys.executable, "-m", "generator", "finish", str(site)],
    ]


def build_site(
    site: Path, tree: Path, content: Path = CONTENT, root: Path = ROOT, unreviewed: str = ""
) -> subprocess.CompletedProcess[str]:
    """Build `content` into `site` through `tree` with the project at `root` (a copy's own
    generator and docs/); the first failing step's result, or the last step's. `unreviewed`
    is JTAI_UNREVIEWED for the generator's build step ("draft" or "refuse", as make build's
    DRAFT=1 or not; empty: the generator's default)."""
    env = ENV | {"JTAI_UNREVIEWED": unreviewed} if unreviewed else ENV
    for step in steps(site, tree, content):
        done = subprocess.run(
            step, cwd=root, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
        if done.returncode != 0:
            break
    return done
