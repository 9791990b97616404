"""Read guidance saved from the browser as an HTML page (standard library html.parser only).

Headings (h1 to h6), paragraphs and list items become lines, each list item after a "-" line;
every <table> becomes "cell | cell |" rows with a "---|" row under its first row. The first h1 is
the title; the page's script, style, navigation, header and footer are left out. A paragraph the
page numbers with an <ol> keeps the number it prints only when the text carries it ("1. ...").
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

from ..guidance_text import Line, separator, table_row
from .source import Refusal, Source

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "caption"}
SKIPPED = {"script", "style", "nav", "header", "footer", "noscript", "template"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.skip = 0
        self.text: list[str] | None = None  # the block being read
        self.at = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.rows_in_table = 0
        self.titled = False  # lines before the first h1 (breadcrumbs, banners) are left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skip += 1
        elif tag == "table":
            self.rows_in_table = 0
        elif tag == "tr":
            self.row, self.at = [], self.getpos()[0]
        elif tag in {"td", "th"} and self.row is not None:
            self.cell = []
        elif tag == "br" and self.text is not None:
            self.text.append(" ")
        elif tag in BLOCKS and self.cell is None:
            self.text, self.at = [], self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in {"td", "th"} and self.cell is not None and self.row is not None:
            self.row.append(_clean("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self._add_row(self.row)
            self.row = None
        elif tag in BLOCKS and self.text is not None and self.cell is None:
            self._add_block(tag, _clean("".join(self.text)))
            self.text = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.text is not None:
            self.text.append(data)

    def _add_row(self, cells: list[str]) -> None:
        if not self.titled:
            return
        self.lines.append(Line(table_row(cells), self.at))
        if self.rows_in_table == 0:
            self.lines.append(Line(separator(len(cells)), self.at))
        self.rows_in_table += 1

    def _add_block(self, tag: str, text: str) -> None:
        self.titled = self.titled or tag == "h1"
        if not text or not self.titled:
            return
        if tag == "li":
            self.lines.append(Line("-", self.at))
        self.lines.append(Line(text, self.at))


def _clean(text: str) -> str:
    return " ".join(html.unescape(text).split())


def read_html(path: Path, name: str) -> Source | Refusal:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return Refusal(name, 0, "not valid UTF-8: save the page as UTF-8 (Web Page, HTML only)")
    reader = _Reader()
    reader.feed(text)
    reader.close()
    if not reader.lines:
        return Refusal(
            name, 0, "no <h1> title found: save the whole guidance page (Web Page, HTML only)"
        )
    return Source(name, tuple(reader.lines))
