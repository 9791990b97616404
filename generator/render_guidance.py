"""Render the framework in full and the sources register, and link every citation to them.

- guidance.md: the framework's own text (guidance.txt), one anchor per numbered paragraph
  (#para-131), with its tables and footnotes, under the Open Government Licence.
- sources.md: the sources register (sources.yml), one anchor per source ID.
- The cite and refs filters turn a list of paragraph numbers or source IDs into Markdown links
  to those anchors, relative to the page being rendered (the page's `root`, "" or "../"), so the
  strict build's anchor validation catches a citation that points nowhere.

Reads the model only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .guidance import split_marks
from .model import Framework

GUIDANCE_PAGE = "guidance.md"
SOURCES_PAGE = "sources.md"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]>|])")


def para_anchor(number: int) -> str:
    return f"para-{number}"


@pass_context
def cite(context: Context, numbers: Iterable[int]) -> Markup:
    """(120, 121) -> 'framework paragraphs [120](guidance.md#para-120) and [121](…)'."""
    links = [para_link(context, n) for n in numbers]
    if not links:
        return Markup("")
    noun = "paragraph" if len(links) == 1 else "paragraphs"
    return Markup(f"framework {noun} {_and(links)}")


@pass_context
def para_links(context: Context, numbers: Iterable[int]) -> Markup:
    """(120, 121) -> '[120](…), [121](…)': for a table column of paragraph numbers."""
    return Markup(", ".join(para_link(context, n) for n in numbers))


def para_link(context: Context, number: int) -> str:
    """A link to a paragraph, titled with the start of its text: the theme shows the title as a
    tooltip on hover and on keyboard focus (content.tooltips); a tap follows the link."""
    n = int(number)
    link = f"[{n}]({context.get('root', '')}{GUIDANCE_PAGE}#{para_anchor(n)})"
    text = preview(context["fw"], n)
    return f'{link}{{ title="{text}" }}' if text else link


PREVIEW_CHARS = 240
_previews: dict[str, Any] = {"guidance": None, "texts": {}}


def preview(fw: Framework, number: int) -> str:
    """'Paragraph 49: Inspectors will ask the local area to identify a link person…', with
    footnote marks left out, cut at a word near PREVIEW_CHARS; '' when there is no such text."""
    if fw.guidance is None:
        return ""
    if _previews["guidance"] is not fw.guidance:  # one framework's texts at a time
        _previews.update(guidance=fw.guidance, texts=fw.guidance.paragraphs)
    text = _previews["texts"].get(number, "")
    if not text:
        return ""
    words = " ".join("".join(p for p in split_marks(text) if isinstance(p, str)).split())
    if len(words) > PREVIEW_CHARS:
        words = words[:PREVIEW_CHARS].rsplit(" ", 1)[0] + "…"
    return re.sub(r'["{}]', "", f"Paragraph {number}: {words}")


@pass_context
def refs(context: Context, ids: Iterable[str]) -> Markup:
    """Source IDs -> links to their entries on the sources page, titled."""
    titles = {s.id: s.title for s in context["fw"].sources}
    root = context.get("root", "")
    links = [f"[{escape(titles[i])}]({root}{SOURCES_PAGE}#{i})" for i in ids]
    return Markup(_and(links))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@pass_context
def sentence_with(context: Context, numbers: Iterable[int], words: str) -> str:
    """The first sentence of the cited paragraphs that holds `words`, verbatim (footnote marks
    left out), or '' when none does: so a page quotes the framework's own words, never ours."""
    texts = context["fw"].guidance.paragraphs if context["fw"].guidance else {}
    for number in numbers:
        plain = "".join(p for p in split_marks(texts.get(int(number), "")) if isinstance(p, str))
        for sentence in _SENTENCE_END.split(plain):
            if words in sentence:
                return sentence
    return ""


_MENTION = re.compile(r"\b(paragraphs? )(\d+(?:(?:, | and | to )\d+)*)")


@pass_context
def link_paras(context: Context, text: str) -> Markup:
    """Our words that name paragraphs ('paragraph 134', 'paragraphs 135 and 136') with each
    number linked to the framework page."""

    def linked(match: re.Match[str]) -> str:
        numbers = re.sub(r"\d+", lambda n: para_link(context, int(n.group(0))), match.group(2))
        return match.group(1) + numbers

    return Markup(_MENTION.sub(linked, str(escape(text))))


def _and(items: list[str]) -> str:
    """['a'] -> 'a'; ['a', 'b', 'c'] -> 'a, b and c'; [] -> ''."""
    return " and ".join(filter(None, [", ".join(items[:-1]), *items[-1:]]))


def md_text(text: str) -> Markup:
    """Source text shown as it is: Markdown's special characters escaped, and each
    '[footnote N]' turned into a Markdown footnote reference."""
    parts = split_marks(text)
    out = [f"[^{p}]" if isinstance(p, int) else _escape(p) for p in parts]
    return Markup("".join(out))


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def pages(env: Environment, common: dict[str, Any], fw: Framework) -> dict[str, str]:
    out = {}
    if fw.guidance is not None:
        template = env.get_template("guidance.md.j2")
        out[GUIDANCE_PAGE] = template.render(**common, root="", g=fw.guidance)
    if fw.sources:
        template = env.get_template("sources.md.j2")
        out[SOURCES_PAGE] = template.render(**common, root="")
    return out


def nav(fw: Framework) -> list[dict[str, str]]:
    """The pages to list under 'About the JTAI'."""
    entries = []
    if fw.guidance is not None:
        entries.append({"The framework in full": GUIDANCE_PAGE})
    if fw.sources:
        entries.append({"Sources beyond the framework": SOURCES_PAGE})
    return entries
