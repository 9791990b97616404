"""A page's YAML front matter: the block between the first line "---" and the next "---"."""

from __future__ import annotations


def split(markdown: str) -> tuple[str, str]:
    """(the page's front matter with its "---" lines, or "" when it has none; the rest)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 3)
        if end != -1:
            return markdown[: end + 5], markdown[end + 5 :]
    return "", markdown


def meta_text(front: str) -> str:
    """The YAML between the "---" lines of split()'s front matter."""
    return front[4:-4]
