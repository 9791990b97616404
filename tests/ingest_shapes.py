"""Guidance in other shapes, made by the tests from a text in guidance.txt's shape.

- as_tabs: tables as tab-separated cells with no "---|" row, as a copy from the browser gives;
- as_html: the page as the browser saves it, with furniture ingest must leave out (a skip link,
  navigation, a script) and entities for the curly quotes.
"""

from __future__ import annotations

import html

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
