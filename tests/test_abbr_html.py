"""generator/abbr_html.py: each abbreviation spelled out at its first use, every one focusable."""

from __future__ import annotations

from pathlib import Path

from generator.abbr_html import finish_site, spell_out_and_focus

JTAI = '<abbr title="joint targeted area inspection">JTAI</abbr>'
MACE = '<abbr title="multi-agency child exploitation (meeting)">MACE</abbr>'
FOCUSABLE_JTAI = '<abbr title="joint targeted area inspection" tabindex="0">JTAI</abbr>'


def test_first_use_is_spelled_out_and_later_ones_stay_short() -> None:
    out = spell_out_and_focus(f"<p>The {JTAI} starts.</p><p>Each {JTAI} ends.</p>")
    assert out == (
        f"<p>The joint targeted area inspection ({FOCUSABLE_JTAI}) starts.</p>"
        f"<p>Each {FOCUSABLE_JTAI} ends.</p>"
    )


def test_an_expansion_already_in_the_text_is_not_repeated() -> None:
    out = spell_out_and_focus(f"<p>A joint targeted <em>area</em> inspection ({JTAI}).</p>")
    assert out == f"<p>A joint targeted <em>area</em> inspection ({FOCUSABLE_JTAI}).</p>"


def test_a_bracketed_word_in_the_expansion_reads_as_plain_words() -> None:
    out = spell_out_and_focus(f"<p>At the {MACE}.</p>")
    assert out.startswith("<p>At the multi-agency child exploitation meeting (<abbr ")


def test_quotations_are_never_changed_and_the_next_use_is_spelled_out() -> None:
    quote = f"<blockquote><p>The {JTAI} will start.</p></blockquote>"
    out = spell_out_and_focus(f"{quote}<p>Our {JTAI}.</p>")
    assert out == (
        f"<blockquote><p>The {FOCUSABLE_JTAI} will start.</p></blockquote>"
        f"<p>Our joint targeted area inspection ({FOCUSABLE_JTAI}).</p>"
    )


def test_a_page_without_abbreviations_is_unchanged() -> None:
    assert spell_out_and_focus("<p>Nothing short here.</p>") == "<p>Nothing short here.</p>"


def test_headings_stay_short_and_the_running_text_spells_out() -> None:
    out = spell_out_and_focus(f"<h1>{JTAI} Ready</h1><p>For the {JTAI}.</p>")
    assert out == (
        f"<h1>{FOCUSABLE_JTAI} Ready</h1>"
        f"<p>For the joint targeted area inspection ({FOCUSABLE_JTAI}).</p>"
    )


def test_a_built_site_is_finished_in_each_pages_article_only(tmp_path: Path) -> None:
    """`make build` runs finish_site over the built pages: the menu before the article names the
    expansion, which must not count as its first use; a page without <abbr> is left alone."""
    page = tmp_path / "a" / "page.html"
    page.parent.mkdir()
    page.write_text(
        f"<nav>joint targeted area inspection ({JTAI})</nav><article><p>The {JTAI}.</p></article>",
        encoding="utf-8",
    )
    plain = tmp_path / "plain.html"
    plain.write_text("<article><p>Nothing short.</p></article>", encoding="utf-8")
    assert finish_site(tmp_path) == 1
    assert page.read_text(encoding="utf-8") == (
        f"<nav>joint targeted area inspection ({JTAI})</nav>"
        f"<article><p>The joint targeted area inspection ({FOCUSABLE_JTAI}).</p></article>"
    )
    assert plain.read_text(encoding="utf-8") == "<article><p>Nothing short.</p></article>"
