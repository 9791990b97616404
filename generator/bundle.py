"""Stage 5, render: one script and one stylesheet per app, from assessment/apps.json.

Each app's bundle is its generated data (render_data.py) followed by its scripts in the declared
order, so a page loads one deferred script and one stylesheet instead of a hand-kept list. The
files are joined as they are (a comment names each part), so a stack trace points at the source.

The manifest is checked before anything is joined, and every problem is reported at once as
file:line, like any content problem: JSON syntax, the schema (generator/schemas/apps.schema.json:
a misspelt key such as `style`), a file that does not exist, an app with no boot, and a load order
that puts a module before a module it needs. Each module says what it needs on its first line:

    // needs: lib/dates.js lib/csv.js

(or `// needs: nothing`; a long list goes on over several `// needs:` lines). A module may also
name what it reads only inside functions called later, which need not come first:
`// uses when called: lib/pii.js`. tests/test_web_layer.py checks both lines against what each
module really reads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import json_lines, validate
from .problems import GenerationError, Problem, display_path, json_path
from .render_data import BANNER, data_script

MANIFEST = "apps.json"
SCHEMA = "apps.schema.json"
SITE_FOLDER = "assets/assessment"
FIRST, LAST = "lib/jtai.js", "lib/boot.js"
NEEDS = re.compile(r"^// needs: (.+)$", re.M)
USES_LATER = re.compile(r"^// uses when called: (.+)$", re.M)
Where = tuple[str, int, str]  # file, line, JSON path: a Problem's place
HEADER_LINES = 6  # the declarations stand in a module's first lines


@dataclass(frozen=True)
class App:
    name: str
    data: tuple[str, ...]
    scripts: tuple[str, ...]
    styles: tuple[str, ...]


@dataclass(frozen=True)
class Declared:
    """What a module says it needs loaded before it, and what it reads only when called."""

    needs: tuple[str, ...]
    later: tuple[str, ...]


def declared(path: Path) -> Declared | None:
    """A module's declarations, or None when it makes none (no `// needs:` line)."""
    head = "\n".join(path.read_text(encoding="utf-8").splitlines()[:HEADER_LINES])
    needs = NEEDS.findall(head)
    if not needs:
        return None
    return Declared(_names(needs), _names(USES_LATER.findall(head)))


def _names(lines: list[str]) -> tuple[str, ...]:
    words = tuple(word for line in lines for word in line.split())
    return () if words == ("nothing",) else words


def read_manifest(web_dir: Path) -> tuple[App, ...]:
    """Every app in assessment/apps.json, or GenerationError naming each problem in it."""
    path = web_dir / MANIFEST
    shown = display_path(path, web_dir.parent)
    located = json_lines.read(path.read_text(encoding="utf-8"), shown)
    if isinstance(located, Problem):
        raise GenerationError([located])
    schema_problems = [
        Problem(shown, located.line(parts), json_path(parts), message)
        for parts, message in validate.check_located(SCHEMA, located.value)
    ]
    if schema_problems:
        raise GenerationError(schema_problems)
    apps = tuple(
        App(name, tuple(a.get("data", ())), tuple(a["scripts"]), tuple(a.get("styles", ())))
        for name, a in located.value["apps"].items()
    )
    problems = [p for app in apps for p in _problems(app, web_dir, shown, located)]
    if problems:
        raise GenerationError(problems)
    return apps


def _problems(app: App, web_dir: Path, shown: str, located: json_lines.Located) -> list[Problem]:
    def at(*parts: object) -> Where:
        where = ("apps", app.name, *parts)
        return shown, located.line(where), json_path(where)

    found = [
        Problem(*at(kind, i), f"{rel} does not exist in assessment/")
        for kind, files in (("scripts", app.scripts), ("styles", app.styles))
        for i, rel in enumerate(files)
        if not (web_dir / rel).is_file()
    ]
    if not app.scripts or app.scripts[0] != FIRST or app.scripts[-1] != LAST:
        found.append(Problem(*at("scripts"), f"must start with {FIRST} and end with {LAST}"))
    return found + _order_problems(app, web_dir, at)


def _order_problems(app: App, web_dir: Path, at: Callable[..., Where]) -> list[Problem]:
    """A module loaded before a module it needs, or a need the bundle does not load at all."""
    found = []
    for i, rel in enumerate(app.scripts):
        path = web_dir / rel
        said = declared(path) if path.is_file() else None
        for need in said.needs if said else ():
            if need not in app.scripts:
                message = f"{rel} needs {need} (its first line), which this app does not load"
                found.append(Problem(*at("scripts", i), message + f": add {need} before it"))
            elif app.scripts.index(need) > i:
                message = f"{rel} needs {need} (its first line), which is loaded after it"
                found.append(Problem(*at("scripts", i), message + f": move {need} before it"))
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
