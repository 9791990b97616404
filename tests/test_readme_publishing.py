"""The README's Publish section warns about saved work opened from file:// (issue 11)."""

from __future__ import annotations

from paths import ROOT


def publish_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Publish\n")
    end = text.find("\n## ", start + 1)
    return " ".join(text[start : end if end > 0 else None].split())


def test_publish_section_explains_the_file_storage_caveat():
    section = publish_section()
    for words in (
        "(`file://`), Chromium-based browsers",
        "one store for every HTML file opened from the computer’s disk",
        "publish the site on a web server or an intranet host",
    ):
        assert words in section, words
