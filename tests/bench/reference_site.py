"""The plain mkdocs-material reference the Lighthouse benchmark compares the site with.

The same Markdown (docs/ plus every page the generator writes, with the glossary's abbreviations
and the home page's macros filled in, as the real build does) and the same theme settings, built
by MkDocs alone: no hook, no macros plugin, no app scripts or app stylesheets. The theme's
overrides stay, but the front matter keys they read (`page.meta.app`: which app's bundles a page
loads) are taken off every page. Not a benchmark itself (`make bench` runs every
tests/bench/*.py, and this one prints nothing).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from generator.mkdocs_hook import expand_nav  # noqa: E402

# App tags in the Markdown: every <script> (with its body) and every <link> (the app sheets).
APP_TAGS = re.compile(r"<script\b[^>]*>.*?</script>[ \t]*\n?|<link\b[^>]*>[ \t]*\n?", re.S)
FRONT_MATTER = re.compile(r"\A(---\n.*?\n---\n)(.*)\Z", re.S)
APP_PLUGINS = frozenset({"macros"})
META_READ = re.compile(r"""page\.meta(?:\.(\w+)|\[["'](\w+)["']\])""")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's `!relative $config_dir` as an absolute path, so the copy can live anywhere."""


def _relative(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    value = loader.construct_scalar(node) or "$config_dir"
    return str(ROOT / value.replace("$config_dir", ".").replace("$docs_dir", "docs"))


_ConfigLoader.add_constructor("!relative", _relative)


def build(into: Path) -> Path:
    """Build the reference into `into`/site (a fresh folder) and return the site folder."""
    generated = pipeline.generate(ROOT / "criteria", ROOT)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _ConfigLoader)
    docs = into / "docs"
    shutil.rmtree(into, ignore_errors=True)
    pipeline.write(generated, docs)  # the hook refuses a page both generated and hand-written
    shutil.copytree(ROOT / config.get("docs_dir", "docs"), docs, dirs_exist_ok=True)
    variables = {**config.get("extra", {}), **generated.macros}
    app_keys = keys_read_by(ROOT / config["theme"].get("custom_dir", "overrides"))
    for page in docs.rglob("*.md"):
        text = plain_markdown(page.read_text(encoding="utf-8"), variables, app_keys)
        page.write_text(text + "\n\n" + generated.abbreviations, encoding="utf-8")
    config_file = into / "mkdocs.yml"
    plain = plain_config(config, docs, generated.nav)
    config_file.write_text(yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
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


def plain_markdown(text: str, variables: dict[str, Any], app_keys: frozenset[str]) -> str:
    """A page without app tags or the front matter keys in `app_keys`; a page that opts in to
    macros gets them filled in."""
    match = FRONT_MATTER.match(text)
    head, body = (match.group(1), match.group(2)) if match else ("", text)
    meta = yaml.safe_load(head.strip("-\n")) if head else None
    if not isinstance(meta, dict):
        return head + APP_TAGS.sub("", body)
    if meta.get("render_macros"):
        env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
        body = env.from_string(body).render(**variables)
    kept = {key: value for key, value in meta.items() if key not in app_keys}
    if kept != meta:
        head = f"---\n{yaml.safe_dump(kept, sort_keys=False, allow_unicode=True)}---\n"
    return head + APP_TAGS.sub("", body)


def plain_config(config: dict[str, Any], docs: Path, nav: dict[str, Any]) -> dict[str, Any]:
    """mkdocs.yml without the hook, the macros plugin and the sheets not hand-written in docs/."""
    plain = {key: value for key, value in config.items() if key != "hooks"}
    hand_written = ROOT / config.get("docs_dir", "docs")
    plain["docs_dir"] = str(docs)
    plain["strict"] = False
    plain["theme"] = {**config["theme"]}
    if "custom_dir" in plain["theme"]:
        plain["theme"]["custom_dir"] = str(ROOT / plain["theme"]["custom_dir"])
    plain["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) not in APP_PLUGINS]
    for key in ("extra_css", "extra_javascript"):
        plain[key] = [path for path in config.get(key, []) if (hand_written / path).is_file()]
    plain["nav"] = expand_nav(config.get("nav", []), nav)
    return plain


def _plugin_name(entry: str | dict[str, Any]) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))
