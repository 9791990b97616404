"""Part of stage 2, validate: content is data, never markup, unless a field is declared Markdown.

A field is Markdown when its schema's description starts with "Markdown."; every other text field
is plain text, which the templates escape. Every field still passes through Markdown on its way to
a page, so every field is checked: no snippet include (`--8<--`, which would publish a file from
the repository), no link or image whose scheme is not http(s) or mailto (or a relative address),
no event-handler attribute (attr_list's `{ onclick=... }`). Markdown fields may not hold raw HTML
either. The check renders each text as the site would and reads the HTML it gives, so it sees
reference links, entity-encoded schemes and angle-bracket addresses as a browser would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from html import escape
from html.parser import HTMLParser
from typing import Any

import markdown  # type: ignore[import-untyped]
from markupsafe import Markup

from .load import Document, walk
from .problems import Problem, json_path

Parts = tuple[object, ...]

MARKDOWN_DECLARED = "Markdown."  # how a schema's description declares a Markdown field
EXTENSIONS = ("abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster", "data"})
SNIPPET = "--8<--"
# Only text with one of these can hold a link, an attribute list, raw HTML or a snippet include.
WORTH_RENDERING = re.compile(r"[<\[{]")
FIRST_TAG = re.compile(r"<[^>]*>?")
ENTITY = re.compile(r"^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);$")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# What a browser ignores in an address before reading its scheme ("java\tscript:").
IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")


def check(doc: Document, schema: Mapping[str, Any]) -> list[Problem]:
    """Every unsafe text in one document, one problem per field."""
    declared = set(markdown_paths(doc.data, schema, schema))
    problems = []
    for parts, text in walk(doc.data):
        if not isinstance(text, str):
            continue
        message = problem_with(text, is_markdown=parts in declared)
        if message:
            problems.append(Problem(doc.name, doc.line_of(parts), json_path(parts), message))
    return problems


def declare_markdown(doc: Document, schema: Mapping[str, Any]) -> Document:
    """The document with its Markdown fields as Markup, so templates insert them unescaped.
    Only for a document that has passed check()."""
    data = doc.data
    for parts in markdown_paths(doc.data, schema, schema):
        data = _set(data, parts, Markup(_get(data, parts)))
    return replace(doc, data=data)


def problem_with(text: str, *, is_markdown: bool) -> str:
    """What is wrong with one text, or '' if nothing."""
    if SNIPPET in text:
        return (
            f"snippet includes ({SNIPPET}) are not allowed in content: "
            "they would publish a file from the repository, so write the text out"
        )
    if not WORTH_RENDERING.search(text):
        return ""
    md = _MARKDOWN.reset()
    found = _Found()
    found.feed(md.convert(text if is_markdown else escape(text)))
    raw = [block for block in md.htmlStash.rawHtmlBlocks if not ENTITY.match(str(block).strip())]
    if is_markdown and raw:
        first = FIRST_TAG.search(" ".join(str(raw[0]).split()))
        shown = first.group(0)[:60] if first else "<"
        return f"raw HTML ({shown}) is not allowed in a Markdown field: write it as Markdown"
    if found.handlers:
        return (
            f"the attribute {found.handlers[0]} is not allowed: "
            "content may not carry scripts, so remove the {...} attribute list"
        )
    if found.unsafe_urls:
        return (
            f"the link {found.unsafe_urls[0]!r} is not allowed: "
            "only https://, http:// and mailto: links and links to pages on this site are"
        )
    return ""


_MARKDOWN = markdown.Markdown(extensions=list(EXTENSIONS))


def is_safe_url(url: str) -> bool:
    scheme = SCHEME.match(IGNORED_IN_URL.sub("", url))
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


class _Found(HTMLParser):
    """Event-handler attributes and unsafe addresses in rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers: list[str] = []
        self.unsafe_urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            elif name in URL_ATTRIBUTES and value is not None and not is_safe_url(value):
                self.unsafe_urls.append(value)


def markdown_paths(
    data: Any, schema: Mapping[str, Any], root: Mapping[str, Any]
) -> Iterator[Parts]:
    """Where the document holds text that its schema declares Markdown."""
    yield from _declared(data, schema, root, ())


def _declared(
    data: Any, schema: Any, root: Mapping[str, Any], parts: Parts, inherited: bool = False
) -> Iterator[Parts]:
    """A list declared Markdown holds Markdown texts, whatever its items' own descriptions say."""
    schema = _resolve(schema, root)
    if not isinstance(schema, dict):
        return
    declared = inherited or str(schema.get("description", "")).startswith(MARKDOWN_DECLARED)
    if isinstance(data, str):
        if declared:
            yield parts
        return
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key, ()):
            yield from _declared(data, branch, root, parts, declared)
    if isinstance(data, dict):
        properties = schema.get("properties", {})
        for name, value in data.items():
            sub = properties.get(name, schema.get("additionalProperties"))
            yield from _declared(value, sub, root, (*parts, name))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _declared(value, schema.get("items"), root, (*parts, i), declared)


def _resolve(schema: Any, root: Mapping[str, Any]) -> Any:
    """Follow local references ("#/$defs/text")."""
    while isinstance(schema, dict) and str(schema.get("$ref", "")).startswith("#/"):
        target: Any = root
        for key in schema["$ref"][2:].split("/"):
            target = target[key]
        schema = target
    return schema


def _get(data: Any, parts: Parts) -> Any:
    for part in parts:
        data = data[part]
    return data


def _set(data: Any, parts: Parts, value: Any) -> Any:
    """A copy of data with one value replaced; the original is left as it was."""
    if not parts:
        return value
    head, rest = parts[0], parts[1:]
    if isinstance(data, dict):
        return {**data, head: _set(data[head], rest, value)}
    assert isinstance(head, int), parts  # a list's place
    return [_set(item, rest, value) if i == head else item for i, item in enumerate(data)]
