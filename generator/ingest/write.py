"""Write a new framework folder: each file as YAML with its modeline, then guidance.txt.

The folder is written beside the content folder's others under a temporary name and renamed
into place once whole, so a failure leaves nothing half-written. An existing folder is refused
unless force is given (then it is replaced whole).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .. import guidance
from ..validate import MODELINE

HEADER = (
    "# Made by `python -m generator ingest` from {source}.\n"
    '# Text from the guidance is verbatim with its paragraphs. Every value starting "To review"\n'
    "# is a default: replace it before publishing (docs/maintainers/new-theme.md).\n"
)


class _Dumper(yaml.SafeDumper):
    """Block style, long verbatim text kept on one line, and no anchors or aliases (which the
    loader refuses) where two values are equal."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def to_yaml(name: str, data: Mapping[str, Any], source: str) -> str:
    body = yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    modeline = f"{MODELINE}../../generator/schemas/{name.removesuffix('.yml')}.schema.json\n"
    return modeline + HEADER.format(source=source) + body


def write_folder(
    target: Path, files: Mapping[str, Mapping[str, Any]], text: str, source: str
) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name, data in files.items():
            (tmp / name).write_text(to_yaml(name, data, source), encoding="utf-8")
        (tmp / guidance.FILE_NAME).write_text(text, encoding="utf-8")
        old = target.with_name(f".{target.name}.old")
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
