"""Read guidance saved as plain text: as GOV.UK's page copies out of the browser.

Tables come either as "cell | cell |" rows (the shape of guidance.txt) or as tab-separated cells
(what a copy from the browser gives); guidance_text.lines_of turns tab rows into "|" rows. A text
already in guidance.txt's shape is kept byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from ..guidance_text import lines_of
from .source import Refusal, Source


def read_text(path: Path, name: str) -> Source | Refusal:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        where = raw[: err.start].count(b"\n") + 1
        return Refusal(name, where, "not valid UTF-8: save the guidance as UTF-8 text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = lines_of(text)
    same = "\n".join(line.text for line in lines) == text.rstrip("\n")
    return Source(name, lines, text if same else None)
