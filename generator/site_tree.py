"""The generated tree: everything a site build needs, written before the build.

`python -m generator build --out build/tree` writes

    build/tree/mkdocs.yml   the project's mkdocs.yml without the hook, with the full navigation
    build/tree/docs/        docs/ (macros filled in) + every generated page and asset + the
                            published schemas; every page ends with the glossary's abbreviations
    build/tree/overrides/   the theme overrides

so that a plain `mkdocs build` of the tree (no hook, no plugin of ours) builds the site, and so
can another engine that reads mkdocs.yml (ProperDocs: `make engine-check`). The MkDocs hook stays a
thin convenience for `make serve`, and fills the macros with the same function (filled()).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import yaml

from . import front_matter
from .problems import GenerationError, Problem
from .render import Generated

# Published as they are: the file formats people exchange (folder in the repo, path in the site).
# The browser code itself reaches the site as the generator's bundles (assessment/apps.json).
STATIC = (("assessment/schemas", "assets/assessment/schemas"),)
STATIC_SUFFIXES = frozenset({".js", ".css", ".json"})
CONFIG = "mkdocs.yml"
DOCS, THEME = "docs", "overrides"
OTHERS_TITLE = "Other inspections"
MACROS_KEY = "render_macros"  # a hand-written page opts in to the generator's values


def filled(body: str, meta: Mapping[str, Any], variables: Mapping[str, Any]) -> str:
    """A hand-written page's Markdown with its macros filled in, when its front matter says
    `render_macros: true` (as mkdocs-macros did); any other page as it is. An unknown name is an
    error, never an empty string."""
    if not meta.get(MACROS_KEY):
        return body
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(body).render(**variables)


def variables(config: Mapping[str, Any], generated: Generated) -> dict[str, Any]:
    """What a hand-written page's macros may use: mkdocs.yml's `extra`, then the generator's."""
    return {**config.get("extra", {}), **generated.macros}


def page_with_macros(text: str, values: Mapping[str, Any]) -> str:
    """A whole page file (front matter and body) with its macros filled in, and the opt-in key
    taken off, so that no engine fills them again."""
    front, body = front_matter.split(text)
    if not front:
        return text
    meta = yaml.safe_load(front_matter.meta_text(front)) or {}
    if not isinstance(meta, dict) or not meta.get(MACROS_KEY):
        return text
    body = filled(body, meta, values)
    kept = {key: value for key, value in meta.items() if key != MACROS_KEY}
    head = yaml.safe_dump(kept, sort_keys=False, allow_unicode=True) if kept else ""
    return f"---\n{head}---\n{body}" if kept else body


def tree(root: Path, generated: Generated, config: Mapping[str, Any]) -> dict[str, str | bytes]:
    """Every file of the generated tree (path within it -> text or bytes), or GenerationError
    when a hand-written page has the path of a generated one."""
    docs_dir = root / config.get("docs_dir", DOCS)
    values = variables(config, generated)
    pages: dict[str, str | bytes] = {}
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(docs_dir).as_posix()
        pages[rel] = (
            page_with_macros(path.read_text(encoding="utf-8"), values)
            if path.suffix == ".md"
            else path.read_bytes()
        )
    clashes = sorted(set(pages) & set(generated.files()))
    if clashes:
        raise GenerationError(
            Problem(
                f"docs/{rel}", 0, "$", "hand-written, but the generator makes it too: rename one"
            )
            for rel in clashes
        )
    pages.update(generated.files())
    pages.update(static_files(root))
    for rel, content in pages.items():
        if rel.endswith(".md") and isinstance(content, str):
            pages[rel] = content + "\n\n" + generated.abbreviations
    out: dict[str, str | bytes] = {f"{DOCS}/{rel}": content for rel, content in pages.items()}
    theme_dir = config.get("theme", {}).get("custom_dir")
    if theme_dir:
        for path in sorted(p for p in (root / theme_dir).rglob("*") if p.is_file()):
            out[f"{THEME}/{path.relative_to(root / theme_dir).as_posix()}"] = path.read_bytes()
    out[CONFIG] = yaml.safe_dump(engine_config(config, generated), sort_keys=False)
    return out


def static_files(root: Path) -> dict[str, bytes]:
    """The published schemas (STATIC), by their site path."""
    return {
        f"{site_path}/{path.name}": path.read_bytes()
        for folder, site_path in STATIC
        for path in sorted((root / folder).glob("*"))
        if path.is_file() and path.suffix in STATIC_SUFFIXES
    }


def engine_config(config: Mapping[str, Any], generated: Generated) -> dict[str, Any]:
    """mkdocs.yml for the tree: no hook; docs and overrides beside it; the navigation whole;
    another framework's pages (reached from its start page) marked as not in the menu."""
    out = {key: value for key, value in config.items() if key != "hooks"}
    out["docs_dir"] = DOCS
    if out.get("theme", {}).get("custom_dir"):
        out["theme"] = {**out["theme"], "custom_dir": THEME}
    out["nav"] = expand_nav(config.get("nav") or [], generated.nav) + other_inspections(
        generated.others
    )
    folders = sorted({start.rsplit("/", 1)[0] for _, start in generated.others})
    if folders:
        lines = [*str(config.get("not_in_nav", "")).splitlines(), *(f"/{f}/" for f in folders)]
        out["not_in_nav"] = "\n".join(line for line in lines if line.strip()) + "\n"
    return out


def other_inspections(others: tuple[tuple[str, str], ...]) -> list[Any]:
    """One menu entry listing each other framework's start page, when the site shows several."""
    return [{OTHERS_TITLE: [{title: url} for title, url in others]}] if others else []


def expand_nav(nav: list[Any], children: Mapping[str, list[Any]]) -> list[Any]:
    """Turn 'Title: section/index.md' into a section with the generator's pages under it, at
    any depth (the tabs hold the sections)."""
    out = []
    for entry in nav:
        title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(target, str) and target in children:
            entry = {title: [target, *children[target]]}
        elif isinstance(target, list):
            entry = {title: expand_nav(target, children)}
        out.append(entry)
    return out


def read_config(root: Path) -> dict[str, Any]:
    """The project's mkdocs.yml as data."""
    data = yaml.safe_load((root / CONFIG).read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}
