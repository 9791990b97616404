"""Stage 1: load keeps line numbers and refuses what PyYAML would let through silently."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.load import MAX_DEPTH, content_files, load_file


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


def test_nesting_30000_deep_is_refused_without_crashing(tmp_path):
    """Composing this crashed the interpreter (a segfault, which also killed mkdocs serve), so
    it runs in a child process: a crash fails this test instead of the whole run."""
    path = write(tmp_path, "terms: " + "[" * 30_000 + "]" * 30_000 + "\n")
    code = (
        "import sys; from pathlib import Path; from generator.load import load_file; "
        "doc, problems = load_file(Path(sys.argv[1]), Path(sys.argv[2])); "
        "print(doc, *problems, sep='\\n')"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(path), str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.splitlines() == [
        "None",
        "criteria.yml:1: $: nested more than 32 levels deep: content files need far fewer, "
        "so look for brackets or indentation that never close",
    ]


def test_nesting_up_to_the_limit_loads(tmp_path):
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    doc, problems = load_file(write(tmp_path, text), tmp_path)
    assert problems == [] and doc is not None


def test_plain_explicit_tags_are_allowed_and_others_refused(tmp_path):
    doc, problems = load_file(write(tmp_path, "a: !!str 12\nb: !!int '3'\n"), tmp_path)
    assert problems == [] and doc is not None and doc.data == {"a": "12", "b": 3}
    for tag in ("!include x.yml", "!!python/object:os.system ls", "!!timestamp 2024-01-01"):
        doc, problems = load_file(write(tmp_path, f"a: 1\nb: {tag}\n"), tmp_path)
        assert doc is None
        assert len(problems) == 1 and problems[0].line == 2, messages(problems)
        assert "unknown YAML tag" in problems[0].message


def test_a_file_inside_a_linked_folder_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "a: 1\n", "site.yml")
    root = tmp_path / "project"
    (root / "criteria").mkdir(parents=True)
    (root / "criteria" / "shared").symlink_to(outside, target_is_directory=True)
    found = list(content_files(root / "criteria"))
    assert found == [root / "criteria" / "shared"], "the linked folder is refused, not skipped"
    doc, problems = load_file(found[0], root)
    assert doc is None
    assert messages(problems) == [
        "criteria/shared: $: is a symbolic link: content files must be real files "
        "inside the content folder, so copy the file in instead"
    ]
    doc, problems = load_file(found[0] / "site.yml", root)  # and its files, if reached
    assert doc is None and "is a symbolic link" in messages(problems)[0]
