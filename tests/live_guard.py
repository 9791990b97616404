"""A pytest plugin: no test reads the partnership's criteria/ (issue 21 point 1).

Tests read their own copy (tests/content/). A Python audit hook records every file a test opens
under criteria/, and every build or check it starts that would read criteria/ (a `mkdocs`,
`python -m generator` or `make` command run in the project with no JTAI_CONTENT and no
--content/CONTENT=); the test then fails naming what it read. `make test` judges criteria/ itself,
with `python -m generator check` and a strict build.

JTAI_LIVE_READS=FILE reports instead of failing: the IDs of the tests that read criteria/ are
written to FILE at the end of the run (how the count before and after was measured).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Generator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIVE = str(ROOT / "criteria") + os.sep
REPORT = os.environ.get("JTAI_LIVE_READS", "")
BUILDERS = ("mkdocs", "generator", "make")

_running: list[str] = []  # the test being set up or run
_fixtures: list[str] = []  # the fixtures being set up, innermost last
_reads: dict[str, list[str]] = {}
_live_fixtures: dict[str, str] = {}  # fixture: a file it read


def _record(what: str) -> None:
    if _running:
        _reads.setdefault(_running[0], []).append(what)
    for name in _fixtures:  # a test using any of these reads criteria/ too
        _live_fixtures.setdefault(name, what)


def _read_by(item: pytest.Item) -> list[str]:
    names = getattr(item, "fixturenames", ())
    via = [f"{_live_fixtures[n]} (fixture {n})" for n in names if n in _live_fixtures]
    return _reads.get(item.nodeid, []) + via


def _opened(path: object) -> None:
    if not isinstance(path, str | bytes | os.PathLike):
        return
    name = os.fsdecode(path)
    if not os.path.isabs(name):
        name = os.path.join(os.getcwd(), name)
    if os.path.basename(name) == "README.md":  # the folder's documentation, not content
        return
    if os.path.isdir(name):  # not a read: shutil.rmtree opens each folder it empties by a name
        return  # relative to its parent's descriptor, which looks like one relative to here
    if os.path.normpath(name).startswith(LIVE) or os.path.normpath(name) + os.sep == LIVE:
        _record(os.path.relpath(name, ROOT))


def _started(argv: object, cwd: object, env: object) -> None:
    words = [os.fsdecode(a) for a in argv] if isinstance(argv, list | tuple) else [str(argv)]
    if not any(Path(w).name in BUILDERS or w == "generator" for w in words[:3]):
        return
    environ = env if isinstance(env, dict) else os.environ
    where = Path(os.fsdecode(cwd) if isinstance(cwd, str | bytes | os.PathLike) else os.getcwd())
    told = any(w.startswith(("--content", "CONTENT=")) for w in words)
    if told or any(os.fsdecode(k) == "JTAI_CONTENT" and v for k, v in environ.items()):
        return
    if where.resolve() == ROOT:
        _record("runs `" + " ".join(words[:4]) + "` on criteria/")


def _audit(event: str, args: tuple) -> None:
    if not _running and not _fixtures:
        return
    if event == "open":
        _opened(args[0])
    elif event == "subprocess.Popen":
        _started(args[1], args[2], args[3])


sys.addaudithook(_audit)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    _running[:] = [item.nodeid]
    try:
        return (yield)
    finally:
        _running.clear()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef) -> Generator[None, None, None]:
    _fixtures.append(fixturedef.argname)
    try:
        return (yield)
    finally:
        _fixtures.pop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    _running[:] = [item.nodeid]
    try:
        result = yield
    finally:
        _running.clear()
    read = _read_by(item)
    if read and REPORT:
        _reads.setdefault(item.nodeid, []).extend(read)
    elif read:
        shown = "\n".join(sorted(set(read))[:10])
        raise AssertionError(
            "this test read the partnership's criteria/; read tests/content/ (paths.CONTENT) "
            f"instead:\n{shown}"
        )
    return result


def pytest_sessionfinish(session: pytest.Session) -> None:
    if REPORT:
        Path(REPORT).write_text("".join(f"{t}\n" for t in sorted(_reads)), encoding="utf-8")
