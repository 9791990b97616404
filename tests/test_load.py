"""Stage 1: load keeps line numbers and refuses what PyYAML would let through silently."""

from __future__ import annotations

from pathlib import Path

from generator.load import load_file


def write(tmp_path: Path, text: str | bytes, name: str = "criteria.yml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


def test_keeps_the_line_of_every_value(tmp_path):
    doc, problems = load_file(write(tmp_path, "a: 1\nlist:\n  - id: x\n  - id: y\n"), tmp_path)
    assert doc is not None
    assert problems == []
    assert doc.data == {"a": 1, "list": [{"id": "x"}, {"id": "y"}]}
    assert doc.line_of(("list", 1, "id")) == 4
    assert doc.line_of(("list", 1, "missing")) == 4  # falls back on the deepest known node


def test_duplicate_keys_are_reported_with_both_lines(tmp_path):
    doc, problems = load_file(write(tmp_path, "a: 1\nb: 2\na: 3\n"), tmp_path)
    assert doc is not None
    assert messages(problems) == [
        "criteria.yml:3: $.a: duplicate key 'a' (first given on line 1): YAML keeps only the "
        "last one, so remove or rename one of them"
    ]
    assert doc.data["a"] == 1


def test_unquoted_dates_are_reported_and_kept_as_text(tmp_path):
    doc, problems = load_file(write(tmp_path, "when: 2024-05-20\n"), tmp_path)
    assert doc is not None
    assert doc.data == {"when": "2024-05-20"}
    assert "unquoted date 2024-05-20" in messages(problems)[0]


def test_quoted_dates_and_times_stay_text(tmp_path):
    doc, problems = load_file(write(tmp_path, 'when: "2024-05-20"\nat: "17:00"\n'), tmp_path)
    assert doc is not None
    assert problems == [] and doc.data == {"when": "2024-05-20", "at": "17:00"}


def test_non_text_keys_are_reported(tmp_path):
    _, problems = load_file(write(tmp_path, "yes: 1\n"), tmp_path)
    assert "keys must be text, found True" in messages(problems)[0]


def test_aliases_are_refused_before_they_expand(tmp_path):
    text = "a: &a [1, 2]\nb: [*a, *a]\n"
    doc, problems = load_file(write(tmp_path, text), tmp_path)
    assert doc is None
    assert messages(problems) == [
        "criteria.yml:2: $: YAML anchors and aliases (&name, *name) are not allowed: "
        "write the values out"
    ]


def test_non_utf8_gives_the_line_of_the_bad_byte(tmp_path):
    _, problems = load_file(write(tmp_path, b"a: 1\nb: caf\xe9\n"), tmp_path)
    assert messages(problems) == [
        "criteria.yml:2: $: not valid UTF-8 (byte 0xe9): save the file as UTF-8"
    ]


def test_two_documents_in_one_file_are_a_syntax_error(tmp_path):
    _, problems = load_file(write(tmp_path, "a: 1\n---\nb: 2\n"), tmp_path)
    assert "YAML syntax error" in messages(problems)[0]


def test_empty_and_comment_only_files(tmp_path):
    for text in ("", "\n\n", "# nothing here\n"):
        _, problems = load_file(write(tmp_path, text), tmp_path)
        expected = "criteria.yml:1: $: file is empty: expected a mapping of fields"
        assert messages(problems) == [expected]


def test_huge_files_are_refused(tmp_path):
    _, problems = load_file(write(tmp_path, "a: " + "x" * 2_100_000 + "\n"), tmp_path)
    assert "larger than" in messages(problems)[0]
