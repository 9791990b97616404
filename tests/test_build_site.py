"""`python -m generator site` (make build): the engine starts ahead and builds only when the tree
is whole; the checks of what was rendered run while it builds and stop the build as surely as
before; a failed build leaves the site as it was and nothing beside it (generator/build_site.py,
generator/engine_start.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import tiny_content
from paths import CONTENT, ROOT

from generator import build_site, planner

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILDING = "Building documentation"  # what MkDocs prints when it starts to build


def last_good_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    return site


def assert_untouched(site: Path) -> None:
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert sorted(p.name for p in site.parent.iterdir()) == ["content", "site", "tree"]


def site_args(content: Path, tmp_path: Path) -> list[str]:
    return [
        "--content",
        str(content),
        "--tree",
        str(tmp_path / "tree"),
        "--site",
        str(tmp_path / "site"),
    ]


def test_a_check_of_what_was_rendered_fails_the_build_while_the_engine_builds(
    tiny: Path, tmp_path: Path, monkeypatch, capfd
):
    real = planner.planner_data

    def broken(site):
        out = real(site)
        del out["holidays"]
        return out

    monkeypatch.setattr(planner, "planner_data", broken)
    site = last_good_site(tmp_path)
    assert build_site.main(site_args(tiny, tmp_path)) == 1
    out, err = capfd.readouterr()
    assert "browser data 'planner': $: missing required field 'holidays'" in err
    assert BUILDING in err  # the engine had been told to build: the check ran beside it
    assert f"The build failed: {site}/ was left as it was." in err
    assert "Built the site" not in out
    assert_untouched(site)


def test_content_with_a_problem_never_starts_the_engines_build(tiny: Path, tmp_path: Path, capfd):
    path = tiny / tiny_content.TINY_ID / "criteria.yml"
    path.write_text(path.read_text("utf-8").replace("  title: ", "  titel: ", 1), "utf-8")
    site = last_good_site(tmp_path)
    (tmp_path / "tree").mkdir()  # a tree from an earlier build
    assert build_site.main(site_args(tiny, tmp_path)) == 1
    err = capfd.readouterr().err
    assert "unknown field 'titel'" in err
    assert BUILDING not in err
    assert f"The build failed: {site}/ was left as it was." in err
    assert_untouched(site)


def fake_engine(tmp_path: Path) -> Path:
    """A package run as `python -m fakeengine`: it writes what it was run with to ran.txt."""
    package = tmp_path / "fakeengine"
    (package / "commands").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "commands" / "__init__.py").write_text("", encoding="utf-8")
    (package / "commands" / "build.py").write_text("", encoding="utf-8")
    (package / "__main__.py").write_text(
        "import pathlib, sys\n"
        "if __name__ == '__main__':\n"
        "    pathlib.Path('ran.txt').write_text(' '.join(sys.argv[1:]))\n"
        "    sys.exit(3)\n",
        encoding="utf-8",
    )
    return tmp_path


@pytest.mark.parametrize(("told", "runs"), [("go\n", True), ("", False), ("stop\n", False)])
def test_the_engine_runs_only_when_told_to_go(tmp_path: Path, told: str, runs: bool):
    where = fake_engine(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "generator.engine_start", "fakeengine", "build", "--strict"],
        input=told,
        cwd=where,
        env={"PYTHONPATH": f"{where}:{ROOT}"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == (3 if runs else 0), done.stderr
    assert (where / "ran.txt").is_file() is runs
    if runs:
        assert (where / "ran.txt").read_text(encoding="utf-8") == "build --strict"


def test_an_engine_that_cannot_start_fails_the_build_with_its_status(
    tiny: Path, tmp_path: Path, monkeypatch, capfd
):
    monkeypatch.setattr(build_site, "ENGINES", ("no_such_engine",))
    site = last_good_site(tmp_path)
    assert build_site.main([*site_args(tiny, tmp_path), "--engine", "no_such_engine"]) == 1
    err = capfd.readouterr().err
    assert "No module named 'no_such_engine'" in err
    assert "The engine exited with status 1" in err
    assert f"The build failed: {site}/ was left as it was." in err
    assert_untouched(site)


def test_a_build_stopped_part_way_stops_its_engine_and_leaves_the_site(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    command = [sys.executable, "-m", "generator", "site", *site_args(CONTENT, tmp_path)]
    with subprocess.Popen(
        command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as build:
        assert build.stderr is not None
        seen = ""
        for line in build.stderr:  # until the engine says it is building, or the build ends
            seen += line
            if BUILDING in line:
                break
        assert BUILDING in seen, seen
        build.terminate()  # the engine is building: stop it all now
        rest = build.stderr.read()
    assert build.returncode == 128 + signal.SIGTERM, rest
    assert f"The build was stopped: {site}/ was left as it was." in rest
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "tree"]  # no half-built site


def test_the_second_engine_builds_the_site_through_the_same_command(tiny: Path, tmp_path: Path):
    # The plan for 5 May 2027 (maintainers' guide): make build gives `--engine properdocs`.
    args = [*site_args(tiny, tmp_path), "--engine", "properdocs"]
    assert build_site.main(args) == 0
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs' in home
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site", "tree"]
