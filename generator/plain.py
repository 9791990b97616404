"""Plain English: abbreviations spelled out before text we may not change.

Verbatim framework text (criteria, Annex A item names and descriptions, the guidance itself) and
short titles use abbreviations as the inspectorates wrote them. A page shows them after an
editorial line that spells them out, built here from the glossary: `spell_out` lists the
glossary's abbreviations used in some texts, in the order they first appear, as
"multi-agency safeguarding hub (MASH), violence reduction unit (VRU)". Editorial text spells
out its own abbreviations in place. Needs only the model's glossary terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from .model import Term


def is_abbreviation(term: Term) -> bool:
    """A glossary term written in capitals (after its first letter) with an expansion."""
    word = term.term
    return bool(term.expansion and re.fullmatch(r"[A-Za-z0-9]+", word)) and any(
        c.isupper() for c in word[1:]
    )


def used(texts: Iterable[Any], glossary: Iterable[Term]) -> list[Term]:
    """The glossary's abbreviations that the texts use, in the order they first appear. Texts
    may be nested in lists or tuples; None and empty ones are skipped."""
    terms = {t.term: t for t in filter(is_abbreviation, glossary)}
    return [terms[name] for name in first_uses("\n".join(_flat(texts)), tuple(terms))]


def first_uses(text: str, names: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Where each of the terms is first used in the text as a whole word, in order of use."""
    first: dict[str, tuple[int, int]] = {}
    if names:
        for use in _any_of(tuple(sorted(names))).finditer(text):  # one pass over the text
            first.setdefault(use.group(1), use.span(1))
    return first


@cache
def _any_of(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the terms as a whole word (the longest first: 'MASA' is never read as 'MAS')."""
    longest = sorted(names, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, longest))})(?![\w-])")


def spell_out(texts: Iterable[Any], glossary: Iterable[Term], shown: Iterable[Any] = ()) -> str:
    """'multi-agency safeguarding hub (MASH), violence reduction unit (VRU)', or ''. An
    abbreviation that the texts in `shown` (what the page says before) already spell out is left
    out."""
    before = " ".join(_flat(shown)).lower()
    return ", ".join(
        f"{words(t.expansion)} ({t.term})"
        for t in used(texts, glossary)
        if not before or words(t.expansion).lower() not in before
    )


def words(expansion: str) -> str:
    """'multi-agency child exploitation (meeting)' -> 'multi-agency child exploitation meeting'."""
    return re.sub(r" \(([^)]*)\)", r" \1", expansion)


def _flat(texts: Iterable[Any]) -> Iterator[str]:
    for text in texts:
        if isinstance(text, (list, tuple)):
            yield from _flat(text)
        elif text:
            yield str(text)
