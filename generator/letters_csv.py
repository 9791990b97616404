"""Stage 5, render (worked examples): the letters' findings as a spreadsheet (CSV).

One row per finding of every example taken from a letter of findings, in each letter's order,
letters oldest first. Reads the model only. UTF-8 with a byte order mark and CRLF line ends, so
that spreadsheet programs open it with its curly quotes intact; a cell that a spreadsheet would
read as a formula is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io

from .examples import Example
from .model import Framework
from .render_examples import FOLDER, letters

COLUMNS = (
    "Area",
    "Letter",
    "Letter address",
    "On site from",
    "On site to",
    "Published",
    "Statement of action due (as the letter states it)",
    "Finding ID",
    "Section",
    "Point",
    "Kind of finding",
    "The letter's words",
    "Bodies the point names",
    "Agencies (our reading)",
    "Criteria (our mapping)",
    "Worked example page",
)


def letters_csv(fw: Framework) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for example in letters(fw):
        writer.writerows([_safe(cell) for cell in row] for row in _rows(fw, example))
    return "\ufeff" + out.getvalue()


def _rows(fw: Framework, e: Example) -> list[list[str]]:
    let = e.letter
    assert let is not None
    names = {a.id: a.name for a in fw.agencies}
    return [
        [
            e.area,
            let.title,
            let.address,
            let.on_site_from,
            let.on_site_to,
            let.published,
            let.statement_due,
            f.id,
            f.section,
            str(f.item) if f.item else "",
            f.type_label,
            f.quote,
            "; ".join(f.named),
            "; ".join(names[a] for a in f.agencies),
            "; ".join(m.criterion for m in f.criteria),
            f"{FOLDER}/{e.id}.html#{f.id}",
        ]
        for f in e.findings
    ]


def _safe(cell: str) -> str:
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
