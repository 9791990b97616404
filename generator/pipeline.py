"""Run the stages in order: load -> validate -> link -> model -> render.

Each stage sees only the output of the one before. check() collects every problem from every
file before returning: the schema, the references, the content rules (content_rules.py) and,
once those pass, the checks of what was rendered (output_problems: the rules read on the pages,
page_rules.py, and the apps' data against its schemas, render_data.py); generate() refuses to
render anything while a problem remains, and reuses check()'s pages. `make build` runs the
checks of what was rendered while MkDocs builds (build_site.py): check(outputs=False).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import content_rules, link, load, model, page_rules, render, render_data, validate
from .problems import GenerationError, Problem, display_path

DOCS = Path(__file__).resolve().parent.parent / "docs"  # the hand-written pages


@dataclass(frozen=True)
class Checked:
    docs: tuple[load.Document, ...]
    problems: tuple[Problem, ...]
    generated: render.Generated | None = None  # the pages, once the content rules pass
    site: model.Site | None = None  # the model they were rendered from


def check(content_dir: Path, root: Path | None = None, *, outputs: bool = True) -> Checked:
    """Load, validate and link every content file; return the documents and every problem (with
    outputs=False, none found in what was rendered: the caller runs output_problems itself)."""
    root = root or content_dir.parent
    docs: list[load.Document] = []
    problems: list[Problem] = []
    for path in load.content_files(content_dir):
        doc, found = _read(path, root)
        problems += found
        if doc is not None:
            docs.append(doc)
    if not docs and not problems:
        problems.append(Problem(str(content_dir), 0, "$", "no YAML content files found"))
    problems += link.link(docs, content_dir)
    problems += _content_rules(docs, content_dir, problems)
    checked = Checked(tuple(docs), tuple(sorted(set(problems))))
    if problems or not (content_dir / "site.yml").is_file():  # or one folder, not a whole site
        return checked
    site = model.build(checked.docs, content_dir)
    checked = replace(checked, generated=render.render(site), site=site)
    return replace(checked, problems=output_problems(checked)) if outputs else checked


def output_problems(checked: Checked) -> tuple[Problem, ...]:
    """Every problem in what was rendered: the rules read on the pages, and every framework's
    browser data against its schemas."""
    generated, site = checked.generated, checked.site
    if generated is None or site is None:
        return ()
    found = page_rules.check(
        generated.pages, generated.files(), checked.docs, site.glossary, DOCS, site.frameworks
    )
    found += [p for data in generated.every_data for p in render_data.problems(data)]
    return tuple(sorted(set(found)))


Read = tuple[load.Document | None, tuple[Problem, ...]]
_READ: dict[tuple[str, str, bytes], Read] = {}  # (name, schema, bytes): the file as checked
_READ_KEPT = 256


def _read(path: Path, root: Path) -> Read:
    """One file loaded, validated and with its Markdown fields declared (None when unusable),
    and its problems. A file with the same name, kind and bytes as one read before (in another
    copy of the content, or unchanged since the last check while serving) is not parsed again:
    nothing after this stage changes a document's data."""
    if path.is_symlink() or path.resolve() != path.absolute():
        return _read_file(path, root)  # load refuses links: let it say so each time
    key = (display_path(path, root), validate.schema_name(path), path.read_bytes())
    if key not in _READ:
        if len(_READ) >= _READ_KEPT:
            _READ.clear()
        _READ[key] = _read_file(path, root)
    doc, problems = _READ[key]
    return (replace(doc, path=path) if doc is not None else None), problems


def _read_file(path: Path, root: Path) -> Read:
    doc, found = load.load_file(path, root)
    if doc is None or not isinstance(doc.data, dict):
        return None, tuple(found)
    return validate.with_markdown_declared(doc), (*found, *validate.validate(doc))


def _content_rules(
    docs: list[load.Document], content_dir: Path, problems: list[Problem]
) -> list[Problem]:
    """The content rules' problems, one message per field: none where a field already has one,
    and none of the whole-site rules (every glossary term used) while any file has a problem."""
    taken = {(p.file, p.path) for p in problems}
    found = content_rules.check(docs, content_dir, DOCS, whole_site=not problems)
    return [p for p in found if (p.file, p.path) not in taken]


def unreviewed(content_dir: Path, root: Path | None = None) -> tuple[Problem, ...]:
    """Every value still marked 'To review' in what the site publishes (content_rules)."""
    docs = [
        d for p in load.content_files(content_dir) if (d := _read(p, root or content_dir.parent)[0])
    ]
    return tuple(sorted(content_rules.unreviewed(docs, content_dir)))


def generate(content_dir: Path, root: Path | None = None) -> render.Generated:
    """Every generated page and asset, or GenerationError listing every problem."""
    checked = check(content_dir, root)
    if checked.problems or checked.generated is None:
        raise GenerationError(checked.problems)
    return checked.generated


def write(generated: render.Generated, out_dir: Path) -> None:
    """Write every generated page and asset (see write_files)."""
    write_files(generated.files(), out_dir)


def write_json(files: Mapping[str, Any], out_dir: Path) -> None:
    """Write each value as a JSON file (see write_files)."""
    texts = {rel: json.dumps(v, ensure_ascii=False, indent=1) + "\n" for rel, v in files.items()}
    write_files(texts, out_dir)


def write_files(files: Mapping[str, str | bytes], out_dir: Path) -> None:
    """Write the output atomically: the old folder is replaced only once the new one is whole."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".generated-", dir=out_dir.parent))
    for rel, content in files.items():
        target = tmp / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    swap_in(tmp, out_dir)


def swap_in(new: Path, out_dir: Path) -> None:
    """Put the folder `new` at `out_dir`, replacing what was there only once `new` is whole."""
    old = out_dir.with_name(out_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)  # left by a build that was stopped half way
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(new, out_dir)
    shutil.rmtree(old, ignore_errors=True)
