"""Every invalid YAML case in tests/cases/invalid gives its clear message and a non-zero exit.

A case is a YAML file: which content file to break, how (text replacements, whole new content,
an encoding, a deletion, a symbolic link to content kept outside the folder), and the messages
expected. Each expected message must match a reported
problem, the number of problems must be exactly as many as expected (no cascades), and every
problem must carry a line number unless it is about a whole file or folder.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import yaml

from generator import __main__ as cli
from generator import pipeline

pytestmark = pytest.mark.syv  # about the real serious youth violence content

CASES = sorted((Path(__file__).parent / "cases" / "invalid").glob("*.yml"))


def apply_case(case: dict, content: Path) -> None:
    target = content / case["file"]
    if case.get("delete"):
        target.unlink()
        return
    if "content_base64" in case:
        target.write_bytes(base64.b64decode(case["content_base64"]))
        return
    if case.get("symlink"):
        outside = content.parent / "outside" / target.name
        outside.parent.mkdir(exist_ok=True)
        outside.write_text(case["content"], encoding="utf-8")
        target.symlink_to(outside)
        return
    text = case["content"] if "content" in case else target.read_text(encoding="utf-8")
    for edit in case.get("replace", []):
        assert edit["old"] in text, f"case edit does not apply: {edit['old']!r}"
        text = text.replace(edit["old"], edit["new"], edit.get("count", 1))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode(case.get("encoding", "utf-8")))


def test_there_are_at_least_twenty_cases():
    assert len(CASES) >= 20, [c.name for c in CASES]


@pytest.mark.parametrize("case_path", CASES, ids=[c.stem for c in CASES])
def test_invalid_case(case_path: Path, content_copy: Path, capsys):
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    apply_case(case, content_copy)
    problems = [str(p) for p in pipeline.check(content_copy, content_copy.parent).problems]
    for expected in case["expect"]:
        assert any(expected in p for p in problems), f"{expected!r} not in:\n" + "\n".join(problems)
    assert len(problems) == case.get("count", len(case["expect"])), "\n".join(problems)
    for problem in problems:
        where = problem.split(": ", 1)[0]
        assert ":" in where or case.get("whole_file"), f"no line number in {problem!r}"
    assert cli.main(["check", "--content", str(content_copy)]) == 1
    assert case["expect"][0] in capsys.readouterr().err
