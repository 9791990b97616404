"""The plain mkdocs-material reference the benchmarks compare the site with.

The same Markdown (the generated tree, generator/site_tree.py: docs/ plus every page the generator
writes, with the glossary's abbreviations and the home page's values filled in, as the real build
has them) and the same theme settings, built by MkDocs alone, with plain mkdocs-material search
(no trimmed index): no app scripts or app stylesheets. The theme's overrides stay, but the front
matter keys they read (`page.meta.app`: which app's bundles a page loads) are taken off every
page. Not a benchmark itself (`make bench` runs every tests/bench/*.py, and this one prints
nothing).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench_support import CONTENT  # noqa: E402

from generator import front_matter, pipeline, site_tree  # noqa: E402

# App tags in the Markdown: every <script> (with its body) and every <link> (the app sheets).
APP_TAGS = re.compile(r"<script\b[^>]*>.*?</script>[ \t]*\n?|<link\b[^>]*>[ \t]*\n?", re.S)
META_READ = re.compile(r"""page\.meta(?:\.(\w+)|\[["'](\w+)["']\])""")


def write(into: Path) -> Path:
    """Write the reference's source (a copy of the generated tree, made plain) into `into` and
    return its mkdocs.yml."""
    generated = pipeline.generate(CONTENT, ROOT)
    config = site_tree.read_config(ROOT)
    pipeline.write_files(site_tree.tree(ROOT, generated, config), into)
    app_keys = keys_read_by(into / site_tree.THEME)
    docs = into / site_tree.DOCS
    for page in docs.rglob("*.md"):
        page.write_text(plain_markdown(page.read_text(encoding="utf-8"), app_keys), "utf-8")
    config_file = into / site_tree.CONFIG
    plain = plain_config(yaml.safe_load(config_file.read_text(encoding="utf-8")))
    config_file.write_text(yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
    return config_file


def build(into: Path) -> Path:
    """Build the reference into `into`/site (a fresh folder) and return the site folder."""
    config_file = write(into)
    site = into / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site)],
        cwd=into,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"The reference did not build ({config_file}):\n{done.stderr}")
    return site


def keys_read_by(overrides: Path) -> frozenset[str]:
    """Front matter keys the theme overrides read (`page.meta.app`, `page.meta["app"]`)."""
    found = set()
    for template in overrides.rglob("*.html"):
        for match in META_READ.finditer(template.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    return frozenset(found)


def plain_markdown(text: str, app_keys: frozenset[str]) -> str:
    """A page without app tags or the front matter keys in `app_keys`."""
    head, body = front_matter.split(text)
    meta = yaml.safe_load(front_matter.meta_text(head)) if head else None
    if not isinstance(meta, dict):
        return head + APP_TAGS.sub("", body)
    kept = {key: value for key, value in meta.items() if key not in app_keys}
    if kept != meta:
        head = f"---\n{yaml.safe_dump(kept, sort_keys=False, allow_unicode=True)}---\n"
    return head + APP_TAGS.sub("", body)


def plain_config(config: dict[str, Any]) -> dict[str, Any]:
    """The tree's mkdocs.yml, not strict, without the app stylesheets (not hand-written in docs/)
    and with plain mkdocs-material search (no settings of ours)."""
    hand_written = ROOT / "docs"
    plain = {**config, "strict": False}
    plain["plugins"] = [
        "search" if _plugin_name(p) == "search" else p for p in config.get("plugins", [])
    ]
    for key in ("extra_css", "extra_javascript"):
        plain[key] = [path for path in config.get(key, []) if (hand_written / path).is_file()]
    return plain


def _plugin_name(entry: str | dict[str, Any]) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))
