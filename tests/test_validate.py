"""Stage 2: validate reports every schema error with a message a maintainer can act on."""

from __future__ import annotations

from pathlib import Path

from generator.load import load_file
from generator.validate import validate

HINT = "# yaml-language-server: $schema=../../generator/schemas/criteria.schema.json\n"
GOOD = (
    HINT
    + """framework: syv-2023
criteria:
  - id: EC1
    title: A title
    focus: individual
    agencies: [police]
    paras: [38]
    text: Agencies work together.
    indicators:
      - id: EC1.1
        text: Agencies work together.
"""
)


def check(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "criteria" / "syv-2023"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "criteria.yml"
    path.write_text(text, encoding="utf-8")
    doc, problems = load_file(path, tmp_path)
    assert doc is not None
    assert not problems
    return [str(p) for p in validate(doc)]


def test_a_good_file_has_no_problems(tmp_path):
    assert check(tmp_path, GOOD) == []


def test_every_error_is_reported_at_once_with_its_line(tmp_path):
    text = GOOD.replace("    title: A title\n", "").replace("paras: [38]", "paras: [0]")
    text = text.replace("agencies: [police]", "agencies: [police]\n    colour: red")
    found = check(tmp_path, text)
    assert len(found) == 3
    assert any(":4: $.criteria[0]: missing required field 'title'" in f for f in found)
    assert any(
        ":7: $.criteria[0].colour: unknown field 'colour'; allowed fields:" in f for f in found
    )
    assert any(":8: $.criteria[0].paras[0]:" in f for f in found)


def test_type_messages_name_what_was_expected(tmp_path):
    found = check(tmp_path, GOOD.replace("paras: [38]", "paras: 38"))
    assert found == [
        "criteria/syv-2023/criteria.yml:8: $.criteria[0].paras: expected a list, found a whole "
        "number 38"
    ]


def test_the_editor_hint_is_required(tmp_path):
    found = check(tmp_path, GOOD.replace(HINT, "# criteria\n"))
    assert found == [
        "criteria/syv-2023/criteria.yml:1: $: first line should be the editor hint: " + HINT.strip()
    ]


def test_unknown_kinds_of_file(tmp_path):
    path = tmp_path / "criteria" / "notes.yml"
    path.parent.mkdir(parents=True)
    path.write_text("a: 1\n", encoding="utf-8")
    doc, _ = load_file(path, tmp_path)
    assert doc is not None
    (found,) = validate(doc)
    assert "unknown kind of file: expected one of" in str(found) and "criteria.yml" in str(found)


def test_date_ranges_compare_at_the_coarser_of_the_two_dates():
    from generator.validate import _ends_before_start

    assert not _ends_before_start("2024-05-20", "2024-05-20")  # a one-day range
    assert not _ends_before_start("2024-05-20", "2024-05")  # ends in the month it starts
    assert not _ends_before_start("2024-05", "2024-05-01")
    assert _ends_before_start("2024-05-20", "2024-04")
    assert _ends_before_start("2024-05", "2024-04-30")
    assert not _ends_before_start("2024-05-20", None)  # no end: not a range
