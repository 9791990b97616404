"""Part of `check`: rules read on the rendered pages, each named by the content field behind it.

- Each abbreviation is spelled out at (or before) its first use on every page but the glossary.
- Every relative Markdown link in a text field leads to a page the site has.

A page mixes template text and content fields, so a problem found on a page is reported at the
YAML field whose text is there (file and line); what no field holds is the templates' own text,
reported by page. Text is compared as the reader sees it: escaped characters (&#39; for an
apostrophe, &amp;) are read back first.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import front_matter
from .load import Document, walk
from .model import Term
from .plain import first_uses, is_abbreviation
from .problems import Problem, json_path

GLOSSARY_PAGE = "glossary.md"
LINK = re.compile(r"\]\(([^)\s]+)")
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", re.I)  # scheme, same page, absolute


@dataclass(frozen=True)
class Field:
    doc: Document
    parts: tuple[object, ...]
    text: str
    framework: str = ""  # the framework folder the field's file is in ("" for site-wide files)

    def problem(self, message: str) -> Problem:
        return Problem(self.doc.name, self.doc.line_of(self.parts), json_path(self.parts), message)


def check(
    pages: dict[str, str],
    site_files: Iterable[str],
    docs: Iterable[Document],
    glossary: Iterable[Term],
    docs_dir: Path,
    frameworks: tuple[str, ...] = (),
) -> list[Problem]:
    """Every problem on the pages. `frameworks`: the frameworks shown, the default first (its
    pages are at the site's top, each other one's in a folder named by its ID), so that a
    problem is reported at the field of the page's own framework when two hold the same text."""
    fields = [
        Field(doc, parts, str(value), _framework_of(doc, frameworks))
        for doc in docs
        for parts, value in walk(doc.data)
        if isinstance(value, str) and value.strip() and parts[-1:] != ("id",)
    ]
    known = set(site_files) | {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    problems: list[Problem] = []
    ordered: dict[str, list[Field]] = {}  # a framework's ID -> the fields, its own first
    for page, text in sorted(pages.items()):
        framework = _framework_of_page(page, frameworks)
        if framework not in ordered:
            ordered[framework] = _own_first(fields, framework)
        own = ordered[framework]
        if page != GLOSSARY_PAGE:
            problems += _abbreviations(page, text, glossary, own)
        problems += _links(page, text, known, own)
    return sorted(set(problems))


def _framework_of(doc: Document, frameworks: tuple[str, ...]) -> str:
    return next((p.name for p in doc.path.parents if p.name in frameworks), "")


def _own_first(fields: list[Field], framework: str) -> list[Field]:
    """The fields, those of `framework` first (a stable sort keeps the rest in their order)."""
    return sorted(fields, key=lambda f: f.framework != framework)


def _framework_of_page(page: str, frameworks: tuple[str, ...]) -> str:
    """The framework a page shows: one in its ID's folder, else the default (or "")."""
    top = page.split("/", 1)[0]
    return top if top in frameworks[1:] else (frameworks[0] if frameworks else "")


# --- Abbreviations ----------------------------------------------------------------------------


def reader_text(markdown: str) -> str:
    """A page's text as the reader meets it: without front matter, the title line, code, link
    targets and attribute lists (IDs, a citation's title), escapes read back, spaces collapsed."""
    body = front_matter.split(markdown)[1].lstrip()
    body = body.split("\n", 1)[1] if body.startswith("# ") else body
    body = re.sub(r"```.*?```|`[^`\n]*`", "", body, flags=re.S)
    body = re.sub(r"\]\([^)]*\)|\{:? ?[#.a-z][^}]*\}", "", body)
    return re.sub(r"\s+", " ", html.unescape(body))


def _use(term: str, text: str) -> re.Match[str] | None:
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text)


def unexplained(text: str, glossary: Iterable[Term]) -> list[tuple[Term, int]]:
    """Abbreviations whose expansion is not written out by the end of their first use in the
    reader's text (reader_text), each with where that first use is."""
    terms = {t.term: t for t in filter(is_abbreviation, glossary)}
    lower = text.lower()
    offenders = []
    for name, (start, end) in first_uses(text, tuple(terms)).items():
        spelled = lower.find(terms[name].expansion.lower().split(" (")[0])
        if spelled < 0 or spelled > end + 3:
            offenders.append((terms[name], start))
    return sorted(offenders, key=lambda found: list(terms).index(found[0].term))


def first_uses_without_expansion(markdown: str, glossary: Iterable[Term]) -> list[str]:
    """The abbreviations a page uses before spelling them out (see unexplained)."""
    return [term.term for term, _ in unexplained(reader_text(markdown), glossary)]


def _abbreviations(
    page: str, markdown: str, glossary: Iterable[Term], fields: list[Field]
) -> Iterator[Problem]:
    text = reader_text(markdown)
    for term, at in unexplained(text, glossary):
        message = (
            f"'{term.term}' is used on the page {page} before it is spelled out: write "
            f"'{term.expansion} ({term.term})' at its first use there"
        )
        field = _field_at(term.term, text, at, fields)
        yield field.problem(message) if field else Problem(page, 0, "$", message + _TEMPLATE)


_TEMPLATE = " (the page's own text: generator/templates/)"


def _field_at(term: str, text: str, at: int, fields: list[Field]) -> Field | None:
    """The field whose text is on the page at `at`, where the term is first used: of the fields
    whose words around the term stand there, the one with the most words matching; None when
    the use is the templates' own text."""
    exact: tuple[int, Field] | None = None
    for field in fields:
        found = _context(term, field.text)
        if found is None:
            continue
        snippet, offset = found
        start = text.find(snippet)
        while start >= 0:
            if start + offset == at and (not exact or len(snippet) > exact[0]):
                exact = (len(snippet), field)
            start = text.find(snippet, start + 1)
    return exact[1] if exact else None


def _context(term: str, field: str) -> tuple[str, int] | None:
    """The words before the term's first use in a field and the term (or, when the field starts
    with it, the term and the words after), as the page shows them, and where the term starts in
    them; None for a field with nothing but the term (a glossary entry's)."""
    use = _use(term, field)
    if not use:
        return None
    before = " ".join(reader_text("\n" + field[max(0, use.start() - 40) : use.start()]).split())
    if before:
        return f"{before} {term}", len(before) + 1
    after = " ".join(reader_text("\n" + field[use.end() : use.end() + 40]).split()[:-1])
    return (f"{term} {after}", 0) if after else None


# --- Links ------------------------------------------------------------------------------------


def _links(page: str, markdown: str, known: set[str], fields: list[Field]) -> Iterator[Problem]:
    for target in dict.fromkeys(LINK.findall(markdown)):
        if OUTSIDE.match(target):
            continue
        path = re.split(r"[#?]", target, maxsplit=1)[0]
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if not path or resolved in known:
            continue
        message = (
            f"links to {target}, which is no page of the site (from {page}): a link "
            "is relative to the page it is shown on, for example ../glossary.md"
        )
        holders = [field for field in fields if f"]({target}" in field.text]
        own = [h for h in holders if h.framework == holders[0].framework] if holders else []
        yield from (field.problem(message) for field in own)
        if not holders:
            yield Problem(page, 0, "$", message + _TEMPLATE)
