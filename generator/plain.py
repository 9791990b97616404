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
    joined = "\n".join(_flat(texts))
    found = []
    for term in filter(is_abbreviation, glossary):
        use = re.search(rf"(?<![\w-]){re.escape(term.term)}(?![\w-])", joined)
        if use:
            found.append((use.start(), term))
    return [term for _, term in sorted(found, key=lambda pair: pair[0])]


def spell_out(texts: Iterable[Any], glossary: Iterable[Term]) -> str:
    """'multi-agency safeguarding hub (MASH), violence reduction unit (VRU)', or ''."""
    return ", ".join(f"{words(t.expansion)} ({t.term})" for t in used(texts, glossary))


def words(expansion: str) -> str:
    """'multi-agency child exploitation (meeting)' -> 'multi-agency child exploitation meeting'."""
    return re.sub(r" \(([^)]*)\)", r" \1", expansion)


def _flat(texts: Iterable[Any]) -> Iterator[str]:
    for text in texts:
        if isinstance(text, (list, tuple)):
            yield from _flat(text)
        elif text:
            yield str(text)
