"""Guidance in other shapes, made by the tests from a text in guidance.txt's shape (never a
hand-kept copy): the shapes a newer theme's guidance may take (issue 20).

- as_tabs: tables as tab-separated cells with no "---|" row, as a copy from the browser gives;
- as_html: the page as the browser saves it, with furniture ingest must leave out (a skip link,
  navigation, a script) and entities for the curly quotes;
- criteria_as_list: the criteria table as list items "EC1: …";
- timescales_in_sentences: the letter timescales table as sentences ("Letter published 34
  working days after fieldwork ends.");
- without_complaints: no complaints section at all;
- journey_stages: a focus paragraph with four stages of a child's experience as its bullets;
- one_more_paragraph: a new paragraph 2 in the front matter, every later number shifted;
- annex_a_as_bullets: each Annex A table as a bullet list under a line "… should share:".
SHAPES names each (but as_tabs) for the tests and the bench.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from generator.guidance_text import NUMBERED, cells, is_separator


def as_tabs(text: str) -> str:
    out = []
    for line in text.split("\n"):
        row = cells(line)
        if row is None:
            out.append(line)
        elif not is_separator(row):
            out.append("\t".join(row))
    return "\n".join(out)


def _entities(text: str) -> str:
    return html.escape(text, quote=False).replace("’", "&rsquo;")


def as_html(text: str) -> str:
    lines = text.split("\n")
    body = [f"<h1>{_entities(lines[0])}</h1>", f"<p>{lines[1]}</p>", f"<p>{lines[2]}</p>"]
    table: list[tuple[str, ...]] = []
    bullet = False
    for line in [*lines[3:], ""]:
        row = cells(line)
        if row is not None:
            if not is_separator(row):
                table.append(row)
            continue
        if table:
            body.append(_table(table))
            table = []
        if line == "-":
            bullet = True
        elif bullet:
            body.append(f"<ul><li>{_entities(line)}</li></ul>")
            bullet = False
        elif NUMBERED.fullmatch(line) or line.endswith((":", ".")):
            body.append(f"<p>{_entities(line)}</p>")
        elif line:
            body.append(f"<h2>{_entities(line)}</h2>")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><title>Guidance</title>"
        "<script>var x = '<p>not content</p>';</script></head>\n<body>\n"
        "<a href='#main'>Skip to main content</a>\n<nav><ul><li>Home</li></ul></nav>\n"
        "<main id='main'>\n" + "\n".join(body) + "\n</main>\n<footer><p>© Crown</p></footer>\n"
        "</body></html>\n"
    )


def _table(rows: list[tuple[str, ...]]) -> str:
    head = "".join(f"<th scope='col'>{_entities(c)}</th>" for c in rows[0])
    body = "".join(
        "<tr>" + "".join(f"<td>{_entities(c)}</td>" for c in row) + "</tr>\n" for row in rows[1:]
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody></table>"


def _table_at(lines: list[str], start: int) -> tuple[int, list[tuple[str, ...]]]:
    """The line after the table whose header is lines[start], and its body rows."""
    end = start + 1
    while end < len(lines) and cells(lines[end]) is not None:
        end += 1
    rows = [row for line in lines[start + 1 : end] if not is_separator(row := cells(line) or ())]
    return end, rows


def _table_after(text: str, header: str) -> tuple[int, int, list[tuple[str, ...]]]:
    """Where the first table starting with `header` is, and its body rows."""
    lines = text.split("\n")
    start = lines.index(header)
    end, rows = _table_at(lines, start)
    return start, end, rows


def _replace_lines(text: str, start: int, end: int, new: list[str]) -> str:
    lines = text.split("\n")
    return "\n".join(lines[:start] + new + lines[end:])


def criteria_as_list(text: str) -> str:
    start, end, rows = _table_after(text, "EC number | Criteria |")
    return _replace_lines(
        text, start, end, [x for ec, crit in rows for x in ("-", f"{ec}: {crit}")]
    )


def timescales_in_sentences(text: str) -> str:
    start, end, rows = _table_after(text, "Activity | Timescales |")
    days = [re.match(r"\d+", when) for _, when in rows]
    sentences = [
        f"{what} {d.group(0)} working days after fieldwork ends."
        for (what, _), d in zip(rows, days, strict=True)
        if d
    ]
    lines = text.split("\n")
    lines[start - 1] += " " + " ".join(sentences)
    return "\n".join(lines[:start] + lines[end:])


def without_complaints(text: str) -> str:
    """Everything from the first heading that names complaints ("Complaints", "Annex C:
    complaints about JTAIs") to the page's furniture left out."""
    heading = r"(?!\d+\. )[^\n|]*\b[Cc]omplaints\b[^\n.:|]*"
    return re.sub(rf"(?s)\n{heading}\n.*?(?=\nPrint or save to PDF\n)", "", text, count=1)


def renumber(text: str) -> str:
    """Number the paragraphs 1, 2, 3 … in order, as the published page would."""
    count = iter(range(1, 10_000))
    return re.sub(r"(?m)^\d+\. ", lambda _: f"{next(count)}. ", text)


STAGES = (
    "responding at identification",
    "assessing, planning and deciding",
    "protecting, supporting and caring",
    "prevention",
)


def journey_stages(text: str) -> str:
    focus = (
        "Focus of the JTAIs\n0. The JTAIs will focus on the multi-agency response at each stage "
        "of a child’s experience:\n" + "".join(f"-\n{stage}\n" for stage in STAGES)
    )
    return renumber(text.replace("Evaluation criteria\n", focus + "Evaluation criteria\n", 1))


def one_more_paragraph(text: str) -> str:
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if NUMBERED.fullmatch(line))
    lines.insert(
        first + 1, "0. We last updated this guidance to add a paragraph to its front matter."
    )
    return renumber("\n".join(lines))


def annex_a_as_bullets(text: str) -> str:
    """Each Annex A table under a heading becomes '<heading> should share:' and one bullet per
    row (its description)."""
    lines = text.split("\n")
    annex = next(i for i, line in enumerate(lines) if line.startswith("Annex A"))
    out = lines[: annex + 1]
    i = annex + 1
    while i < len(lines):
        header = cells(lines[i + 1]) if i + 1 < len(lines) else None
        if header and header[0] == "Number" and cells(lines[i]) is None:
            end, rows = _table_at(lines, i + 1)
            out.append(f"{lines[i]} should share:")
            out += [x for row in rows for x in ("-", row[-1])]
            i = end
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


SHAPES: dict[str, Callable[[str], str]] = {
    "criteria-list": criteria_as_list,
    "timescales-sentences": timescales_in_sentences,
    "no-complaints": without_complaints,
    "journey-stages": journey_stages,
    "one-more-paragraph": one_more_paragraph,
    "annex-a-bullets": annex_a_as_bullets,
    "html": as_html,
}
