"""CI runs exactly what the README tells a newcomer to run, and the entry points exist."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CI_RUN = REPO_ROOT / ".ci" / "run"
README = REPO_ROOT / "README.md"
MAKEFILE = REPO_ROOT / "Makefile"
ENSURE_BROWSER = REPO_ROOT / "scripts" / "ensure-browser.sh"

FENCE = re.compile(r"^(```|~~~)[ \t]*([\w-]*)[^\n]*\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
SHELL_LANGUAGES = {"sh", "bash", "shell", "console", "shell-session"}
MAKE_TARGETS = (
    "serve",
    "test",
    "test-fast",
    "install",
    "browser",
    "build",
    "check",
    "bench",
    "dist",
    "lint",
    "typecheck",
    "clean",
)


def _commands(script: str) -> list[str]:
    """The command lines of a shell script or code block, without comments and prompts.

    Each is normalised through shlex, so `make test   # run everything` reads `make test`.
    """
    commands = []
    for raw in script.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        words = shlex.split(line.removeprefix("$ "), comments=True)
        if words:
            commands.append(shlex.join(words))
    return commands


def _readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    return [
        command
        for block in FENCE.finditer(text)
        if block.group(2).lower() in SHELL_LANGUAGES
        for command in _commands(block.group(3))
    ]


def test_ci_run_is_strict_bash() -> None:
    text = CI_RUN.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n") or text.startswith("#!/bin/bash\n")
    assert "set -euo pipefail" in _commands(text)
    subprocess.run(["bash", "-n", str(CI_RUN)], check=True)


def test_ci_run_calls_make_test() -> None:
    commands = _commands(CI_RUN.read_text(encoding="utf-8"))
    assert "make test" in commands, commands


def test_readme_first_two_commands_are_make_serve_and_make_test() -> None:
    assert README.is_file(), "README.md is missing: it must start a newcomer with two commands"
    commands = _readme_commands()
    assert commands[:2] == ["make serve", "make test"], commands[:5]


def test_readme_test_command_is_what_ci_runs() -> None:
    assert README.is_file(), "README.md is missing"
    readme_test = _readme_commands()[1]
    assert readme_test in _commands(CI_RUN.read_text(encoding="utf-8"))


def test_makefile_has_every_target() -> None:
    text = MAKEFILE.read_text(encoding="utf-8")
    defined = set(re.findall(r"^([A-Za-z][\w-]*):", text, re.MULTILINE))
    missing = [target for target in MAKE_TARGETS if target not in defined]
    assert not missing, f"Makefile lacks targets: {missing}"


def test_make_knows_the_targets() -> None:
    """`make -n` parses the Makefile and plans each target without running anything."""
    for target in ("help", "clean", "lint", "test", "test-fast"):
        result = subprocess.run(
            ["make", "-n", target],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"make -n {target}:\n{result.stderr}"


def test_ensure_browser_script_is_valid_bash() -> None:
    subprocess.run(["bash", "-n", str(ENSURE_BROWSER)], check=True)


# Commands a maintainer types from a fresh shell: a make target (make installs what it needs and
# uses the project's own environment) or a plain shell tool; never `python` or `mkdocs`, which
# need the virtual environment activated, which no document asks for.
SHELL_TOOLS = {"grep", "git", "cd", "unzip", "ls"}
DOCUMENTED = (README, REPO_ROOT / "criteria" / "README.md", *REPO_ROOT.glob("docs/**/*.md"))


def _documented_commands() -> list[tuple[str, str]]:
    return [
        (path.relative_to(REPO_ROOT).as_posix(), command)
        for path in DOCUMENTED
        for block in FENCE.finditer(path.read_text(encoding="utf-8"))
        if block.group(2).lower() in SHELL_LANGUAGES
        for command in _commands(block.group(3))
    ]


def _runs_from_a_fresh_shell(command: str, targets: set[str]) -> bool:
    words = shlex.split(command)
    if words[0] == "make":
        named = [w for w in words[1:] if "=" not in w and not w.startswith("-")]
        return bool(named) and all(t in targets for t in named)
    return words[0] in SHELL_TOOLS


def test_every_documented_command_runs_from_a_fresh_shell() -> None:
    targets = set(re.findall(r"^([A-Za-z][\w-]*):", MAKEFILE.read_text("utf-8"), re.MULTILINE))
    commands = _documented_commands()
    assert ("docs/maintainers/new-theme.md", "make ingest GUIDANCE=guidance.txt ID=dva-2024") in (
        commands
    )
    checklist = (REPO_ROOT / "generator" / "ingest" / "checklist.py").read_text("utf-8")
    commands += [("checklist.py", c) for c in re.findall(r'"Then: ([^,]+),', checklist)]
    offenders = [(p, c) for p, c in commands if not _runs_from_a_fresh_shell(c, targets)]
    assert not offenders, offenders
    assert not _runs_from_a_fresh_shell("python -m generator check", targets)  # the rule bites


def test_make_ingest_without_its_arguments_says_how_to_use_it() -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "ingest"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "GUIDANCE" in result.stdout and "exit 2" in result.stdout, result.stdout
