"""Check the folder ingest would write, before writing it: the same checks as
`python -m generator check`, run on a scratch copy of the content folder's shared files with the
new framework folder beside them. Each problem is named at the file and line it would have in
the real folder, so that ingest never writes a folder that check then refuses.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import pipeline
from .write import write_folder


def problems(
    target: Path, files: Mapping[str, Mapping[str, Any]], text: str, source: str
) -> list[str]:
    """Every check problem in the new framework folder, as 'file:line: $.path: message'."""
    content, framework_id = target.parent, target.name
    with tempfile.TemporaryDirectory(prefix="jtai-ingest-") as tmp:
        staged = Path(tmp) / "content"
        staged.mkdir()
        for shared in sorted(content.glob("*.yml")) if content.is_dir() else ():
            (staged / shared.name).write_bytes(shared.read_bytes())
        write_folder(staged / framework_id, files, text, source)
        found = pipeline.check(staged, Path(tmp)).problems
    own = f"content/{framework_id}/"
    return [
        str(p).replace(own, f"{target.as_posix()}/", 1) for p in found if p.file.startswith(own)
    ]
