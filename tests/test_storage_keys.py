"""A framework ID that would share browser storage with the default framework is refused by
`check` (issue 23, point 7): another framework keeps its saved work under "jtai-ready:ID:...",
and the default under "jtai-ready:assessment:...", "jtai-ready:tracker" and so on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tiny_content

from generator import __main__ as cli
from generator import pipeline, storage_keys


def content_with(tmp_path: Path, other: str) -> Path:
    """The tiny framework as the default, and a second one with the ID `other` beside it."""
    content = tmp_path / "content"
    tiny_content.make(content)
    assert (
        cli.main(
            [
                "ingest",
                str(tiny_content.TINY / "guidance.txt"),
                "--id",
                other,
                "--content",
                str(content),
            ]
        )
        == 0
    )
    settings = content / "site.yml"
    text = settings.read_text(encoding="utf-8")
    assert f"\nframework: {tiny_content.TINY_ID}\n" in text
    settings.write_text(
        text.replace(
            f"\nframework: {tiny_content.TINY_ID}\n",
            f"\nframeworks: [{tiny_content.TINY_ID}, {other}]\n",
        ),
        encoding="utf-8",
    )
    return content


def test_the_names_come_from_the_apps_code():
    names = storage_keys.default_names()
    assert {"assessment", "tracker", "current", "planner-dates"} <= names
    assert tiny_content.TINY_ID not in names, "not read from a comment"


@pytest.mark.parametrize("other", ["assessment", "tracker"])
def test_a_framework_id_that_shares_the_default_s_keys_is_refused(tmp_path, other, capsys):
    content = content_with(tmp_path, other)
    problems = pipeline.check(content, content.parent).problems
    found = [p for p in problems if "saved work uses in the browser" in p.message]
    assert len(found) == 1, problems
    assert found[0].file.endswith("site.yml") and found[0].path == "$.frameworks[1]"
    assert f"'{other}'" in found[0].message
    assert cli.main(["check", "--content", str(content)]) != 0
    assert "rename the framework" in capsys.readouterr().err


def test_a_framework_id_of_its_own_is_accepted(tmp_path):
    content = content_with(tmp_path, "tiny-2026")
    assert not pipeline.check(content, content.parent).problems
