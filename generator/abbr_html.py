"""Abbreviations a reader can open: spelled out at first use, focusable wherever they stay short.

The Markdown `abbr` extension marks every glossary abbreviation on a page as
`<abbr title="expansion">TERM</abbr>` (the glossary's definitions are appended to every page by
generator/mkdocs_hook.py). A title shows on mouse hover only, so on each page of HTML:

- the first use of each abbreviation is spelled out in the text, "expansion (TERM)", unless the
  expansion already stands in the text before it (editorial lines such as plain.spell_out's do
  that before verbatim framework text); a use inside a quotation (text we may not change) or a
  heading (kept short, like the site's name "JTAI Ready") is left as it is, and the first use
  in running text is spelled out instead;
- every `<abbr>` is focusable (tabindex="0"), so keyboard and touch users reach its full form:
  the theme's tooltip (mkdocs.yml `content.tooltips`) opens on focus as well as on hover.

Needs only the page's HTML: the expansion is the title the extension wrote.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .plain import words

ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<term>[^<]+)</abbr>')
KEPT_OPEN = re.compile(r"<(?:blockquote|h[1-6])\b", re.IGNORECASE)
KEPT_CLOSE = re.compile(r"</(?:blockquote|h[1-6])>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


def spell_out_and_focus(page_html: str) -> str:
    """The page's HTML with each abbreviation's first use spelled out and every one focusable."""
    out: list[str] = []
    done: set[str] = set()
    last = 0
    for match in ABBR.finditer(page_html):
        out.append(page_html[last : match.start()])
        last = match.end()
        title, term = match["title"], match["term"]
        focusable = f'<abbr title="{title}" tabindex="0">{term}</abbr>'
        if term in done or _kept(page_html, match.start()):
            out.append(focusable)
            continue
        done.add(term)
        expansion = words(html.unescape(title))
        before = _text("".join(out))
        if _spelled_out(before, expansion, html.unescape(title)):
            out.append(focusable)
        else:
            out.append(f"{html.escape(expansion, quote=False)} ({focusable})")
    out.append(page_html[last:])
    return "".join(out)


def _kept(page_html: str, position: int) -> bool:
    """Whether `position` lies inside a quotation or a heading, whose words stay as they are."""
    head = page_html[:position]
    return len(KEPT_OPEN.findall(head)) > len(KEPT_CLOSE.findall(head))


def _text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split()).lower()


def _spelled_out(before: str, *forms: str) -> bool:
    return any(" ".join(form.split()).lower() in before for form in forms if form)


def _in_article(page_html: str) -> str:
    """spell_out_and_focus over the page's content only (the theme's <article>), as the serve
    hook sees it: the header and menus come before it and must not count as a first use."""
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    if start < 0 or end < start:
        return page_html
    return page_html[:start] + spell_out_and_focus(page_html[start:end]) + page_html[end:]


def finish_site(site_dir: Path) -> int:
    """Rewrite every HTML page of a built site with spell_out_and_focus: `make build` runs it
    after MkDocs (the generated tree has no hook); `make serve` does the same page by page
    (mkdocs_hook.on_page_content). Returns how many pages changed."""
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        done = _in_article(text)
        if done != text:
            page.write_text(done, encoding="utf-8")
            changed += 1
    return changed
