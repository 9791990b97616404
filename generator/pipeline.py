"""Run the stages in order: load -> validate -> link -> model -> render.

Each stage sees only the output of the one before. check() collects every problem from every
file before returning; generate() refuses to render anything while a problem remains.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import link, load, model, render, validate
from .problems import GenerationError, Problem


@dataclass(frozen=True)
class Checked:
    docs: tuple[load.Document, ...]
    problems: tuple[Problem, ...]


def check(content_dir: Path, root: Path | None = None) -> Checked:
    """Load, validate and link every content file; return the documents and every problem."""
    root = root or content_dir.parent
    docs: list[load.Document] = []
    problems: list[Problem] = []
    for path in load.content_files(content_dir):
        doc, found = load.load_file(path, root)
        problems += found
        if doc is not None and isinstance(doc.data, dict):
            problems += validate.validate(doc)
            docs.append(validate.with_markdown_declared(doc))
    if not docs and not problems:
        problems.append(Problem(str(content_dir), 0, "$", "no YAML content files found"))
    problems += link.link(docs, content_dir)
    return Checked(tuple(docs), tuple(sorted(set(problems))))


def generate(content_dir: Path, root: Path | None = None) -> render.Generated:
    """Every generated page and asset, or GenerationError listing every problem."""
    checked = check(content_dir, root)
    if checked.problems:
        raise GenerationError(checked.problems)
    site = model.build(checked.docs, content_dir)
    return render.render(site)


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
    old = out_dir.with_name(out_dir.name + ".old")
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(tmp, out_dir)
    shutil.rmtree(old, ignore_errors=True)
