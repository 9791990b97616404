"""Content is data, never markup, unless a field is declared Markdown (generator/markdown_check)."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from generator.load import Document
from generator.markdown_check import declare_markdown, is_safe_url, markdown_paths, problem_with

SAFE = [
    '[Ofsted](https://www.gov.uk/ofsted?a=1&b=2 "Ofsted")',
    "[Email us](mailto:jtai@example.org)",
    "[The criteria](../criteria/index.md#focus), [top](#top)",
    "<https://www.gov.uk/>",
    "Fire &amp; Rescue &#8217; &copy;",
    "> A quote & more\n\n- a list\n\n| a | b |\n|---|---|\n| 1 | 2 |",
]
UNSAFE_LINKS = [
    "[x](javascript:alert(1))",
    "[x](JavaScript:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![x](data:text/html,hi)",
    "[x](vbscript:msgbox)",
    "[x](file:///etc/passwd)",
]


@pytest.mark.parametrize("text", SAFE)
def test_safe_markdown_passes(text: str) -> None:
    assert problem_with(text, is_markdown=True) == ""


@pytest.mark.parametrize("text", UNSAFE_LINKS)
def test_links_to_other_schemes_are_refused_in_every_field(text: str) -> None:
    for is_markdown in (True, False):
        assert "is not allowed: only https://" in problem_with(text, is_markdown=is_markdown)


def test_an_entity_hides_no_scheme() -> None:
    """In Markdown the entity is decoded, as a browser would; in plain text it is escaped, so
    the address is the harmless relative '&#106;avascript:...'."""
    text = "[x](&#106;avascript:alert(1))"
    assert "'javascript:alert(1)' is not allowed" in problem_with(text, is_markdown=True)
    assert problem_with(text, is_markdown=False) == ""


@pytest.mark.parametrize(
    "text",
    ["<iframe src='https://example.org'></iframe>", "a <b>b</b>", "<!-- x -->", "<div>x</div>"],
)
def test_raw_html_is_refused_in_markdown_fields_and_shown_as_text_in_others(text: str) -> None:
    assert "raw HTML" in problem_with(text, is_markdown=True)
    assert problem_with(text, is_markdown=False) == ""  # escaped by the templates


@pytest.mark.parametrize("text", ["Text.\n{: onclick=alert(1) }", "# A { onmouseover=x }"])
def test_event_handler_attributes_are_refused(text: str) -> None:
    for is_markdown in (True, False):
        assert "the attribute on" in problem_with(text, is_markdown=is_markdown)


def test_snippet_includes_are_refused_anywhere() -> None:
    for text in ('--8<-- "pyproject.toml"', "a\n;--8<-- 'x'", "--8<--"):
        assert "snippet includes" in problem_with(text, is_markdown=False)


def test_browsers_ignore_spaces_and_controls_in_a_scheme() -> None:
    assert not is_safe_url(" java\tscript:alert(1)")
    assert not is_safe_url("\x01javascript:alert(1)")
    assert is_safe_url("HTTPS://example.org") and is_safe_url("page.html#x") and is_safe_url("")


SCHEMA = {
    "type": "object",
    "properties": {
        "plain": {"type": "string", "description": "Plain text."},
        "md": {"$ref": "#/$defs/md"},
        "notes": {"type": "array", "description": "Markdown. Notes.", "items": {"type": "string"}},
        "items": {
            "type": "array",
            "items": {"type": "object", "properties": {"body": {"$ref": "#/$defs/md"}}},
        },
    },
    "$defs": {"md": {"type": "string", "description": "Markdown. Some text."}},
}


def test_markdown_fields_are_found_from_the_schema_and_become_markup() -> None:
    data = {"plain": "a", "md": "b", "notes": ["c", "d"], "items": [{"body": "e"}]}
    doc = Document(Path("x.yml"), "x.yml", data, {})
    paths = set(markdown_paths(data, SCHEMA, SCHEMA))
    assert paths == {("md",), ("notes", 0), ("notes", 1), ("items", 0, "body")}
    declared = declare_markdown(doc, SCHEMA).data
    assert isinstance(declared["md"], Markup) and isinstance(declared["items"][0]["body"], Markup)
    assert isinstance(declared["notes"][1], Markup)
    assert not isinstance(declared["plain"], Markup)
    assert not isinstance(data["md"], Markup), "the loaded document is left as it was"
