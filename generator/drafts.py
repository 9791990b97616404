"""What a build does with values ingest left 'To review' (issue 21 point 3).

`make build` sets JTAI_UNREVIEWED: "refuse" stops the build before anything is written, naming
each such value by file and line (pipeline.unreviewed); "draft" (make build DRAFT=1) builds the
site with a draft notice under the title of each generated page that shows unreviewed text.
Unset (the preview, a plain `mkdocs build`), the site builds as it is.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .front_matter import split
from .problems import Problem, format_problems

MODE = os.environ.get("JTAI_UNREVIEWED", "")
NOTE = (
    '!!! warning "Draft"\n    This page is a draft: some of its text has not been reviewed yet '
    "(it says “To review” or “not yet reviewed”)."
)


def refusal(problems: Iterable[Problem]) -> str:
    return (
        f"Not yet reviewed:\n{format_problems(problems)}\nReview each value, or build a draft, "
        "marked as such on each page: make build DRAFT=1. The previous site was left as it was."
    )


def marked(markdown: str) -> str:
    """A generated page that shows unreviewed text, with the draft notice under its title. Front
    matter (the generator's tree keeps it in the page; the hook is handed the page without it)
    stays first, or MkDocs would read it as text and the page would lose its app and title."""
    if "To review" not in markdown and "ot yet reviewed" not in markdown:
        return markdown
    front, body = split(markdown)
    text = body.lstrip("\n")
    lead = body[: len(body) - len(text)]
    if not text.startswith("# "):
        return f"{front}{lead}{NOTE}\n\n{text}"
    title, _, rest = text.partition("\n")
    rest = rest.lstrip("\n")
    return f"{front}{lead}{title}\n\n{NOTE}\n\n{rest}"
