"""What `make serve` shows while content is broken: one page naming every problem.

The preview must always answer: a failed build would leave MkDocs' live-reload server waiting
for a good build before it answers any request. So, when serving, the MkDocs hook builds this
page instead of the site, and at every other address the theme's 404 page (overrides/404.html)
shows the same problems, with the asset links an error page gets from MkDocs (from the site's
root, so it is styled at a nested address). It rebuilds the real site as soon as the content is
fixed, and the open page reloads itself (generator/live_reload.py). `make build` never does
this: it fails, and leaves site/ as it was.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from .problems import Problem, format_problems

TITLE = "Content problems"


def body(problems: Iterable[Problem]) -> str:
    """The page under its heading: what to do, then the list of problems (HTML)."""
    problems = tuple(problems)
    items = "\n".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in problems)
    noun = "problem" if len(problems) == 1 else "problems"
    return (
        f"<p>The site cannot be built: the content has {len(problems)} {noun}. Each gives the "
        "file, the line, the place in the file and what is wrong. Fix them and save: this page "
        "rebuilds and shows the site again.</p>\n\n"
        f'<ol class="jtai-problems">\n{items}\n</ol>\n'
    )


def markdown(problems: Iterable[Problem]) -> str:
    """The problems page at the preview's home address (index.md)."""
    return f"# {TITLE}\n\n{body(problems)}"


def terminal(problems: Iterable[Problem]) -> str:
    return (
        f"{TITLE}:\n{format_problems(problems)}\n"
        "The preview shows these problems at every address until they are fixed; "
        "it rebuilds when you save."
    )


def write(folder: Path, problems: Iterable[Problem]) -> Path:
    """A docs folder holding only the problems page; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(markdown(problems), encoding="utf-8")
    return folder
