"""Stage 5, render: one script and one stylesheet per app, from assessment/apps.json.

Each app's bundle is its generated data (render_data.py) followed by its scripts in the declared
order, so a page loads one deferred script and one stylesheet instead of a hand-kept list. The
files are joined as they are (a comment names each part), so a stack trace points at the source.
A manifest that names a missing file, or an app with no boot, is a problem reported like any
content problem.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .problems import GenerationError, Problem, display_path
from .render_data import BANNER, data_script

MANIFEST = "apps.json"
SITE_FOLDER = "assets/assessment"
FIRST, LAST = "lib/jtai.js", "lib/boot.js"


@dataclass(frozen=True)
class App:
    name: str
    data: tuple[str, ...]
    scripts: tuple[str, ...]
    styles: tuple[str, ...]


def read_manifest(web_dir: Path) -> tuple[App, ...]:
    """Every app in assessment/apps.json, or GenerationError naming each problem in it."""
    path = web_dir / MANIFEST
    shown = display_path(path, web_dir.parent)
    raw = json.loads(path.read_text(encoding="utf-8"))
    apps = tuple(
        App(name, tuple(a.get("data", ())), tuple(a["scripts"]), tuple(a.get("styles", ())))
        for name, a in raw["apps"].items()
    )
    problems = [p for app in apps for p in _problems(app, web_dir, shown)]
    if problems:
        raise GenerationError(problems)
    return apps


def _problems(app: App, web_dir: Path, shown: str) -> list[Problem]:
    where = f"$.apps.{app.name}"
    found = [
        Problem(shown, 0, f"{where}.{kind}", f"{rel} does not exist in assessment/")
        for kind, files in (("scripts", app.scripts), ("styles", app.styles))
        for rel in files
        if not (web_dir / rel).is_file()
    ]
    if not app.scripts or app.scripts[0] != FIRST or app.scripts[-1] != LAST:
        found.append(
            Problem(shown, 0, f"{where}.scripts", f"must start with {FIRST} and end with {LAST}")
        )
    return found


def bundles(web_dir: Path, data: Mapping[str, dict[str, Any]], folder: str = "") -> dict[str, str]:
    """Site path -> text of every app's script and stylesheet bundle: assets/assessment/APP.js
    for the default framework, assets/assessment/ID/APP.js for another (`folder` is "ID/")."""
    out: dict[str, str] = {}
    for app in read_manifest(web_dir):
        missing = [name for name in app.data if name not in data]
        if missing:
            raise GenerationError(
                [Problem(MANIFEST, 0, f"$.apps.{app.name}.data", f"no data called {missing[0]}")]
            )
        parts = [scope_script(folder)] if folder else []
        parts += [data_script(name, data[name]) for name in app.data]
        parts += [_part(web_dir, rel) for rel in app.scripts]
        out[f"{SITE_FOLDER}/{folder}{app.name}.js"] = "\n".join(parts)
        out[f"{SITE_FOLDER}/{folder}{app.name}.css"] = "\n".join(
            _part(web_dir, r) for r in app.styles
        )
    return out


def scope_script(folder: str) -> str:
    """Another framework's bundle names its ID first, so that what its apps keep in the browser
    is kept apart from the default framework's (assessment/lib/storage.js scoped())."""
    scope = json.dumps(folder.strip("/"))
    return f"{BANNER}\n(self.JTAI = self.JTAI || {{}}).storageScope = {scope};\n"


def _part(web_dir: Path, rel: str) -> str:
    text = (web_dir / rel).read_text(encoding="utf-8")
    return f"/* ---- assessment/{rel} ---- */\n{text.rstrip()}\n"
