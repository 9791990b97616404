"""Thin MkDocs adapter for `make serve`: translates MkDocs events into generator calls.

`make build` does not use it: the generator writes the whole tree first (generator/site_tree.py,
`python -m generator build`) and MkDocs builds that. This hook does the same in memory, with the
same functions, so the preview can show a problems page and rebuild on save.

- on_config: run the generator (before MkDocs cleans the site folder, so a failure leaves the
  previous site intact) and add the generated pages to the navigation. Under `mkdocs serve`,
  broken content builds a page naming every problem instead (generator/problems_page.py;
  on_template_context puts them on the 404 page too, so every address names them), and warnings
  do not stop the preview: a failed build would leave every request waiting.
- JTAI_CONTENT (environment): another content folder than criteria/ (the tests' tiny framework).
- on_files: add the generated pages, the apps' bundles and the published schemas
  (site_tree.STATIC).
- on_page_markdown: fill a hand-written page's macros (`render_macros: true`), and append the
  glossary's abbreviations so every page gets tooltips.
- JTAI_UNREVIEWED (generator/drafts.py): a build with the hook refuses, or marks as a draft,
  values still marked 'To review', as `make build` does.
- on_page_content: spell out each abbreviation at its first use and make every one focusable
  (generator/abbr_html.py).
- on_serve: rebuild when content, templates or the browser code (assessment/) change, and let
  each served page run MkDocs' live-reload script under the Content-Security-Policy, by its hash
  (generator/live_reload.py), so the page reloads on save.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import CountHandler

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; make the package importable
    sys.path.insert(0, str(ROOT))

from generator import abbr_html, drafts, live_reload, pipeline, problems_page, site_tree  # noqa: E402
from generator.problems import GenerationError, Problem  # noqa: E402
from generator.render import Generated  # noqa: E402
from generator.site_tree import expand_nav, other_inspections  # noqa: E402

# The content folder: criteria/, or JTAI_CONTENT (tests build the tiny framework's content).
CONTENT = Path(os.environ.get("JTAI_CONTENT") or ROOT / "criteria").resolve()
WATCHED = ("generator/templates", "generator/schemas", "assessment")
_state: dict[str, Any] = {}  # generated, serving, problems (while serving broken content)
log = logging.getLogger("mkdocs.hooks.jtai")


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"


@event_priority(100)
def on_config(config):
    _state.pop("problems", None)
    try:
        generated = pipeline.generate(CONTENT, ROOT)
    except GenerationError as err:
        if not _state.get("serving"):
            message = f"Content problems:\n{err}\nThe previous site was left as it was."
            raise PluginError(message) from None
        return _show_problems(config, err.problems)
    if _state.get("serving"):
        _not_strict()
    elif drafts.MODE == "refuse" and (unreviewed := pipeline.unreviewed(CONTENT, ROOT)):
        raise PluginError(drafts.refusal(unreviewed))
    _state["generated"] = generated
    config.nav = expand_nav(config.nav or [], generated.nav) + other_inspections(generated.others)
    return config


def _show_problems(config, problems: tuple[Problem, ...]):
    """Serve one page naming every problem (at every address) instead of hanging."""
    _not_strict()
    log.error(problems_page.terminal(problems))
    _state["problems"] = problems
    folder = _state.setdefault("problems_dir", Path(tempfile.mkdtemp(prefix="jtai-problems-")))
    config["docs_dir"] = str(problems_page.write(folder, problems))
    config["nav"] = [{problems_page.TITLE: "index.md"}]
    return config


def _not_strict() -> None:
    """Under serve, warnings are shown but do not fail the build, which would leave every
    request waiting. (MkDocs counts them with a handler it adds before on_config; make build
    stays strict.)"""
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        if isinstance(handler, CountHandler):
            logger.removeHandler(handler)


def on_template_context(context, template_name: str, config):
    """While content is broken, the 404 page (every other address) names the problems."""
    if template_name == "404.html" and _state.get("problems"):
        body = Markup(problems_page.body(_state["problems"]))  # escaped in problems_page
        context["content_problems"] = {"title": problems_page.TITLE, "body": body}
    return context


def on_shutdown() -> None:
    if "problems_dir" in _state:
        shutil.rmtree(_state.pop("problems_dir"), ignore_errors=True)


def on_files(files: Files, config) -> Files:
    if _state.get("problems"):
        return _with_stylesheets(files, config)
    generated = _state["generated"]
    for uri, content in generated.files().items():  # text, or bytes for the .xlsx
        if files.get_file_from_path(uri) is not None:
            raise PluginError(
                f"docs/{uri} is hand-written but the generator also makes it: rename one of them"
            )
        file = File.generated(config, uri, content=content)
        if generated.off_menu(uri):
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    for uri, content in site_tree.static_files(ROOT).items():
        files.append(File.generated(config, uri, content=content))
    return files


def _with_stylesheets(files: Files, config) -> Files:
    """The problems page styled as the site: add docs/'s own stylesheets (extra_css)."""
    for uri in config["extra_css"]:
        path = ROOT / "docs" / uri
        if path.is_file() and files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    if _state.get("problems"):
        return markdown
    generated: Generated = _state["generated"]
    try:
        markdown = site_tree.filled(markdown, page.meta, site_tree.variables(config, generated))
    except jinja2.TemplateError as err:
        raise PluginError(f"docs/{page.file.src_uri}: its macros: {err}") from None
    if drafts.MODE == "draft" and page.file.src_uri in generated.pages:
        markdown = drafts.marked(markdown)
    return markdown + "\n\n" + generated.abbreviations


def on_page_content(html: str, page, config, files) -> str:
    return html if _state.get("problems") else abbr_html.spell_out_and_focus(html)


def on_serve(server, config, builder):
    server.watch(str(CONTENT))
    if _state.get("problems"):  # MkDocs watches the problems page's folder instead of docs/
        server.watch(str(ROOT / "docs"))
    for rel in WATCHED:
        server.watch(str(ROOT / rel))
    live_reload.under_policy(server)
    return server
