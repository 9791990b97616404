"""Part of stage 3, link: the content rules that read what the words say, each at its file and line.

- Criterion text is word for word from the framework's guidance.txt (spacing aside).
- Each indicator uses only words from its own criterion.
- Every glossary term is used somewhere: in the content, a hand-written page or a guidance text,
  or in a document the site cites (its `sources` name a file in a sources register).

Needs the loaded documents and the content folder; the page rules (abbreviations spelled out,
links resolved) read the rendered pages instead (page_rules.py).
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from pathlib import Path

from . import guidance
from .load import Document, walk
from .problems import Problem, json_path

PUNCTUATION = str.maketrans("", "", string.punctuation + "’‘“”–—")


def words(text: str) -> list[str]:
    """Lower-case words without punctuation: 'Children’s, needs.' -> ['childrens', 'needs']."""
    return text.lower().translate(PUNCTUATION).split()


def spaced(text: str) -> str:
    """Text with every run of white space (and a table's cell bars) as one space."""
    return " ".join(text.replace("|", " ").split())


def check(
    docs: Iterable[Document], content_dir: Path, docs_dir: Path, whole_site: bool = True
) -> list[Problem]:
    """Every content rule's problems; the glossary's only when `whole_site` (every file read)."""
    docs = tuple(docs)
    problems: list[Problem] = []
    for doc in docs:
        if doc.path.name == "criteria.yml" and isinstance(doc.data, dict):
            text = doc.path.parent / guidance.FILE_NAME
            problems += _criteria(doc, text.read_text("utf-8") if text.is_file() else "")
    glossary = next((d for d in docs if d.path == content_dir / "glossary.yml"), None)
    if glossary is not None and whole_site:
        problems += _unused_terms(glossary, docs, content_dir, docs_dir)
    return problems


def _criteria(doc: Document, text: str) -> list[Problem]:
    source = spaced(text)
    problems = []
    for i, crit in enumerate(doc.data.get("criteria") or []):
        if not isinstance(crit, dict) or not isinstance(crit.get("text"), str):
            continue
        parts: tuple[object, ...] = ("criteria", i, "text")
        if source and spaced(crit["text"]) not in source:
            message = _not_verbatim(crit["text"], source, doc.path.parent.name)
            problems.append(Problem(doc.name, doc.line_of(parts), json_path(parts), message))
        allowed = set(words(crit["text"]))
        for j, ind in enumerate(crit.get("indicators") or []):
            if not isinstance(ind, dict) or not isinstance(ind.get("text"), str):
                continue
            extra = [w for w in dict.fromkeys(words(ind["text"])) if w not in allowed]
            if extra:
                where = ("criteria", i, "indicators", j, "text")
                shown = ", ".join(f"'{w}'" for w in extra)
                message = (
                    f"uses words not in {crit.get('id', 'its criterion')}'s text: {shown}: an "
                    "indicator says one thing the criterion says, in the criterion's own words"
                )
                problems.append(Problem(doc.name, doc.line_of(where), json_path(where), message))
    return problems


def _not_verbatim(text: str, source: str, folder: str) -> str:
    """Where the text first leaves the guidance, word by word."""
    said = spaced(text).split(" ")
    n = 0
    while n < len(said) and " ".join(said[: n + 1]) in source:
        n += 1
    at = " ".join(said[n : n + 6])
    return (
        f"is not word for word in {folder}/{guidance.FILE_NAME}: copy the criterion exactly from "
        f"the framework (it differs from word {n + 1} on: '{at}')"
    )


def _unused_terms(
    glossary: Document, docs: tuple[Document, ...], content_dir: Path, docs_dir: Path
) -> list[Problem]:
    texts = [
        str(v) for d in docs if d is not glossary for _, v in walk(d.data) if isinstance(v, str)
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted(docs_dir.rglob("*.md"))]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted(content_dir.glob(f"*/{guidance.FILE_NAME}"))
    ]
    site = "\n".join(texts).lower()
    registered = {
        str(entry.get("file"))
        for d in docs
        if d.path.name == "sources.yml" and isinstance(d.data, dict)
        for entry in d.data.get("sources") or []
        if isinstance(entry, dict) and entry.get("file")
    }
    problems = []
    for i, term in enumerate(glossary.data.get("terms") or []):
        if not isinstance(term, dict) or not isinstance(term.get("term"), str):
            continue
        needles = [term["term"], term.get("expansion") or term["term"]]
        cited = registered & {str(s) for s in term.get("sources") or []}
        if not cited and not any(_uses(site, str(n).lower()) for n in needles):
            parts = ("terms", i, "term")
            message = (
                f"'{term['term']}' is used nowhere on the site (content, pages or guidance) and "
                "its sources name no document in a sources register (sources.yml): remove the "
                "entry, or use the term where it belongs"
            )
            problems.append(
                Problem(glossary.name, glossary.line_of(parts), json_path(parts), message)
            )
    return problems


def _uses(site: str, needle: str) -> bool:
    return needle in site


# --- Not yet reviewed ---------------------------------------------------------------------------

UNREVIEWED = "To review"


def unreviewed(docs: Iterable[Document], content_dir: Path) -> list[Problem]:
    """Every value ingest left for review ('To review…', or a `to_review` note) in the files the
    site publishes: the shared files and each framework site.yml shows. Not a check problem (a
    maintainer checks while reviewing); `make build` refuses them unless it builds a draft."""
    docs = tuple(docs)
    settings = next((d for d in docs if d.path == content_dir / "site.yml"), None)
    shown = set(settings.data.get("frameworks") or []) if settings else set()
    problems = []
    for doc in docs:
        folder = doc.path.relative_to(content_dir).parts[0]
        if len(doc.path.relative_to(content_dir).parts) > 1 and folder not in shown:
            continue
        for parts, value in walk(doc.data):
            if parts[-1:] == ("to_review",) or (
                isinstance(value, str) and value.startswith(UNREVIEWED)
            ):
                message = (
                    "not yet reviewed: the site would publish this default; replace it with "
                    "the reviewed text (or build a marked draft: make build DRAFT=1)"
                )
                problems.append(Problem(doc.name, doc.line_of(parts), json_path(parts), message))
    return problems
