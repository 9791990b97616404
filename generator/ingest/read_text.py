"""Read guidance saved as plain text: as GOV.UK's page copies out of the browser.

Tables come either as "cell | cell |" rows (the shape of guidance.txt) or as tab-separated cells
(what a copy from the browser gives); tab rows become "|" rows, with a "---|" row under the first
row of each table. A text already in guidance.txt's shape is kept byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from .source import Line, Refusal, Source, separator, table_row


def read_text(path: Path, name: str) -> Source | Refusal:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        where = raw[: err.start].count(b"\n") + 1
        return Refusal(name, where, "not valid UTF-8: save the guidance as UTF-8 text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    in_tabs = False
    for at, line in enumerate(text.split("\n"), start=1):
        if "\t" in line and line.strip():
            cells = line.rstrip("\t").split("\t")
            lines.append(Line(table_row(cells), at))
            if not in_tabs:
                lines.append(Line(separator(len(cells)), at))
            in_tabs = True
            continue
        in_tabs = False
        lines.append(Line(line.rstrip(), at))
    while lines and not lines[-1].text:
        lines.pop()
    same = "\n".join(line.text for line in lines) == text.rstrip("\n")
    return Source(name, tuple(lines), text if same else None)
